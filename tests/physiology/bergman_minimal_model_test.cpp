#include "physiology/bergman_minimal_model.hpp"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "core/input_error.hpp"

namespace isletsim {
namespace {

TEST(PiecewiseLinearInsulin, InterpolatesLinearlyAndHoldsOutsideTheSamples) {
  const PiecewiseLinearInsulin insulin({0, 2, 4}, {10, 30, 20});
  EXPECT_DOUBLE_EQ(insulin.at(-5), 10);
  EXPECT_DOUBLE_EQ(insulin.at(1), 20);
  EXPECT_DOUBLE_EQ(insulin.at(3), 25);
  EXPECT_DOUBLE_EQ(insulin.at(4), 20);
  EXPECT_DOUBLE_EQ(insulin.at(100), 20);
}

TEST(PiecewiseLinearInsulin, RejectsUnorderedTimesAndNegativeInsulin) {
  EXPECT_THROW(PiecewiseLinearInsulin({0, 2, 2}, {10, 30, 20}), InputError);
  EXPECT_THROW(PiecewiseLinearInsulin({0, 2, 4}, {10, -1, 20}), InputError);
}

TEST(BergmanMinimalModel, BasalInsulinGivesExponentialDecayAtGlucoseEffectiveness) {
  // With I(t) = I_b, X stays 0 and dG/dt = -S_G (G - G_b): G(t) = G_b + (G0 - G_b) exp(-S_G t).
  const MinimalModelParameters p{0.025, 6e-4, 0.03, 300};
  const MinimalModelBasal basal{90, 10};
  const PiecewiseLinearInsulin insulin({0, 180}, {10, 10});
  const std::vector<double> times = {0, 10, 60, 180};
  const auto trajectory = simulate_minimal_model(p, basal, insulin, times);
  for (std::size_t i = 0; i < times.size(); ++i) {
    EXPECT_NEAR(trajectory.glucose_mg_dl[i], 90 + 210 * std::exp(-0.025 * times[i]), 1e-7) << times[i];
    EXPECT_EQ(trajectory.remote_insulin_per_min[i], 0.0);
    // dG/dG0 = exp(-S_G t); dG/dS_G = -(G0 - G_b) t exp(-S_G t).
    EXPECT_NEAR(trajectory.glucose_sensitivity[i][kG0], std::exp(-0.025 * times[i]), 1e-9);
    EXPECT_NEAR(trajectory.glucose_sensitivity[i][kSG], -210 * times[i] * std::exp(-0.025 * times[i]), 1e-6);
  }
}

TEST(BergmanMinimalModel, ConstantInsulinExcessDrivesRemoteInsulinToSiTimesExcess) {
  // With I - I_b = 20 uU/ml from t = 0: X(t) = S_I * 20 * (1 - exp(-p2 t)).
  const MinimalModelParameters p{0.025, 6e-4, 0.03, 300};
  const MinimalModelBasal basal{90, 10};
  const PiecewiseLinearInsulin insulin({0, 180}, {30, 30});
  const std::vector<double> times = {5, 50, 150};
  const auto trajectory = simulate_minimal_model(p, basal, insulin, times);
  for (std::size_t i = 0; i < times.size(); ++i) {
    EXPECT_NEAR(trajectory.remote_insulin_per_min[i], 6e-4 * 20 * (1 - std::exp(-0.03 * times[i])), 1e-12);
  }
}

TEST(BergmanMinimalModel, SensitivitiesMatchFiniteDifferences) {
  const MinimalModelParameters p{0.025, 6e-4, 0.03, 300};
  const MinimalModelBasal basal{90, 10};
  const PiecewiseLinearInsulin insulin({0, 4, 10, 30, 60, 180}, {10, 120, 60, 40, 20, 8});
  const std::vector<double> times = {8, 30, 90, 180};
  const auto base = simulate_minimal_model(p, basal, insulin, times);
  auto values = to_array(p);
  for (int k = 0; k < kMinimalModelParameterCount; ++k) {
    const auto ku = static_cast<std::size_t>(k);
    const double step = values[ku] * 1e-5;
    auto plus = values;
    auto minus = values;
    plus[ku] += step;
    minus[ku] -= step;
    const auto up = simulate_minimal_model(minimal_model_parameters_from_array(plus), basal, insulin, times);
    const auto down = simulate_minimal_model(minimal_model_parameters_from_array(minus), basal, insulin, times);
    for (std::size_t i = 0; i < times.size(); ++i) {
      const double central = (up.glucose_mg_dl[i] - down.glucose_mg_dl[i]) / (2 * step);
      EXPECT_NEAR(base.glucose_sensitivity[i][ku], central, 1e-5 * std::abs(central) + 1e-6) << "k=" << k;
    }
  }
}

}  // namespace
}  // namespace isletsim
