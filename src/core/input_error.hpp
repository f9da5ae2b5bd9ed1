// InputError: the one exception type for bad user input (scenario files, CSV files, CLI values).
// It always names where the problem is -- file, line and key -- so the CLI can print a message a person can act on
// and exit with code 2.
#pragma once

#include <stdexcept>
#include <string>

namespace isletsim {

struct InputLocation {
  std::string file;  // path as given by the user; empty when not from a file
  int line = 0;      // 1-based; 0 when unknown
  std::string key;   // dotted key path, e.g. "meals[2].carbs_g"; empty when not applicable
};

class InputError : public std::runtime_error {
 public:
  InputError(InputLocation location, const std::string& problem);

  const InputLocation& location() const { return location_; }
  const std::string& problem() const { return problem_; }

 private:
  InputLocation location_;
  std::string problem_;
};

// "file:line: key 'k': problem" with the parts that are known.
std::string format_input_error(const InputLocation& location, const std::string& problem);

}  // namespace isletsim
