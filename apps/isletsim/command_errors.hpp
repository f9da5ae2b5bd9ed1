// How every isletsim command turns a failure into a message and an exit code, in one place.
#pragma once

#include <functional>

#include "core/input_error.hpp"

namespace isletsim::cli {

// Runs `body` and returns its exit code. An InputError (malformed or impossible input; its message names the file,
// line and key) prints "error: ..." and gives kExitBadInput; any other exception (a write that failed, an internal
// error) prints "error: ..." and gives kExitFailure. `on_input_error`, when given, runs after the message (e.g. to
// print a hint).
int exit_code_of(const std::function<int()>& body,
                 const std::function<void(const InputError&)>& on_input_error = nullptr);

}  // namespace isletsim::cli
