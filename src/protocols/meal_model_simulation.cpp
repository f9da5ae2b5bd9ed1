#include "protocols/meal_model_simulation.hpp"

#include "core/units.hpp"

namespace isletsim {

MealModelSimulation::MealModelSimulation(const MealModelParameters& subject, const Backend& backend)
    : subject_(subject) {
  const VirtualSubject subjects[] = {as_virtual_subject(subject)};
  require_support(backend, SubjectModel::kDallaMan2007,
                  kRouteCarbs | kRouteIntravenousGlucose | kRouteIntravenousInsulin);
  integrator_ = backend.make(subjects);
  integrator_->observe({&now_, 1});
}

void MealModelSimulation::advance(double duration_min, const ProtocolInputs& in) {
  SubjectInputs u;
  u.carbs_g_per_min = in.oral_glucose_g_per_min;
  u.intravenous_glucose_mg_per_kg_per_min = in.glucose_iv_mg_per_kg_per_min;
  u.intravenous_insulin_pmol_per_kg_per_min = in.insulin_iv_pmol_per_kg_per_min;
  integrator_->advance({&u, 1}, duration_min);
  integrator_->observe({&now_, 1});
  time_min_ += duration_min;
}

double MealModelSimulation::insulin_uU_ml() const { return insulin_pmol_l() / units::kPmolPerLPerMicroUnitPerMl; }

}  // namespace isletsim
