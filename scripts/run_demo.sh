#!/usr/bin/env bash
# Installs dependencies, builds the optimised CLI and runs the demo in-silico study, writing results to out/demo/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install_deps.sh
cmake --preset release -DISLETSIM_BUILD_TESTS=OFF -DISLETSIM_BUILD_BENCH=OFF >/dev/null
cmake --build --preset release -j "$(nproc)" --target isletsim
./build/release/apps/isletsim simulate scenarios/demo_basal_bolus_two_weeks.toml --out out/demo --report
echo "results: out/demo/timeseries.csv, out/demo/summary.json and the CGM report out/demo/reports/000_average_adult.html"
# A small virtual trial: basal-bolus vs PID, 2 arms x 6 participants x 14 days (docs/trial.md).
./build/release/apps/isletsim trial trials/basal_bolus_vs_pid.toml --out out/demo_trial
./build/release/apps/isletsim report trial out/demo_trial
echo "trial results: out/demo_trial/subject_endpoints.csv, out/demo_trial/arm_results.json, out/demo_trial/screening_log.json"
echo "trial report: out/demo_trial/trial_report.html"
# The stem-cell islet graft trial (Reichman et al. 2025 design, docs/trial.md): 24 participants, one year.
./build/release/apps/isletsim trial trials/islet_graft_reichman_2025.toml --out out/demo_graft_trial
./build/release/apps/isletsim report trial out/demo_graft_trial
echo "graft trial: out/demo_graft_trial/arm_results.json and out/demo_graft_trial/trial_report.html"
# MSC therapy in type 2 diabetes: six virtual RCTs on titrated basal insulin and their meta-analysis (docs/msc_trials.md).
./build/release/apps/isletsim msc-trials trials/msc_t2d_meta_analysis.toml --out out/demo_msc_trials
echo "MSC trials: out/demo_msc_trials/meta_analysis.json, trials.csv, participants.csv"
