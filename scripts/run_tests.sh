#!/usr/bin/env bash
# Installs dependencies, builds (warnings are errors) and runs every test: once optimised, once under
# AddressSanitizer + UndefinedBehaviorSanitizer; then replays the kept fuzz corpus (fuzz/README.md) when clang is
# there -- a few seconds once the fuzz targets are built.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install_deps.sh
jobs=$(nproc)
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs"
ctest --preset release -j "$jobs"
cmake --preset sanitize >/dev/null
cmake --build --preset sanitize -j "$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --preset sanitize -j "$jobs"
if command -v clang++ >/dev/null 2>&1; then
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz -j "$jobs"
  ctest --preset fuzz
fi
