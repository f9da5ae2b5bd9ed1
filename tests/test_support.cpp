#include "test_support.hpp"

#include <array>
#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>

namespace isletsim::testing {

std::filesystem::path reference_dir() { return ISLETSIM_REFERENCE_DIR; }

bool reference_available() {
  return std::filesystem::exists(reference_dir() / "README.md");
}

std::filesystem::path cli_path() { return ISLETSIM_CLI_PATH; }

std::filesystem::path scratch_path(const std::string& name) {
  const std::filesystem::path base(name);
  return std::filesystem::temp_directory_path() /
         (base.stem().string() + "_" + std::to_string(::getpid()) + base.extension().string());
}

std::filesystem::path source_path(const std::string& relative) {
  return std::filesystem::path(ISLETSIM_SOURCE_DIR) / relative;
}

CommandResult run_command(const std::string& command) {
  CommandResult result{-1, {}};
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  std::size_t bytes_read = 0;
  while ((bytes_read = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    result.output.append(buffer.data(), bytes_read);
  }
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace isletsim::testing
