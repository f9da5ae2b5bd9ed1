// FastSubjectIntegrator: advances one UVA/Padova subject in time under piecewise-constant inputs, like
// SubjectIntegrator, but built for speed. Same interface, same equations, same meal-size bookkeeping.
//
// How (see docs/validation.md for the measurements and what did not work):
//  * The seven insulin states (Isc1, Isc2, Ip, Il, X, I1, Id) form a linear time-invariant system with constant
//    input over each interval (Dalla Man 2007 eqs. 4-5, 11-12, 26; Kovatchev 2009 s.c. insulin). It is advanced
//    exactly: z(t+h) = exp(A h) z(t) + [integral_0^h exp(A s) ds] (b u + c), with the propagator computed once per
//    subject and step length (matrix exponential of the augmented matrix [[A, b, c], [0, 0, 0], [0, 0, 0]]). This
//    removes the stiff insulin eigenvalues (about -0.54 /min) that capped the reference solver's steps.
//  * The six remaining states (Qsto1, Qsto2, Qgut, Gp, Gt, Gs) are non-linear but slow (|eigenvalues| below about
//    0.15 /min). They take fixed steps with the insulin signals X and Id, which they read, taken exactly from the
//    propagator at the stage times:
//      - while carbohydrate is being eaten, classical Runge-Kutta 4 with 4 steps a minute (the gastric emptying
//        rate of Dalla Man 2006 swings steeply within the first minutes of a meal, when the meal size D is small);
//      - otherwise one-minute steps: Runge-Kutta 4 for the first three after any change of carbohydrate input or
//        meal size, then the fourth-order Adams-Bashforth-Moulton predictor-corrector in PECE mode (Hairer, Norsett
//        & Wanner 1993, Solving ODEs I, sec. III.1; 2 right-hand-side evaluations a minute instead of 4).
//      Insulin input changes (boluses) do not restart the multistep method: X and Id stay smooth through them.
//  * No adaptive step control, no dense output, no allocation per step; the gastric emptying rate's two tanh are
//    computed with one exp each, and skipped when the stomach's liquid
//    phase is exactly empty (then it multiplies 0); with the stomach and gut empty and nothing eaten, their part of
//    the right-hand side is skipped (it is exactly 0). Per-subject products, the gastric constants of the current
//    meal size and the insulin input's share of a step are computed once, not per evaluation.
//  * Per-minute overhead kept small (docs/validation.md, second tuning pass): the states live in the integrator's own
//    order (state() assembles the full state on demand), and a minute with nothing eaten and the same insulin inputs
//    as the last one goes straight to its step from the inline advance() (its meal size, propagator and insulin share
//    are the last call's).
#pragma once

#include <array>

#include "engine/meal_size_tracker.hpp"
#include "physiology/uva_padova_model.hpp"

namespace isletsim {

struct FastIntegratorOptions {
  int substeps_per_minute = 1;          // steps a minute of the non-linear states, outside eating
  int eating_substeps_per_minute = 4;   // Runge-Kutta 4 steps a minute while carbohydrate is being eaten
  bool multistep_between_meals = true;  // false: Runge-Kutta 4 everywhere (for the convergence test)
};

class FastSubjectIntegrator {
 public:
  explicit FastSubjectIntegrator(const UvaPadovaParameters& subject, FastIntegratorOptions options = {});

