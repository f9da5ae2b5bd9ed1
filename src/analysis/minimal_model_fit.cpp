#include "analysis/minimal_model_fit.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
#include <vector>

#include <ceres/ceres.h>
#include <fmt/format.h>

#include "core/input_error.hpp"

namespace isletsim {

namespace {

constexpr int kMinimumSamples = kMinimalModelParameterCount + 1;

// Lower bounds that keep each parameter positive (the model is meaningless at or below zero).
constexpr std::array<double, kMinimalModelParameterCount> kLowerBounds = {1e-8, 1e-10, 1e-8, 1.0};

// Residuals G_model(t_i) - G_measured(t_i) for the fitted samples; Jacobian from the forward sensitivities.
class MinimalModelGlucoseResiduals final : public ceres::CostFunction {
 public:
  MinimalModelGlucoseResiduals(const MinimalModelBasal& basal, const PiecewiseLinearInsulin& insulin,
                               std::vector<double> t_min, std::vector<double> glucose_mg_dl)
      : basal_(basal), insulin_(insulin), t_min_(std::move(t_min)), glucose_mg_dl_(std::move(glucose_mg_dl)) {
    set_num_residuals(static_cast<int>(t_min_.size()));
    mutable_parameter_block_sizes()->push_back(kMinimalModelParameterCount);
  }

  bool Evaluate(double const* const* parameters, double* residuals, double** jacobians) const override {
    std::array<double, kMinimalModelParameterCount> values{};
    std::copy(parameters[0], parameters[0] + kMinimalModelParameterCount, values.begin());
    const auto trajectory =
        simulate_minimal_model(minimal_model_parameters_from_array(values), basal_, insulin_, t_min_);
    for (std::size_t i = 0; i < t_min_.size(); ++i) {
      residuals[i] = trajectory.glucose_mg_dl[i] - glucose_mg_dl_[i];
      if (!std::isfinite(residuals[i])) return false;  // tells Ceres to shrink the step
      if (jacobians != nullptr && jacobians[0] != nullptr) {
        for (std::size_t k = 0; k < kMinimalModelParameterCount; ++k) {
          jacobians[0][i * kMinimalModelParameterCount + k] = trajectory.glucose_sensitivity[i][k];
        }
      }
    }
    return true;
  }

 private:
  MinimalModelBasal basal_;
  const PiecewiseLinearInsulin& insulin_;
  std::vector<double> t_min_;
  std::vector<double> glucose_mg_dl_;
};

const GlucoseInsulinSample* sample_at_time_zero(std::span<const GlucoseInsulinSample> ivgtt) {
  for (const auto& sample : ivgtt) {
    if (sample.t_min == 0) return &sample;
  }
  return nullptr;
}

double checked_basal(const std::optional<double>& given, const GlucoseInsulinSample* at_zero, double at_zero_value,
                     const char* key, const char* units, bool allow_zero) {
  double value = 0;
  if (given) {
    value = *given;
  } else if (at_zero != nullptr) {
    value = at_zero_value;
  } else {
    throw InputError({"", 0, key}, "no sample at t = 0 min to take the basal value from; give it explicitly");
  }
  if (!std::isfinite(value) || value < 0 || (!allow_zero && value == 0)) {
    throw InputError({"", 0, key}, fmt::format("must be a finite number {} 0 {} (got {})", allow_zero ? ">=" : ">",
                                               units, value));
  }
  return value;
}

// Ceres reports through glog (e.g. "covariance matrix is near rank deficient" on stderr). isletsim reports every
// fit problem itself, in MinimalModelFit, so glog messages below FATAL are switched off once, the first time a
// fit runs.
void silence_solver_logging() {
  static std::once_flag once;
  std::call_once(once, [] { FLAGS_minloglevel = google::GLOG_FATAL; });
}

}  // namespace

MinimalModelFit fit_minimal_model(std::span<const GlucoseInsulinSample> ivgtt, const MinimalModelFitOptions& options) {
  if (!std::isfinite(options.fit_from_min) || options.fit_from_min < 0) {
    throw InputError({"", 0, "fit_from_min"}, fmt::format("must be a finite number >= 0 min (got {})",
                                                          options.fit_from_min));
  }
  std::vector<double> insulin_t_min;
  std::vector<double> insulin_uU_ml;
  std::vector<double> fitted_t_min;
  std::vector<double> fitted_glucose_mg_dl;
  for (std::size_t i = 0; i < ivgtt.size(); ++i) {
    const auto& sample = ivgtt[i];
    if (!std::isfinite(sample.glucose_mg_dl) || sample.glucose_mg_dl <= 0) {
      throw InputError({"", 0, fmt::format("ivgtt[{}].glucose_mg_dl", i)},
                       fmt::format("must be a finite number > 0 mg/dl (got {})", sample.glucose_mg_dl));
    }
    insulin_t_min.push_back(sample.t_min);
    insulin_uU_ml.push_back(sample.insulin_uU_ml);
    if (sample.t_min >= options.fit_from_min) {
      fitted_t_min.push_back(sample.t_min);
      fitted_glucose_mg_dl.push_back(sample.glucose_mg_dl);
    }
  }
  const PiecewiseLinearInsulin insulin(insulin_t_min, insulin_uU_ml);  // checks times and insulin values
  if (static_cast<int>(fitted_t_min.size()) < kMinimumSamples) {
    throw InputError({"", 0, "ivgtt"}, fmt::format("the minimal-model fit needs at least {} glucose samples at "
                                                   "t >= {} min; found {}", kMinimumSamples, options.fit_from_min,
                                                   fitted_t_min.size()));
  }

  MinimalModelFit fit;
  const GlucoseInsulinSample* at_zero = sample_at_time_zero(ivgtt);
  fit.basal.glucose_mg_dl = checked_basal(options.basal_glucose_mg_dl, at_zero,
                                          at_zero ? at_zero->glucose_mg_dl : 0.0, "basal_glucose_mg_dl", "mg/dl", false);
  fit.basal.insulin_uU_ml = checked_basal(options.basal_insulin_uU_ml, at_zero,
                                          at_zero ? at_zero->insulin_uU_ml : 0.0, "basal_insulin_uU_ml", "uU/ml", true);

  MinimalModelParameters start;
  if (options.initial_guess) {
    start = *options.initial_guess;
  } else {
    // Typical normal values (CHECKS: S_G ~0.02 /min, S_I a few 1e-4); G0 near the early peak of the curve.
    start.glucose_effectiveness_per_min = 0.02;
    start.insulin_sensitivity_per_min_per_uU_ml = 5e-4;
    start.p2_per_min = 0.02;
    start.glucose0_mg_dl = std::max_element(ivgtt.begin(), ivgtt.end(), [](const auto& a, const auto& b) {
                             return a.glucose_mg_dl < b.glucose_mg_dl;
                           })->glucose_mg_dl;
  }
  auto values = to_array(start);
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (!std::isfinite(values[k]) || values[k] < kLowerBounds[k]) {
      throw InputError({"", 0, "initial_guess"}, fmt::format("parameter {} must be finite and >= {} (got {})", k,
                                                             kLowerBounds[k], values[k]));
    }
  }

