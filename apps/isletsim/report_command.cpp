// `isletsim report trial DIR`: renders the output directory of `isletsim trial` (its arm_results.json) as one
// self-contained HTML page, DIR/trial_report.html (or --out FILE). Research software: simulated participants only.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "command_errors.hpp"
#include "commands.hpp"
#include "core/input_error.hpp"
#include "report/trial_report.hpp"

namespace isletsim::cli {

namespace {

struct TrialReportOptions {
  std::string directory;
  std::string out_path;
};

int run_trial_report(const TrialReportOptions& options) {
  const std::filesystem::path directory(options.directory);
  if (!std::filesystem::is_directory(directory)) {
    throw InputError({options.directory, 0, ""}, "is not a directory (expected the --out folder of isletsim trial)");
  }
  const TrialResults results = read_trial_results(directory / "arm_results.json");
  const std::string html = render_trial_report(results);
  const std::filesystem::path out =
      options.out_path.empty() ? directory / "trial_report.html" : std::filesystem::path(options.out_path);
  // Write beside the target and rename, so a failed write never leaves a truncated report in place.
  const std::filesystem::path partial = out.string() + ".partial";
  {
    std::ofstream stream(partial, std::ios::binary);
    stream << html;
    stream.close();
    if (!stream) {
      std::cerr << "error: cannot write the report to " << partial.string() << "\n";
      std::error_code ignored;
      std::filesystem::remove(partial, ignored);
      return kExitFailure;
    }
  }
  std::filesystem::rename(partial, out);
  std::cerr << "report written to " << out.string() << "\n";
  return kExitOk;
}

}  // namespace

void register_report_command(CLI::App& app, int* exit_code) {
  auto* report = app.add_subcommand("report", "Render existing results as self-contained HTML reports");
  report->require_subcommand(1);
  auto options = std::make_shared<TrialReportOptions>();
  auto* trial = report->add_subcommand(
      "trial", "Render the output directory of `isletsim trial` (DIR/arm_results.json) as DIR/trial_report.html: "
               "arms, endpoint tables with 95 % CIs, a forest plot and example CGM traces");
  trial->add_option("dir", options->directory, "Output directory of isletsim trial (holds arm_results.json)")
      ->required();
  trial->add_option("--out", options->out_path, "Write the HTML here instead of DIR/trial_report.html");
  trial->callback([options, exit_code]() {
    *exit_code = exit_code_of([&] { return run_trial_report(*options); });
  });
}

}  // namespace isletsim::cli
