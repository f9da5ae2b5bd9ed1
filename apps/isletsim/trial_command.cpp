// `isletsim trial TRIAL.toml --out DIR [--threads N]`: runs a virtual clinical trial (docs/trial.md).
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "command_errors.hpp"
#include "backend_option.hpp"
#include "commands.hpp"
#include "core/input_error.hpp"
#include "io/trial_output.hpp"
#include "io/trial_toml.hpp"
#include "trial/trial_runner.hpp"

namespace isletsim::cli {

namespace {

struct TrialOptions {
  std::string trial_path;
  std::string out_dir;
  unsigned threads = 0;
  std::string backend;
  std::size_t batch_width = 0;
  bool progress = false;
  bool quiet = false;
};

// "[#########...........]  12/24 participants", redrawn in place.
void draw_progress(std::size_t done, std::size_t total) {
  constexpr std::size_t kWidth = 30;
  const std::size_t filled = total == 0 ? kWidth : done * kWidth / total;
  std::cerr << '\r' << '[' << std::string(filled, '#') << std::string(kWidth - filled, '.') << "] "
            << fmt::format("{}/{} participants", done, total) << (done == total ? "\n" : "") << std::flush;
}

int run_trial_command(const TrialOptions& options) {
  const TrialDefinition trial = read_trial_toml(options.trial_path);
  for (const std::string& warning : trial.warnings) std::cerr << warning << '\n';
  TrialOutputWriter writer(options.out_dir, trial);
  TrialRunOptions run;
  run.threads = options.threads;
  run.backend = options.backend;
  run.batch_width = options.batch_width;
  const bool show_progress = !options.quiet && (options.progress || isatty(fileno(stderr)) != 0);
  if (show_progress) run.progress = draw_progress;
  if (!options.quiet) {
    std::cerr << fmt::format("trial '{}': screening for {} participants ({} days run-in)\n", trial.name,
                             trial.participants, trial.cohort.run_in_days);
  }
  const ScreeningLog log = run_trial(trial, run, [&](const ParticipantResult& result) { writer.add_participant(result); });
  writer.finish(log);
  if (!options.quiet) {
    std::cerr << fmt::format("screened {}, eligible {}, enrolled {}; wrote {}/subject_endpoints.csv, "
                             "arm_results.json, screening_log.json\n",
                             log.screened, log.eligible, log.enrolled, options.out_dir);
  }
  return kExitOk;
}

}  // namespace

void register_trial_command(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<TrialOptions>();
  auto* command = app.add_subcommand(
      "trial", "Run a virtual clinical trial (TOML): screening, randomisation, minute-by-minute simulation of every "
               "participant, endpoints at each visit. Writes DIR/subject_endpoints.csv "
               "(subject_id,arm,visit_day,endpoint,value,unit), DIR/arm_results.json (per-arm statistics and "
               "comparisons with the first arm) and DIR/screening_log.json. See docs/trial.md.");
  command->add_option("trial", options->trial_path, "Trial file (TOML)")->required();
  command->add_option("--out", options->out_dir, "Output folder (created if missing)")->required();
  command->add_option("--threads", options->threads,
                      "Worker threads (0 = all cores); results are identical for any thread count")
      ->check(CLI::NonNegativeNumber);
  command->add_option("--backend", options->backend,
                      "Backend that integrates the participants (reference, fast, batched; default: [trial] backend)")
      ->check(known_backend());
  command->add_option("--batch-width", options->batch_width,
                      "Participants per care loop (0 = automatic); results are identical for any width")
      ->check(CLI::NonNegativeNumber);
  command->add_flag("--progress", options->progress, "Show a progress bar even when stderr is not a terminal");
  command->add_flag("--quiet", options->quiet, "Print nothing but errors");
  command->callback([options, exit_code]() {
    *exit_code = exit_code_of([&] { return run_trial_command(*options); });
  });
}

}  // namespace isletsim::cli
