// Calibration of a model's parameters to published targets by weighted non-linear least squares (Ceres Solver).
//
// Given parameters theta (each with bounds) and targets y_i with standard deviations s_i, it minimises
//   sum_i r_i^2 / 2,   r_i = (model_i(theta) - y_i) / s_i
// with Ceres' trust-region Levenberg-Marquardt under the bounds, the Jacobian by central differences of the model.
// Standard errors come from the covariance of the estimate, (J^T J)^-1 at the optimum (J of the weighted residuals;
// ceres::Covariance): the spread of theta that the targets' standard deviations imply, if the model is right and
// the errors are independent and small enough for the linearisation. They are NaN when J^T J is rank deficient
// (fewer informative targets than free parameters): the targets then do not identify the parameters.
//
// A prior (a soft constraint from outside the data) is a target whose model value is a parameter (or a function of
// one): the model returns it among its predictions.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <vector>

namespace isletsim {

struct CalibrationParameter {
  std::string name;
  double initial = 0;
  double lower = 0;
  double upper = 0;
};

struct CalibrationTarget {
  std::string name;
  double observed = 0;
  double standard_deviation = 1;  // > 0: the weight is 1 / sd
};

// One prediction per target, in the targets' order, for the given parameter values (in the parameters' order).
using CalibrationModel = std::function<std::vector<double>(std::span<const double> parameters)>;

struct CalibrationOptions {
  int max_iterations = 200;
  double function_tolerance = 1e-14;
  double parameter_tolerance = 1e-12;
  double gradient_tolerance = 1e-14;
};

struct CalibrationResult {
  std::vector<double> estimate;              // theta at the optimum, parameters' order
  std::vector<double> standard_error;        // sqrt of the covariance diagonal; NaN when not identifiable
  std::vector<std::vector<double>> covariance;  // empty when not identifiable
  bool identifiable = false;                 // J^T J invertible at the optimum
  std::vector<bool> at_bound;                // estimate within 1e-9 (relative) of a bound
  std::vector<double> predicted;             // model at the optimum, targets' order
  std::vector<double> weighted_residual;     // (predicted - observed) / sd
  double cost = 0;                           // sum of weighted_residual^2 / 2
  bool converged = false;
  int iterations = 0;
  std::string solver_summary;                // Ceres' one-line report
};

// Throws InputError naming the key (parameters[i].lower, targets[j].standard_deviation, ...) for bad setups:
// no parameters or targets, duplicate names, bounds not finite or lower >= upper, initial value outside its bounds,
// non-finite observed values or standard deviations <= 0, a model that returns the wrong number of predictions.
CalibrationResult calibrate_least_squares(const std::vector<CalibrationParameter>& parameters,
                                          const std::vector<CalibrationTarget>& targets,
                                          const CalibrationModel& model, const CalibrationOptions& options = {});

}  // namespace isletsim
