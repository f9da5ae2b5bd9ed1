#include <iostream>

#include "commands.hpp"

namespace isletsim::cli {

void register_simulate_command(CLI::App& app, int* exit_code) {
  auto* command = app.add_subcommand("simulate", "Simulate a scenario (TOML) and write timeseries.csv and summary.json");
  command->callback([exit_code]() {
    std::cerr << "simulate: under construction\n";
    *exit_code = kExitFailure;
  });
}

}  // namespace isletsim::cli
