#include <gtest/gtest.h>

#include "control/basal_bolus_controller.hpp"
#include "control/open_loop_controller.hpp"
#include "control/pid_controller.hpp"

namespace isletsim {
namespace {

ControllerObservation at(double t_min, double cgm_mg_dl, double carbs_g = 0, double interval_min = 1) {
  ControllerObservation now;
  now.t_min = t_min;
  now.time_of_day_min = t_min;
  now.cgm_mg_dl = cgm_mg_dl;
  now.announced_carbs_g = carbs_g;
  now.control_interval_min = interval_min;
  return now;
}

TEST(BasalSchedule, HoldsEachRateUntilTheNextSegment) {
  const BasalSchedule schedule({{360, 1.2}, {0, 0.6}, {1320, 0.9}});
  EXPECT_DOUBLE_EQ(schedule.rate_u_per_min(0), 0.6 / 60);
  EXPECT_DOUBLE_EQ(schedule.rate_u_per_min(359), 0.6 / 60);
  EXPECT_DOUBLE_EQ(schedule.rate_u_per_min(360), 1.2 / 60);
  EXPECT_DOUBLE_EQ(schedule.rate_u_per_min(1439), 0.9 / 60);
  EXPECT_THROW(BasalSchedule({{60, 1.0}}), std::invalid_argument);
}

TEST(BasalBolusController, MealBolusIsCarbsOverCarbRatio) {
  BasalBolusController controller({BasalSchedule::constant(0.6), 10, 40, 140, 150});
  const auto request = controller.decide(at(420, 120, 60));
  EXPECT_DOUBLE_EQ(request.bolus_u, 6.0);
  EXPECT_DOUBLE_EQ(request.basal_u_per_min, 0.01);
}

TEST(BasalBolusController, CorrectsAboveThresholdTowardsTarget) {
  BasalBolusController controller({BasalSchedule::constant(0.6), 10, 40, 140, 150});
  // 60 g / 10 + (220 - 140) / 40 = 6 + 2 = 8 U.
  EXPECT_DOUBLE_EQ(controller.decide(at(420, 220, 60)).bolus_u, 8.0);
  // No correction at 150 mg/dl (threshold not exceeded), none without a meal.
  EXPECT_DOUBLE_EQ(controller.decide(at(423, 150, 60)).bolus_u, 6.0);
  EXPECT_DOUBLE_EQ(controller.decide(at(426, 300, 0)).bolus_u, 0.0);
}

TEST(OpenLoopController, GivesEachScheduledBolusOnceWithinItsControlStep) {
  OpenLoopController controller(BasalSchedule::constant(1.2), {{10, 4.0}, {11, 1.0}, {30, 2.0}});
  EXPECT_DOUBLE_EQ(controller.decide(at(9, 100, 0, 3)).bolus_u, 5.0);  // 10 and 11 fall in [9, 12)
  EXPECT_DOUBLE_EQ(controller.decide(at(12, 100, 0, 3)).bolus_u, 0.0);
  EXPECT_DOUBLE_EQ(controller.decide(at(30, 100, 0, 3)).bolus_u, 2.0);
  EXPECT_DOUBLE_EQ(controller.decide(at(33, 100, 0, 3)).basal_u_per_min, 0.02);
}

TEST(PidController, ProportionalIntegralDerivativeTerms) {
  PidSettings settings;
  settings.basal = BasalSchedule::constant(0.6);  // 0.01 U/min
  settings.target_mg_dl = 120;
  settings.proportional_u_per_min_per_mg_dl = 0.001;
  settings.integral_u_per_min_per_mg_dl_min = 0.0001;
  settings.derivative_u_per_min_per_mg_dl_per_min = 0.01;
  PidController controller(settings);
  // First call: e = 30, no history -> 0.01 + 0.03 = 0.04.
  EXPECT_NEAR(controller.decide(at(0, 150)).basal_u_per_min, 0.04, 1e-12);
  // Second call 5 min later: e = 40, integral 200, de/dt = 2 -> 0.01 + 0.04 + 0.02 + 0.02 = 0.09.
  EXPECT_NEAR(controller.decide(at(5, 160)).basal_u_per_min, 0.09, 1e-12);
}

TEST(PidController, NeverAsksForNegativeInsulinAndDoesNotWindUp) {
  PidSettings settings;
  settings.basal = BasalSchedule::constant(0.6);
  settings.integral_u_per_min_per_mg_dl_min = 0.0001;
  settings.derivative_u_per_min_per_mg_dl_per_min = 0;
  PidController controller(settings);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(controller.decide(at(i * 5.0, 40)).basal_u_per_min, 0.0);
  // Back at target: the integral was frozen while clipped, so the output is the basal again.
  EXPECT_NEAR(controller.decide(at(500, settings.target_mg_dl)).basal_u_per_min, 0.01, 1e-12);
}

}  // namespace
}  // namespace isletsim
