#include "trial/random_effects_meta_analysis.hpp"

#include <cmath>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

namespace isletsim {
namespace {

TEST(RandomEffectsMetaAnalysis, ThreeTrialsMatchTheHandComputedDerSimonianLairdExample) {
  // y = -1.0, -0.5, +0.2 with SE 0.2, 0.3, 0.4 -> w = 25, 100/9, 6.25, sum w = 42.3611;
  // y_F = (-25 - 5.5556 + 1.25)/42.3611 = -0.69180;
  // Q = 25 (0.30820)^2 + 11.111 (0.19180)^2 + 6.25 (0.89180)^2 = 2.3747 + 0.4088 + 4.9706 = 7.7541 (df 2);
  // C = 42.3611 - (625 + 123.457 + 39.0625)/42.3611 = 23.7705; tau^2 = (7.7541 - 2)/23.7705 = 0.24207;
  // I^2 = 5.7541/7.7541 = 74.21 %; w* = 1/(s^2 + tau^2) = 3.5411, 3.0303, 2.4638 -> y_R = -0.50350,
  // SE = 1/sqrt(9.0352) = 0.33253, 95 % CI -1.15523 to 0.14824.
  const std::vector<TrialEffect> trials{{-1.0, 0.2}, {-0.5, 0.3}, {0.2, 0.4}};
  const RandomEffectsPooled r = dersimonian_laird(trials);
  EXPECT_EQ(r.trials, 3);
  EXPECT_NEAR(r.fixed_effect_estimate, -0.691803, 1e-6);
  EXPECT_NEAR(r.cochran_q, 7.754098, 1e-6);
  EXPECT_NEAR(r.tau_squared, 0.242069, 1e-6);
  EXPECT_NEAR(r.i_squared, 0.742072, 1e-6);
  EXPECT_NEAR(r.estimate, -0.503496, 1e-6);
  EXPECT_NEAR(r.standard_error, 0.332525, 1e-6);
  EXPECT_NEAR(r.lower, -1.155234, 1e-6);
  EXPECT_NEAR(r.upper, 0.148241, 1e-6);
}

TEST(RandomEffectsMetaAnalysis, HomogeneousTrialsGiveTheFixedEffectWithZeroTauAndI2) {
  // Q = 25 (0.04)^2 + 25 (0.04)^2 = 0.08 < df = 1: tau^2 = 0, I^2 = 0, y_R = y_F = -0.5, SE = 1/sqrt(50).
  const std::vector<TrialEffect> trials{{-0.54, 0.2}, {-0.46, 0.2}};
  const RandomEffectsPooled r = dersimonian_laird(trials);
  EXPECT_NEAR(r.cochran_q, 0.08, 1e-12);
  EXPECT_EQ(r.tau_squared, 0.0);
  EXPECT_EQ(r.i_squared, 0.0);
  EXPECT_NEAR(r.estimate, -0.5, 1e-12);
  EXPECT_NEAR(r.standard_error, 1 / std::sqrt(50.0), 1e-12);
}

TEST(RandomEffectsMetaAnalysis, OneTrialIsItsOwnEstimate) {
  const std::vector<TrialEffect> trials{{-0.7, 0.2}};
  const RandomEffectsPooled r = dersimonian_laird(trials);
  EXPECT_DOUBLE_EQ(r.estimate, -0.7);
  EXPECT_DOUBLE_EQ(r.standard_error, 0.2);
  EXPECT_EQ(r.i_squared, 0.0);
}

TEST(RandomEffectsMetaAnalysis, RejectsNoTrialsAndNonPositiveStandardErrors) {
  EXPECT_THROW(dersimonian_laird(std::vector<TrialEffect>{}), std::invalid_argument);
  EXPECT_THROW(dersimonian_laird(std::vector<TrialEffect>{{-0.5, 0.0}}), std::invalid_argument);
  EXPECT_THROW(dersimonian_laird(std::vector<TrialEffect>{{NAN, 0.1}}), std::invalid_argument);
}

}  // namespace
}  // namespace isletsim
