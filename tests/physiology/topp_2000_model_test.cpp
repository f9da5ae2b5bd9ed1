// Checks of the Topp et al. 2000 model against CHECKS.md (values from Topp 2000, J Theor Biol 206:605, and the
// threshold re-derived numerically there).
#include "physiology/topp_2000_model.hpp"

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

namespace isletsim {
namespace {

void expect_within_relative(double actual, double expected, double relative) {
  EXPECT_NEAR(actual, expected, std::abs(expected) * relative) << "expected " << expected;
}

TEST(Topp2000, HasThePublishedThreeFixedPointsWithinHalfAPercent) {
  const auto points = topp_2000_fixed_points(Topp2000Parameters{});
  ASSERT_EQ(points.size(), 3U);
  expect_within_relative(points[0].state.glucose_mg_dl, 100, 0.005);
  expect_within_relative(points[0].state.insulin_uU_ml, 10, 0.005);
  expect_within_relative(points[0].state.beta_cell_mass_mg, 300, 0.005);
  expect_within_relative(points[1].state.glucose_mg_dl, 250, 0.005);
  expect_within_relative(points[1].state.insulin_uU_ml, 2.8, 0.005);
  expect_within_relative(points[1].state.beta_cell_mass_mg, 36.96, 0.005);
  expect_within_relative(points[2].state.glucose_mg_dl, 600, 0.005);
  EXPECT_EQ(points[2].state.insulin_uU_ml, 0);
  EXPECT_EQ(points[2].state.beta_cell_mass_mg, 0);
}

TEST(Topp2000, PhysiologicalAndPathologicalPointsAreStableTheMiddleOneIsASaddle) {
  const auto points = topp_2000_fixed_points(Topp2000Parameters{});
  ASSERT_EQ(points.size(), 3U);
  EXPECT_EQ(points[0].stability, FixedPointStability::kStable);
  EXPECT_EQ(points[1].stability, FixedPointStability::kSaddle);
  EXPECT_EQ(points[2].stability, FixedPointStability::kStable);
  // At the pathological point the beta eigenvalue is -d0 + r1*600 - r2*600^2 = -0.06 + 0.504 - 0.864 = -0.42 /d.
  const auto& slow = points[2].jacobian_eigenvalues_per_day;
  EXPECT_TRUE(std::any_of(slow.begin(), slow.end(), [](auto l) { return std::abs(l - -0.42) < 1e-9; }));
}

TEST(Topp2000, BetaCellMassCompensatesInsulinResistance) {
  // G* is set by the beta equation alone (100 mg/dl), so I* = (R0/G* - EG0)/SI and beta* scale as 1/SI:
  // beta* = 300*0.72/SI (CHECKS.md). SI = 0.18 -> beta 1200 mg, I 40 uU/ml.
  for (const double si : {0.72, 0.36, 0.18, 0.09}) {
    Topp2000Parameters p;
    p.insulin_sensitivity_ml_per_uU_day = si;
    const auto points = topp_2000_fixed_points(p);
    ASSERT_EQ(points.size(), 3U);
    expect_within_relative(points[0].state.glucose_mg_dl, 100, 1e-9);
    expect_within_relative(points[0].state.beta_cell_mass_mg, 300 * 0.72 / si, 1e-9);
    expect_within_relative(points[0].state.insulin_uU_ml, 10 * 0.72 / si, 1e-9);
  }
}

TEST(Topp2000, SaddleNodeInDeathRateAt0Point0735PerDayAndGlucose175) {
  const Topp2000Parameters p;
  expect_within_relative(topp_2000_saddle_node_death_rate_per_day(p), 0.0735, 1e-9);
  expect_within_relative(topp_2000_saddle_node_glucose_mg_dl(p), 175, 1e-9);
  Topp2000Parameters below = p;
  below.beta_death_per_day = 0.0735 * 0.999;
  const auto before = topp_2000_fixed_points(below);
  ASSERT_EQ(before.size(), 3U);
  // Just below the saddle-node the two roots straddle 175: G = 175 -+ sqrt(r1^2 - 4 r2 d0)/(2 r2), and with
  // d0 = 0.999 * r1^2/(4 r2) the square root is sqrt(0.001) * r1 / (2 r2) = 0.03162 * 175 = 5.534 mg/dl.
  EXPECT_NEAR(before[0].state.glucose_mg_dl, 175 - 175 * std::sqrt(0.001), 1e-6);
  EXPECT_NEAR(before[1].state.glucose_mg_dl, 175 + 175 * std::sqrt(0.001), 1e-6);
  EXPECT_EQ(before[0].stability, FixedPointStability::kStable);
  EXPECT_EQ(before[1].stability, FixedPointStability::kSaddle);
  Topp2000Parameters above = p;
  above.beta_death_per_day = 0.0735 * 1.001;
  const auto after = topp_2000_fixed_points(above);
  ASSERT_EQ(after.size(), 1U);  // only the pathological state is left
  EXPECT_DOUBLE_EQ(after[0].state.glucose_mg_dl, 600);
}

struct StepOutcome {
  double peak_glucose_mg_dl = 0;
  Topp2000State final_state;
};

StepOutcome step_insulin_sensitivity(double si_after) {
  Topp2000Parameters p;
  const auto start = topp_2000_fixed_points(p)[0].state;  // healthy, SI = 0.72
  p.insulin_sensitivity_ml_per_uU_day = si_after;
  const auto samples = simulate_topp_2000(p, start, 3000, 0.1);
  StepOutcome outcome;
  for (const auto& s : samples) {
    outcome.peak_glucose_mg_dl = std::max(outcome.peak_glucose_mg_dl, s.state.glucose_mg_dl);
  }
  outcome.final_state = samples.back().state;
  return outcome;
}

TEST(Topp2000, SuddenFallOfSITo0Point090RecoversWithGlucosePeakingNear247) {
  const auto outcome = step_insulin_sensitivity(0.090);
  expect_within_relative(outcome.peak_glucose_mg_dl, 247.5, 0.005);  // CHECKS.md: peak ~247.5
  // New physiological state: G 100, beta = 300*0.72/0.09 = 2400 mg.
  EXPECT_NEAR(outcome.final_state.glucose_mg_dl, 100, 1);
  EXPECT_NEAR(outcome.final_state.beta_cell_mass_mg, 2400, 24);
}

TEST(Topp2000, SuddenFallOfSITo0Point088CollapsesToThePathologicalState) {
  const auto outcome = step_insulin_sensitivity(0.088);
  EXPECT_NEAR(outcome.final_state.glucose_mg_dl, 600, 1);
  EXPECT_LT(outcome.final_state.beta_cell_mass_mg, 1e-3);
}

}  // namespace
}  // namespace isletsim
