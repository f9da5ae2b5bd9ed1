#!/usr/bin/env bash
# Installs dependencies, builds the optimised CLI and runs the demo in-silico study, writing results to out/demo/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install_deps.sh
cmake --preset release -DISLETSIM_BUILD_TESTS=OFF -DISLETSIM_BUILD_BENCH=OFF >/dev/null
cmake --build --preset release -j "$(nproc)" --target isletsim
./build/release/apps/isletsim simulate scenarios/demo_basal_bolus_two_weeks.toml --out out/demo --report
echo "results: out/demo/timeseries.csv, out/demo/summary.json and the CGM report out/demo/reports/000_average_adult.html"
