// Simulating scenarios (engine/simulation.hpp) on the reference backend, with the shipped average adult (no external data needed).
#include "engine/simulation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "physiology/published_subjects.hpp"
#include "physiology/uva_padova_model.hpp"

namespace isletsim {
namespace {

Scenario one_day(ControllerKind kind) {
  Scenario scenario;
  scenario.duration_min = 1440;
  scenario.subjects = {average_adult_t1d()};
  scenario.meals = {{420, 50, 5, true}, {720, 70, 5, true}, {1080, 80, 5, true}};
  scenario.controller.kind = kind;
  scenario.sensor = published_cgm_sensor("Dexcom");
  scenario.pump = *published_insulin_pump("Insulet");
  return scenario;
}

TEST(AverageAdult, RestsAtItsBasalSteadyState) {
  const auto subject = average_adult_t1d();
  UvaPadovaInputs basal;
  basal.insulin_pmol_per_kg_per_min = subject.basal_insulin_pmol_per_kg_per_min;
  UvaPadovaState derivative{};
  uva_padova_derivative(subject, basal, subject.initial_state, derivative);
  for (const double d : derivative) EXPECT_LT(std::abs(d), 1e-12);
  EXPECT_NEAR(plasma_glucose_mg_dl(subject, subject.initial_state), 120.0, 1e-12);
}

TEST(ReferenceEngine, OpenLoopWithoutMealsStaysAtBasalGlucose) {
  Scenario scenario = one_day(ControllerKind::kOpenLoop);
  scenario.meals.clear();
  scenario.sensor.reset();
  scenario.pump = *published_insulin_pump("ideal");
  const auto series = simulate_subject(scenario, scenario.subjects[0], 0);
  ASSERT_EQ(series.size(), 1440U);
  for (const double g : series.glucose_plasma_mg_dl) EXPECT_NEAR(g, 120.0, 1e-6);
}

TEST(ReferenceEngine, WritesOneRowPerMinuteWithInputsOverTheFollowingMinute) {
  const Scenario scenario = one_day(ControllerKind::kBasalBolus);
  const auto series = simulate_subject(scenario, scenario.subjects[0], 0);
  ASSERT_EQ(series.size(), 1440U);
  EXPECT_EQ(series.t_min.front(), 0.0);
  EXPECT_EQ(series.t_min.back(), 1439.0);
  EXPECT_DOUBLE_EQ(std::accumulate(series.carbs_g_per_min.begin(), series.carbs_g_per_min.end(), 0.0), 200.0);
  EXPECT_EQ(series.carbs_g_per_min[419], 0.0);
  EXPECT_EQ(series.carbs_g_per_min[420], 5.0);
  EXPECT_EQ(series.carbs_g_per_min[429], 5.0);
  EXPECT_EQ(series.carbs_g_per_min[430], 0.0);
  // The meal bolus (50 g / CR) is given at 07:00, a control step of the 3-minute sensor.
  const double cr = scenario.subjects[0].carb_ratio_g_per_u;
  EXPECT_GT(series.insulin_u_per_min[420], 50.0 / cr - 0.05);
}

TEST(ReferenceEngine, MealsRaiseGlucoseAndBolusesBringItBack) {
  const Scenario scenario = one_day(ControllerKind::kBasalBolus);
  const auto series = simulate_subject(scenario, scenario.subjects[0], 0);
  const double peak_after_breakfast = *std::max_element(series.glucose_plasma_mg_dl.begin() + 420,
                                                        series.glucose_plasma_mg_dl.begin() + 600);
  EXPECT_GT(peak_after_breakfast, 140.0);
  EXPECT_LT(peak_after_breakfast, 250.0);
  EXPECT_LT(series.glucose_plasma_mg_dl[719], peak_after_breakfast);
  // Without boluses the same meals leave glucose higher at the end of the day.
  Scenario no_bolus = scenario;
  no_bolus.controller.kind = ControllerKind::kOpenLoop;
  const auto open = simulate_subject(no_bolus, no_bolus.subjects[0], 0);
  EXPECT_GT(open.glucose_plasma_mg_dl.back(), series.glucose_plasma_mg_dl.back() + 20.0);
}

TEST(ReferenceEngine, SameSeedGivesIdenticalResultsAndTheSeedChangesOnlyTheSensor) {
  const Scenario scenario = one_day(ControllerKind::kOpenLoop);
  const auto a = simulate_subject(scenario, scenario.subjects[0], 0);
  const auto b = simulate_subject(scenario, scenario.subjects[0], 0);
  EXPECT_EQ(a.cgm_mg_dl, b.cgm_mg_dl);
  EXPECT_EQ(a.glucose_plasma_mg_dl, b.glucose_plasma_mg_dl);
  Scenario other_seed = scenario;
  other_seed.seed = 99;
  const auto c = simulate_subject(other_seed, other_seed.subjects[0], 0);
  EXPECT_NE(a.cgm_mg_dl, c.cgm_mg_dl);
  EXPECT_EQ(a.glucose_plasma_mg_dl, c.glucose_plasma_mg_dl);  // open loop: physiology does not see the sensor
}

TEST(ReferenceEngine, PidControllerKeepsGlucoseNearTargetOvernight) {
  Scenario scenario = one_day(ControllerKind::kPid);
  scenario.meals.clear();
  scenario.sensor.reset();
  scenario.controller.pid_target_mg_dl = 110;
  const auto series = simulate_subject(scenario, scenario.subjects[0], 0);
  // Starting at 120 mg/dl, the PID pulls glucose below the open-loop 120 towards 110 within the night.
  EXPECT_LT(series.glucose_plasma_mg_dl[600], 119.0);
  EXPECT_GT(series.glucose_plasma_mg_dl[600], 100.0);
}

}  // namespace
}  // namespace isletsim
