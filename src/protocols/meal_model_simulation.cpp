#include "protocols/meal_model_simulation.hpp"

#include "core/units.hpp"

namespace isletsim {

MealModelSimulation::MealModelSimulation(const MealModelParameters& subject, IntegratorTolerances tolerances)
    : solver_(subject, subject.initial_state, tolerances) {}

void MealModelSimulation::advance(double duration_min, const ProtocolInputs& in) {
  MealModelInputs u;
  u.carbs_mg_per_min = in.oral_glucose_g_per_min * 1000.0;
  u.meal_size_mg = meal_size_.update(in.oral_glucose_g_per_min, duration_min,
                                     state()[meal_model::kStomachSolid] + state()[meal_model::kStomachLiquid]);
  u.glucose_iv_mg_per_kg_per_min = in.glucose_iv_mg_per_kg_per_min;
  u.insulin_iv_pmol_per_kg_per_min = in.insulin_iv_pmol_per_kg_per_min;
  solver_.advance(u, duration_min);
}

double MealModelSimulation::insulin_uU_ml() const { return insulin_pmol_l() / units::kPmolPerLPerMicroUnitPerMl; }

}  // namespace isletsim