  // Holds carbohydrate intake (g/min) and subcutaneous insulin (U/min, >= 0) constant over [t, t + duration_min).
  void advance(double carbs_g_per_min, double insulin_u_per_min, double duration_min = 1.0) {
    advance_with_portal_insulin(carbs_g_per_min, insulin_u_per_min, 0.0, duration_min);
  }
  // The same with a pre-hepatic (portal) insulin input too (U/min, >= 0, into the liver compartment Il;
  // physiology/uva_padova_model.hpp). It is a second input column of the same exact propagator.
  void advance_with_portal_insulin(double carbs_g_per_min, double subcutaneous_insulin_u_per_min,
                                   double portal_insulin_u_per_min, double duration_min) {
    advance_with_portal_insulin_and_glucagon(carbs_g_per_min, subcutaneous_insulin_u_per_min, portal_insulin_u_per_min,
                                             0.0, duration_min);
  }
  // The same with a therapy's extra endogenous glucose production too (mg/kg/min, >= 0, e.g. a graft's glucagon
  // action): added inside EGP = max(kp1 - kp2 Gp - kp3 Id + glucagon, 0) as in uva_padova_model.hpp. It enters the
  // glucose equations directly (not through the smooth insulin signals), so a change restarts the multistep history
  // like a change of carbohydrate input: the Adams-Bashforth-Moulton history evaluated with last minute's value lags
  // the EGP step by about half a minute each minute, which left a graft with counter-regulation outside the 0.1 mg/dl
  // budget (docs/validation.md; tests/engine/backend_conformance_test.cpp).
  void advance_with_portal_insulin_and_glucagon(double carbs_g_per_min, double subcutaneous_insulin_u_per_min,
                                                double portal_insulin_u_per_min, double glucagon_egp_mg_per_kg_per_min,
                                                double duration_min) {
    if (!(glucagon_egp_mg_per_kg_per_min >= 0)) throw_negative_glucagon(glucagon_egp_mg_per_kg_per_min);
    glucagon_egp_mg_per_kg_per_min_ = glucagon_egp_mg_per_kg_per_min;
    // The common call, inline: a minute with nothing eaten and the same insulin inputs as the last call, which also
    // ate nothing and lasted a minute. The meal size, the propagator, the insulin share and the step plan are then
    // those of the last call (the meal size is held while nothing is eaten: MealSizeTracker), so the bookkeeping of
    // prepare_and_advance() would only recompute them.
    if (repeatable_ && carbs_g_per_min == 0 && duration_min == 1.0 &&
        subcutaneous_insulin_u_per_min == repeat_insulin_u_per_min_ &&
        portal_insulin_u_per_min == repeat_portal_insulin_u_per_min_) {
      take_steps(repeat_slot_ == 0 ? propagator_ : repeat_slot_ == 1 ? eating_propagator_ : other_propagator_,
                 forcing_, repeat_step_min_, repeat_steps_, 0.0, repeat_multistep_);
      time_min_ += duration_min;
      return;
    }
    prepare_and_advance(carbs_g_per_min, subcutaneous_insulin_u_per_min, portal_insulin_u_per_min, duration_min);
  }

  // New parameters from now on: the state, the meal-size memory and the clock carry over; propagators and the
  // multistep history start afresh as for a new integrator at this state.
  void set_subject(const UvaPadovaParameters& subject);

  // The full state, assembled from the integrator's own layout when asked for (the reference stays valid; its values
  // are those of the last call). It writes a cache: not to be called from two threads at once on one integrator.
  const UvaPadovaState& state() const;
  double time_min() const { return time_min_; }
  const UvaPadovaParameters& subject() const { return subject_; }
  // G = Gp/VG and Gs/VG (Dalla Man 2007 eq. 1; physiology/uva_padova_model.hpp), read from the integrator's layout.
  double plasma_glucose_mg_dl() const { return slow_[kGp] / subject_.Vg; }
  double subcutaneous_glucose_mg_dl() const { return slow_[kGs] / subject_.Vg; }
  // I = Ip / VI, pmol/l (Dalla Man 2007 eq. 3).
  double plasma_insulin_pmol_l() const { return insulin_[kIp] / subject_.Vi; }
  double meal_size_mg() const { return meal_size_now_mg_; }
  // Evaluations of the right-hand side of the six non-linear states so far.
  long derivative_evaluations() const { return derivative_evaluations_; }

  // The insulin subsystem in its own order, and its exact propagator over one step h:
  // z_i(t+h) = sum_j phi[i][j] z_j(t) + input[i] u + portal_input[i] s + constant[i]  (u s.c., s portal).
  static constexpr std::size_t kInsulinStates = 7;
  enum InsulinIndex : std::size_t { kIsc1 = 0, kIsc2, kIp, kIl, kX, kI1, kId };
  using InsulinVector = std::array<double, kInsulinStates>;
  // The non-linear states, integrated numerically: Qsto1, Qsto2, Qgut, Gp, Gt, Gs, in this order.
  static constexpr std::size_t kSlowStates = 6;
  enum SlowIndex : std::size_t { kQsto1 = 0, kQsto2, kQgut, kGp, kGt, kGs };
  using SlowVector = std::array<double, kSlowStates>;
  struct InsulinPropagator {
    double step_min = -1;
    std::array<InsulinVector, kInsulinStates> phi{};
    InsulinVector input{};
    InsulinVector portal_input{};
    InsulinVector constant{};
    // The same over h/2, only for X and Id (the signals the glucose equations read at the mid-stage).
    InsulinVector phi_half_x{}, phi_half_id{};
    double input_half_x = 0, input_half_id = 0, constant_half_x = 0, constant_half_id = 0;
    double portal_input_half_x = 0, portal_input_half_id = 0;
  };
  static InsulinPropagator insulin_propagator(const UvaPadovaParameters& p, double step_min);
  // The propagator over step_min from the one over half of it (exp(A h) = exp(A h/2)^2), without a new series.
  static InsulinPropagator doubled(const InsulinPropagator& half);
  // The one-minute (options' substeps) and eating-step propagators of a subject: the eating step's, doubled up to the
  // other where that is a power-of-two multiple of it (the defaults: 1/4 min -> 1 min), else a series of its own.
  struct StepPropagators {
    InsulinPropagator step, eating;
  };
  static StepPropagators step_propagators(const UvaPadovaParameters& p, const FastIntegratorOptions& options);
  // The insulin inputs' share of one step, b u + e s + c over [t, t+h] and over [t, t+h/2] for X and Id (u s.c.,
  // s portal, pmol/kg/min): constant for all the steps of one advance() call.
  struct InsulinForcing {
    InsulinVector full{};
    double half_x = 0, half_id = 0;
  };
  static InsulinForcing insulin_forcing(const InsulinPropagator& P, double u, double s);

