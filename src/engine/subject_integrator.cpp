#include "engine/subject_integrator.hpp"

#include "core/units.hpp"

namespace isletsim {

SubjectIntegrator::SubjectIntegrator(const UvaPadovaParameters& subject, IntegratorTolerances tolerances)
    : solver_(subject, subject.initial_state, tolerances) {}

void SubjectIntegrator::advance(double carbs_g_per_min, double insulin_u_per_min, double duration_min) {
  advance_with_portal_insulin(carbs_g_per_min, insulin_u_per_min, 0.0, duration_min);
}

void SubjectIntegrator::advance_with_portal_insulin(double carbs_g_per_min, double subcutaneous_insulin_u_per_min,
                                                    double portal_insulin_u_per_min, double duration_min) {
  advance_with_portal_insulin_and_glucagon(carbs_g_per_min, subcutaneous_insulin_u_per_min, portal_insulin_u_per_min,
                                           0.0, duration_min);
}

void SubjectIntegrator::advance_with_portal_insulin_and_glucagon(double carbs_g_per_min,
                                                                 double subcutaneous_insulin_u_per_min,
                                                                 double portal_insulin_u_per_min,
                                                                 double glucagon_egp_mg_per_kg_per_min,
                                                                 double duration_min) {
  UvaPadovaInputs inputs;
  inputs.glucagon_egp_mg_per_kg_per_min = glucagon_egp_mg_per_kg_per_min;
  inputs.carbs_mg_per_min = carbs_g_per_min * 1000.0;
  inputs.insulin_pmol_per_kg_per_min =
      subcutaneous_insulin_u_per_min * units::kPmolPerInsulinUnit / subject().body_weight_kg;
  inputs.portal_insulin_pmol_per_kg_per_min =
      portal_insulin_u_per_min * units::kPmolPerInsulinUnit / subject().body_weight_kg;
  inputs.meal_size_mg =
      meal_size_.update(carbs_g_per_min, duration_min, state()[kStomachSolid] + state()[kStomachLiquid]);
  solver_.advance(inputs, duration_min);
}

}  // namespace isletsim
