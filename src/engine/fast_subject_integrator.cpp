#include "engine/fast_subject_integrator.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <stdexcept>
#include <string>

#include "core/matrix_exponential.hpp"
#include "core/units.hpp"

namespace isletsim {

namespace {
constexpr std::size_t kSlowStates = FastSubjectIntegrator::kSlowStates;
using SlowVector = FastSubjectIntegrator::SlowVector;
}  // namespace

// Right-hand side of Qsto1, Qsto2, Qgut, Gp, Gt, Gs: the same equations as uva_padova_derivative
// (physiology/uva_padova_model.hpp, which cites each one), restricted to these states, with the insulin signals
// X and Id given. tests/engine/fast_engine_test.cpp checks that the two agree.
// Per-subject and per-meal-size constants are precomputed (SlowConstants, GastricEmptying): no division but the
// Michaelis-Menten one and the two of the emptying rate.
template <bool kGutEmpty>
inline FastSubjectIntegrator::SlowVector FastSubjectIntegrator::slow_derivative(const SlowConstants& p,
                                                                                const GastricEmptying& g,
                                                                                double carbs_mg_per_min,
                                                                                double glucagon_egp_mg_per_kg_per_min,
                                                                                double X, double Id,
                                                                                const SlowVector& y) {
  SlowVector dy;
  const double Qsto1 = y[0], Qsto2 = y[1], Qgut = y[2], Gp = y[3], Gt = y[4], Gs = y[5];
  double Ra = 0;
  if constexpr (kGutEmpty) {
    // Stomach and gut empty and nothing eaten (step() checks it): their derivatives and Ra are exactly 0.
    dy[0] = dy[1] = dy[2] = 0;
  } else {
    double kempt = p.kmax;  // Dalla Man 2006 eq. 4
    if (g.meal_size_known && Qsto2 != 0) {  // kempt only ever multiplies Qsto2
      // tanh(x) = 1 - 2 / (1 + e^{2x}), so tanh(a) - tanh(b) + 2 = 2 - 2/(1 + e^{2a}) + 2/(1 + e^{2b}): one exp per
      // term instead of a tanh (half the cost). The absolute error is that of the exp, about 1e-16; e^{2x} = inf
      // gives the right limit. (Tried and not kept, 2026-11-27: an inlined two-lane exp with one division instead of
      // two had 6 % fewer instructions per day but took 6 % more time than glibc's FMA exp; docs/validation.md.)
      const double Qsto = Qsto1 + Qsto2;
      const double ea = std::exp(g.two_alpha * (Qsto - g.bD));
      const double eb = std::exp(g.two_beta * (Qsto - g.dD));
      // kmin + (kmax - kmin)/2 (tanh(a) - tanh(b) + 2) = kmax - range/(1 + e^{2a}) + range/(1 + e^{2b}) with
      // range = kmax - kmin: the same value with the fewest operations after the exp (they are on the dependency
      // chain from one evaluation to the next; differences from the other form are in the last bits).
      kempt = p.kmax + (p.range / (1.0 + eb) - p.range / (1.0 + ea));
    }
    dy[0] = -p.kmax * Qsto1 + carbs_mg_per_min;  // Dalla Man 2007 eqs. 13-15
    dy[1] = p.kmax * Qsto1 - kempt * Qsto2;
    dy[2] = kempt * Qsto2 - p.kabs * Qgut;
    Ra = p.ra_per_qgut * Qgut;  // eq. 16: f kabs Qgut / BW
  }
  // eq. 10 with glucagon's action (Dalla Man et al. 2014), kept >= 0
  double EGP = p.kp1 - p.kp2 * Gp - p.kp3 * Id + glucagon_egp_mg_per_kg_per_min;
  if (EGP < 0) EGP = 0;
  const double E = Gp > p.ke2 ? p.ke1 * (Gp - p.ke2) : 0.0;  // eq. 27
  dy[3] = Gp >= 0 ? EGP + Ra - p.Fsnc - E - p.k1 * Gp + p.k2 * Gt : 0.0;  // eq. 1
  const double Uid = (p.Vm0 + p.Vmx * X) * Gt / (p.Km0 + Gt);            // eqs. 24-25
  dy[4] = Gt >= 0 ? -Uid + p.k1 * Gp - p.k2 * Gt : 0.0;                  // eq. 2
  dy[5] = Gs >= 0 ? p.ksc * (Gp - Gs) : 0.0;                             // Kovatchev 2009
  return dy;
}

namespace {

double dot(const FastSubjectIntegrator::InsulinVector& a, const FastSubjectIntegrator::InsulinVector& b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += a[i] * b[i];
  return sum;
}

}  // namespace

FastSubjectIntegrator::InsulinPropagator FastSubjectIntegrator::insulin_propagator(const UvaPadovaParameters& p,
                                                                                   double step_min) {
  // Augmented generator [[A, b, c, e], [0, 0, 0, 0], ...] of dz/dt = A z + b u + c + e s (u s.c., s portal
  // insulin): its exponential holds exp(A h) in the top-left block and the integrals of exp(A s) b, exp(A s) c and
  // exp(A s) e over [0, h] in the last columns.
  constexpr std::size_t n = kInsulinStates + 3;
  constexpr std::size_t input_column = kInsulinStates;
  constexpr std::size_t constant_column = kInsulinStates + 1;
  constexpr std::size_t portal_column = kInsulinStates + 2;
  SquareMatrix<n> generator{};
  // Subcutaneous insulin -- Kovatchev 2009.
  generator[kIsc1][kIsc1] = -(p.ka1 + p.kd);
  generator[kIsc1][input_column] = 1.0;
  generator[kIsc2][kIsc1] = p.kd;
  generator[kIsc2][kIsc2] = -p.ka2;
  // Insulin kinetics -- Dalla Man 2007 eqs. 4-5 with s.c. absorption as the input.
  generator[kIp][kIsc1] = p.ka1;
  generator[kIp][kIsc2] = p.ka2;
  generator[kIp][kIp] = -(p.m2 + p.m4);
  generator[kIp][kIl] = p.m1;
  generator[kIl][kIp] = p.m2;
  generator[kIl][kIl] = -(p.m1 + p.m30);
  generator[kIl][portal_column] = 1.0;  // pre-hepatic insulin enters the liver, eq. 3
  // Insulin action on utilisation -- eq. 26: dX/dt = -p2u X + p2u (Ip/Vi - Ib).
  generator[kX][kIp] = p.p2u / p.Vi;
  generator[kX][kX] = -p.p2u;
  generator[kX][constant_column] = -p.p2u * p.Ib;
  // Delayed insulin signal on EGP -- eqs. 11-12.
  generator[kI1][kIp] = p.ki / p.Vi;
  generator[kI1][kI1] = -p.ki;
  generator[kId][kI1] = p.ki;
  generator[kId][kId] = -p.ki;

  // exp(M h/2) by its series; doubled() squares it into exp(M h).
  SquareMatrix<n> half_matrix = generator;
  for (auto& row : half_matrix) {
    for (double& v : row) v *= step_min / 2.0;
  }
  half_matrix = matrix_exponential(half_matrix);
  InsulinPropagator half;
  half.step_min = step_min / 2.0;
  for (std::size_t i = 0; i < kInsulinStates; ++i) {
    for (std::size_t j = 0; j < kInsulinStates; ++j) half.phi[i][j] = half_matrix[i][j];
    half.input[i] = half_matrix[i][input_column];
    half.portal_input[i] = half_matrix[i][portal_column];
    half.constant[i] = half_matrix[i][constant_column];
  }
  return doubled(half);
}

FastSubjectIntegrator::InsulinPropagator FastSubjectIntegrator::doubled(const InsulinPropagator& half) {
  // [[Phi, g], [0, 1]]^2 = [[Phi^2, Phi g + g], [0, 1]] for each of the input and constant columns.
  InsulinPropagator propagator;
  propagator.step_min = 2.0 * half.step_min;
  for (std::size_t i = 0; i < kInsulinStates; ++i) {
    for (std::size_t j = 0; j < kInsulinStates; ++j) {
      double phi = 0;
      for (std::size_t k = 0; k < kInsulinStates; ++k) phi += half.phi[i][k] * half.phi[k][j];
      propagator.phi[i][j] = phi;
    }
    propagator.input[i] = dot(half.phi[i], half.input) + half.input[i];
    propagator.portal_input[i] = dot(half.phi[i], half.portal_input) + half.portal_input[i];
    propagator.constant[i] = dot(half.phi[i], half.constant) + half.constant[i];
  }
  // The entries the step skips must be exactly zero (see step()).
  constexpr std::array<std::array<bool, kInsulinStates>, kInsulinStates> used = {{
      {true, false, false, false, false, false, false},  // Isc1
      {true, true, false, false, false, false, false},   // Isc2
      {true, true, true, true, false, false, false},     // Ip
      {true, true, true, true, false, false, false},     // Il
      {true, true, true, true, true, false, false},      // X
      {true, true, true, true, false, true, false},      // I1
      {true, true, true, true, false, true, true}}};     // Id
  for (std::size_t i = 0; i < kInsulinStates; ++i) {
    for (std::size_t j = 0; j < kInsulinStates; ++j) {
      if (!used[i][j] && (propagator.phi[i][j] != 0.0 || half.phi[i][j] != 0.0)) {
        throw std::logic_error("insulin propagator: an entry assumed structurally zero is not");
      }
    }
  }
  for (std::size_t j = 0; j < kInsulinStates; ++j) {
    propagator.phi_half_x[j] = half.phi[kX][j];
    propagator.phi_half_id[j] = half.phi[kId][j];
  }
  propagator.input_half_x = half.input[kX];
  propagator.input_half_id = half.input[kId];
  propagator.portal_input_half_x = half.portal_input[kX];
  propagator.portal_input_half_id = half.portal_input[kId];
  propagator.constant_half_x = half.constant[kX];
  propagator.constant_half_id = half.constant[kId];
  return propagator;
}

// The largest first-order rate constant of each compartment (kempt <= kmax) and, for plasma glucose, the sum of its
// outflow rates (k1, kp2, ke1) and the tissue exchange k2 plus the largest slope of insulin-independent-at-rest
// utilisation Vm0/Km0. Insulin raises Vm; the margin of kMultistepSafeStep covers it.
double FastSubjectIntegrator::slow_rate_bound_per_min(const UvaPadovaParameters& p) {
  return std::max({p.kmax, p.kabs, p.ksc, p.k1 + p.kp2 + p.ke1 + p.k2 + p.Vm0 / p.Km0});
}

FastSubjectIntegrator::StepPropagators FastSubjectIntegrator::step_propagators(const UvaPadovaParameters& p,
                                                                               const FastIntegratorOptions& options) {
  const double eating_step_min = 1.0 / options.eating_substeps_per_minute;
  const double step_min = 1.0 / options.substeps_per_minute;
  StepPropagators propagators;
  propagators.eating = insulin_propagator(p, eating_step_min);
  propagators.step = propagators.eating;
  while (propagators.step.step_min < step_min) propagators.step = doubled(propagators.step);
  if (propagators.step.step_min != step_min) propagators.step = insulin_propagator(p, step_min);
  return propagators;
}

FastSubjectIntegrator::InsulinForcing FastSubjectIntegrator::insulin_forcing(const InsulinPropagator& P, double u,
                                                                             double s) {
  InsulinForcing w;
  for (std::size_t i = 0; i < kInsulinStates; ++i) w.full[i] = P.input[i] * u + P.portal_input[i] * s + P.constant[i];
  w.half_x = P.input_half_x * u + P.portal_input_half_x * s + P.constant_half_x;
  w.half_id = P.input_half_id * u + P.portal_input_half_id * s + P.constant_half_id;
  return w;
}

FastSubjectIntegrator::FastSubjectIntegrator(const UvaPadovaParameters& subject, FastIntegratorOptions options)
    : subject_(subject), state_(subject.initial_state), options_(options) {
  for (std::size_t i = 0; i < kSlowStates; ++i) slow_[i] = state_[static_cast<std::size_t>(kSlowToState[i])];
  for (std::size_t i = 0; i < kInsulinStates; ++i) {
    insulin_[i] = state_[static_cast<std::size_t>(kInsulinToState[i])];
  }
  if (options.substeps_per_minute < 1 || options.eating_substeps_per_minute < 1) {
    throw std::invalid_argument("FastSubjectIntegrator: steps per minute must be >= 1");
  }
  // Both step lengths of a day, from one series (step_propagators).
  eating_step_min_ = 1.0 / options_.eating_substeps_per_minute;
  step_min_ = 1.0 / options_.substeps_per_minute;
  const StepPropagators propagators = step_propagators(subject_, options_);
  propagator_ = propagators.step;
  eating_propagator_ = propagators.eating;
  slow_rate_bound_per_min_ = slow_rate_bound_per_min(subject_);

  const UvaPadovaParameters& p = subject_;
  slow_constants_.kmax = p.kmax;
  slow_constants_.kmin = p.kmin;
  slow_constants_.range = p.kmax - p.kmin;
  slow_constants_.kabs = p.kabs;
  slow_constants_.ra_per_qgut = p.f * p.kabs / p.body_weight_kg;  // Dalla Man 2007 eq. 16
  slow_constants_.kp1 = p.kp1;
  slow_constants_.kp2 = p.kp2;
  slow_constants_.kp3 = p.kp3;
  slow_constants_.Fsnc = p.Fsnc;
  slow_constants_.ke1 = p.ke1;
  slow_constants_.ke2 = p.ke2;
  slow_constants_.k1 = p.k1;
  slow_constants_.k2 = p.k2;
  slow_constants_.Vm0 = p.Vm0;
  slow_constants_.Vmx = p.Vmx;
  slow_constants_.Km0 = p.Km0;
  slow_constants_.ksc = p.ksc;
}

void FastSubjectIntegrator::set_subject(const UvaPadovaParameters& subject) {
  UvaPadovaParameters carried = subject;
  carried.initial_state = state();
  const MealSizeTracker meal_size = meal_size_;
  const double time_min = time_min_;
  const double meal_size_now_mg = meal_size_now_mg_;
  const long evaluations = derivative_evaluations_;
  *this = FastSubjectIntegrator(carried, options_);
  meal_size_ = meal_size;
  time_min_ = time_min;
  meal_size_now_mg_ = meal_size_now_mg;
  derivative_evaluations_ = evaluations;
}

const FastSubjectIntegrator::InsulinPropagator& FastSubjectIntegrator::propagator_for(double h_min, int& slot) {
  slot = 0;
  if (h_min == propagator_.step_min) return propagator_;
  slot = 1;
  if (h_min == eating_propagator_.step_min) return eating_propagator_;
  slot = 2;
  if (h_min != other_propagator_.step_min) other_propagator_ = insulin_propagator(subject_, h_min);
  return other_propagator_;
}

const UvaPadovaState& FastSubjectIntegrator::state() const {
  for (std::size_t i = 0; i < kSlowStates; ++i) state_[static_cast<std::size_t>(kSlowToState[i])] = slow_[i];
  for (std::size_t i = 0; i < kInsulinStates; ++i) state_[static_cast<std::size_t>(kInsulinToState[i])] = insulin_[i];
  return state_;
}

void FastSubjectIntegrator::throw_negative_glucagon(double glucagon_egp_mg_per_kg_per_min) {
  throw std::invalid_argument("FastSubjectIntegrator: glucagon EGP input must be >= 0 mg/kg/min (got " +
                              std::to_string(glucagon_egp_mg_per_kg_per_min) + ")");
}

void FastSubjectIntegrator::prepare_and_advance(double carbs_g_per_min, double insulin_u_per_min,
                                                double portal_insulin_u_per_min, double duration_min) {
  if (!(insulin_u_per_min >= 0)) {
    throw std::invalid_argument("FastSubjectIntegrator: insulin input must be >= 0 U/min (got " +
                                std::to_string(insulin_u_per_min) + ")");
  }
  if (!(portal_insulin_u_per_min >= 0)) {
    throw std::invalid_argument("FastSubjectIntegrator: portal insulin input must be >= 0 U/min (got " +
                                std::to_string(portal_insulin_u_per_min) + ")");
  }
  const double portal_pmol_per_kg_per_min =
      portal_insulin_u_per_min * units::kPmolPerInsulinUnit / subject_.body_weight_kg;
  const double carbs_mg_per_min = carbs_g_per_min * 1000.0;
  const double insulin_pmol_per_kg_per_min =
      insulin_u_per_min * units::kPmolPerInsulinUnit / subject_.body_weight_kg;
  meal_size_now_mg_ = meal_size_.update(carbs_g_per_min, duration_min, slow_[kQsto1] + slow_[kQsto2]);
  if (meal_size_now_mg_ != gastric_.meal_size_mg) {
    // Dalla Man 2006 eq. 4: alpha = 5/(2D(1-b)), beta = 5/(2Dd); the rate uses 2 alpha and 2 beta.
    const UvaPadovaParameters& p = subject_;
    const double D = meal_size_now_mg_;
    gastric_ = GastricEmptying{};
    gastric_.meal_size_mg = D;
    if (D > 0) {
      gastric_.meal_size_known = true;
      gastric_.two_alpha = 2.0 * (5.0 / (2.0 * D * (1.0 - p.b)));
      gastric_.two_beta = 2.0 * (5.0 / (2.0 * D * p.d));
      gastric_.bD = p.b * D;
      gastric_.dD = p.d * D;
    }
  }
  const bool eating = carbs_g_per_min > 0;
  // The usual one-minute call takes the configured steps; a duration that is not a whole number of steps gets
  // steps of its own length (and its own propagator).
  const int per_minute = eating ? options_.eating_substeps_per_minute : options_.substeps_per_minute;
  int steps = per_minute;
  double h_min = eating ? eating_step_min_ : step_min_;
  if (duration_min != 1.0) {
    const double whole_steps = std::max(1.0, std::round(duration_min * per_minute));
    steps = static_cast<int>(whole_steps);
    h_min = duration_min / whole_steps;
  }
  int slot = 0;
  const InsulinPropagator& P = propagator_for(h_min, slot);
  // The insulin input's share, recomputed only when the input or the step length changes (mostly it is the basal).
  if (insulin_pmol_per_kg_per_min != forcing_insulin_ || portal_pmol_per_kg_per_min != forcing_portal_insulin_ ||
      slot != forcing_slot_ || P.step_min != forcing_step_min_) {
    forcing_ = insulin_forcing(P, insulin_pmol_per_kg_per_min, portal_pmol_per_kg_per_min);
    forcing_insulin_ = insulin_pmol_per_kg_per_min;
    forcing_portal_insulin_ = portal_pmol_per_kg_per_min;
    forcing_slot_ = slot;
    forcing_step_min_ = P.step_min;
  }
  const bool multistep_allowed =
      options_.multistep_between_meals && !eating && slow_rate_bound_per_min_ * h_min <= kMultistepSafeStep;
  // What an identical next call may reuse (the meal size is held while nothing is eaten: MealSizeTracker).
  repeatable_ = carbs_g_per_min == 0 && duration_min == 1.0;
  repeat_insulin_u_per_min_ = insulin_u_per_min;
  repeat_portal_insulin_u_per_min_ = portal_insulin_u_per_min;
  repeat_slot_ = slot;
  repeat_step_min_ = h_min;
  repeat_steps_ = steps;
  repeat_multistep_ = multistep_allowed;
  take_steps(P, forcing_, h_min, steps, carbs_mg_per_min, multistep_allowed);
  time_min_ += duration_min;
}

template <bool kGutEmpty>
void FastSubjectIntegrator::step(const InsulinPropagator& P, const InsulinForcing& w, double h_min,
                                 double carbs_mg_per_min, bool multistep_allowed) {
  // The multistep history restarts when the inputs of the glucose equations change (carbohydrate, meal size, glucagon
  // EGP or step length).
  int count = history_count_;
  if (carbs_mg_per_min != history_carbs_mg_per_min_ || gastric_.meal_size_mg != history_meal_size_mg_ ||
      h_min != history_step_min_ || glucagon_egp_mg_per_kg_per_min_ != history_glucagon_egp_mg_per_kg_per_min_) {
    count = 0;
    history_glucagon_egp_mg_per_kg_per_min_ = glucagon_egp_mg_per_kg_per_min_;
    history_carbs_mg_per_min_ = carbs_mg_per_min;
    history_meal_size_mg_ = gastric_.meal_size_mg;
    history_step_min_ = h_min;
  }
  // Exact insulin state at t + h. Only the structurally non-zero entries of exp(A h) are summed: A is block lower
  // triangular (s.c. depot -> plasma/liver -> X, I1 -> Id), so exp(A h) has exact zeros above those blocks
  // (checked when the propagator is built). Scalars, not a copied array: the compiler kept the array on the stack.
  const auto& F = P.phi;
  const double v0 = insulin_[kIsc1], v1 = insulin_[kIsc2], v2 = insulin_[kIp], v3 = insulin_[kIl], v4 = insulin_[kX],
               v5 = insulin_[kI1], v6 = insulin_[kId];
  const double X1 =
      F[kX][kIsc1] * v0 + F[kX][kIsc2] * v1 + F[kX][kIp] * v2 + F[kX][kIl] * v3 + F[kX][kX] * v4 + w.full[kX];
  const double Id1 = F[kId][kIsc1] * v0 + F[kId][kIsc2] * v1 + F[kId][kIp] * v2 + F[kId][kIl] * v3 +
                     F[kId][kI1] * v5 + F[kId][kId] * v6 + w.full[kId];
  const double I11 =
      F[kI1][kIsc1] * v0 + F[kI1][kIsc2] * v1 + F[kI1][kIp] * v2 + F[kI1][kIl] * v3 + F[kI1][kI1] * v5 + w.full[kI1];
  const double Il1 = F[kIl][kIsc1] * v0 + F[kIl][kIsc2] * v1 + F[kIl][kIp] * v2 + F[kIl][kIl] * v3 + w.full[kIl];
  const double Ip1 = F[kIp][kIsc1] * v0 + F[kIp][kIsc2] * v1 + F[kIp][kIp] * v2 + F[kIp][kIl] * v3 + w.full[kIp];
  const double Isc21 = F[kIsc2][kIsc1] * v0 + F[kIsc2][kIsc2] * v1 + w.full[kIsc2];
  const double Isc11 = F[kIsc1][kIsc1] * v0 + w.full[kIsc1];
  // The midpoint signals for Runge-Kutta 4 need the old state: read before it is overwritten.
  const bool multistep_possible = multistep_allowed && count == 4;
  double Xm = 0, Idm = 0;
  if (!multistep_possible) {
    const InsulinVector z0 = {v0, v1, v2, v3, v4, v5, v6};
    Xm = dot(P.phi_half_x, z0) + w.half_x;
    Idm = dot(P.phi_half_id, z0) + w.half_id;
  }
  // Stored at once: only X and Id at t + h are needed below, and nothing is kept live across the exp calls.
  insulin_ = {Isc11, Isc21, Ip1, Il1, X1, I11, Id1};

  const SlowConstants& c = slow_constants_;
  const double glucagon = glucagon_egp_mg_per_kg_per_min_;
  const GastricEmptying& g = gastric_;
  const SlowVector& y0 = slow_;  // written only at the end

  // f(t, y) with these inputs at the start of the step: kept from the end of the previous step when the inputs are
  // the same, else evaluated.
  const std::size_t newest = newest_;
  SlowVector f0;
  if (count == 0) {
    f0 = slow_derivative<kGutEmpty>(c, g, carbs_mg_per_min, glucagon, v4, v6, y0);
    ++derivative_evaluations_;
    history_[newest] = f0;
    count = 1;
  } else {
    f0 = history_[newest];
  }
  SlowVector y1;
  if (multistep_possible) {
    // Adams-Bashforth 4 predictor, one evaluation, Adams-Moulton 4 corrector (PECE).
    const SlowVector& f1 = history_[(newest + 1) & 3];
    const SlowVector& f2 = history_[(newest + 2) & 3];
    const SlowVector& f3 = history_[(newest + 3) & 3];
    // Grouped so that the newest derivative (f0 in the predictor, f_predicted in the corrector) enters last: the
    // older part is ready early, and the chain from one evaluation to the next is one multiply and one add instead
    // of five operations (measured: the step is partly latency-bound). The same formula; the rounding differs in the
    // last bits.
    // With the gut empty (kGutEmpty) the stomach and gut states stay exactly 0 (all their derivatives are 0): only
    // the three glucose states are stepped.
    constexpr std::size_t kFirst = kGutEmpty ? std::size_t{kGp} : std::size_t{0};
    const double h24 = h_min / 24.0;
    SlowVector predicted = y0, corrector_known = y0;
    for (std::size_t i = kFirst; i < kSlowStates; ++i) {
      predicted[i] = (y0[i] + h24 * (-59.0 * f1[i] + 37.0 * f2[i] - 9.0 * f3[i])) + (55.0 * h24) * f0[i];
      corrector_known[i] = y0[i] + h24 * (19.0 * f0[i] - 5.0 * f1[i] + f2[i]);
    }
    const SlowVector f_predicted = slow_derivative<kGutEmpty>(c, g, carbs_mg_per_min, glucagon, X1, Id1, predicted);
    y1 = y0;
    for (std::size_t i = kFirst; i < kSlowStates; ++i) y1[i] = corrector_known[i] + (9.0 * h24) * f_predicted[i];
    derivative_evaluations_ += 1;
  } else {
    // Classical Runge-Kutta 4 (Kutta 1901), with X and Id at t + h/2 from the half-step propagator (Xm, Idm above).
    SlowVector y;
    for (std::size_t i = 0; i < kSlowStates; ++i) y[i] = y0[i] + 0.5 * h_min * f0[i];
    const SlowVector k2 = slow_derivative<kGutEmpty>(c, g, carbs_mg_per_min, glucagon, Xm, Idm, y);
    for (std::size_t i = 0; i < kSlowStates; ++i) y[i] = y0[i] + 0.5 * h_min * k2[i];
    const SlowVector k3 = slow_derivative<kGutEmpty>(c, g, carbs_mg_per_min, glucagon, Xm, Idm, y);
    for (std::size_t i = 0; i < kSlowStates; ++i) y[i] = y0[i] + h_min * k3[i];
    const SlowVector k4 = slow_derivative<kGutEmpty>(c, g, carbs_mg_per_min, glucagon, X1, Id1, y);
    derivative_evaluations_ += 3;
    for (std::size_t i = 0; i < kSlowStates; ++i) {
      y1[i] = y0[i] + h_min / 6.0 * (f0[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
    }
  }
  // f at the new state, newest first: the next step's start and the multistep history (into the slot of the oldest,
  // no longer needed).
  const SlowVector f1_new = slow_derivative<kGutEmpty>(c, g, carbs_mg_per_min, glucagon, X1, Id1, y1);
  ++derivative_evaluations_;
  const std::size_t slot = (newest + 3) & 3;
  history_[slot] = f1_new;
  newest_ = slot;
  history_count_ = std::min(count + 1, 4);
  if constexpr (!kGutEmpty) only_gut_empty_steps_ = false;
  slow_ = y1;
}

template void FastSubjectIntegrator::step<true>(const InsulinPropagator&, const InsulinForcing&, double, double, bool);
template void FastSubjectIntegrator::step<false>(const InsulinPropagator&, const InsulinForcing&, double, double, bool);

}  // namespace isletsim
