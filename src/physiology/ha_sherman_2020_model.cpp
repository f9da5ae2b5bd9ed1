// Ha & Sherman 2020 pathways model: see ha_sherman_2020_model.hpp. Every constant below is from the authors'
// pathway_xpp/pathway.ode and the set files FIG1.set / FIG3.set (github.com/artielbm/Pathways) unless marked
// otherwise; the names follow those files. As there, slow rates are per day and multiplied by t_min = 0.00069444.
#include "physiology/ha_sherman_2020_model.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <Eigen/Dense>

namespace isletsim {
namespace {

using namespace ha_sherman_2020;
using Vector = Eigen::Matrix<double, kHaSherman2020StateCount, 1>;
using Matrix = Eigen::Matrix<double, kHaSherman2020StateCount, kHaSherman2020StateCount>;

double hill(double x, double half, double n) {
  const double xn = std::pow(x, n);
  return xn / (std::pow(half, n) + xn);
}

// Glucose entering the plasma from outside, mg/dl/min, as a function of the time s since the start of the current
// forcing piece (see Forcing).
struct Forcing {
  enum class Kind { kNone, kMeal, kOgtt } kind = Kind::kNone;
  double start_min = 0;  // time since the start of the meal or the OGTT at the start of this piece
  double rate(const HaSherman2020Parameters& p, double s) const {
    const double since = start_min + s;
    if (kind == Kind::kMeal) {
      // meal_rate = mealbar * hill(mod(t, period))^ita * exp(mu * mod(t, period)) within the three active periods
      // (period 360 min, three meals then 360 min of rest): mhill_k 4, mh_alpha 40 min, ita 0.3, mu -0.015 /min.
      return p.meal_scale_mg_dl_per_min * std::pow(hill(since, 40.0, 4.0), 0.3) * std::exp(-0.015 * since);
    }
    if (kind == Kind::kOgtt) {
      // OGTT_flux0 (mg/min): linear up to a1 = 588.5 at t1 = 15 min, linear to a2 = 353.1 at t2 = 120 min, to 0 at
      // t3 = 240 min; divided by BW * V_bar (V_bar = 1.569 dl/kg).
      constexpr double t1 = 15, t2 = 120, t3 = 240, a1 = 588.5, a2 = 353.1, a3 = 0, v_bar = 1.569;
      double flux = 0;
      if (since <= t1) {
        flux = since * a1 / t1;
      } else if (since <= t2) {
        flux = (since - t2) * (a2 - a1) / (t2 - t1) + a2;
      } else if (since <= t3) {
        flux = (since - t3) * (a3 - a2) / (t3 - t2);
      }
      return flux / (p.body_weight_kg * v_bar);
    }
    return 0;
  }
};

// Exocytosis in fast-slow reduction (pathway.ode): coefficients of the primed pools as functions of micro-domain
// calcium; returns CN1..CN4.
struct PoolCoefficients {
  double cn1, cn2, cn3, cn4;
};
PoolCoefficients pool_coefficients(double cmd) {
  constexpr double k1 = 20, km1 = 100, r1 = 0.6, rm1 = 1, u1 = 2000;
  const double n1_c = km1 / (3 * k1 * cmd + rm1);
  const double n1_d = r1 / (3 * k1 * cmd + rm1);
  const double n2_e = 3 * k1 * cmd / (2 * k1 * cmd + km1);
  const double n2_f = 2 * km1 / (2 * k1 * cmd + km1);
  const double n3_l = 2 * k1 * cmd / (2 * km1 + k1 * cmd);
  const double n3_n = 3 * km1 / (2 * km1 + k1 * cmd);
  PoolCoefficients c{};
  c.cn4 = k1 * cmd / (3 * km1 + u1);
  c.cn3 = n3_l / (1 - n3_n * c.cn4);
  c.cn2 = n2_e / (1 - n2_f * c.cn3);
  c.cn1 = n1_d / (1 - n1_c * c.cn2);
  return c;
}

Vector derivative(const HaSherman2020Parameters& p, const Forcing& forcing, double s, const Vector& x) {
  const double g = x[kGlucose], insulin = x[kInsulin], b = x[kBetaCellMass], gamma = x[kGamma], sigma = x[kSigma];
  const double si = x[kSi], hepatic_si = x[kHepaticSi], n5 = x[kN5], n6 = x[kN6];
  constexpr double t_min = 0.00069444;  // day per minute as written in pathway.ode
  constexpr double eg0 = 17;            // /day, glucose effectiveness
  constexpr double bv = 5;              // l, blood volume
  constexpr double ts = 60;             // exocytosis rates are per second
  // Metabolic rate M(G): Mmax 1, alpha_M 150 mg/dl, kM 2.
  const double m = hill(g, 150.0, 2.0);
  // Glucose amplifying factor GF(G): GF_bar 0.015625, kGF 16, alpha_GF 260, shGF -89, GF_b 0.00625.
  const double gf = 0.015625 * hill(g + 89.0, 260.0, 16.0) + 0.00625;
  // Cytosolic calcium (ca_bar 2, kca 4, alpha_ca 0.62, ca_b 0.07) and micro-domain calcium (cmd_factor 150,
  // cik 4, cialpha 1, cmd_b 0.0635).
  const double ci = 2.0 * hill(m + gamma, 0.62, 4.0) + 0.07;
  const double cmd = 150.0 * hill(ci, 1.0, 4.0) + 0.0635;
  // Priming (r2 = r20 ci/(ci + Kp2)) and resupply (r3 = sigma GF r30 ci/(ci + Kp2)); Kp2 2.3, r30 1.205.
  const double r2 = p.r20_per_s * ci / (ci + 2.3);
  const double r3 = sigma * gf * 1.205 * ci / (ci + 2.3);
  constexpr double r1 = 0.6, rm1 = 1, rm2 = 0.001, rm3 = 0.0001, u1 = 2000;
  const PoolCoefficients c = pool_coefficients(cmd);
  const double n4 = c.cn4 * c.cn3 * c.cn2 * c.cn1 * n5;
  const double isr = ts * 9.0 * u1 * n4;  // ISR = ts * 9 * u3 * NR with NR = (u2/u3) NF, NF = u1 N4 / u2
  // Proliferation P(ISR): Pmax 4.55, kP 4, alpha_P 41.77; apoptosis A(M): Amax 3.11, alpha_A 0.44, kA 6, A_b 0.8.
  const double prolif = 4.55 * hill(isr, 41.77, 4.0);
  const double apopt = 3.11 * hill(m, 0.44, 6.0) + 0.8;
  constexpr double tau_b = 7000, tau_g = 2.14, tau_sigma = 249.9;  // days
  // gamma_inf(G): G_bar 0.4, Gn 5, Gshft 0.2, threshold Gs.
  const double gamma_inf = 0.4 / (1 + std::exp(-(g - p.gamma_glucose_mg_dl) / 5.0)) - 0.2;
  // sigma_inf = sigma_MI sigma_ISRI + sigma_b: sigma_Gsh 35, ISRI_s 0.1, ISRI_n 0.1, ISRI_k 1, sigma_b 5,
  // MI_bar 1, MI_k 0.2, MI_s 0.2, MI_n 0.02.
  const double m_shifted = hill(g - 35.0, 150.0, 2.0);
  const double sigma_isri = p.isri_bar / (1 + std::exp(-(isr - 0.1) / 0.1));
  const double sigma_mi = 1 - 1 / (1 + 0.2 * std::exp(-(m_shifted - 0.2) / 0.02));
  const double sigma_inf = sigma_mi * sigma_isri + 5.0;

  Vector dx;
  dx[kGlucose] = ha_sherman_2020_hepatic_glucose_production(si, hepatic_si, insulin) + forcing.rate(p, s) -
                 (eg0 + si * insulin) * g * t_min;
  dx[kInsulin] = t_min * (b * isr / bv - p.insulin_clearance_per_day * insulin);
  dx[kBetaCellMass] = t_min * (prolif - apopt) * b / tau_b;
  dx[kGamma] = t_min * (gamma_inf - gamma) / tau_g;
  dx[kSigma] = t_min * (sigma_inf - sigma) / tau_sigma;
  dx[kSi] = t_min * (p.si_target - si) / p.si_tau_day;
  dx[kHepaticSi] = t_min * (p.hepatic_si_target - hepatic_si) / p.hepatic_si_tau_day;
  dx[kN5] = ts * (rm1 * c.cn1 * n5 - (r1 + rm2) * n5 + r2 * n6);
  dx[kN6] = ts * (r3 + rm2 * n5 - (rm3 + r2) * n6);
  return dx;
}

// ROS2 (Verwer et al. 1999): (I - g h J) k1 = f(t, y); (I - g h J) k2 = f(t + h, y + h k1) - 2 k1;
// y+ = y + 3/2 h k1 + 1/2 h k2, g = 1 + 1/sqrt(2) (L-stable). Error estimate against the linearly implicit Euler
// solution y + h k1: e = h (k1 + k2) / 2.
class Ros2 {
 public:
  Ros2(const HaSherman2020Parameters& p, double rtol, double atol) : p_(p), rtol_(rtol), atol_(atol) {}