  // The integrator's state order in the model's full state (physiology/uva_padova_parameters.hpp).
  static constexpr std::array<int, kInsulinStates> kInsulinToState = {
      kInsulinSubcut1, kInsulinSubcut2, kInsulinPlasma, kInsulinLiver, kInsulinActionRemote, kInsulinDelay1,
      kInsulinDelayed};
  static constexpr std::array<int, kSlowStates> kSlowToState = {kStomachSolid,  kStomachLiquid, kGut,
                                                                kGlucosePlasma, kGlucoseTissue, kGlucoseSubcut};
  // The multistep method is used only where h times a bound on the fastest rate of the non-linear states stays below
  // 0.5, well inside the real stability interval of Adams-Bashforth-Moulton 4 in PECE mode (about -1.29, computed by
  // iterating the method on y' = lambda y). Elsewhere (e.g. the subjects whose intestinal absorption kabs exceeds
  // 0.5 /min) Runge-Kutta 4, stable to -2.78, takes every step.
  static constexpr double kMultistepSafeStep = 0.5;
  // Bound on the fastest rate (/min) of Qsto1, Qsto2, Qgut, Gp, Gt, Gs (fast_subject_integrator.cpp says how).
  static double slow_rate_bound_per_min(const UvaPadovaParameters& p);

 private:
  // The subject's parameters that the non-linear right-hand side reads, with the products it would otherwise
  // recompute at every evaluation.
  struct SlowConstants {
    double kmax = 0, kmin = 0, range = 0, kabs = 0, ra_per_qgut = 0, kp1 = 0, kp2 = 0, kp3 = 0, Fsnc = 0,
           ke1 = 0, ke2 = 0, k1 = 0, k2 = 0, Vm0 = 0, Vmx = 0, Km0 = 0, ksc = 0;
  };
  // Constants of the gastric emptying rate for one meal size D (held over an interval; Dalla Man 2006 eq. 4).
  struct GastricEmptying {
    double meal_size_mg = -1;
    bool meal_size_known = false;
    double two_alpha = 0, two_beta = 0, bD = 0, dD = 0;
  };

