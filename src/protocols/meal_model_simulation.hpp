// MealModelSimulation: one subject of the Dalla Man 2007 meal model with secretion, advanced through a clinical
// protocol under piecewise-constant oral glucose, intravenous glucose and intravenous insulin.
//
// The solver is the engine's ModelIntegrator<MealModel>; the meal size for gastric emptying is kept by
// MealSizeTracker exactly as for the UVA/Padova subjects.
#pragma once

#include "engine/meal_size_tracker.hpp"
#include "engine/model_integrator.hpp"
#include "physiology/dalla_man_2007_model.hpp"

namespace isletsim {

struct ProtocolInputs {
  double oral_glucose_g_per_min = 0;
  double glucose_iv_mg_per_kg_per_min = 0;
  double insulin_iv_pmol_per_kg_per_min = 0;
};

class MealModelSimulation {
 public:
  explicit MealModelSimulation(const MealModelParameters& subject, IntegratorTolerances tolerances = {});

  // Holds `inputs` constant over [t, t + duration_min).
  void advance(double duration_min, const ProtocolInputs& inputs = {});

  double time_min() const { return solver_.time_min(); }
  const MealModelState& state() const { return solver_.state(); }
  const MealModelParameters& subject() const { return solver_.parameters(); }
  double glucose_mg_dl() const { return meal_model_glucose_mg_dl(subject(), state()); }
  double insulin_pmol_l() const { return meal_model_insulin_pmol_l(subject(), state()); }
  double insulin_uU_ml() const;
  double secretion_pmol_kg_min() const { return meal_model_secretion_pmol_kg_min(subject(), state()); }

 private:
  ModelIntegrator<MealModel> solver_;
  MealSizeTracker meal_size_;
};

}  // namespace isletsim
