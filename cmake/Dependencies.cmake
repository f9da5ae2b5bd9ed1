# All dependencies come from Debian 12 packages (see scripts/install_deps.sh).
find_package(Boost 1.74 REQUIRED)                 # Boost.Odeint (header-only ODE integrators)
find_package(Ceres REQUIRED)                      # Ceres Solver (nonlinear least squares for model fits)
find_package(fmt REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(tomlplusplus 3 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(Threads REQUIRED)
find_package(TBB REQUIRED)                       # oneTBB: the ordered thread executor
find_path(RANDOM123_INCLUDE_DIR Random123/philox.h REQUIRED)  # counter-based random streams
add_library(random123 INTERFACE)
target_include_directories(random123 SYSTEM INTERFACE ${RANDOM123_INCLUDE_DIR})
if(ISLETSIM_BUILD_TESTS)
  find_package(GTest REQUIRED)
  find_package(PNG REQUIRED)                      # decoding report screenshots in the rendering test
endif()
if(ISLETSIM_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
