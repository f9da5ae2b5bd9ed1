// Output of `isletsim msc-trials` (docs/msc_trials.md), written under temporary names and renamed when complete:
//   participants.csv   trial,participant,arm,endpoint,baseline,end,change  (one row per participant and endpoint)
//   trials.csv         trial,cell_source,n_per_arm,follow_up_days,infusions,endpoint,placebo_change_mean,
//                      msc_change_mean,difference,lower,upper,standard_error
//   meta_analysis.json per endpoint: DerSimonian-Laird pooled difference, 95 % CI, tau^2, I^2, Q, beside
//                      Kashbour et al. 2025
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "trial/msc_virtual_trial.hpp"

namespace isletsim {

nlohmann::json msc_meta_analysis_json(const std::string& name, const MscTrialSet& set, const MscMetaAnalysis& result);
std::string msc_trials_csv(const MscMetaAnalysis& result);
std::string msc_participants_csv(const MscMetaAnalysis& result);

// Writes the three files into out_dir (created if missing). Throws std::runtime_error naming the path on failure.
void write_msc_trials_output(const std::filesystem::path& out_dir, const std::string& name, const MscTrialSet& set,
                             const MscMetaAnalysis& result);

}  // namespace isletsim
