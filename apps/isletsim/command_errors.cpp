#include "command_errors.hpp"

#include <exception>
#include <iostream>

#include "commands.hpp"

namespace isletsim::cli {

int exit_code_of(const std::function<int()>& body, const std::function<void(const InputError&)>& on_input_error) {
  try {
    return body();
  } catch (const InputError& error) {
    std::cerr << "error: " << error.what() << '\n';
    if (on_input_error) on_input_error(error);
    return kExitBadInput;
  } catch (const std::exception& error) {
    std::cerr << "error: " << error.what() << '\n';
    return kExitFailure;
  }
}

}  // namespace isletsim::cli
