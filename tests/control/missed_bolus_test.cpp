// Missed meal boluses (adherence) of the basal-bolus controller: the draws come from the subject's own
// RandomStream(seed, subject, kMissedBolus), one per announced meal, so the skipped meals can be replayed here
// independently of the engine.
#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "control/basal_bolus_controller.hpp"
#include "core/random_stream.hpp"
#include "engine/reference_backend.hpp"
#include "engine/simulation.hpp"
#include "physiology/published_subjects.hpp"

namespace isletsim {
namespace {

ControllerObservation meal_at(double t_min, double carbs_g) {
  ControllerObservation now;
  now.t_min = t_min;
  now.time_of_day_min = t_min;
  now.cgm_mg_dl = 200;  // above the correction threshold: a missed bolus must skip the correction too
  now.announced_carbs_g = carbs_g;
  return now;
}

BasalBolusSettings settings_with(double missed_bolus_probability) {
  BasalBolusSettings s{BasalSchedule::constant(0.6), 10, 40, 140, 150, missed_bolus_probability};
  return s;
}

TEST(MissedBolus, EachMealsBolusIsSkippedExactlyWhenItsDrawFallsBelowTheProbability) {
  const double p = 0.3;
  BasalBolusController controller(settings_with(p), RandomStream(7, 3, StreamPurpose::kMissedBolus));
  RandomStream replay(7, 3, StreamPurpose::kMissedBolus);
  int missed = 0;
  for (int meal = 0; meal < 200; ++meal) {
    const bool expect_missed = replay.uniform() < p;
    const InsulinRequest r = controller.decide(meal_at(meal * 5.0, 60));
    // 60 g / 10 + (200 - 140) / 40 = 7.5 U when given; the basal is never skipped.
    EXPECT_DOUBLE_EQ(r.bolus_u, expect_missed ? 0.0 : 7.5) << "meal " << meal;
    EXPECT_DOUBLE_EQ(r.basal_u_per_min, 0.01);
    missed += expect_missed ? 1 : 0;
  }
  // Not a tautology about the stream: just that the replay exercised both branches.
  EXPECT_GT(missed, 0);
  EXPECT_LT(missed, 200);
}

TEST(MissedBolus, NoDrawWithoutAnAnnouncedMeal) {
  BasalBolusController controller(settings_with(0.5), RandomStream(1, 0, StreamPurpose::kMissedBolus));
  RandomStream replay(1, 0, StreamPurpose::kMissedBolus);
  for (int i = 0; i < 50; ++i) controller.decide(meal_at(i, 0));  // correction alone is never given without a meal
  const bool first_meal_missed = replay.uniform() < 0.5;
  EXPECT_DOUBLE_EQ(controller.decide(meal_at(60, 60)).bolus_u, first_meal_missed ? 0.0 : 7.5);
}

TEST(MissedBolus, ProbabilityOneSkipsEveryBolusAndZeroNone) {
  BasalBolusController never(settings_with(1.0), RandomStream(1, 0, StreamPurpose::kMissedBolus));
  BasalBolusController always(settings_with(0.0), RandomStream(1, 0, StreamPurpose::kMissedBolus));
  for (int meal = 0; meal < 100; ++meal) {
    EXPECT_DOUBLE_EQ(never.decide(meal_at(meal, 60)).bolus_u, 0.0);
    EXPECT_DOUBLE_EQ(always.decide(meal_at(meal, 60)).bolus_u, 7.5);
  }
}

TEST(MissedBolus, RejectsAProbabilityOutsideZeroToOneAndAMissingStream) {
  EXPECT_THROW(BasalBolusController(settings_with(-0.1), RandomStream(1, 0, StreamPurpose::kMissedBolus)),
               std::invalid_argument);
  EXPECT_THROW(BasalBolusController(settings_with(1.01), RandomStream(1, 0, StreamPurpose::kMissedBolus)),
               std::invalid_argument);
  EXPECT_THROW(BasalBolusController(settings_with(std::nan("")), RandomStream(1, 0, StreamPurpose::kMissedBolus)),
               std::invalid_argument);
  EXPECT_THROW(BasalBolusController(settings_with(0.2)), std::invalid_argument);
  EXPECT_NO_THROW(BasalBolusController(settings_with(0.0)));
}

// Two weeks of three announced meals a day with the shipped average adult on basal-bolus pump therapy.
Scenario two_weeks(double missed_bolus_probability) {
  Scenario scenario;
  scenario.duration_min = 14 * 1440;
  scenario.seed = 11;
  scenario.subjects = {average_adult_t1d()};
  for (int day = 0; day < 14; ++day) {
    for (const auto& [t, g] : {std::pair{420.0, 50.0}, {720.0, 70.0}, {1080.0, 80.0}}) {
      scenario.meals.push_back({day * 1440.0 + t, g, 5, true});
    }
  }
  scenario.controller.kind = ControllerKind::kBasalBolus;
  scenario.controller.missed_bolus_probability = missed_bolus_probability;
  scenario.sensor = published_cgm_sensor("Dexcom");
  scenario.pump = *published_insulin_pump("Insulet");
  return scenario;
}

double mean(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size()); }

TEST(MissedBolus, ProbabilityZeroLeavesTheSimulationUnchanged) {
  Scenario before = two_weeks(0.0);
  const auto a = simulate_subject(before, before.subjects[0], 0);
  // The same scenario through a controller built without any stream (the controller as it was before the knob).
  BasalBolusSettings settings;
  settings.basal = BasalSchedule::constant(before.subjects[0].basal_insulin_u_per_min() * 60.0);
  settings.carb_ratio_g_per_u = before.subjects[0].carb_ratio_g_per_u;
  settings.correction_factor_mg_dl_per_u = before.subjects[0].correction_factor_mg_dl_per_u;
  BasalBolusController plain(settings);
  const auto b = simulate_subject(before, before.subjects[0], 0, plain, reference_backend());
  EXPECT_EQ(a.glucose_plasma_mg_dl, b.glucose_plasma_mg_dl);
  EXPECT_EQ(a.insulin_u_per_min, b.insulin_u_per_min);
}

TEST(MissedBolus, ProbabilityOneEqualsMealsThatAreNeverAnnounced) {
  const Scenario all_missed = two_weeks(1.0);
  Scenario unannounced = two_weeks(0.0);
  for (auto& meal : unannounced.meals) meal.announced = false;
  const auto a = simulate_subject(all_missed, all_missed.subjects[0], 0);
  const auto b = simulate_subject(unannounced, unannounced.subjects[0], 0);
  EXPECT_EQ(a.glucose_plasma_mg_dl, b.glucose_plasma_mg_dl);
  EXPECT_EQ(a.insulin_u_per_min, b.insulin_u_per_min);
}

TEST(MissedBolus, AMidProbabilityRaisesMeanGlucoseDeterministicallyGivenTheSeed) {
  const Scenario adherent = two_weeks(0.0);
  const Scenario poor = two_weeks(0.2);
  const Scenario none = two_weeks(1.0);
  const auto a = simulate_subject(adherent, adherent.subjects[0], 0);
  const auto p1 = simulate_subject(poor, poor.subjects[0], 0);
  const auto p2 = simulate_subject(poor, poor.subjects[0], 0);
  const auto n = simulate_subject(none, none.subjects[0], 0);
  EXPECT_EQ(p1.glucose_plasma_mg_dl, p2.glucose_plasma_mg_dl);  // same seed, same missed meals

  // Replay which of the 42 meal boluses were skipped and check that the insulin actually delivered shows it.
  RandomStream replay(poor.seed, 0, StreamPurpose::kMissedBolus);
  int missed = 0;
  for (const Meal& meal : poor.meals) {
    const bool skipped = replay.uniform() < 0.2;
    missed += skipped ? 1 : 0;
    // The meal is announced at the control step covering its start (Dexcom: every 3 min).
    double bolus_near_meal_u = 0;
    const auto start = static_cast<std::size_t>(meal.t_min);
    for (std::size_t t = start; t < start + 3; ++t) bolus_near_meal_u += p1.insulin_u_per_min[t] - a.insulin_u_per_min[t];
    if (skipped) {
      EXPECT_LT(bolus_near_meal_u, -1.0) << "meal at " << meal.t_min;  // the adherent run bolused, this one did not
    }
  }
  EXPECT_GT(missed, 0);
  EXPECT_LT(missed, 42);

  const double mean_adherent = mean(a.glucose_plasma_mg_dl);
  const double mean_poor = mean(p1.glucose_plasma_mg_dl);
  const double mean_none = mean(n.glucose_plasma_mg_dl);
  EXPECT_GT(mean_poor, mean_adherent + 1.0);
  EXPECT_LT(mean_poor, mean_none);
  RecordProperty("mean_glucose_adherent_mg_dl", std::to_string(mean_adherent));
  RecordProperty("mean_glucose_missed_20pct_mg_dl", std::to_string(mean_poor));
  RecordProperty("mean_glucose_all_missed_mg_dl", std::to_string(mean_none));
  RecordProperty("missed_boluses_of_42", std::to_string(missed));
}

TEST(MissedBolus, TheSameMealsAreMissedWhateverTheThreadCount) {
  Scenario cohort = two_weeks(0.3);
  cohort.duration_min = 3 * 1440;
  cohort.meals.resize(9);
  cohort.subjects = {average_adult_t1d(), average_adult_t1d(), average_adult_t1d()};
  std::vector<std::vector<double>> one(3), two(3);
  run_cohort(cohort, {"", 1, 0}, [&](std::size_t i, const SubjectTimeSeries& s) { one[i] = s.insulin_u_per_min; });
  run_cohort(cohort, {"", 2, 1}, [&](std::size_t i, const SubjectTimeSeries& s) { two[i] = s.insulin_u_per_min; });
  EXPECT_EQ(one, two);
  // Identical subjects, different streams: the subjects do not all miss the same meals.
  EXPECT_FALSE(one[0] == one[1] && one[1] == one[2]);
}

}  // namespace
}  // namespace isletsim
