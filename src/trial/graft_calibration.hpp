// Calibration of an islet graft's course (therapy/islet_graft.hpp) to published trial outcomes, by weighted least
// squares with Ceres (analysis/least_squares_calibration.hpp), and prediction of the outcomes it was not fitted to.
//
// Quantities the graft course predicts at a day T (closed forms of islet_graft.hpp, no simulation):
//   stimulated_c_peptide_pmol_l   C(T) = C_normal x F_med(T), F_med(T) = sum_k c_k m(T - t_k) exp(-k (T - t_k)) with
//                                 the median engraftment u = 1 (the value the graft course gives the median
//                                 recipient; taken as the published cohort figure -- assumption: the published
//                                 means are close to the median);
//   insulin_independent_fraction  P(T) = Phi(ln(F_med(T) / F_ind) / sigma): the share of recipients with F >= F_ind,
//                                 since F is proportional to u = exp(sigma Z) (docs/therapies.md, durability);
//   insulin_independent_probit    Phi^-1(P(T)) = ln(F_med(T) / F_ind) / sigma: the same on the probit scale, the
//                                 better target for a fit (P saturates at 0 and 1, where its gradient in sigma
//                                 vanishes and a local optimiser stalls; the probit is smooth and unbounded). For
//                                 an observed share p of n: observed Phi^-1(p), sd sqrt(p (1 - p) / n) / phi(Phi^-1(p))
//                                 (delta method).
// Free parameters, by name: potency, maturation_lag_day, maturation_time_constant_day, engraftment_log_sd,
// attrition_rate_per_year; the others keep the design's values. A prior (mean, sd) on a free parameter is one more
// weighted residual (parameter - mean) / sd.
#pragma once

#include <string>
#include <vector>

#include "analysis/least_squares_calibration.hpp"
#include "therapy/islet_graft_design.hpp"

namespace isletsim {

enum class GraftQuantity { kStimulatedCPeptidePmolL, kInsulinIndependentFraction, kInsulinIndependentProbit };
// "stimulated_c_peptide_pmol_l", "insulin_independent_fraction", "insulin_independent_probit"; InputError with
// `key` when unknown.
GraftQuantity parse_graft_quantity(const std::string& name, const std::string& key = "quantity");
std::string to_string(GraftQuantity quantity);

// The median recipient's functional mass F_med(T) and the quantities above for a design.
double median_functional_mass_fraction(const IsletGraftDesign& design, double day);
double predict_graft_quantity(const IsletGraftDesign& design, GraftQuantity quantity, double day);

struct GraftFreeParameter {
  std::string name;  // one of the names above
  double lower = 0;
  double upper = 0;
  // The starting value is the design's current value of the parameter.
};

struct GraftTarget {
  GraftQuantity quantity = GraftQuantity::kStimulatedCPeptidePmolL;
  double day = 0;
  double observed = 0;
  double standard_deviation = 1;
  std::string source;  // citation, carried into the output
};

struct GraftPrior {
  std::string parameter;
  double mean = 0;
  double standard_deviation = 1;
  std::string reason;
};

// A quantity to predict after the fit, with the published value to set beside it (NaN when none).
struct GraftPrediction {
  GraftQuantity quantity = GraftQuantity::kStimulatedCPeptidePmolL;
  double day = 0;
  double published = 0;
  std::string source;
};

struct GraftCalibrationSetup {
  IsletGraftDesign design;  // dose, site, protection, and the values of the parameters that are not free
  std::vector<GraftFreeParameter> free_parameters;
  std::vector<GraftTarget> targets;
  std::vector<GraftPrior> priors;
  std::vector<GraftPrediction> predictions;
};

struct GraftPredictionResult {
  GraftPrediction prediction;
  double value = 0;
  double standard_error = 0;  // delta method with the fit's covariance; NaN when the fit is not identifiable
};

struct GraftCalibration {
  CalibrationResult fit;                 // parameters in free_parameters' order; targets then priors
  IsletGraftDesign fitted_design;        // the setup's design with the fitted values
  std::vector<GraftPredictionResult> predictions;
};

// Accepted names of free parameters, and the design value a name refers to.
const std::vector<std::string>& graft_free_parameter_names();
double& graft_parameter(IsletGraftParameters& parameters, const std::string& name);

// Validates (InputError naming free_parameters[i] / targets[j] / priors[k] / predictions[l] keys), fits, predicts.
GraftCalibration calibrate_graft(const GraftCalibrationSetup& setup, const CalibrationOptions& options = {});

}  // namespace isletsim
