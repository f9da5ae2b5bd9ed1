// `isletsim simulate SCENARIO.toml --out DIR`: runs every subject of a scenario on its backend (or --backend).
#include <cctype>
#include <iostream>
#include <string>

#include <fmt/format.h>

#include "command_errors.hpp"
#include "backend_option.hpp"
#include "commands.hpp"
#include "core/input_error.hpp"
#include "engine/simulation.hpp"
#include "io/scenario_toml.hpp"
#include "io/simulation_output.hpp"
#include "report/simulated_cgm_report.hpp"

#include <filesystem>
#include <fstream>

namespace isletsim::cli {

namespace {

struct SimulateOptions {
  std::string scenario_path;
  std::string out_dir;
  bool quiet = false;
  unsigned threads = 0;
  std::string backend;
  std::size_t batch_width = 0;
  bool reports = false;
};

// DIR/reports/<index>_<name>.html, the name reduced to letters, digits, '-' and '_'.
std::filesystem::path report_path(const std::string& out_dir, std::size_t index, const std::string& subject) {
  std::string safe;
  for (const char c : subject) safe += (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-') ? c : '_';
  return std::filesystem::path(out_dir) / "reports" / fmt::format("{:03d}_{}.html", index, safe);
}

int run_simulate(const SimulateOptions& options) {
  const Scenario scenario = read_scenario_toml(options.scenario_path);
  nlohmann::json run = {{"scenario", options.scenario_path},
                        {"duration_min", scenario.duration_min},
                        {"seed", scenario.seed},
                        {"sensor", scenario.sensor ? scenario.sensor->name : "none"},
                        {"pump", scenario.pump.name}};
  SimulationOutputWriter writer(options.out_dir, run);
  const double sample_interval_min = scenario.sensor ? scenario.sensor->sample_time_min : 1.0;
  CohortRunOptions run_options;
  run_options.backend = options.backend;
  run_options.threads = options.threads;
  run_options.batch_width = options.batch_width;
  run_cohort(scenario, run_options, [&](std::size_t index, const SubjectTimeSeries& series) {
    writer.add_subject(series, scenario.sensor.has_value());
    if (options.reports) {
      const auto path = report_path(options.out_dir, index, series.subject);
      std::filesystem::create_directories(path.parent_path());
      std::ofstream(path) << render_simulated_cgm_report(series, sample_interval_min, scenario.start_time_of_day_min);
    }
    if (!options.quiet) std::cerr << fmt::format("simulated {} ({} min)\n", series.subject, series.size());
  });
  writer.finish();
  if (!options.quiet) {
    std::cerr << fmt::format("wrote {0}/timeseries.csv and {0}/summary.json\n", options.out_dir);
  }
  return kExitOk;
}

}  // namespace

void register_simulate_command(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<SimulateOptions>();
  auto* command = app.add_subcommand(
      "simulate", "Simulate a scenario (TOML): writes DIR/timeseries.csv (one row per subject-minute) and "
                  "DIR/summary.json (glucose outcomes, total insulin per subject). See docs/scenario.md.");
  command->add_option("scenario", options->scenario_path, "Scenario file (TOML)")->required();
  command->add_option("--out", options->out_dir, "Output folder (created if missing)")->required();
  command->add_flag("--quiet", options->quiet, "Print nothing but errors");
  command->add_flag("--report", options->reports,
                    "Also write an AGP-style HTML report of each subject's CGM trace to DIR/reports/");
  command->add_option("--threads", options->threads,
                      "Worker threads (0 = all cores); results are identical for any thread count")
      ->check(CLI::NonNegativeNumber);
  command->add_option("--backend", options->backend,
                      "Backend that integrates the subjects (reference, fast, batched; default: the scenario's engine)")
      ->check(known_backend());
  command->add_option("--batch-width", options->batch_width,
                      "Subjects per care loop (0 = automatic); results are identical for any width")
      ->check(CLI::NonNegativeNumber);
  command->callback([options, exit_code]() {
    *exit_code = exit_code_of([&] { return run_simulate(*options); });
  });
}

}  // namespace isletsim::cli