  // Advances x over [0, duration] of a piece with a smooth forcing.
  void advance(const Forcing& forcing, double duration, Vector& x) {
    constexpr double kGamma = 1.0 + 0.70710678118654752;
    double s = 0;
    int steps_since_jacobian = kJacobianAge;
    while (s < duration) {
      double h = std::min(h_, duration - s);
      const bool last = h >= duration - s;
      if (steps_since_jacobian >= kJacobianAge) {
        jacobian(forcing, s, x);
        steps_since_jacobian = 0;
      }
      const Vector f0 = derivative(p_, forcing, s, x);
      const Eigen::PartialPivLU<Matrix> lu(Matrix::Identity() - kGamma * h * jacobian_);
      const Vector k1 = lu.solve(f0);
      const Vector k2 = lu.solve(derivative(p_, forcing, s + h, x + h * k1) - 2.0 * k1);
      const Vector next = x + 1.5 * h * k1 + 0.5 * h * k2;
      const Vector error = 0.5 * h * (k1 + k2);
      double norm = 0;
      for (int i = 0; i < kHaSherman2020StateCount; ++i) {
        const double scale = atol_ + rtol_ * std::max(std::abs(x[i]), std::abs(next[i]));
        norm = std::max(norm, std::abs(error[i]) / scale);
      }
      if (!std::isfinite(norm)) norm = 1e10;
      // First-order error estimate: the step scales with the square root of the tolerance ratio.
      const double factor = std::clamp(0.9 / std::sqrt(std::max(norm, 1e-10)), 0.2, 4.0);
      if (norm <= 1.0) {
        x = next;
        s = last ? duration : s + h;
        ++steps_since_jacobian;
        if (!last || factor < 1.0) h_ = std::min(h * factor, kMaxStepMin);
      } else {
        h_ = h * factor;
        steps_since_jacobian = kJacobianAge;  // a rejected step: refresh the Jacobian
        if (h_ < 1e-12) throw std::runtime_error("Ha-Sherman 2020: step size underflow");
      }
    }
  }

