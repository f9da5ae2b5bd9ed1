#include "trial/daily_routine.hpp"

#include <algorithm>

#include "core/units.hpp"

namespace isletsim {

DailyRoutine default_daily_routine() {
  // simglucose reference day (50/70/80 g at 07:00/12:00/18:00); SDs 10 g and 30 min are our assumption.
  return {{{7 * 60.0, 50, 10, 30, 5}, {12 * 60.0, 70, 10, 30, 5}, {18 * 60.0, 80, 10, 30, 5}}};
}

std::vector<Meal> draw_meals(const DailyRoutine& routine, int first_day, int days, RandomStream& behaviour) {
  std::vector<Meal> meals;
  for (int day = first_day; day < first_day + days; ++day) {
    for (const RoutineMeal& nominal : routine.meals) {
      // Always draw both numbers so that one meal's outcome never shifts the stream of the next.
      const double time_z = std::clamp(behaviour.standard_normal(), -3.0, 3.0);
      const double carbs_z = behaviour.standard_normal();
      const double carbs_g = nominal.carbs_g + nominal.carbs_sd_g * carbs_z;
      if (carbs_g <= 0) continue;
      const double t_min = static_cast<double>(day - first_day) * units::kMinutesPerDay + nominal.time_of_day_min +
                           nominal.time_sd_min * time_z;
      meals.push_back({std::max(0.0, t_min), carbs_g, nominal.eating_rate_g_per_min, true});
    }
  }
  std::stable_sort(meals.begin(), meals.end(), [](const Meal& a, const Meal& b) { return a.t_min < b.t_min; });
  return meals;
}

}  // namespace isletsim
