// MealModelSimulation: one Dalla Man 2007 meal-model subject with its own secretion, advanced through a clinical
// protocol under piecewise-constant oral glucose, intravenous glucose and intravenous insulin, at the protocol's own
// event times (a bolus over a fraction of a minute, samples at 2 min). Protocols are experiments, not care: no
// sensor, pump or controller, so they drive a backend's integrator (engine/backend.hpp) directly rather than the
// minute-grid care loop; the meal model runs on the reference backend (the others refuse it).
#pragma once

#include <memory>

#include "engine/backend.hpp"
#include "engine/cohort_integrator.hpp"
#include "physiology/dalla_man_2007_model.hpp"

namespace isletsim {

struct ProtocolInputs {
  double oral_glucose_g_per_min = 0;
  double glucose_iv_mg_per_kg_per_min = 0;
  double insulin_iv_pmol_per_kg_per_min = 0;
};

class MealModelSimulation {
 public:
  explicit MealModelSimulation(const MealModelParameters& subject, const Backend& backend = backend_named("reference"));

  // Holds `inputs` constant over [t, t + duration_min).
  void advance(double duration_min, const ProtocolInputs& inputs = {});
  double time_min() const { return time_min_; }
  const MealModelParameters& subject() const { return subject_; }
  const SubjectObservation& now() const { return now_; }
  double glucose_mg_dl() const { return now_.plasma_glucose_mg_dl; }
  double insulin_pmol_l() const { return now_.plasma_insulin_pmol_l; }
  double insulin_uU_ml() const;
  double secretion_pmol_kg_min() const { return now_.secretion_pmol_per_kg_per_min; }

 private:
  MealModelParameters subject_;
  std::unique_ptr<CohortIntegrator> integrator_;
  SubjectObservation now_;
  double time_min_ = 0;
};

}  // namespace isletsim