  silence_solver_logging();
  ceres::Problem::Options problem_options;
  problem_options.cost_function_ownership = ceres::TAKE_OWNERSHIP;
  ceres::Problem problem(problem_options);
  problem.AddResidualBlock(new MinimalModelGlucoseResiduals(fit.basal, insulin, fitted_t_min, fitted_glucose_mg_dl),
                           nullptr, values.data());
  for (std::size_t k = 0; k < values.size(); ++k) {
    problem.SetParameterLowerBound(values.data(), static_cast<int>(k), kLowerBounds[k]);
  }

  ceres::Solver::Options solver_options;
  solver_options.minimizer_type = ceres::TRUST_REGION;
  solver_options.trust_region_strategy_type = ceres::LEVENBERG_MARQUARDT;
  solver_options.linear_solver_type = ceres::DENSE_QR;
  solver_options.max_num_iterations = options.max_iterations;
  solver_options.function_tolerance = 1e-12;
  solver_options.gradient_tolerance = 1e-14;
  solver_options.parameter_tolerance = 1e-12;
  solver_options.minimizer_progress_to_stdout = false;
  solver_options.logging_type = ceres::SILENT;
  ceres::Solver::Summary summary;
  ceres::Solve(solver_options, &problem, &summary);

  fit.parameters = minimal_model_parameters_from_array(values);
  fit.samples_fitted = static_cast<int>(fitted_t_min.size());
  fit.sum_squared_residuals = 2.0 * summary.final_cost;  // Ceres' cost is SSR / 2
  const double residual_variance = fit.sum_squared_residuals / (fit.samples_fitted - kMinimalModelParameterCount);
  fit.residual_sd_mg_dl = std::sqrt(residual_variance);
  fit.iterations = static_cast<int>(summary.iterations.size());
  fit.converged = summary.termination_type == ceres::CONVERGENCE;
  fit.solver_report = summary.BriefReport();

  ceres::Covariance::Options covariance_options;
  covariance_options.algorithm_type = ceres::DENSE_SVD;  // 4 parameters: exact and reports rank deficiency
  ceres::Covariance covariance(covariance_options);
  std::vector<std::pair<const double*, const double*>> blocks = {{values.data(), values.data()}};
  std::array<double, kMinimalModelParameterCount * kMinimalModelParameterCount> unscaled{};
  std::array<double, kMinimalModelParameterCount> standard_errors{};
  standard_errors.fill(std::numeric_limits<double>::quiet_NaN());
  if (covariance.Compute(blocks, &problem) &&
      covariance.GetCovarianceBlock(values.data(), values.data(), unscaled.data())) {
    // Ceres returns (J^T J)^-1; scaled by the residual variance it is the asymptotic covariance of the estimates.
    for (std::size_t k = 0; k < kMinimalModelParameterCount; ++k) {
      standard_errors[k] = std::sqrt(residual_variance * unscaled[k * kMinimalModelParameterCount + k]);
    }
    fit.standard_errors_available = true;
  }
  fit.standard_errors = minimal_model_parameters_from_array(standard_errors);
  return fit;
}

}  // namespace isletsim
