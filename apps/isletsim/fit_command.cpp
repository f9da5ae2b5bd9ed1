// `isletsim fit minmod DATA.csv`: fits the Bergman minimal model to a frequently sampled IVGTT
// (analysis/minimal_model_fit.hpp) and prints S_G, S_I, p2 and G0 with standard errors, as a table or JSON.
#include <cmath>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analysis/minimal_model_fit.hpp"
#include "command_errors.hpp"
#include "commands.hpp"
#include "core/input_error.hpp"
#include "io/glucose_test_csv.hpp"

namespace isletsim::cli {

namespace {

constexpr const char* kMinmodHelp = R"(Input: the CSV layout of `isletsim indices` (t_min, glucose_mg_dl, insulin_uU_ml; optional `test`
column, of which the ivgtt rows are used; without it every row is an IVGTT sample). Basal samples at t <= 0.
Model (Bergman et al. 1979; S_I = p3/p2, Pacini & Bergman 1986), measured insulin as the input:
  dG/dt = -(S_G + X) G + S_G G_b,   G(0) = G0
  dX/dt = -p2 X + p2 S_I (I(t) - I_b),   X(0) = 0
Least squares (Ceres) on the glucose samples at t >= --from-min; standard errors from the covariance scaled by
the residual variance. Exit codes: 0 ok; 2 bad input; 1 the fit did not converge or another failure.
Research software: never dosing advice.
)";

struct ParameterRow {
  const char* key;
  const char* name;
  double value;
  double standard_error;
  const char* units;
};

std::vector<ParameterRow> parameter_rows(const MinimalModelFit& fit) {
  const auto& p = fit.parameters;
  const auto& se = fit.standard_errors;
  return {{"sg_per_min", "S_G", p.glucose_effectiveness_per_min, se.glucose_effectiveness_per_min, "/min"},
          {"si_per_min_per_uU_ml", "S_I", p.insulin_sensitivity_per_min_per_uU_ml,
           se.insulin_sensitivity_per_min_per_uU_ml, "/min per uU/ml"},
          {"p2_per_min", "p2", p.p2_per_min, se.p2_per_min, "/min"},
          {"g0_mg_dl", "G0", p.glucose0_mg_dl, se.glucose0_mg_dl, "mg/dl"}};
}

void print_table(const std::string& file, const MinimalModelFit& fit, double fit_from_min, const std::string& basal_source) {
  std::cout << fmt::format("Bergman minimal model fit -- {}\n", file);
  std::cout << fmt::format("basal: G_b {:g} mg/dl, I_b {:g} uU/ml ({}); {} glucose samples at t >= {:g} min\n",
                           fit.basal.glucose_mg_dl, fit.basal.insulin_uU_ml, basal_source, fit.samples_fitted,
                           fit_from_min);
  std::cout << fmt::format("{:<10} {:>12} {:>12} {:>8}  {}\n", "parameter", "estimate", "std.error", "CV %", "units");
  for (const auto& row : parameter_rows(fit)) {
    const bool have_se = std::isfinite(row.standard_error);
    std::cout << fmt::format("{:<10} {:>12.4g} {:>12} {:>8}  {}\n", row.name, row.value,
                             have_se ? fmt::format("{:.2g}", row.standard_error) : "n/a",
                             have_se ? fmt::format("{:.0f}", 100.0 * row.standard_error / row.value) : "n/a",
                             row.units);
  }
  std::cout << fmt::format("residual SD {:.3g} mg/dl; {}\n", fit.residual_sd_mg_dl, fit.solver_report);
  if (!fit.standard_errors_available) {
    std::cout << "standard errors unavailable: the covariance matrix is rank deficient (parameters not identifiable)\n";
  }
}

