// `isletsim progress FILE.toml`: runs the multi-scale course (years at minute resolution, beta-cell mass and
// function and insulin sensitivity coupled to the meal model; docs/multiscale_coupling.md) and prints one CSV row per
// day.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <string>

#include "command_errors.hpp"
#include "commands.hpp"
#include "core/input_error.hpp"
#include "io/progression_toml.hpp"
#include "progression/multiscale_course.hpp"

namespace isletsim::cli {

namespace {

int run_progress_command(const std::string& path) {
  const ProgressionRequest request = read_progression_toml(path);
  const std::vector<DailyRecord> records = run_multiscale_course(request.subject, request.options);
  std::cout << "day,mean_glucose_mg_dl,fasting_glucose_mg_dl,max_glucose_mg_dl,hba1c_percent,"
               "relative_beta_cell_mass,relative_beta_cell_function,muscle_sensitivity,liver_sensitivity,"
               "fasting_insulin_pmol_l,fasting_c_peptide_pmol_l,peak_c_peptide_pmol_l,basal_dose_taken\n";
  for (const auto& r : records) {
    std::cout << fmt::format("{},{:.3f},{:.3f},{:.3f},{:.4f},{:.5f},{:.5f},{:.5f},{:.5f},{:.2f},{:.2f},{:.2f},{}\n",
                             r.day, r.mean_glucose_mg_dl, r.fasting_glucose_mg_dl, r.max_glucose_mg_dl, r.hba1c_percent,
                             r.relative_beta_cell_mass, r.relative_beta_cell_function, r.muscle_sensitivity,
                             r.liver_sensitivity, r.fasting_insulin_pmol_l, r.fasting_c_peptide_pmol_l,
                             r.peak_c_peptide_pmol_l, r.basal_dose_taken ? 1 : 0);
  }
  return kExitOk;
}

}  // namespace

void register_progress_command(CLI::App& app, int* exit_code) {
  auto path = std::make_shared<std::string>();
  auto* command = app.add_subcommand(
      "progress",
      "Run a multi-scale course (years at minute resolution; TOML file with a [progression] table) and "
      "print one CSV row per day. See docs/multiscale_coupling.md.");
  command->add_option("file", *path, "Progression file (TOML)")->required();
  command->callback([path, exit_code]() {
    *exit_code = exit_code_of([&] { return run_progress_command(*path); });
  });
}

}  // namespace isletsim::cli
