// `isletsim msc-trials FILE.toml --out DIR [--threads N]`: virtual randomized trials of MSC therapy in type 2
// diabetes on titrated basal insulin, and their random-effects meta-analysis beside Kashbour et al. 2025
// (docs/msc_trials.md).
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "command_errors.hpp"
#include "commands.hpp"
#include "core/input_error.hpp"
#include "io/msc_trials_output.hpp"
#include "io/msc_trials_toml.hpp"

namespace isletsim::cli {

namespace {

struct MscTrialsOptions {
  std::string path;
  std::string out_dir;
  unsigned threads = 0;
  bool quiet = false;
};

int run_msc_trials_command(const MscTrialsOptions& options) {
  const MscTrialsRequest request = read_msc_trials_toml(options.path);
  const MscMetaAnalysis result = run_msc_trials(request.set, options.threads);
  write_msc_trials_output(options.out_dir, request.name, request.set, result);
  if (!options.quiet) {
    std::cout << fmt::format("{}: {} virtual trials, DerSimonian-Laird pooled MSC - placebo (Kashbour 2025 beside)\n",
                             request.name, result.trials.size());
    for (int e = 0; e < kMscEndpointCount; ++e) {
      const auto endpoint = static_cast<MscEndpoint>(e);
      const RandomEffectsPooled& p = result.pooled[static_cast<std::size_t>(e)];
      const PublishedPooledResult k = kashbour_2025_pooled(endpoint);
      std::cout << fmt::format(
          "  {:<26} {:+8.3f} [{:+8.3f}, {:+8.3f}] I2 {:3.0f} %   published {:+7.2f} [{:+7.2f}, "
          "{:+7.2f}] I2 {:3.0f} %\n",
          msc_endpoint_name(endpoint), p.estimate, p.lower, p.upper, 100 * p.i_squared, k.estimate, k.lower, k.upper,
          100 * k.i_squared);
    }
    std::cout << fmt::format("wrote {}/meta_analysis.json, trials.csv, participants.csv\n", options.out_dir);
  }
  return kExitOk;
}

}  // namespace

void register_msc_trials_command(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<MscTrialsOptions>();
  auto* command = app.add_subcommand(
      "msc-trials",
      "Run several virtual randomized trials of MSC therapy in type 2 diabetes on titrated basal insulin (TOML) and "
      "their DerSimonian-Laird meta-analysis beside Kashbour et al. 2025. Writes DIR/meta_analysis.json, "
      "DIR/trials.csv and DIR/participants.csv. See docs/msc_trials.md.");
  command->add_option("file", options->path, "MSC trials file (TOML)")->required();
  command->add_option("--out", options->out_dir, "Output folder (created if missing)")->required();
  command
      ->add_option("--threads", options->threads,
                   "Worker threads (0 = all cores); results are identical for any thread count")
      ->check(CLI::NonNegativeNumber);
  command->add_flag("--quiet", options->quiet, "Print nothing but errors");
  command->callback([options, exit_code]() {
    *exit_code = exit_code_of([&] { return run_msc_trials_command(*options); });
  });
}

}  // namespace isletsim::cli
