// Each subcommand of the isletsim CLI registers itself here; main.cpp only wires them together.
#pragma once

#include <CLI/CLI.hpp>

namespace isletsim::cli {

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 2;   // malformed or impossible input (file, line and key are printed)
inline constexpr int kExitFailure = 1;    // anything else (I/O failure while writing, internal error)

// Each register_* adds a subcommand; the callback it installs stores the command's exit code in *exit_code.
void register_simulate_command(CLI::App& app, int* exit_code);
void register_indices_command(CLI::App& app, int* exit_code);
void register_fit_command(CLI::App& app, int* exit_code);
void register_cgm_command(CLI::App& app, int* exit_code);
void register_protocol_command(CLI::App& app, int* exit_code);
void register_report_command(CLI::App& app, int* exit_code);
void register_progress_command(CLI::App& app, int* exit_code);
void register_trial_command(CLI::App& app, int* exit_code);
void register_calibrate_command(CLI::App& app, int* exit_code);
void register_msc_trials_command(CLI::App& app, int* exit_code);

}  // namespace isletsim::cli
