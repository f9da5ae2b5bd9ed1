// The graft recipient in the minute model: see graft_recipient.hpp.
#include "therapy/graft_recipient.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "core/input_error.hpp"
#include "engine/meal_size_tracker.hpp"
#include "engine/model_integrator.hpp"
#include "physiology/dalla_man_2007_model.hpp"
#include "physiology/dalla_man_2007_steady_state.hpp"
#include "physiology/dalla_man_2007_subjects.hpp"
#include "physiology/hba1c_glycation.hpp"

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

namespace {
// Carbohydrate intake (g/min) at minute `minute_of_day` of the standard day (see the header).
double standard_day_carbs_g_per_min(int minute_of_day) {
  struct Meal {
    int start_min;
    double carbs_g;
  };
  constexpr Meal kMeals[] = {{7 * 60, 50.0}, {12 * 60, 70.0}, {18 * 60, 80.0}};
  constexpr double kEatingRateGPerMin = 5.0;  // simglucose reference day (shared/reference/README.md)
  for (const Meal& meal : kMeals) {
    const double eating_min = meal.carbs_g / kEatingRateGPerMin;
    if (minute_of_day >= meal.start_min && minute_of_day < meal.start_min + static_cast<int>(eating_min)) {
      return kEatingRateGPerMin;
    }
  }
  return 0.0;
}
}  // namespace

StandardDayGlucose simulate_standard_day_without_insulin(const MealModelParameters& subject) {
  constexpr int kMinutesPerDay = 24 * 60;
  ModelIntegrator<MealModel> solver(subject, subject.initial_state);
  MealSizeTracker meal_size;
  StandardDayGlucose day;
  day.min_glucose_mg_dl = INFINITY;
  day.max_glucose_mg_dl = -INFINITY;
  double sum = 0;
  int in_range = 0;
  for (int minute = 0; minute < 2 * kMinutesPerDay; ++minute) {
    const int minute_of_day = minute % kMinutesPerDay;
    const double carbs = standard_day_carbs_g_per_min(minute_of_day);
    MealModelInputs u;
    u.carbs_mg_per_min = carbs * 1000.0;
    u.meal_size_mg = meal_size.update(carbs, 1.0, solver.state()[meal_model::kStomachSolid] +
                                                      solver.state()[meal_model::kStomachLiquid]);
    if (minute >= kMinutesPerDay) {  // score the second day, glucose at the start of each minute
      const double g = meal_model_glucose_mg_dl(subject, solver.state());
      sum += g;
      day.min_glucose_mg_dl = std::min(day.min_glucose_mg_dl, g);
      day.max_glucose_mg_dl = std::max(day.max_glucose_mg_dl, g);
      if (g >= 70.0 && g <= 180.0) ++in_range;
      if (minute_of_day == 7 * 60) day.fasting_glucose_mg_dl = g;
    }
    solver.advance(u, 1.0);
  }
  day.mean_glucose_mg_dl = sum / kMinutesPerDay;
  day.time_in_range_70_180 = static_cast<double>(in_range) / kMinutesPerDay;
  day.adag_hba1c_percent = adag_hba1c_percent(day.mean_glucose_mg_dl);
  return day;
}

bool meets_insulin_independence_criterion(const StandardDayGlucose& day) {
  return day.adag_hba1c_percent < 7.0 && day.time_in_range_70_180 >= 0.70;
}

bool stays_in_range(const StandardDayGlucose& day) {
  return day.min_glucose_mg_dl >= 70.0 && day.max_glucose_mg_dl <= 180.0;
}

double smallest_graft_fraction_meeting(bool (*criterion)(const StandardDayGlucose&), double tolerance) {
  auto holds = [&](double fraction) {
    return criterion(simulate_standard_day_without_insulin(graft_recipient_subject(fraction)));
  };
  double low = 0.0;
  double high = 1.0;
  if (holds(low) || !holds(high)) {
    throw std::runtime_error("smallest_graft_fraction_meeting: the criterion must fail at 0 and hold at 1");
  }
  while (high - low > tolerance) {
    const double mid = 0.5 * (low + high);
    (holds(mid) ? high : low) = mid;
  }
  return high;
}

}  // namespace isletsim
