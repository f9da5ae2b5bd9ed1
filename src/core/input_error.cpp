#include "core/input_error.hpp"

#include <fmt/format.h>

namespace isletsim {

std::string format_input_error(const InputLocation& location, const std::string& problem) {
  std::string message;
  if (!location.file.empty()) {
    message += location.file;
    if (location.line > 0) message += fmt::format(":{}", location.line);
    message += ": ";
  }
  if (!location.key.empty()) message += fmt::format("key '{}': ", location.key);
  message += problem;
  return message;
}

InputError::InputError(InputLocation location, const std::string& problem)
    : std::runtime_error(format_input_error(location, problem)),
      location_(std::move(location)),
      problem_(problem) {}

}  // namespace isletsim