 private:
  static constexpr int kJacobianAge = 8;
  static constexpr double kMaxStepMin = 30.0;

  void jacobian(const Forcing& forcing, double s, const Vector& x) {
    const Vector f0 = derivative(p_, forcing, s, x);
    for (int j = 0; j < kHaSherman2020StateCount; ++j) {
      Vector xj = x;
      const double dx = 1e-7 * std::max(std::abs(x[j]), 1e-3);
      xj[j] += dx;
      jacobian_.col(j) = (derivative(p_, forcing, s, xj) - f0) / dx;
    }
  }

  const HaSherman2020Parameters& p_;
  double rtol_, atol_;
  double h_ = 0.1;
  Matrix jacobian_ = Matrix::Zero();
};

// Tolerances on ROS2's first-order error estimate (the second-order solution it keeps is more accurate than the
// estimate): with these the state after 5 years is within 0.13 % of the authors' CVODE run at 1e-10
// (tests/physiology/ha_sherman_2020_model_test.cpp); 1e-4 / 1e-6 moves it by at most 0.07 % and costs 3 times more.
constexpr double kRelativeTolerance = 1e-3;
constexpr double kAbsoluteTolerance = 1e-5;

Vector to_vector(const HaSherman2020State& s) {
  Vector v;
  for (int i = 0; i < kHaSherman2020StateCount; ++i) v[i] = s[static_cast<std::size_t>(i)];
  return v;
}

HaSherman2020Ogtt ogtt_from(const HaSherman2020Parameters& p, const Vector& start, double t_min) {
  Ros2 solver(p, kRelativeTolerance, kAbsoluteTolerance);
  HaSherman2020Ogtt r;
  r.t_min = t_min;
  r.fasting_glucose_mg_dl = start[kGlucose];
  r.fasting_insulin_uU_ml = start[kInsulin];
  r.si = start[kSi];
  r.hepatic_si = start[kHepaticSi];
  r.sigma = start[kSigma];
  r.beta_cell_mass_mg = start[kBetaCellMass];
  Vector x = start;
  // Two smooth pieces: the flux has a kink at t1 = 15 min.
  solver.advance({Forcing::Kind::kOgtt, 0.0}, 15.0, x);
  solver.advance({Forcing::Kind::kOgtt, 15.0}, 105.0, x);
  r.two_hour_glucose_mg_dl = x[kGlucose];
  r.two_hour_insulin_uU_ml = x[kInsulin];
  return r;
}

}  // namespace

HaSherman2020Parameters ha_sherman_2020_igt_first_pathway() {
  HaSherman2020Parameters p;  // FIG1.set: tar_Si 0.1, tar_hepaSi 0.85, tau_Si = tau_hepaSi = 250 d, ISRI_bar 150
  p.si_target = 0.1;
  p.hepatic_si_target = 0.85;
  return p;
}

HaSherman2020Parameters ha_sherman_2020_ifg_first_pathway() {
  HaSherman2020Parameters p;  // FIG3.set: tar_Si 0.5, tar_hepaSi 0.1, tau_Si = tau_hepaSi = 250 d, ISRI_bar 150
  p.si_target = 0.5;
  p.hepatic_si_target = 0.1;
  return p;
}

HaSherman2020State ha_sherman_2020_initial_state() {
  // The initial conditions of FIG1.set and FIG3.set ("Old ICs").
  return {78.59159991393697, 5.637556083340107, 1533.917937647322, -0.07663502752199285, 285.2397530136599, 0.8,
          1.0, 60.24283727598375, 443.394497666619};
}

double ha_sherman_2020_hepatic_glucose_production(double si, double hepatic_si, double insulin_uU_ml) {
  // hepa_bar 15.443, hepa_k 0.27, hepa_b -3.54277; alpha_max 6, alpha_k 0.4, alpha_b -0.5; HGP_b 0.104166.
  const double hepa_max = 15.443 / (0.27 + si) - 3.54277;
  const double alpha_hgp = 6.0 / (0.4 + si) - 0.5;
  return hepa_max / (alpha_hgp + hepatic_si * insulin_uU_ml) + 0.104166;
}

HaSherman2020Ogtt run_ha_sherman_2020_ogtt(const HaSherman2020Parameters& p, const HaSherman2020State& state,
                                           double t_min) {
  return ogtt_from(p, to_vector(state), t_min);
}

std::vector<HaSherman2020Ogtt> simulate_ha_sherman_2020_pathway(const HaSherman2020Parameters& p,
                                                                double duration_min, double ogtt_interval_min) {
  constexpr double kPeriodMin = 360;  // one meal (or the rest) per period: three meals, then 360 min of rest
  if (!(ogtt_interval_min >= kPeriodMin) || std::fmod(ogtt_interval_min, kPeriodMin) != 0.0 ||
      !(duration_min >= 0)) {
    throw std::invalid_argument("Ha-Sherman 2020: the OGTT interval must be a positive multiple of 360 min");
  }
  Ros2 solver(p, kRelativeTolerance, kAbsoluteTolerance);
  Vector x = to_vector(ha_sherman_2020_initial_state());
  std::vector<HaSherman2020Ogtt> ogtts{ogtt_from(p, x, 0.0)};
  const long periods_per_ogtt = std::lround(ogtt_interval_min / kPeriodMin);
  double t = 0;
  for (long period = 0; t + ogtt_interval_min <= duration_min + 1e-9; ) {
    for (long i = 0; i < periods_per_ogtt; ++i, ++period) {
      const bool meal = period % 4 != 3;  // periods 0, 1, 2 of each day carry a meal, period 3 is the rest
      solver.advance({meal ? Forcing::Kind::kMeal : Forcing::Kind::kNone, 0.0}, kPeriodMin, x);
      t += kPeriodMin;
    }
    ogtts.push_back(ogtt_from(p, x, t));
  }
  return ogtts;
}

}  // namespace isletsim