void print_json(const std::string& file, const MinimalModelFit& fit, double fit_from_min, const std::string& basal_source) {
  nlohmann::json parameters = nlohmann::json::object();
  for (const auto& row : parameter_rows(fit)) {
    parameters[row.key] = {{"estimate", row.value},
                           {"standard_error", std::isfinite(row.standard_error) ? nlohmann::json(row.standard_error)
                                                                                : nlohmann::json(nullptr)},
                           {"units", row.units}};
  }
  const nlohmann::json output = {
      {"file", file},
      {"model", "Bergman minimal model (Bergman et al. 1979; Pacini & Bergman 1986)"},
      {"basal", {{"glucose_mg_dl", fit.basal.glucose_mg_dl}, {"insulin_uU_ml", fit.basal.insulin_uU_ml},
                 {"source", basal_source}}},
      {"fit_from_min", fit_from_min},
      {"samples_fitted", fit.samples_fitted},
      {"parameters", parameters},
      {"residual_sd_mg_dl", fit.residual_sd_mg_dl},
      {"sum_squared_residuals", fit.sum_squared_residuals},
      {"iterations", fit.iterations},
      {"converged", fit.converged},
      {"solver_report", fit.solver_report}};
  std::cout << output.dump(2) << "\n";
}

// Library errors carry no file name; add it so the message says where the problem is.
InputError with_file(const InputError& error, const std::string& file) {
  if (!error.location().file.empty()) return error;
  InputLocation location = error.location();
  location.file = file;
  return InputError(location, error.problem());
}

}  // namespace

void register_fit_command(CLI::App& app, int* exit_code) {
  auto* fit = app.add_subcommand("fit", "Fit a physiological model to measured data");
  fit->require_subcommand(1);
  auto* minmod = fit->add_subcommand("minmod", "Bergman minimal model fit of an IVGTT: S_G, S_I, p2, G0 with "
                                               "standard errors");
  minmod->footer(kMinmodHelp);
  struct Options {
    std::string data_path;
    double fit_from_min = 8.0;
    std::optional<double> basal_glucose_mg_dl;
    std::optional<double> basal_insulin_uU_ml;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  minmod->add_option("DATA.csv", options->data_path, "IVGTT samples")->required();
  minmod->add_option("--from-min", options->fit_from_min, "Fit glucose samples at t >= this time (min)")
      ->capture_default_str();
  minmod->add_option("--basal-glucose-mg-dl", options->basal_glucose_mg_dl,
                     "Basal glucose G_b (mg/dl); default: the t = 0 sample");
  minmod->add_option("--basal-insulin-uU-ml", options->basal_insulin_uU_ml,
                     "Basal insulin I_b (uU/ml); default: the t = 0 sample");
  minmod->add_flag("--json", options->json, "Print JSON instead of a table");
  minmod->callback([options, exit_code]() {
    *exit_code = exit_code_of([&] {
      const auto data = read_glucose_test_csv(options->data_path, GlucoseTestType::kIvgtt);
      if (data.ivgtt.empty()) {
        throw InputError({options->data_path, 0, "test"}, "the file has no ivgtt rows to fit");
      }
      MinimalModelFitOptions fit_options;
      fit_options.fit_from_min = options->fit_from_min;
      fit_options.basal_glucose_mg_dl = options->basal_glucose_mg_dl;
      fit_options.basal_insulin_uU_ml = options->basal_insulin_uU_ml;
      MinimalModelFit result;
      try {
        result = fit_minimal_model(data.ivgtt, fit_options);
      } catch (const InputError& error) {
        throw with_file(error, options->data_path);
      }
      const std::string basal_source = (options->basal_glucose_mg_dl && options->basal_insulin_uU_ml) ? "given"
                                       : (options->basal_glucose_mg_dl || options->basal_insulin_uU_ml)
                                           ? "partly given, rest from the t = 0 sample"
                                           : "t = 0 sample";
      if (options->json) {
        print_json(options->data_path, result, options->fit_from_min, basal_source);
      } else {
        print_table(options->data_path, result, options->fit_from_min, basal_source);
      }
      if (!result.converged) {
        std::cerr << "error: the minimal-model fit did not converge; the values above are not estimates\n";
        return kExitFailure;
      }
      return kExitOk;
    });
  });
}

}  // namespace isletsim::cli
