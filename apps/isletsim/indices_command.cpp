// `isletsim indices DATA.csv`: every surrogate index of insulin sensitivity and beta-cell function that the
// measured data allow (analysis/index_report.hpp), as a table or JSON. Layout of the file: io/glucose_test_csv.hpp
// and docs/indices.md.
#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analysis/index_report.hpp"
#include "command_errors.hpp"
#include "commands.hpp"
#include "core/input_error.hpp"
#include "io/glucose_test_csv.hpp"

namespace isletsim::cli {

namespace {

constexpr const char* kLayoutHelp = R"(Input layout (CSV with a header row; any column order; extra columns ignored):
  t_min          required  minutes from the glucose load / injection / clamp start (basal samples at t <= 0)
  glucose_mg_dl  required  plasma glucose, mg/dl, > 0
  insulin_uU_ml  required  plasma insulin, uU/ml, >= 0 (may be empty on clamp rows)
  test           optional  fasting | ogtt | ivgtt | clamp (without it, give --test)
  gir_mg_kg_min  clamp     glucose infusion rate, mg/kg/min, >= 0 (required on clamp rows)
Times must increase within each test.
Indices: fasting -> HOMA1-IR, HOMA1-%B, QUICKI (mean of fasting rows, else the OGTT or IVGTT t = 0 sample);
ogtt -> Matsuda ISI, insulinogenic index, oral disposition indices; ivgtt -> AIRg, minimal-model S_G and S_I,
IV disposition index; clamp -> M value (plain and space-corrected). See docs/indices.md.
Exit codes: 0 ok; 2 bad input (file, line and column named) or no index computable; 1 other failure.
Research software: never dosing advice.
)";

std::string format_value(double value) { return fmt::format("{:.4g}", value); }

void print_table(const std::string& file, const std::vector<IndexResult>& results) {
  std::cout << fmt::format("Surrogate indices -- {}\n", file);
  std::cout << fmt::format("{:<34} {:>12} {:>10}  {:<16} {}\n", "index", "value", "std.error", "units", "from");
  for (const auto& result : results) {
    if (!result.value) continue;
    std::cout << fmt::format("{:<34} {:>12} {:>10}  {:<16} {}\n", result.name, format_value(*result.value),
                             result.standard_error ? format_value(*result.standard_error) : "", result.units,
                             result.source);
  }
  bool header_printed = false;
  for (const auto& result : results) {
    if (result.value) continue;
    if (!header_printed) std::cout << "Not computed:\n";
    header_printed = true;
    std::cout << fmt::format("  {}: {}\n", result.name, result.reason_not_computed);
  }
}

void print_json(const std::string& file, const std::vector<IndexResult>& results) {
  nlohmann::json indices = nlohmann::json::array();
  for (const auto& result : results) {
    nlohmann::json entry = {{"key", result.key},       {"name", result.name},   {"units", result.units},
                            {"source", result.source}, {"reference", result.reference}};
    entry["value"] = result.value ? nlohmann::json(*result.value) : nlohmann::json(nullptr);
    if (result.standard_error) entry["standard_error"] = *result.standard_error;
    if (!result.value) entry["reason_not_computed"] = result.reason_not_computed;
    indices.push_back(entry);
  }
  std::cout << nlohmann::json{{"file", file}, {"indices", indices}}.dump(2) << "\n";
}

}  // namespace

void register_indices_command(CLI::App& app, int* exit_code) {
  auto* command = app.add_subcommand("indices", "Surrogate indices (HOMA, QUICKI, Matsuda, insulinogenic and "
                                                "disposition indices, AIRg, S_I, clamp M) from measured data (CSV)");
  command->footer(kLayoutHelp);
  struct Options {
    std::string data_path;
    std::string test_type;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  command->add_option("DATA.csv", options->data_path, "Measured samples (layout below)")->required();
  command->add_option("--test", options->test_type,
                      "Test type of every row when the file has no 'test' column: fasting, ogtt, ivgtt or clamp");
  command->add_flag("--json", options->json, "Print JSON instead of a table");
  command->callback([options, exit_code]() {
    const auto hint_if_no_test_column = [&](const InputError& error) {
      if (error.location().key == "test" && error.location().line == 1 && options->test_type.empty()) {
        std::cerr << "hint: add a 'test' column, or give the test type of every row with --test (e.g. --test ivgtt)\n";
      }
    };
    const auto compute_and_print = [&] {
      std::optional<GlucoseTestType> default_type;
      if (!options->test_type.empty()) {
        default_type = parse_glucose_test_type(options->test_type);
        if (!default_type) {
          throw InputError({"", 0, "--test"}, fmt::format("unknown test type '{}' (expected fasting, ogtt, ivgtt or "
                                                          "clamp)", options->test_type));
        }
      }
      const auto data = read_glucose_test_csv(options->data_path, default_type);
      const auto results = compute_surrogate_indices(data);
      const bool any = std::any_of(results.begin(), results.end(), [](const auto& r) { return r.value.has_value(); });
      if (options->json) {
        print_json(options->data_path, results);
      } else {
        print_table(options->data_path, results);
      }
      if (!any) {
        std::cerr << fmt::format("error: {}: the data allow no index (see the reasons above)\n", options->data_path);
        return kExitBadInput;
      }
      return kExitOk;
    };
    *exit_code = exit_code_of(compute_and_print, hint_if_no_test_column);
  });
}

}  // namespace isletsim::cli
