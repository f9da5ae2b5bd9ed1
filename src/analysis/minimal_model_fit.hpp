// Fit of the Bergman minimal model (physiology/bergman_minimal_model.hpp) to a frequently sampled IVGTT.
//
// Method as in MINMOD (Pacini & Bergman 1986, Comput Methods Programs Biomed 23:113-122): the measured insulin is
// the model's input, the glucose samples from `fit_from_min` (8 min by default: the bolus is not yet mixed before
// that) are fitted by nonlinear least squares, estimating S_G, S_I, p2 and G0 with G_b and I_b fixed. The solver is
// Ceres (Levenberg-Marquardt, dense QR) with lower bounds keeping every parameter positive; the Jacobian comes from
// the model's forward sensitivities. Standard errors are the square roots of the diagonal of
// sigma^2 (J^T J)^-1, with sigma^2 = SSR / (n - 4) the residual variance (asymptotic theory of least squares,
// e.g. Bates & Watts 1988, Nonlinear Regression Analysis, ch. 2), computed with ceres::Covariance.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "analysis/glucose_test_samples.hpp"
#include "physiology/bergman_minimal_model.hpp"

namespace isletsim {

struct MinimalModelFitOptions {
  // Glucose samples at t >= fit_from_min are fitted (Pacini & Bergman 1986: from 8 min).
  double fit_from_min = 8.0;
  // Basal glucose and insulin; when absent, the sample at t = 0 is used.
  std::optional<double> basal_glucose_mg_dl;
  std::optional<double> basal_insulin_uU_ml;
  // Starting point; when absent: S_G 0.02 /min, S_I 5e-4 /min per uU/ml, p2 0.02 /min, G0 = highest glucose sample.
  std::optional<MinimalModelParameters> initial_guess;
  int max_iterations = 500;
};

struct MinimalModelFit {
  MinimalModelParameters parameters;
  // One standard error per parameter (same fields); NaN when the covariance could not be computed (rank deficient).
  MinimalModelParameters standard_errors;
  bool standard_errors_available = false;
  MinimalModelBasal basal;
  int samples_fitted = 0;
  double residual_sd_mg_dl = 0;       // sqrt(SSR / (n - 4))
  double sum_squared_residuals = 0;   // (mg/dl)^2
  int iterations = 0;
  bool converged = false;
  std::string solver_report;          // Ceres' one-line summary
};

// Needs at least 5 glucose samples at t >= fit_from_min (one more than the 4 parameters), insulin samples
// covering them, and, without given basal values, a sample at t = 0. Throws InputError for invalid data or options.
MinimalModelFit fit_minimal_model(std::span<const GlucoseInsulinSample> ivgtt, const MinimalModelFitOptions& options);

}  // namespace isletsim
