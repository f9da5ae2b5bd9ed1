#include "analysis/least_squares_calibration.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
#include <set>

#include <ceres/ceres.h>
#include <fmt/format.h>

#include "core/input_error.hpp"

namespace isletsim {

namespace {

// Weighted residuals (model_i(theta) - y_i) / s_i for Ceres' numeric differentiation.
class WeightedResiduals {
 public:
  WeightedResiduals(const CalibrationModel& model, const std::vector<CalibrationTarget>& targets, std::size_t n)
      : model_(model), targets_(targets), n_(n) {}

  bool operator()(double const* const* parameters, double* residuals) const {
    const std::vector<double> predicted = model_(std::span<const double>(parameters[0], n_));
    if (predicted.size() != targets_.size()) return false;  // checked before the solve; never here
    for (std::size_t i = 0; i < targets_.size(); ++i) {
      residuals[i] = (predicted[i] - targets_[i].observed) / targets_[i].standard_deviation;
      if (!std::isfinite(residuals[i])) return false;  // tells Ceres to shrink the step
    }
    return true;
  }

 private:
  const CalibrationModel& model_;
  const std::vector<CalibrationTarget>& targets_;
  std::size_t n_;
};

void validate(const std::vector<CalibrationParameter>& parameters, const std::vector<CalibrationTarget>& targets) {
  if (parameters.empty()) throw InputError({"", 0, "parameters"}, "a calibration needs at least one free parameter");
  if (targets.empty()) throw InputError({"", 0, "targets"}, "a calibration needs at least one target");
  std::set<std::string> names;
  for (std::size_t k = 0; k < parameters.size(); ++k) {
    const CalibrationParameter& p = parameters[k];
    const std::string key = fmt::format("parameters[{}]", k);
    if (!names.insert(p.name).second) throw InputError({"", 0, key + ".name"}, "duplicate parameter '" + p.name + "'");
    if (!std::isfinite(p.lower) || !std::isfinite(p.upper) || !(p.lower < p.upper)) {
      throw InputError({"", 0, key + ".lower"},
                       fmt::format("bounds of '{}' must be finite with lower < upper (got {} .. {})", p.name, p.lower,
                                   p.upper));
    }
    if (!std::isfinite(p.initial) || p.initial < p.lower || p.initial > p.upper) {
      throw InputError({"", 0, key + ".initial"},
                       fmt::format("initial value of '{}' must lie within its bounds {} .. {} (got {})", p.name,
                                   p.lower, p.upper, p.initial));
    }
  }
  names.clear();
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const CalibrationTarget& t = targets[i];
    const std::string key = fmt::format("targets[{}]", i);
    if (!names.insert(t.name).second) throw InputError({"", 0, key + ".name"}, "duplicate target '" + t.name + "'");
    if (!std::isfinite(t.observed)) {
      throw InputError({"", 0, key + ".observed"}, fmt::format("must be a finite number (got {})", t.observed));
    }
    if (!std::isfinite(t.standard_deviation) || !(t.standard_deviation > 0)) {
      throw InputError({"", 0, key + ".standard_deviation"},
                       fmt::format("must be a finite number > 0 (got {})", t.standard_deviation));
    }
  }
}

// Ceres reports through glog; every problem is reported in CalibrationResult instead (as in minimal_model_fit.cpp).
void silence_solver_logging() {
  static std::once_flag once;
  std::call_once(once, [] { FLAGS_minloglevel = google::GLOG_FATAL; });
}

}  // namespace

