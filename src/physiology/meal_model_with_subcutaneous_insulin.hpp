// The Dalla Man 2007 meal model with secretion (dalla_man_2007_model.hpp) plus exogenous subcutaneous insulin
// (subcutaneous_insulin_absorption.hpp): a person with type 2 diabetes who makes some insulin and injects more.
// The absorbed insulin Ri enters the plasma insulin pool Ip, as in the UVA/Padova model (Dalla Man, Raimondo et al.
// 2007, the Ip equation with ka1 Isc1 + ka2 Isc2), through the meal model's intravenous-insulin input.
// State: the 12 meal-model states followed by Isc1 and Isc2 (pmol/kg).
#pragma once

#include <array>

#include "physiology/dalla_man_2007_model.hpp"
#include "physiology/subcutaneous_insulin_absorption.hpp"

namespace isletsim {

inline constexpr int kInsulinTreatedMealModelStateCount = kMealModelStateCount + 2;
inline constexpr int kSubcutaneousInsulin1 = kMealModelStateCount;      // Isc1
inline constexpr int kSubcutaneousInsulin2 = kMealModelStateCount + 1;  // Isc2

struct InsulinTreatedMealModelParameters {
  MealModelParameters meal;
  SubcutaneousInsulinParameters subcutaneous;
};

struct InsulinTreatedMealModelInputs {
  double carbs_mg_per_min = 0;
  double meal_size_mg = 0;
  double insulin_sc_pmol_per_kg_per_min = 0;
  double glucose_iv_mg_per_kg_per_min = 0;     // intravenous glucose into Gp (dalla_man_2007_model.hpp)
  double insulin_iv_pmol_per_kg_per_min = 0;   // intravenous insulin into Ip, beside the absorbed s.c. insulin
  bool operator==(const InsulinTreatedMealModelInputs&) const = default;
};

struct InsulinTreatedMealModel {
  using Parameters = InsulinTreatedMealModelParameters;
  using State = std::array<double, kInsulinTreatedMealModelStateCount>;
  using Inputs = InsulinTreatedMealModelInputs;
  static void derivative(const Parameters& p, const Inputs& u, const State& x, State& dxdt) {
    MealModelState meal_x{};
    MealModelState meal_dx{};
    for (int i = 0; i < kMealModelStateCount; ++i) meal_x[static_cast<std::size_t>(i)] = x[static_cast<std::size_t>(i)];
    const SubcutaneousInsulinDepot depot{x[kSubcutaneousInsulin1], x[kSubcutaneousInsulin2]};
    MealModelInputs meal_u;
    meal_u.carbs_mg_per_min = u.carbs_mg_per_min;
    meal_u.meal_size_mg = u.meal_size_mg;
    meal_u.insulin_iv_pmol_per_kg_per_min =
        subcutaneous_insulin_appearance(p.subcutaneous, depot) + u.insulin_iv_pmol_per_kg_per_min;
    meal_u.glucose_iv_mg_per_kg_per_min = u.glucose_iv_mg_per_kg_per_min;
    meal_model_derivative(p.meal, meal_u, meal_x, meal_dx);
    for (int i = 0; i < kMealModelStateCount; ++i)
      dxdt[static_cast<std::size_t>(i)] = meal_dx[static_cast<std::size_t>(i)];
    const SubcutaneousInsulinDepot d_depot =
        subcutaneous_insulin_derivative(p.subcutaneous, depot, u.insulin_sc_pmol_per_kg_per_min);
    dxdt[kSubcutaneousInsulin1] = d_depot[0];
    dxdt[kSubcutaneousInsulin2] = d_depot[1];
  }
};

}  // namespace isletsim
