// Helpers shared by the tests: where the reference data and the CLI are, and a skip when ../shared is absent.
#pragma once

#include <filesystem>
#include <string>

namespace isletsim::testing {

// Folder with the shared reference data (../shared/reference beside the checkout).
std::filesystem::path reference_dir();

// True when the reference folder exists; tests that need it call ISLETSIM_REQUIRE_REFERENCE().
bool reference_available();

// Path to the built isletsim command-line program.
std::filesystem::path cli_path();

// Path inside the source tree (for the project's own scenario and sample files).
std::filesystem::path source_path(const std::string& relative);

// A path in the temporary folder named after `name` with this process's id before the extension
// ("isletsim_x.toml" -> "/tmp/isletsim_x_<pid>.toml"), so that two checkouts testing at once never share files.
std::filesystem::path scratch_path(const std::string& name);

struct CommandResult {
  int exit_code;
  std::string output;  // stdout and stderr together
};
// Runs a shell command and captures its output and exit code.
CommandResult run_command(const std::string& command);

}  // namespace isletsim::testing

#define ISLETSIM_REQUIRE_REFERENCE()                                                           \
  do {                                                                                         \
    if (!::isletsim::testing::reference_available()) {                                         \
      GTEST_SKIP() << "reference data not found at " << ::isletsim::testing::reference_dir()   \
                   << " (../shared/reference is absent): skipping this comparison";            \
    }                                                                                          \
  } while (false)
