// A participant's daily routine in a virtual trial: the same meals every day (breakfast, lunch, dinner by
// default), with day-to-day variation in their time and size drawn from the participant's behaviour stream.
//
// Modelling assumption (ours, stated in docs/trial.md): meal time ~ N(nominal time, time_sd_min^2) and
// carbohydrate ~ N(nominal carbs, carbs_sd_g^2), independent between meals and days; a draw below 0 g skips
// that meal; times are kept within +-3 SD. The default meals are those of simglucose's reference day (50 g at
// 07:00, 70 g at 12:00, 80 g at 18:00, see ../shared/reference/README.md) with SDs of 10 g and 30 min (assumption).
#pragma once

#include <cstdint>
#include <vector>

#include "core/random_stream.hpp"
#include "engine/meal_intake.hpp"

namespace isletsim {

struct RoutineMeal {
  double time_of_day_min = 0;
  double carbs_g = 0;
  double carbs_sd_g = 0;
  double time_sd_min = 0;
  double eating_rate_g_per_min = 5.0;  // simglucose's default eating rate
};

struct DailyRoutine {
  std::vector<RoutineMeal> meals;
};

DailyRoutine default_daily_routine();

// Meals of days [first_day, first_day + days), times in minutes since midnight of first_day, sorted; drawn in
// day order from `behaviour` (so a participant's meals depend only on its stream).
std::vector<Meal> draw_meals(const DailyRoutine& routine, int first_day, int days, RandomStream& behaviour);

}  // namespace isletsim
