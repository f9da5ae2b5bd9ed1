// The --backend option's check: a name the registry knows (engine/backend.hpp), else a usage error (exit 2) that
// lists the known backends.
#pragma once

#include <stdexcept>
#include <string>

#include <CLI/CLI.hpp>

#include "engine/backend.hpp"

namespace isletsim::cli {

inline CLI::Validator known_backend() {
  return CLI::Validator(
      [](std::string& name) -> std::string {
        try {
          (void)backend_named(name);
          return {};
        } catch (const std::invalid_argument& error) {
          return error.what();
        }
      },
      "BACKEND");
}

}  // namespace isletsim::cli
