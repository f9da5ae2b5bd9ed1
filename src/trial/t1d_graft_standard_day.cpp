#include "trial/t1d_graft_standard_day.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "engine/subject_integrator.hpp"
#include "physiology/dalla_man_2007_subjects.hpp"
#include "physiology/hba1c_glycation.hpp"
#include "trial/graft_insulin_secretion.hpp"

namespace isletsim {

namespace {
constexpr int kMinutesPerDay = 24 * 60;
constexpr int kDays = 3;

// The meals of the standard day (therapy/graft_recipient.cpp; simglucose reference day, shared/reference/README.md).
double carbs_g_per_min(int minute_of_day) {
  struct Meal {
    int start_min;
    double carbs_g;
  };
  constexpr Meal kMeals[] = {{7 * 60, 50.0}, {12 * 60, 70.0}, {18 * 60, 80.0}};
  constexpr double kEatingRateGPerMin = 5.0;
  for (const Meal& meal : kMeals) {
    const int eating_min = static_cast<int>(meal.carbs_g / kEatingRateGPerMin);
    if (minute_of_day >= meal.start_min && minute_of_day < meal.start_min + eating_min) {
      return kEatingRateGPerMin;
    }
  }
  return 0.0;
}
}  // namespace

StandardDayGlucose simulate_t1d_graft_standard_day(const UvaPadovaParameters& subject, double graft_mass_fraction,
                                                   EndogenousInsulinRoute route) {
  SubjectIntegrator integrator(subject);
  GraftInsulinSecretion secretion(dalla_man_2007_average_normal(), subject.body_weight_kg);
  secretion.set_functional_mass_fraction(graft_mass_fraction);
  StandardDayGlucose day;
  day.min_glucose_mg_dl = std::numeric_limits<double>::infinity();
  day.max_glucose_mg_dl = -std::numeric_limits<double>::infinity();
  double sum = 0;
  int in_range = 0;
  for (int minute = 0; minute < kDays * kMinutesPerDay; ++minute) {
    const int minute_of_day = minute % kMinutesPerDay;
    const double g = integrator.plasma_glucose_mg_dl();
    const double graft_u_per_min = std::max(0.0, secretion.advance_u_per_min(minute, g));
    if (minute >= (kDays - 1) * kMinutesPerDay) {  // score the last day
      sum += g;
      day.min_glucose_mg_dl = std::min(day.min_glucose_mg_dl, g);
      day.max_glucose_mg_dl = std::max(day.max_glucose_mg_dl, g);
      if (g >= 70.0 && g <= 180.0) ++in_range;
      if (minute_of_day == 7 * 60) day.fasting_glucose_mg_dl = g;
    }
    const double carbs = carbs_g_per_min(minute_of_day);
    if (route == EndogenousInsulinRoute::kPortal) {
      integrator.advance_with_portal_insulin(carbs, 0.0, graft_u_per_min, 1.0);
    } else {
      integrator.advance(carbs, graft_u_per_min, 1.0);
    }
  }
  day.mean_glucose_mg_dl = sum / kMinutesPerDay;
  day.time_in_range_70_180 = static_cast<double>(in_range) / kMinutesPerDay;
  day.adag_hba1c_percent = adag_hba1c_percent(day.mean_glucose_mg_dl);
  return day;
}

double t1d_graft_insulin_independence_fraction(const UvaPadovaParameters& subject, EndogenousInsulinRoute route,
                                               double tolerance) {
  auto holds = [&](double fraction) {
    return meets_insulin_independence_criterion(simulate_t1d_graft_standard_day(subject, fraction, route));
  };
  double low = 0.0;
  double high = 2.0;
  if (holds(low) || !holds(high)) {
    throw std::runtime_error("t1d_graft_insulin_independence_fraction: the criterion must fail at 0 and hold at 2");
  }
  while (high - low > tolerance) {
    const double mid = 0.5 * (low + high);
    (holds(mid) ? high : low) = mid;
  }
  return high;
}

bool plausible_with_normal_islets(const StandardDayGlucose& day_with_normal_islets) {
  return day_with_normal_islets.min_glucose_mg_dl >= kNormalIsletsLowestMgDl &&
         day_with_normal_islets.max_glucose_mg_dl < kNormalIsletsHighestMgDl;
}

bool plausible_with_normal_islets(const UvaPadovaParameters& subject) {
  return plausible_with_normal_islets(simulate_t1d_graft_standard_day(subject, 1.0, EndogenousInsulinRoute::kPortal));
}

}  // namespace isletsim
