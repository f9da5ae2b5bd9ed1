// The published average subjects of Dalla Man, Rizza & Cobelli 2007 (IEEE TBME 54:1740, Table 1): the average
// normal subject (fit to 204 non-diabetic subjects) and the average type 2 diabetic subject, each at its own
// basal state (set_published_basal_state).
#pragma once

#include <string>
#include <vector>

#include "physiology/dalla_man_2007_parameters.hpp"

namespace isletsim {

MealModelParameters dalla_man_2007_average_normal();  // name "dalla_man_normal"
MealModelParameters dalla_man_2007_average_type2();   // name "dalla_man_type2"

std::vector<std::string> meal_model_subject_names();
// Throws std::out_of_range when unknown.
MealModelParameters meal_model_subject(const std::string& name);

}  // namespace isletsim
