// `isletsim calibrate FILE.toml --out DIR`: fits an islet graft's course to published outcomes by weighted least
// squares (Ceres; trial/graft_calibration.hpp) and predicts the outcomes it was not fitted to (docs/calibration.md).
// Writes DIR/calibration.json (estimates, standard errors, fitted and predicted values beside the published ones)
// and DIR/fitted_parameters.toml (an [arm.intervention.parameters] table for a trial file); prints a summary.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "command_errors.hpp"
#include "commands.hpp"
#include "core/input_error.hpp"
#include "io/graft_calibration_toml.hpp"

namespace isletsim::cli {

namespace {

nlohmann::json number_or_null(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

nlohmann::json calibration_json(const std::string& input, const GraftCalibrationFile& file, const GraftCalibration& c) {
  const CalibrationResult& fit = c.fit;
  nlohmann::json parameters = nlohmann::json::array();
  for (std::size_t k = 0; k < file.setup.free_parameters.size(); ++k) {
    const GraftFreeParameter& free = file.setup.free_parameters[k];
    parameters.push_back({{"name", free.name}, {"estimate", fit.estimate[k]},
                          {"standard_error", number_or_null(fit.standard_error[k])}, {"lower", free.lower},
                          {"upper", free.upper}, {"at_bound", static_cast<bool>(fit.at_bound[k])}});
  }
  nlohmann::json fitted = nlohmann::json::array();
  for (std::size_t i = 0; i < file.setup.targets.size(); ++i) {
    const GraftTarget& t = file.setup.targets[i];
    fitted.push_back({{"quantity", to_string(t.quantity)}, {"day", t.day}, {"published", t.observed},
                      {"standard_deviation", t.standard_deviation}, {"model", fit.predicted[i]},
                      {"weighted_residual", fit.weighted_residual[i]}, {"source", t.source}, {"role", "fitted"}});
  }
  nlohmann::json priors = nlohmann::json::array();
  for (std::size_t j = 0; j < file.setup.priors.size(); ++j) {
    const GraftPrior& p = file.setup.priors[j];
    const std::size_t i = file.setup.targets.size() + j;
    priors.push_back({{"parameter", p.parameter}, {"mean", p.mean}, {"standard_deviation", p.standard_deviation},
                      {"weighted_residual", fit.weighted_residual[i]}, {"reason", p.reason}});
  }
  nlohmann::json predicted = nlohmann::json::array();
  for (const GraftPredictionResult& p : c.predictions) {
    predicted.push_back({{"quantity", to_string(p.prediction.quantity)}, {"day", p.prediction.day},
                         {"model", p.value}, {"standard_error", number_or_null(p.standard_error)},
                         {"published", number_or_null(p.prediction.published)}, {"source", p.prediction.source},
                         {"role", "predicted"}});
  }
  return {{"file", input},
          {"name", file.name},
          {"method", "weighted least squares, Ceres Levenberg-Marquardt within bounds; standard errors from "
                     "(J^T J)^-1 of the weighted residuals; prediction errors by the delta method"},
          {"converged", fit.converged},
          {"identifiable", fit.identifiable},
          {"cost", fit.cost},
          {"iterations", fit.iterations},
          {"solver", fit.solver_summary},
          {"parameters", parameters},
          {"targets", fitted},
          {"priors", priors},
          {"predictions", predicted}};
}

std::string fitted_parameters_toml(const GraftCalibrationFile& file, const GraftCalibration& c) {
  std::string out = fmt::format("# Fitted by `isletsim calibrate` from '{}'. Paste under [arm.intervention] of a "
                                "trial's islet_graft arm.\n[arm.intervention.parameters]\n", file.name);
  // Every settable parameter (io/graft_parameters_toml.hpp), fitted or fixed, so the trial runs the calibrated course.
  IsletGraftParameters p = c.fitted_design.parameters;
  for (const char* name : {"potency", "maturation_lag_day", "maturation_time_constant_day", "engraftment_log_sd",
                           "attrition_rate_per_year"}) {
    const bool fitted = std::any_of(file.setup.free_parameters.begin(), file.setup.free_parameters.end(),
                                    [&](const GraftFreeParameter& f) { return f.name == name; });
    out += fmt::format("{} = {:.6g}{}\n", name, graft_parameter(p, name), fitted ? "  # fitted" : "");
  }
  out += fmt::format("insulin_independence_mass_fraction = {:.6g}\n", p.insulin_independence_mass_fraction);
  return out;
}

void write_atomically(const std::filesystem::path& path, const std::string& text) {
  const std::filesystem::path partial = path.string() + ".partial";
  {
    std::ofstream out(partial);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + partial.string());
  }
  std::filesystem::rename(partial, path);
}

void print_summary(const GraftCalibrationFile& file, const GraftCalibration& c) {
  const CalibrationResult& fit = c.fit;
  std::cout << fmt::format("calibration '{}': {}; cost {:.4g}; {}\n", file.name,
                           fit.converged ? "converged" : "NOT converged", fit.cost, fit.solver_summary);
  std::cout << fmt::format("{:<30} {:>12} {:>12}\n", "parameter", "estimate", "std.error");
  for (std::size_t k = 0; k < file.setup.free_parameters.size(); ++k) {
    std::cout << fmt::format("{:<30} {:>12.5g} {:>12}{}\n", file.setup.free_parameters[k].name, fit.estimate[k],
                             std::isfinite(fit.standard_error[k]) ? fmt::format("{:.3g}", fit.standard_error[k]) : "n/a",
                             fit.at_bound[k] ? "  (at a bound)" : "");
  }
  if (!fit.identifiable) std::cout << "the targets do not identify the free parameters (J^T J singular)\n";
  std::cout << fmt::format("{:<10} {:<30} {:>6} {:>12} {:>12}\n", "role", "quantity", "day", "published", "model");
  for (std::size_t i = 0; i < file.setup.targets.size(); ++i) {
    const GraftTarget& t = file.setup.targets[i];
    std::cout << fmt::format("{:<10} {:<30} {:>6g} {:>12.4g} {:>12.4g}\n", "fitted", to_string(t.quantity), t.day,
                             t.observed, fit.predicted[i]);
  }
  for (const GraftPredictionResult& p : c.predictions) {
    std::cout << fmt::format("{:<10} {:<30} {:>6g} {:>12} {:>12.4g}{}\n", "predicted", to_string(p.prediction.quantity),
                             p.prediction.day,
                             std::isfinite(p.prediction.published) ? fmt::format("{:.4g}", p.prediction.published) : "-",
                             p.value,
                             std::isfinite(p.standard_error) ? fmt::format(" +- {:.3g}", p.standard_error) : "");
  }
}

int run_calibrate_command(const std::string& path, const std::string& out_dir) {
  const GraftCalibrationFile file = read_graft_calibration_toml(path);
  const GraftCalibration calibration = calibrate_graft(file.setup);
  std::filesystem::create_directories(out_dir);
  write_atomically(std::filesystem::path(out_dir) / "calibration.json",
                   calibration_json(path, file, calibration).dump(2) + "\n");
  write_atomically(std::filesystem::path(out_dir) / "fitted_parameters.toml", fitted_parameters_toml(file, calibration));
  print_summary(file, calibration);
  return calibration.fit.converged ? kExitOk : kExitFailure;
}

}  // namespace

void register_calibrate_command(CLI::App& app, int* exit_code) {
  auto path = std::make_shared<std::string>();
  auto out_dir = std::make_shared<std::string>();
  auto* command = app.add_subcommand(
      "calibrate",
      "Fit an islet graft's course to published outcomes (weighted least squares, Ceres) and predict the outcomes "
      "it was not fitted to. See docs/calibration.md. Exit codes: 0 ok; 2 bad input; 1 no convergence or I/O.");
  command->add_option("file", *path, "Calibration file (TOML)")->required();
  command->add_option("--out", *out_dir, "Output folder (calibration.json, fitted_parameters.toml)")->required();
  command->callback([path, out_dir, exit_code]() {
    *exit_code = exit_code_of([&] { return run_calibrate_command(*path, *out_dir); });
  });
}

}  // namespace isletsim::cli