CalibrationResult calibrate_least_squares(const std::vector<CalibrationParameter>& parameters,
                                          const std::vector<CalibrationTarget>& targets,
                                          const CalibrationModel& model, const CalibrationOptions& options) {
  validate(parameters, targets);
  const std::size_t n = parameters.size();
  const std::size_t m = targets.size();
  std::vector<double> theta(n);
  for (std::size_t k = 0; k < n; ++k) theta[k] = parameters[k].initial;
  {
    const std::vector<double> first = model(theta);
    if (first.size() != m) {
      throw InputError({"", 0, "targets"},
                       fmt::format("the model returns {} predictions for {} targets", first.size(), m));
    }
  }

  silence_solver_logging();
  ceres::Problem::Options problem_options;
  problem_options.cost_function_ownership = ceres::TAKE_OWNERSHIP;
  ceres::Problem problem(problem_options);
  // Central differences: second-order accurate; the relative step is Ceres' default (1e-6 of the value).
  auto* cost = new ceres::DynamicNumericDiffCostFunction<WeightedResiduals, ceres::CENTRAL>(
      new WeightedResiduals(model, targets, n), ceres::TAKE_OWNERSHIP);
  cost->AddParameterBlock(static_cast<int>(n));
  cost->SetNumResiduals(static_cast<int>(m));
  problem.AddResidualBlock(cost, nullptr, theta.data());
  for (std::size_t k = 0; k < n; ++k) {
    problem.SetParameterLowerBound(theta.data(), static_cast<int>(k), parameters[k].lower);
    problem.SetParameterUpperBound(theta.data(), static_cast<int>(k), parameters[k].upper);
  }

  ceres::Solver::Options solver_options;
  solver_options.minimizer_type = ceres::TRUST_REGION;
  solver_options.trust_region_strategy_type = ceres::LEVENBERG_MARQUARDT;
  solver_options.linear_solver_type = ceres::DENSE_QR;
  solver_options.max_num_iterations = options.max_iterations;
  solver_options.function_tolerance = options.function_tolerance;
  solver_options.parameter_tolerance = options.parameter_tolerance;
  solver_options.gradient_tolerance = options.gradient_tolerance;
  solver_options.logging_type = ceres::SILENT;
  solver_options.minimizer_progress_to_stdout = false;
  ceres::Solver::Summary summary;
  ceres::Solve(solver_options, &problem, &summary);

  CalibrationResult result;
  result.estimate = theta;
  result.converged = summary.termination_type == ceres::CONVERGENCE;
  result.iterations = static_cast<int>(summary.iterations.size());
  result.solver_summary = summary.BriefReport();
  result.predicted = model(theta);
  for (std::size_t i = 0; i < m; ++i) {
    const double r = (result.predicted[i] - targets[i].observed) / targets[i].standard_deviation;
    result.weighted_residual.push_back(r);
    result.cost += 0.5 * r * r;
  }
  for (std::size_t k = 0; k < n; ++k) {
    const CalibrationParameter& p = parameters[k];
    const double tolerance = 1e-9 * std::max({1.0, std::abs(p.lower), std::abs(p.upper)});
    result.at_bound.push_back(theta[k] - p.lower <= tolerance || p.upper - theta[k] <= tolerance);
  }

  // (J^T J)^-1 of the weighted residuals: the covariance of theta implied by the targets' standard deviations.
  result.standard_error.assign(n, std::numeric_limits<double>::quiet_NaN());
  ceres::Covariance::Options covariance_options;
  covariance_options.algorithm_type = ceres::DENSE_SVD;  // a few parameters: exact, and reports rank deficiency
  ceres::Covariance covariance(covariance_options);
  std::vector<std::pair<const double*, const double*>> blocks = {{theta.data(), theta.data()}};
  std::vector<double> block(n * n);
  if (m >= n && covariance.Compute(blocks, &problem) &&
      covariance.GetCovarianceBlock(theta.data(), theta.data(), block.data())) {
    result.identifiable = true;
    result.covariance.assign(n, std::vector<double>(n));
    for (std::size_t a = 0; a < n; ++a) {
      for (std::size_t b = 0; b < n; ++b) result.covariance[a][b] = block[a * n + b];
      result.standard_error[a] = std::sqrt(block[a * n + a]);
    }
  }
  return result;
}

}  // namespace isletsim
