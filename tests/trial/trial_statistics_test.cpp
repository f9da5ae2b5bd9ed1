#include "trial/trial_statistics.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace isletsim {
namespace {

// Newcombe 1998 (Stat Med 17:857), Table II, method 3 (Wilson score without continuity correction).
TEST(WilsonInterval, MatchesNewcombe1998TableII) {
  struct Case { int x, n; double lower, upper; };
  for (const Case c : {Case{81, 263, 0.2553, 0.3662}, Case{15, 148, 0.0624, 0.1605}, Case{0, 20, 0.0, 0.1611},
                       Case{1, 29, 0.0061, 0.1718}}) {
    const Interval ci = wilson_interval(c.x, c.n);
    EXPECT_NEAR(ci.lower, c.lower, 5e-5) << c.x << "/" << c.n;
    EXPECT_NEAR(ci.upper, c.upper, 5e-5) << c.x << "/" << c.n;
  }
}

// Newcombe 1998 (Stat Med 17:873), Table II, method 10 (hybrid score interval for a difference).
TEST(NewcombeDifference, MatchesNewcombe1998TableII) {
  const Interval a = newcombe_difference(56, 70, 48, 80);
  EXPECT_NEAR(a.estimate, 0.2, 1e-12);
  EXPECT_NEAR(a.lower, 0.0524, 5e-5);
  EXPECT_NEAR(a.upper, 0.3339, 5e-5);
  const Interval b = newcombe_difference(9, 10, 3, 10);
  EXPECT_NEAR(b.lower, 0.1705, 5e-5);
  EXPECT_NEAR(b.upper, 0.8090, 5e-5);
}

// Hand derivation: a = {1,2,3}, b = {4,5,6}: difference -3, variances 1, SE = sqrt(1/3 + 1/3) = 0.816497,
// Welch df = (2/3)^2 / ((1/3)^2/2 + (1/3)^2/2) = 4; t(0.975, 4) = 2.776445 (standard tables), so the interval is
// -3 +- 2.266958; |t| = 3.674235 with 4 df gives a two-sided p of 0.02131.
TEST(WelchMeanDifference, HandDerivedIntervalAndPValue) {
  const std::vector<double> b = {1, 2, 3};
  const std::vector<double> a = {4, 5, 6};
  const Interval ci = welch_mean_difference(b, a);
  EXPECT_NEAR(ci.estimate, -3.0, 1e-12);
  EXPECT_NEAR(ci.lower, -5.266958, 1e-6);
  EXPECT_NEAR(ci.upper, -0.733042, 1e-6);
  EXPECT_NEAR(welch_t_test_p_value(b, a), 0.02131, 5e-5);
}

TEST(ArmSummary, QuartilesAreType7) {
  const std::vector<double> values = {7, 1, 3, 5};  // sorted 1 3 5 7: Q1 at 0.75 -> 2.5, median 4, Q3 5.5
  const ArmSummary s = summarise_arm(values);
  EXPECT_EQ(s.n, 4);
  EXPECT_DOUBLE_EQ(s.mean, 4.0);
  EXPECT_DOUBLE_EQ(s.median, 4.0);
  EXPECT_DOUBLE_EQ(s.quartile_1, 2.5);
  EXPECT_DOUBLE_EQ(s.quartile_3, 5.5);
  EXPECT_NEAR(s.standard_deviation, 2.5819889, 1e-7);  // sqrt(20/3)
}

TEST(TrialStatistics, RejectsImpossibleInputs) {
  EXPECT_THROW(wilson_interval(5, 4), std::invalid_argument);
  EXPECT_THROW(wilson_interval(0, 0), std::invalid_argument);
  const std::vector<double> one = {1.0};
  EXPECT_THROW(welch_mean_difference(one, one), std::invalid_argument);
}

}  // namespace
}  // namespace isletsim
