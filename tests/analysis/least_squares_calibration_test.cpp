// The generic least-squares calibration: it recovers known parameters from exact synthetic targets, its standard
// errors are the hand-derived weighted-least-squares covariance of a linear model, it reports non-identifiable
// set-ups, respects bounds, and rejects bad set-ups naming the key.
#include <gtest/gtest.h>

#include <cmath>

#include <fmt/format.h>

#include "analysis/least_squares_calibration.hpp"
#include "core/input_error.hpp"

namespace isletsim {
namespace {

// y = a exp(-b t) at t = 0, 1, 2, 4: exact targets from a = 3, b = 0.4; the fit starts at a = 1, b = 1.
TEST(LeastSquaresCalibration, RecoversKnownParametersOfANonLinearModel) {
  const std::vector<double> t = {0, 1, 2, 4};
  std::vector<CalibrationTarget> targets;
  for (const double ti : t) targets.push_back({fmt::format("y({})", ti), 3.0 * std::exp(-0.4 * ti), 0.1});
  const CalibrationModel model = [&](std::span<const double> p) {
    std::vector<double> y;
    for (const double ti : t) y.push_back(p[0] * std::exp(-p[1] * ti));
    return y;
  };
  const CalibrationResult r = calibrate_least_squares({{"a", 1.0, 0.0, 10.0}, {"b", 1.0, 0.0, 5.0}}, targets, model);
  EXPECT_TRUE(r.converged) << r.solver_summary;
  EXPECT_NEAR(r.estimate[0], 3.0, 1e-7);
  EXPECT_NEAR(r.estimate[1], 0.4, 1e-8);
  EXPECT_LT(r.cost, 1e-12);
  EXPECT_TRUE(r.identifiable);
  EXPECT_FALSE(r.at_bound[0]);
  EXPECT_FALSE(r.at_bound[1]);
}

// Straight line y = a + b t, targets at t = 0, 1, 3 with standard deviations 1, 2, 0.5. Weighted least squares:
// Cov = (X^T W X)^-1 with W = diag(1/s^2). Hand-derived: X^T W X = [[S0, S1], [S1, S2]] with
// S0 = sum 1/s^2 = 1 + 0.25 + 4 = 5.25, S1 = sum t/s^2 = 0 + 0.25 + 12 = 12.25, S2 = sum t^2/s^2 = 0.25 + 36 = 36.25;
// det = 5.25 x 36.25 - 12.25^2 = 40.25; var(a) = S2/det, var(b) = S0/det, cov = -S1/det.
TEST(LeastSquaresCalibration, StandardErrorsAreTheWeightedLeastSquaresCovariance) {
  const std::vector<double> t = {0, 1, 3};
  const std::vector<double> observed = {1.1, 2.9, 7.2};  // not on a line: residuals remain
  const std::vector<double> sd = {1.0, 2.0, 0.5};
  std::vector<CalibrationTarget> targets;
  for (std::size_t i = 0; i < t.size(); ++i) targets.push_back({fmt::format("y{}", i), observed[i], sd[i]});
  const CalibrationModel model = [&](std::span<const double> p) {
    std::vector<double> y;
    for (const double ti : t) y.push_back(p[0] + p[1] * ti);
    return y;
  };
  const CalibrationResult r = calibrate_least_squares({{"a", 0.0, -100, 100}, {"b", 0.0, -100, 100}}, targets, model);
  ASSERT_TRUE(r.identifiable);
  const double S0 = 5.25, S1 = 12.25, S2 = 36.25, det = S0 * S2 - S1 * S1;
  EXPECT_NEAR(det, 40.25, 1e-12);
  EXPECT_NEAR(r.standard_error[0], std::sqrt(S2 / det), 1e-6);
  EXPECT_NEAR(r.standard_error[1], std::sqrt(S0 / det), 1e-6);
  EXPECT_NEAR(r.covariance[0][1], -S1 / det, 1e-6);
  // Normal equations: [S0 S1; S1 S2] [a b]^T = [sum y/s^2, sum t y/s^2] = [1.1 + 0.725 + 28.8, 0.725 + 86.4].
  const double r0 = 1.1 + 2.9 / 4.0 + 7.2 * 4.0, r1 = 2.9 / 4.0 + 3.0 * 7.2 * 4.0;
  EXPECT_NEAR(r.estimate[0], (S2 * r0 - S1 * r1) / det, 1e-7);
  EXPECT_NEAR(r.estimate[1], (S0 * r1 - S1 * r0) / det, 1e-7);
}

// One target, two parameters that only enter as a sum: J^T J is singular, so no standard errors.
TEST(LeastSquaresCalibration, ReportsParametersTheTargetsDoNotIdentify) {
  const CalibrationModel model = [](std::span<const double> p) { return std::vector<double>{p[0] + p[1]}; };
  const CalibrationResult r =
      calibrate_least_squares({{"a", 1.0, -10, 10}, {"b", 1.0, -10, 10}}, {{"sum", 5.0, 0.1}}, model);
  EXPECT_NEAR(r.predicted[0], 5.0, 1e-8);
  EXPECT_FALSE(r.identifiable);
  EXPECT_TRUE(std::isnan(r.standard_error[0]));
  EXPECT_TRUE(r.covariance.empty());
}

// The target wants a = 5; the upper bound 2 holds it there.
TEST(LeastSquaresCalibration, StaysWithinItsBounds) {
  const CalibrationModel model = [](std::span<const double> p) { return std::vector<double>{p[0]}; };
  const CalibrationResult r = calibrate_least_squares({{"a", 1.0, 0.0, 2.0}}, {{"a_target", 5.0, 1.0}}, model);
  EXPECT_NEAR(r.estimate[0], 2.0, 1e-9);
  EXPECT_TRUE(r.at_bound[0]);
  EXPECT_NEAR(r.weighted_residual[0], -3.0, 1e-9);
  EXPECT_NEAR(r.cost, 4.5, 1e-8);
}

TEST(LeastSquaresCalibration, BadSetUpsNameTheKey) {
  const CalibrationModel one = [](std::span<const double> p) { return std::vector<double>{p[0]}; };
  struct Case {
    std::vector<CalibrationParameter> parameters;
    std::vector<CalibrationTarget> targets;
    const char* key;
  };
  const double nan = std::nan("");
  const std::vector<Case> cases = {
      {{}, {{"y", 1, 1}}, "parameters"},
      {{{"a", 1, 0, 2}}, {}, "targets"},
      {{{"a", 1, 2, 0}}, {{"y", 1, 1}}, "parameters[0].lower"},
      {{{"a", 1, nan, 2}}, {{"y", 1, 1}}, "parameters[0].lower"},
      {{{"a", 3, 0, 2}}, {{"y", 1, 1}}, "parameters[0].initial"},
      {{{"a", 1, 0, 2}, {"a", 1, 0, 2}}, {{"y", 1, 1}}, "parameters[1].name"},
      {{{"a", 1, 0, 2}}, {{"y", nan, 1}}, "targets[0].observed"},
      {{{"a", 1, 0, 2}}, {{"y", 1, 0}}, "targets[0].standard_deviation"},
      {{{"a", 1, 0, 2}}, {{"y", 1, -1}}, "targets[0].standard_deviation"},
      {{{"a", 1, 0, 2}}, {{"y", 1, 1}, {"y", 2, 1}}, "targets[1].name"},
      {{{"a", 1, 0, 2}}, {{"y", 1, 1}, {"z", 2, 1}}, "targets"},  // the model returns 1 prediction for 2 targets
  };
  for (const Case& c : cases) {
    try {
      (void)calibrate_least_squares(c.parameters, c.targets, one);
      ADD_FAILURE() << "no error for " << c.key;
    } catch (const InputError& error) {
      EXPECT_EQ(error.location().key, c.key) << error.problem();
    }
  }
}

}  // namespace
}  // namespace isletsim