  // Right-hand side of the six non-linear states (kGutEmpty: stomach and gut empty, nothing eaten).
  template <bool kGutEmpty>
  static SlowVector slow_derivative(const SlowConstants& p, const GastricEmptying& g, double carbs_mg_per_min,
                                    double glucagon_egp_mg_per_kg_per_min, double X,
                                    double Id, const SlowVector& y);
  // The propagator for step h_min and which of the three it is (0 one-minute, 1 eating, 2 other).
  const InsulinPropagator& propagator_for(double h_min, int& slot);
  // Whether the stomach and gut are empty, nothing is eaten and the multistep history holds no gut derivative: then
  // every stage of the next step has them exactly empty too (all their derivatives are 0), and step<true> skips their
  // part of the right-hand side (with the gastric emptying rate's two exp), bit-for-bit the same result. Before the
  // first meal of a day (420 of 1,440 minutes in the benchmark day) this removes about 20 instructions per evaluation.
  // The history part is known without looking at it while every step so far was such a step (they write only zero
  // gut derivatives). After any other step this answers false, which only costs speed: step<false> gives the same
  // numbers. (Once food has been eaten the compartments decay exponentially and do not return to exactly zero.)
  bool gut_empty(double carbs_mg_per_min) const {
    return only_gut_empty_steps_ && carbs_mg_per_min == 0 && slow_[kQsto1] == 0 && slow_[kQsto2] == 0 &&
           slow_[kQgut] == 0;
  }
  [[noreturn]] static void throw_negative_glucagon(double glucagon_egp_mg_per_kg_per_min);
  // advance_with_portal_insulin() with its bookkeeping: checks the inputs, updates the meal size, the gastric
  // constants, the propagator and the insulin share, and records what an identical next call may reuse.
  void prepare_and_advance(double carbs_g_per_min, double insulin_u_per_min, double portal_insulin_u_per_min,
                           double duration_min);
  // The steps of one call with inputs already prepared (the insulin share w, the propagator P of step h_min).
  // Inline (with gut_empty) so that the common minute makes one call, to step<>, not two (measured: the extra call
  // level cost about 40 instructions a minute).
  void take_steps(const InsulinPropagator& P, const InsulinForcing& w, double h_min, int steps, double carbs_mg_per_min,
                  bool multistep_allowed) {
    for (int s = 0; s < steps; ++s) {
      if (gut_empty(carbs_mg_per_min)) {
        step<true>(P, w, h_min, carbs_mg_per_min, multistep_allowed);
      } else {
        step<false>(P, w, h_min, carbs_mg_per_min, multistep_allowed);
      }
    }
  }
  template <bool kGutEmpty>
  void step(const InsulinPropagator& P, const InsulinForcing& w, double h_min, double carbs_mg_per_min,
            bool multistep_allowed);

  UvaPadovaParameters subject_;
  // The state in the integrator's own order (no gather/scatter per step); state() assembles the full state.
  SlowVector slow_{};
  InsulinVector insulin_{};
  mutable UvaPadovaState state_{};
  MealSizeTracker meal_size_;
  SlowConstants slow_constants_;
  GastricEmptying gastric_;
  // Propagators for the one-minute step, the eating step, and any other step length asked for (recomputed on
  // demand): selected by reference, never copied in the minute loop.
  InsulinPropagator propagator_;
  InsulinPropagator eating_propagator_;
  InsulinPropagator other_propagator_;
  InsulinForcing forcing_;
  double forcing_insulin_ = -1, forcing_portal_insulin_ = -1, forcing_step_min_ = -1;  // what forcing_ was computed for
  int forcing_slot_ = -1;
  FastIntegratorOptions options_;
  double step_min_ = 1, eating_step_min_ = 0.25;
  // Right-hand sides of the non-linear states at the last steps, a ring with the newest at history_[newest_] and
  // older ones after it (mod 4), all with the same carbohydrate input, meal size and step length (those recorded
  // below); history_count_ of them are valid.
  std::array<SlowVector, 4> history_{};
  std::size_t newest_ = 0;
  int history_count_ = 0;
  bool only_gut_empty_steps_ = true;  // every step so far was a step<true> (see gut_empty())
  double history_carbs_mg_per_min_ = -1, history_meal_size_mg_ = -1, history_step_min_ = -1;
  double history_glucagon_egp_mg_per_kg_per_min_ = 0;
  // The last call's inputs when they allow the next identical call to skip its bookkeeping (nothing eaten, one
  // minute): then meal size, propagator, insulin share and step plan are those of the last call.
  bool repeatable_ = false;
  double repeat_insulin_u_per_min_ = -1, repeat_portal_insulin_u_per_min_ = -1;
  int repeat_slot_ = 0;  // which propagator (propagator_for's slot); an index, not a pointer, so copies stay valid
  double repeat_step_min_ = 0;
  int repeat_steps_ = 0;
  bool repeat_multistep_ = false;
  double slow_rate_bound_per_min_ = 0;  // bound on the fastest rate of the non-linear states (multistep gate)
  double glucagon_egp_mg_per_kg_per_min_ = 0;  // the current call's (held over its steps)
  double time_min_ = 0;
  double meal_size_now_mg_ = 0;
  long derivative_evaluations_ = 0;
};

// Defined (and instantiated) in fast_subject_integrator.cpp.
extern template void FastSubjectIntegrator::step<true>(const InsulinPropagator&, const InsulinForcing&, double, double,
                                                       bool);
extern template void FastSubjectIntegrator::step<false>(const InsulinPropagator&, const InsulinForcing&, double, double,
                                                        bool);

}  // namespace isletsim
