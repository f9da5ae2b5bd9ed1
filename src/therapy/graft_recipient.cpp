// The graft recipient in the minute model: see graft_recipient.hpp.
#include "therapy/graft_recipient.hpp"

#include <cmath>
#include <string>

#include "core/input_error.hpp"
#include "physiology/dalla_man_2007_steady_state.hpp"
#include "physiology/dalla_man_2007_subjects.hpp"

namespace isletsim {

MealModelParameters graft_recipient_subject(double graft_mass_fraction) {
  if (!std::isfinite(graft_mass_fraction) || graft_mass_fraction < 0.0 || graft_mass_fraction > 10.0) {
    throw InputError({"", 0, "graft_mass_fraction"},
                     "must be a fraction of a normal pancreas between 0 and 10, got " +
                         std::to_string(graft_mass_fraction));
  }
  MealModelParameters p = dalla_man_2007_average_normal();
  p.name = "graft_recipient";
  p.beta_cell_mass = graft_mass_fraction;
  settle_to_steady_state(p);
  return p;
}

bool meets_insulin_independence_criterion(const StandardDayGlucose& day) {
  return day.adag_hba1c_percent < 7.0 && day.time_in_range_70_180 >= 0.70;
}

bool stays_in_range(const StandardDayGlucose& day) {
  return day.min_glucose_mg_dl >= 70.0 && day.max_glucose_mg_dl <= 180.0;
}

}  // namespace isletsim
