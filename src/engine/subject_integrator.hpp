// SubjectIntegrator: advances one UVA/Padova subject in time under piecewise-constant inputs given in the units of
// the engine (carbohydrate g/min, subcutaneous insulin U/min).
//
// The solver is ModelIntegrator<UvaPadovaModel> (engine/model_integrator.hpp): Dormand-Prince 5(4) with dense
// output, restarted only when the inputs change. This is what lets one subject-day cost far fewer right-hand-side
// evaluations than the 1-minute restarts of the reference implementation, at the same accuracy (see
// tests/engine/simglucose_reference_test.cpp and bench/engine_bench.cpp).
//
// It also keeps the meal-size bookkeeping of the gastric emptying model (MealSizeTracker).
#pragma once

#include "engine/meal_size_tracker.hpp"
#include "engine/model_integrator.hpp"
#include "physiology/uva_padova_model.hpp"

namespace isletsim {

class SubjectIntegrator {
 public:
  explicit SubjectIntegrator(const UvaPadovaParameters& subject, IntegratorTolerances tolerances = {});

  // Holds carbohydrate intake (g/min) and subcutaneous insulin (U/min) constant over [t, t + duration_min).
  void advance(double carbs_g_per_min, double insulin_u_per_min, double duration_min = 1.0);
  // The same with a pre-hepatic (portal) insulin input too (U/min, into the liver compartment; uva_padova_model.hpp).
  void advance_with_portal_insulin(double carbs_g_per_min, double subcutaneous_insulin_u_per_min,
                                   double portal_insulin_u_per_min, double duration_min);
  // The same with a therapy's extra endogenous glucose production too (mg/kg/min, e.g. a graft's glucagon action;
  // UvaPadovaInputs::glucagon_egp_mg_per_kg_per_min).
  void advance_with_portal_insulin_and_glucagon(double carbs_g_per_min, double subcutaneous_insulin_u_per_min,
                                                double portal_insulin_u_per_min, double glucagon_egp_mg_per_kg_per_min,
                                                double duration_min);

  // New parameters from now on; state and meal-size memory carried over, the solver restarted (ModelIntegrator).
  void set_subject(const UvaPadovaParameters& subject) { solver_.restart_with(subject); }

  const UvaPadovaState& state() const { return solver_.state(); }
  double time_min() const { return solver_.time_min(); }
  const UvaPadovaParameters& subject() const { return solver_.parameters(); }
  double plasma_glucose_mg_dl() const { return isletsim::plasma_glucose_mg_dl(subject(), state()); }
  double subcutaneous_glucose_mg_dl() const { return isletsim::subcutaneous_glucose_mg_dl(subject(), state()); }
  // Plasma insulin concentration I = Ip / VI, pmol/l (Dalla Man 2007 eq. 3).
  double plasma_insulin_pmol_l() const { return state()[kInsulinPlasma] / subject().Vi; }
  double meal_size_mg() const { return solver_.inputs().meal_size_mg; }
  // Right-hand-side evaluations so far (for benchmarks and tests of the solver's economy).
  long derivative_evaluations() const { return solver_.derivative_evaluations(); }

 private:
  ModelIntegrator<UvaPadovaModel> solver_;
  MealSizeTracker meal_size_;
};

}  // namespace isletsim
