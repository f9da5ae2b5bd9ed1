// Everyday care multipliers reproduce the effect sizes they cite.
#include "progression/everyday_care.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/input_error.hpp"

namespace isletsim {
namespace {

TEST(EverydayCare, WeightLossOfVitolaSizeGivesVitolaSensitivityGains) {
  // Vitola 2009: 8.2 % loss -> hepatic +56 %, muscle +97 %.
  const auto m = weight_change_sensitivity(-8.2);
  EXPECT_NEAR(m.liver, 1.56, 1e-12);
  EXPECT_NEAR(m.muscle, 1.97, 1e-12);
  // Gain lowers sensitivity by the reciprocal (assumption: symmetric in log).
  const auto gain = weight_change_sensitivity(8.2);
  EXPECT_NEAR(gain.liver, 1.0 / 1.56, 1e-12);
  EXPECT_NEAR(gain.muscle, 1.0 / 1.97, 1e-12);
  EXPECT_DOUBLE_EQ(weight_change_sensitivity(0).muscle, 1.0);
}

TEST(EverydayCare, SleepRestrictionMatchesBuxtonAndDonga) {
  EXPECT_DOUBLE_EQ(sleep_restriction_sensitivity(8.0), 1.0);
  EXPECT_NEAR(sleep_restriction_sensitivity(5.0), 0.89, 1e-12);   // Buxton 2010: -11 %
  EXPECT_NEAR(sleep_restriction_sensitivity(4.0), 0.75, 1e-12);   // Donga 2010: ~-25 %
  EXPECT_NEAR(sleep_restriction_sensitivity(6.0), 0.945, 1e-12);  // halfway between 5 and 7 h
}

TEST(EverydayCare, ExerciseRaisesMuscleSensitivityByFortyPercentFadingOverThreeDays) {
  EXPECT_NEAR(post_exercise_muscle_sensitivity(0.0), 1.40, 1e-12);              // Ross 2003: at least 40 %
  EXPECT_NEAR(post_exercise_muscle_sensitivity(48.0), 1.0 + 0.4 / 3.0, 1e-12);  // still raised at 48 h (Mikines 1988)
  EXPECT_DOUBLE_EQ(post_exercise_muscle_sensitivity(120.0), 1.0);               // gone at 120 h (Mikines 1988)
  EXPECT_DOUBLE_EQ(post_exercise_muscle_sensitivity(-1.0), 1.0);
}

TEST(EverydayCare, RejectsOutOfRangeInputsNamingTheKey) {
  try {
    (void)weight_change_sensitivity(-30);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.location().key, "weight_change_percent");
  }
  EXPECT_THROW((void)weight_change_sensitivity(std::nan("")), InputError);
  try {
    (void)sleep_restriction_sensitivity(-2);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.location().key, "sleep_hours");
  }
  EXPECT_THROW((void)sleep_restriction_sensitivity(25), InputError);
}

}  // namespace
}  // namespace isletsim
