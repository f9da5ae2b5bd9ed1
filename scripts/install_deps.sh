#!/usr/bin/env bash
# Installs every build and test dependency from Debian 12 packages, by name. Run as root (or with sudo).
set -euo pipefail
packages=(
  build-essential cmake git pkg-config
  libboost-dev            # Boost.Odeint (ODE integration), Boost.Math
  libceres-dev            # Ceres Solver (nonlinear least squares: model fitting)
  libfmt-dev nlohmann-json3-dev libtomlplusplus-dev libcli11-dev librandom123-dev
  libtbb-dev              # oneTBB: the thread executor of cohorts and trials (engine/ordered_executor.hpp)
  libxsimd-dev            # xsimd: the SIMD lane types of the batched backend (engine/simd/)
  libgtest-dev libgmock-dev libbenchmark-dev
  libpng-dev              # tests: decoding the screenshot of the CGM report
  chromium                # tests: rendering the CGM report headless
  clang libclang-rt-14-dev  # fuzz/ (libFuzzer); the normal build uses g++
)
if [ "${ISLETSIM_EXTRA_PACKAGES:-}" != "" ]; then
  # shellcheck disable=SC2206
  packages+=(${ISLETSIM_EXTRA_PACKAGES})
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
