// MealModelIntegrator: advances one Dalla Man 2007 meal-model subject with its own secretion and a subcutaneous
// insulin depot (physiology/meal_model_with_subcutaneous_insulin.hpp) under piecewise-constant inputs in the
// engine's units, with the meal-size bookkeeping of gastric emptying (MealSizeTracker), like SubjectIntegrator does
// for the UVA/Padova model. The reference backend's meal-model lane.
#pragma once

#include "core/units.hpp"
#include "engine/meal_size_tracker.hpp"
#include "engine/model_integrator.hpp"
#include "engine/subject_inputs.hpp"
#include "engine/subject_observation.hpp"
#include "physiology/meal_model_with_subcutaneous_insulin.hpp"

namespace isletsim {

class MealModelIntegrator {
 public:
  explicit MealModelIntegrator(const InsulinTreatedMealModelParameters& subject, IntegratorTolerances tolerances = {})
      : solver_(subject, initial_state(subject.meal), tolerances) {}

  void advance(const SubjectInputs& in, double duration_min) {
    const auto& x = solver_.state();
    const double bw = solver_.parameters().meal.body_weight_kg;
    InsulinTreatedMealModelInputs u;
    u.carbs_mg_per_min = in.carbs_g_per_min * 1000.0;
    u.meal_size_mg = meal_size_.update(in.carbs_g_per_min, duration_min,
                                       x[meal_model::kStomachSolid] + x[meal_model::kStomachLiquid]);
    u.insulin_sc_pmol_per_kg_per_min = in.subcutaneous_insulin_u_per_min * units::kPmolPerInsulinUnit / bw;
    u.glucose_iv_mg_per_kg_per_min = in.intravenous_glucose_mg_per_kg_per_min;
    u.insulin_iv_pmol_per_kg_per_min = in.intravenous_insulin_pmol_per_kg_per_min;
    solver_.advance(u, duration_min);
  }

  SubjectObservation observe() const {
    const MealModelParameters& p = solver_.parameters().meal;
    const auto& x = solver_.state();
    SubjectObservation o;
    o.plasma_glucose_mg_dl = x[meal_model::kGlucosePlasma] / p.Vg;  // eq. 1
    o.subcutaneous_glucose_mg_dl = o.plasma_glucose_mg_dl;         // no interstitial compartment
    o.plasma_insulin_pmol_l = x[meal_model::kInsulinPlasma] / p.Vi;  // eq. 3
    o.secretion_pmol_per_kg_per_min = p.gamma * x[meal_model::kInsulinPortal];  // eq. 17
    return o;
  }

  void set_subject(const InsulinTreatedMealModelParameters& subject) { solver_.restart_with(subject); }
  const InsulinTreatedMealModel::State& state() const { return solver_.state(); }
  const InsulinTreatedMealModelParameters& subject() const { return solver_.parameters(); }

 private:
  static InsulinTreatedMealModel::State initial_state(const MealModelParameters& meal) {
    InsulinTreatedMealModel::State x{};
    std::copy(meal.initial_state.begin(), meal.initial_state.end(), x.begin());
    return x;  // empty subcutaneous depot
  }
  ModelIntegrator<InsulinTreatedMealModel> solver_;
  MealSizeTracker meal_size_;
};

}  // namespace isletsim
