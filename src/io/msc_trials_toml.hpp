// The MSC virtual-trials file (TOML) of `isletsim msc-trials`: a set of virtual randomized trials of MSC therapy
// in type 2 diabetes on basal insulin and their meta-analysis (trial/msc_virtual_trial.hpp; docs/msc_trials.md).
//
//   [meta_analysis]  name, seed
//   [cohort]         (optional) muscle_fat_insulin_sensitivity_cv, liver_insulin_sensitivity_cv,
//                    beta_cell_function_cv, beta_cell_mass_cv
//   [care]           (optional) titration ("3-0-3" | "treat_to_target"), start_basal_dose_u_per_day,
//                    prandial_start_dose_u_per_meal (0 = basal only), run_in_days,
//                    representative_day_per_interval
//   [[trial]]        name, cell_source, participants_per_arm, follow_up_days, response_cv (optional)
//   [[trial.infusions]]  day, dose_cells_per_kg
//   [trial.effect]   (optional) insulin_sensitivity_gain, insulin_sensitivity_half_life_day,
//                    beta_cell_function_gain, beta_cell_function_half_life_day, apoptosis_reduction_gain,
//                    apoptosis_reduction_half_life_day, reference_dose_cells_per_kg
// Every key is checked; bad values are InputErrors naming file, line and key.
#pragma once

#include <filesystem>
#include <string>

#include "trial/msc_virtual_trial.hpp"

namespace isletsim {

struct MscTrialsRequest {
  std::string name;
  MscTrialSet set;
};

MscTrialsRequest read_msc_trials_toml(const std::filesystem::path& path);

}  // namespace isletsim
