#include "trial/graft_calibration.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/input_error.hpp"
#include "therapy/islet_graft.hpp"

namespace isletsim {

namespace {

double standard_normal_cdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

void check_finite(double value, const std::string& key, const std::string& what) {
  if (!std::isfinite(value)) {
    throw InputError({"", 0, key}, fmt::format("{} must be a finite number (got {})", what, value));
  }
}

void check_day(double day, const std::string& key) {
  if (!std::isfinite(day) || day < 0) throw InputError({"", 0, key}, fmt::format("must be a day >= 0 (got {})", day));
}

}  // namespace

GraftQuantity parse_graft_quantity(const std::string& name, const std::string& key) {
  if (name == "stimulated_c_peptide_pmol_l") return GraftQuantity::kStimulatedCPeptidePmolL;
  if (name == "insulin_independent_fraction") return GraftQuantity::kInsulinIndependentFraction;
  if (name == "insulin_independent_probit") return GraftQuantity::kInsulinIndependentProbit;
  throw InputError({"", 0, key}, fmt::format("unknown graft quantity '{}'; choose stimulated_c_peptide_pmol_l, "
                                             "insulin_independent_fraction, insulin_independent_probit", name));
}

std::string to_string(GraftQuantity quantity) {
  switch (quantity) {
    case GraftQuantity::kStimulatedCPeptidePmolL: return "stimulated_c_peptide_pmol_l";
    case GraftQuantity::kInsulinIndependentFraction: return "insulin_independent_fraction";
    case GraftQuantity::kInsulinIndependentProbit: return "insulin_independent_probit";
  }
  return "";
}

double median_functional_mass_fraction(const IsletGraftDesign& design, double day) {
  // The closed form of step_graft_day (islet_graft.cpp) for u = 1: cohort k is given at the start of day t_k and
  // has lost exp(-k (T - t_k)) of its capacity by the end of day T.
  const double loss_per_day = graft_loss_rate_per_day(design);
  double fraction = 0;
  for (const GraftInfusion& infusion : design.infusions) {
    if (!(infusion.day < day)) continue;
    const double age = day - infusion.day;
    fraction += engrafted_capacity(design, infusion, 1.0) * graft_maturation(design.parameters, age) *
                std::exp(-loss_per_day * age);
  }
  return fraction;
}

double predict_graft_quantity(const IsletGraftDesign& design, GraftQuantity quantity, double day) {
  const IsletGraftParameters& p = design.parameters;
  const double F = median_functional_mass_fraction(design, day);
  if (quantity == GraftQuantity::kStimulatedCPeptidePmolL) return p.normal_stimulated_c_peptide_pmol_l * F;
  const bool probit = quantity == GraftQuantity::kInsulinIndependentProbit;
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  if (F <= 0) return probit ? -kInfinity : 0.0;
  const double log_ratio = std::log(F / p.insulin_independence_mass_fraction);
  if (p.engraftment_log_sd == 0) {
    if (probit) return log_ratio >= 0 ? kInfinity : -kInfinity;
    return log_ratio >= 0 ? 1.0 : 0.0;
  }
  const double z = log_ratio / p.engraftment_log_sd;
  return probit ? z : standard_normal_cdf(z);
}

const std::vector<std::string>& graft_free_parameter_names() {
  static const std::vector<std::string> names = {"potency", "maturation_lag_day", "maturation_time_constant_day",
                                                 "engraftment_log_sd", "attrition_rate_per_year"};
  return names;
}

double& graft_parameter(IsletGraftParameters& p, const std::string& name) {
  if (name == "potency") return p.potency;
  if (name == "maturation_lag_day") return p.maturation_lag_day;
  if (name == "maturation_time_constant_day") return p.maturation_time_constant_day;
  if (name == "engraftment_log_sd") return p.engraftment_log_sd;
  if (name == "attrition_rate_per_year") return p.attrition_rate_per_year;
  throw InputError({"", 0, "name"}, fmt::format("unknown graft parameter '{}'; choose {}", name,
                                                fmt::join(graft_free_parameter_names(), ", ")));
}

GraftCalibration calibrate_graft(const GraftCalibrationSetup& setup, const CalibrationOptions& options) {
  validate_islet_graft_design(setup.design);
  std::vector<CalibrationParameter> parameters;
  IsletGraftParameters start = setup.design.parameters;
  for (std::size_t k = 0; k < setup.free_parameters.size(); ++k) {
    const GraftFreeParameter& free = setup.free_parameters[k];
    const std::string key = fmt::format("free_parameters[{}]", k);
    double* value = nullptr;
    try {
      value = &graft_parameter(start, free.name);
    } catch (const InputError& error) {
      throw InputError({"", 0, key + ".name"}, error.problem());
    }
    parameters.push_back({free.name, *value, free.lower, free.upper});
  }
  std::vector<CalibrationTarget> targets;
  for (std::size_t i = 0; i < setup.targets.size(); ++i) {
    const GraftTarget& t = setup.targets[i];
    const std::string key = fmt::format("targets[{}]", i);
    check_day(t.day, key + ".day");
    targets.push_back({fmt::format("{} day {}", to_string(t.quantity), t.day), t.observed, t.standard_deviation});
  }
  std::vector<std::size_t> prior_index;  // which free parameter each prior is on
  for (std::size_t j = 0; j < setup.priors.size(); ++j) {
    const GraftPrior& prior = setup.priors[j];
    const std::string key = fmt::format("priors[{}]", j);
    const auto at = std::find_if(parameters.begin(), parameters.end(),
                                 [&](const CalibrationParameter& p) { return p.name == prior.parameter; });
    if (at == parameters.end()) {
      throw InputError({"", 0, key + ".parameter"}, fmt::format("'{}' is not a free parameter", prior.parameter));
    }
    check_finite(prior.mean, key + ".mean", "the prior mean");
    prior_index.push_back(static_cast<std::size_t>(at - parameters.begin()));
    targets.push_back({"prior " + prior.parameter, prior.mean, prior.standard_deviation});
  }
  for (std::size_t l = 0; l < setup.predictions.size(); ++l) {
    check_day(setup.predictions[l].day, fmt::format("predictions[{}].day", l));
  }

  auto design_at = [&](std::span<const double> theta) {
    IsletGraftDesign design = setup.design;
    for (std::size_t k = 0; k < parameters.size(); ++k) {
      graft_parameter(design.parameters, parameters[k].name) = theta[k];
    }
    return design;
  };
  const CalibrationModel model = [&](std::span<const double> theta) {
    const IsletGraftDesign design = design_at(theta);
    std::vector<double> out;
    out.reserve(setup.targets.size() + prior_index.size());
    for (const GraftTarget& t : setup.targets) out.push_back(predict_graft_quantity(design, t.quantity, t.day));
    for (const std::size_t k : prior_index) out.push_back(theta[k]);
    return out;
  };

  GraftCalibration result;
  result.fit = calibrate_least_squares(parameters, targets, model, options);
  result.fitted_design = design_at(result.fit.estimate);
  // Predictions with delta-method standard errors: var = g^T Cov g, g by central differences (relative step 1e-6).
  for (const GraftPrediction& prediction : setup.predictions) {
    GraftPredictionResult out;
    out.prediction = prediction;
    out.value = predict_graft_quantity(result.fitted_design, prediction.quantity, prediction.day);
    out.standard_error = std::numeric_limits<double>::quiet_NaN();
    if (result.fit.identifiable) {
      const std::size_t n = parameters.size();
      std::vector<double> gradient(n);
      for (std::size_t k = 0; k < n; ++k) {
        std::vector<double> up = result.fit.estimate, down = result.fit.estimate;
        const double h = 1e-6 * std::max(1.0, std::abs(up[k]));
        up[k] += h;
        down[k] -= h;
        gradient[k] = (predict_graft_quantity(design_at(up), prediction.quantity, prediction.day) -
                       predict_graft_quantity(design_at(down), prediction.quantity, prediction.day)) /
                      (2.0 * h);
      }
      double variance = 0;
      for (std::size_t a = 0; a < n; ++a) {
        for (std::size_t b = 0; b < n; ++b) variance += gradient[a] * result.fit.covariance[a][b] * gradient[b];
      }
      out.standard_error = std::sqrt(std::max(0.0, variance));
    }
    result.predictions.push_back(out);
  }
  return result;
}

}  // namespace isletsim
