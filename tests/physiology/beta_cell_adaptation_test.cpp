// The slow beta-cell layer: Topp 2000 mass law (with the capacity limit) and the dedifferentiation law.
#include "physiology/beta_cell_adaptation.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace isletsim {
namespace {

TEST(BetaCellAdaptation, ToppNetGrowthVanishesAtItsTwoFixedPoints) {
  // Topp 2000: -d0 + r1 G - r2 G^2 = 0 at G = (r1 -+ sqrt(r1^2 - 4 r2 d0)) / (2 r2) = 100 and 250 mg/dl.
  const BetaCellAdaptationParameters p;
  EXPECT_NEAR(beta_cell_net_growth_per_day(p, 100.0), 0.0, 1e-15);
  EXPECT_NEAR(beta_cell_net_growth_per_day(p, 250.0), 0.0, 1e-15);
  // Between them the mass grows; at 175 (the vertex, r1/(2 r2)) at -0.06 + 0.147 - 0.0735 = 0.0135 /d.
  EXPECT_NEAR(beta_cell_net_growth_per_day(p, 175.0), 0.0135, 1e-12);
  // Above 250 glucotoxic death: at 300, -0.06 + 0.252 - 0.216 = -0.024 /d.
  EXPECT_NEAR(beta_cell_net_growth_per_day(p, 300.0), -0.024, 1e-12);
}

TEST(BetaCellAdaptation, DeathIsToppsExponentialAndGrowthIsLogisticWithToppsRateAtNormalMass) {
  const BetaCellAdaptationParameters p;
  const BetaCellState s{1.0, 1.0};
  EXPECT_NEAR(step_beta_cell_adaptation(p, s, 300.0, 10.0).relative_mass, std::exp(-0.24), 1e-12);
  // Logistic growth: initial slope at m = 1 is Topp's g = 0.0135 /d; the limit is m_max = 1.5.
  const double tiny_day = 1e-6;
  EXPECT_NEAR((step_beta_cell_adaptation(p, s, 175.0, tiny_day).relative_mass - 1.0) / tiny_day, 0.0135, 1e-8);
  EXPECT_NEAR(step_beta_cell_adaptation(p, s, 175.0, 1e5).relative_mass, 1.5, 1e-12);
  // Below normal mass growth is Topp's exponential: 0.5 e^(0.0135 * 10).
  EXPECT_NEAR(step_beta_cell_adaptation(p, {0.5, 1.0}, 175.0, 10.0).relative_mass, 0.5 * std::exp(0.135), 1e-12);
  // Crossing m = 1 inside a step: exponential up to 1 (t = ln(1/0.99)/0.0135 d), logistic after; two half steps
  // agree with the whole step.
  const auto cross = step_beta_cell_adaptation(p, {0.99, 1.0}, 175.0, 10.0);
  const auto cross_halves =
      step_beta_cell_adaptation(p, step_beta_cell_adaptation(p, {0.99, 1.0}, 175.0, 5.0), 175.0, 5.0);
  EXPECT_NEAR(cross.relative_mass, cross_halves.relative_mass, 1e-12);
  const double rest_day = 10.0 - std::log(1.0 / 0.99) / 0.0135;
  EXPECT_NEAR(cross.relative_mass, 1.5 / (1.0 + 0.5 * std::exp(-0.0405 * rest_day)), 1e-12);
  // Closed forms: two half steps at fixed glucose equal one whole step (no splitting error at fixed glucose).
  const auto one = step_beta_cell_adaptation(p, s, 175.0, 10.0);
  const auto half = step_beta_cell_adaptation(p, step_beta_cell_adaptation(p, s, 175.0, 5.0), 175.0, 5.0);
  EXPECT_NEAR(half.relative_mass, one.relative_mass, 1e-12);
  EXPECT_NEAR(half.relative_function, one.relative_function, 1e-12);
}

TEST(BetaCellAdaptation, HyperglycaemiaCostsFunctionAndNormoglycaemiaRestoresFunctionButNotMass) {
  const BetaCellAdaptationParameters p;
  // At Gb = 150 the function target is 1 / (1 + (50/20)^2) = 1/7.25 and function falls with the loss time
  // constant (250 d): after 60 d f = 1/7.25 + (1 - 1/7.25) e^-0.24.
  const BetaCellState healthy{1.0, 1.0};
  const double target = 1.0 / 7.25;
  EXPECT_NEAR(beta_cell_function_target(p, 150.0), target, 1e-15);
  EXPECT_NEAR(step_beta_cell_adaptation(p, healthy, 150.0, 60.0).relative_function,
              target + (1.0 - target) * std::exp(-0.24), 1e-12);
  // Impaired: function 0.5, mass 0.6 (after a glucotoxic period). With glucose normalised to the set point
  // (Gb = 100) Topp's net growth is zero, so mass stays at 0.6, while function returns toward 1 with the recovery
  // time constant (20 d): after 60 d f = 1 - 0.5 e^-3 = 0.975106.
  BetaCellState s{0.6, 0.5};
  for (int day = 0; day < 60; ++day) s = step_beta_cell_adaptation(p, s, 100.0, 1.0);
  EXPECT_NEAR(s.relative_function, 1.0 - 0.5 * std::exp(-3.0), 1e-12);
  EXPECT_NEAR(s.relative_mass, 0.6, 1e-12);
}

}  // namespace
}  // namespace isletsim
