// isletsim: the command-line front end. Research software -- it never gives dosing advice.
#include <iostream>

#include <CLI/CLI.hpp>

#include "commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"isletsim -- in-silico diabetes research engine (research use only; never dosing advice)"};
  app.require_subcommand(1);
  int exit_code = isletsim::cli::kExitOk;
  isletsim::cli::register_simulate_command(app, &exit_code);
  isletsim::cli::register_indices_command(app, &exit_code);
  isletsim::cli::register_fit_command(app, &exit_code);
  isletsim::cli::register_cgm_command(app, &exit_code);
  isletsim::cli::register_protocol_command(app, &exit_code);
  isletsim::cli::register_report_command(app, &exit_code);
  isletsim::cli::register_progress_command(app, &exit_code);
  isletsim::cli::register_trial_command(app, &exit_code);
  isletsim::cli::register_calibrate_command(app, &exit_code);
  isletsim::cli::register_msc_trials_command(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help);
  } catch (const CLI::ParseError& error) {
    app.exit(error);  // prints the message and usage
    return isletsim::cli::kExitBadInput;
  }
  return exit_code;
}
