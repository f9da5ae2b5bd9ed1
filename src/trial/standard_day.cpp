#include "trial/standard_day.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "engine/care_loop.hpp"
#include "physiology/dalla_man_2007_subjects.hpp"
#include "physiology/hba1c_glycation.hpp"
#include "trial/graft_insulin_secretion.hpp"

namespace isletsim {

namespace {

constexpr long kMinutesPerDay = 1440;
constexpr int kMealModelDays = 2;
constexpr int kT1dGraftDays = 3;
constexpr double kEatingRateGPerMin = 5.0;  // simglucose reference day (shared/reference/README.md)

// Scores the last of `days` days on plasma glucose at each minute's start.
class StandardDayScore final : public CareRecorder {
 public:
  explicit StandardDayScore(int days) : scored_from_min_(static_cast<double>((days - 1) * kMinutesPerDay)) {
    day_.min_glucose_mg_dl = std::numeric_limits<double>::infinity();
    day_.max_glucose_mg_dl = -std::numeric_limits<double>::infinity();
  }
  bool wants_minutes() const override { return true; }
  void minute(const CareMinute& m) override {
    if (m.t_min < scored_from_min_) return;
    const double g = m.start.plasma_glucose_mg_dl;
    sum_ += g;
    day_.min_glucose_mg_dl = std::min(day_.min_glucose_mg_dl, g);
    day_.max_glucose_mg_dl = std::max(day_.max_glucose_mg_dl, g);
    if (g >= 70.0 && g <= 180.0) ++in_range_;
    if (m.t_min - scored_from_min_ == 7 * 60) day_.fasting_glucose_mg_dl = g;
  }
  StandardDayGlucose result() const {
    StandardDayGlucose day = day_;
    day.mean_glucose_mg_dl = sum_ / kMinutesPerDay;
    day.time_in_range_70_180 = static_cast<double>(in_range_) / kMinutesPerDay;
    day.adag_hba1c_percent = adag_hba1c_percent(day.mean_glucose_mg_dl);
    return day;
  }

 private:
  double scored_from_min_;
  StandardDayGlucose day_;
  double sum_ = 0;
  int in_range_ = 0;
};

// No insulin but a graft's (none when F = 0 is asked for by the meal-model day: its secretion is the model's own).
class GraftSecretionTherapy final : public CareTherapy {
 public:
  GraftSecretionTherapy(const UvaPadovaParameters& recipient, double graft_mass_fraction, EndogenousInsulinRoute route)
      : secretion_(dalla_man_2007_average_normal(), recipient.body_weight_kg), route_(route) {
    secretion_.set_functional_mass_fraction(graft_mass_fraction);
  }
  Controller* controller() override { return nullptr; }
  EndogenousInsulinRoute endogenous_insulin_route() const override { return route_; }
  bool has_minute_inputs() const override { return true; }
  void minute_inputs(double t_min, const SubjectObservation& now, TherapyMinuteInputs& add) override {
    add.endogenous_insulin_u_per_min = secretion_.advance_u_per_min(t_min, now.plasma_glucose_mg_dl);
  }
  std::uint32_t input_routes() const override {
    return kRouteCarbs | (route_ == EndogenousInsulinRoute::kPortal ? kRoutePortalInsulin : kRouteSubcutaneousInsulin);
  }

 private:
  GraftInsulinSecretion secretion_;
  EndogenousInsulinRoute route_;
};

class NoTherapy final : public CareTherapy {
 public:
  Controller* controller() override { return nullptr; }
  std::uint32_t input_routes() const override { return kRouteCarbs; }
};

}  // namespace

std::vector<Meal> standard_day_meals(int days) {
  struct Plan {
    double start_min;
    double carbs_g;
  };
  constexpr Plan kMeals[] = {{7 * 60, 50.0}, {12 * 60, 70.0}, {18 * 60, 80.0}};
  std::vector<Meal> meals;
  for (int day = 0; day < days; ++day) {
    for (const Plan& plan : kMeals) {
      meals.push_back({day * 1440.0 + plan.start_min, plan.carbs_g, kEatingRateGPerMin, false});
    }
  }
  return meals;
}

StandardDayGlucose simulate_standard_day_without_insulin(const MealModelParameters& subject) {
  NoTherapy therapy;
  StandardDayScore score(kMealModelDays);
  CareLane lane;
  lane.meals = standard_day_meals(kMealModelDays);
  lane.therapy = &therapy;
  lane.recorder = &score;
  const VirtualSubject subjects[] = {as_virtual_subject(subject)};
  std::vector<CareLane> lanes;
  lanes.push_back(std::move(lane));
  CareLoop loop(backend_named("reference"), subjects, std::move(lanes));
  loop.run(kMealModelDays * kMinutesPerDay);
  return score.result();
}

std::vector<StandardDayGlucose> simulate_t1d_graft_standard_days(std::span<const UvaPadovaParameters> subjects,
                                                                 double graft_mass_fraction,
                                                                 EndogenousInsulinRoute route,
                                                                 const Backend& backend) {
  std::vector<GraftSecretionTherapy> therapies;
  std::vector<StandardDayScore> scores;
  therapies.reserve(subjects.size());
  scores.reserve(subjects.size());
  std::vector<VirtualSubject> virtual_subjects;
  std::vector<CareLane> lanes;
  for (const UvaPadovaParameters& subject : subjects) {
    therapies.emplace_back(subject, graft_mass_fraction, route);
    scores.emplace_back(kT1dGraftDays);
    CareLane lane;
    lane.meals = standard_day_meals(kT1dGraftDays);
    lane.therapy = &therapies.back();
    lane.recorder = &scores.back();
    lanes.push_back(std::move(lane));
    virtual_subjects.emplace_back(subject);
  }
  CareLoop loop(backend, virtual_subjects, std::move(lanes));
  loop.run(kT1dGraftDays * kMinutesPerDay);
  std::vector<StandardDayGlucose> days;
  for (const StandardDayScore& score : scores) days.push_back(score.result());
  return days;
}

StandardDayGlucose simulate_t1d_graft_standard_day(const UvaPadovaParameters& subject, double graft_mass_fraction,
                                                   EndogenousInsulinRoute route, const Backend& backend) {
  return simulate_t1d_graft_standard_days(std::span<const UvaPadovaParameters>(&subject, 1), graft_mass_fraction,
                                          route, backend)
      .front();
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
