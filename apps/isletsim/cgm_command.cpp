// `isletsim cgm FILE`: imports a CGM export, prints the consensus metrics and optionally writes an AGP-style HTML
// report. Research software: the numbers describe data, they are never dosing advice.
#include <cmath>
#include <fstream>
#include <iostream>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analysis/cgm_metric_table.hpp"
#include "cgm/cgm_import.hpp"
#include "command_errors.hpp"
#include "commands.hpp"
#include "core/civil_time.hpp"
#include "core/input_error.hpp"
#include "report/agp_report.hpp"

namespace isletsim::cli {

namespace {

struct CgmCommandOptions {
  std::string file;
  std::string format = "auto";
  std::string output = "table";
  std::string units = "mg/dl";
  std::string input_units;
  std::string report_path;
  std::string utc_offset;
};

std::string format_number(double value) {
  if (std::isnan(value)) return "NA";
  return fmt::format("{:.6g}", value);
}

void print_table(const CgmTrace& trace, const CgmMetricTable& table, bool mmol) {
  std::cout << fmt::format("{} ({} format, {} readings, {} to {})\n", trace.source_file, trace.format,
                           trace.samples.size(), format_wall_clock(trace.samples.front().time_min),
                           format_wall_clock(trace.samples.back().time_min));
  for (const auto& note : trace.notes) std::cout << "note: " << note << "\n";
  std::size_t width = 0;
  for (const auto& metric : table.metrics) width = std::max(width, metric.label.size());
  for (const auto& metric : table.metrics) {
    std::cout << fmt::format("  {:<{}}  {:>12} {}\n", metric.label, width,
                             format_number(metric_value_in(metric, mmol)), metric_unit_in(metric, mmol));
  }
  std::cout << "Research use only; not for treatment decisions.\n";
}

void print_csv(const CgmMetricTable& table, bool mmol) {
  std::cout << "key,value,unit,source\n";
  for (const auto& metric : table.metrics) {
    std::cout << fmt::format("{},{},{},\"{}\"\n", metric.key, format_number(metric_value_in(metric, mmol)),
                             metric_unit_in(metric, mmol), metric.source);
  }
}

void print_json(const CgmTrace& trace, const CgmMetricTable& table, bool mmol) {
  nlohmann::ordered_json out;
  out["file"] = trace.source_file;
  out["format"] = trace.format;
  out["readings"] = trace.samples.size();
  out["first_reading_local"] = format_wall_clock(trace.samples.front().time_min);
  out["last_reading_local"] = format_wall_clock(trace.samples.back().time_min);
  out["utc_offset_min"] = trace.utc_offset_min ? nlohmann::ordered_json(*trace.utc_offset_min) : nullptr;
  out["units"] = mmol ? "mmol/l" : "mg/dl";
  out["notes"] = trace.notes;
  nlohmann::ordered_json metrics = nlohmann::ordered_json::object();
  for (const auto& metric : table.metrics) {
    const double value = metric_value_in(metric, mmol);
    metrics[metric.key] = {{"value", std::isnan(value) ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(value)},
                           {"unit", metric_unit_in(metric, mmol)},
                           {"label", metric.label},
                           {"source", metric.source}};
  }
  out["metrics"] = metrics;
  std::cout << out.dump(2) << "\n";
}

int run_cgm_command(const CgmCommandOptions& options) {
  CgmImportOptions import_options;
  if (!options.utc_offset.empty()) {
    import_options.utc_offset_min = parse_utc_offset(options.utc_offset);
    if (!import_options.utc_offset_min) {
      throw InputError({"", 0, "--utc-offset"},
                       fmt::format("'{}' is not a UTC offset (e.g. -05:00, +0530, UTC)", options.utc_offset));
    }
  }
  if (!options.input_units.empty()) {
    import_options.plain_units = options.input_units == "mmol/l" ? GlucoseUnit::kMmolL : GlucoseUnit::kMgDl;
  }
  const CgmTrace trace = import_cgm_file(options.file, *parse_cgm_format(options.format), import_options);
  const CgmMetricTable table = compute_cgm_metrics(trace.samples);
  const bool mmol = options.units == "mmol/l";
  if (options.output == "json") print_json(trace, table, mmol);
  else if (options.output == "csv") print_csv(table, mmol);
  else print_table(trace, table, mmol);
  if (!options.report_path.empty()) {
    const std::string html = render_agp_report_html(trace, table, mmol);
    std::ofstream report(options.report_path, std::ios::binary);
    report << html;
    report.close();
    if (!report) {
      std::cerr << "error: cannot write the report to " << options.report_path << "\n";
      return kExitFailure;
    }
    std::cerr << "report written to " << options.report_path << "\n";
  }
  return kExitOk;
}

}  // namespace

void register_cgm_command(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<CgmCommandOptions>();
  auto* command = app.add_subcommand(
      "cgm", "Import a CGM export (Dexcom, LibreView, Nightscout, plain CSV), print consensus metrics and write an "
             "AGP-style report");
  command->add_option("file", options->file, "CGM export to read")->required();
  command->add_option("--format", options->format, "Input format (default: auto-detect)")
      ->check(CLI::IsMember({"auto", "dexcom", "libre", "nightscout", "plain"}));
  command->add_option("--output", options->output, "What to print: table, json or csv (default: table)")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  command->add_option("--units", options->units, "Glucose units of the output: mg/dl or mmol/l (default: mg/dl)")
      ->check(CLI::IsMember({"mg/dl", "mmol/l"}));
  command->add_option("--input-units", options->input_units,
                      "Units of a plain CSV whose header does not say: mg/dl or mmol/l")
      ->check(CLI::IsMember({"mg/dl", "mmol/l"}));
  command->add_option("--report", options->report_path, "Write a one-page AGP-style HTML report to this file");
  command->add_option("--utc-offset,--tz", options->utc_offset,
                      "Wearer's UTC offset, e.g. -05:00 (converts Nightscout's UTC times to local time; recorded "
                      "for formats that store local time)");
  command->callback([options, exit_code]() {
    *exit_code = exit_code_of([&] { return run_cgm_command(*options); });
  });
}

}  // namespace isletsim::cli
