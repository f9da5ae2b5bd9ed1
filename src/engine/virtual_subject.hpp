// VirtualSubject: one person's parameters in one of the engine's physiology models.
//   - UvaPadovaParameters: the UVA/Padova 2008 type 1 diabetes model (physiology/uva_padova_model.hpp);
//   - InsulinTreatedMealModelParameters: the Dalla Man 2007 meal model with its own insulin secretion, plus a
//     subcutaneous insulin depot (physiology/meal_model_with_subcutaneous_insulin.hpp): normal, prediabetic and
//     type 2 subjects, and graft recipients of the meal-model standard day.
#pragma once

#include <string>
#include <variant>

#include "physiology/meal_model_with_subcutaneous_insulin.hpp"
#include "physiology/uva_padova_parameters.hpp"

namespace isletsim {

enum class SubjectModel { kUvaPadova2008, kDallaMan2007 };

using VirtualSubject = std::variant<UvaPadovaParameters, InsulinTreatedMealModelParameters>;

inline SubjectModel model_of(const VirtualSubject& subject) {
  return std::holds_alternative<UvaPadovaParameters>(subject) ? SubjectModel::kUvaPadova2008
                                                              : SubjectModel::kDallaMan2007;
}

inline const char* to_string(SubjectModel model) {
  return model == SubjectModel::kUvaPadova2008 ? "UVA/Padova 2008" : "Dalla Man 2007 meal model";
}

// The meal-model subject without exogenous-insulin specifics: the default s.c. depot (subcutaneous_insulin_absorption.hpp).
inline VirtualSubject as_virtual_subject(const MealModelParameters& meal) {
  InsulinTreatedMealModelParameters p;
  p.meal = meal;
  return p;
}

inline double body_weight_kg(const VirtualSubject& subject) {
  return std::visit(
      [](const auto& p) {
        if constexpr (std::is_same_v<std::decay_t<decltype(p)>, UvaPadovaParameters>) {
          return p.body_weight_kg;
        } else {
          return p.meal.body_weight_kg;
        }
      },
      subject);
}

}  // namespace isletsim
