// isletsim public API: simulating virtual people minute by minute.
//
//   isletsim::Scenario scenario = isletsim::load_scenario("scenarios/demo_basal_bolus_two_weeks.toml");
//   isletsim::SimulateOptions options;
//   options.backend = "fast";
//   isletsim::SimulateSummary summary;
//   std::vector<isletsim::SubjectTimeSeries> series = isletsim::simulate(scenario, options, &summary);
//   std::puts(summary.brief_report().c_str());
//
// Each subject lives in the care loop (engine/care_loop.hpp): meals, CGM sensor, pump and controller around the
// physiology, which a backend integrates. The same scenario gives the same numbers for every thread count and batch
// width; different backends agree with the reference to the accuracy docs/validation.md measures.
// Research software: it never gives dosing advice.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "isletsim/controller.hpp"
#include "engine/scenario.hpp"
#include "engine/subject_time_series.hpp"

namespace isletsim {

struct SimulateOptions {
  // The backend that integrates the subjects: "reference" (adaptive Dormand-Prince, the ground truth), "fast",
  // "batched" (backend_names() lists them). Empty (the default): the scenario's own, its [simulation] engine.
  std::string backend;
  // Worker threads; 0 (the default) = one per hardware thread. Results do not depend on it.
  unsigned threads = 0;
  // Subjects handed to the backend at once (one care loop); 0 (the default) = automatic. Results do not depend on it.
  std::size_t batch_width = 0;

  // False, with the reason in *error, when a field is unusable (an unknown backend).
  bool is_valid(std::string* error) const;
};

struct SimulateSummary {
  std::string backend;                 // the backend that ran
  std::size_t subjects = 0;
  double minutes_per_subject = 0;
  double wall_time_s = 0;
  double patient_days() const { return static_cast<double>(subjects) * minutes_per_subject / 1440.0; }
  double patient_days_per_second() const { return wall_time_s > 0 ? patient_days() / wall_time_s : 0.0; }
  // One line: subjects, simulated time, backend, speed.
  std::string brief_report() const;
  // Several lines, one fact each.
  std::string full_report() const;
};

// Reads a scenario file (TOML, docs/scenario.md). Throws InputError (file, line, key) for bad input.
Scenario load_scenario(const std::filesystem::path& path);

// Simulates every subject; `consume` gets each series in subject order as soon as it and those before it are done
// (so files can be written while later subjects run). Throws std::invalid_argument for invalid options.
void simulate(const Scenario& scenario, const SimulateOptions& options,
              const std::function<void(std::size_t subject_index, const SubjectTimeSeries& series)>& consume,
              SimulateSummary* summary = nullptr);
// The same, keeping every series.
std::vector<SubjectTimeSeries> simulate(const Scenario& scenario, const SimulateOptions& options = {},
                                        SimulateSummary* summary = nullptr);

// One subject (its index keys its random streams) with your own controller (isletsim/controller.hpp).
SubjectTimeSeries simulate_subject(const Scenario& scenario, const UvaPadovaParameters& subject,
                                   std::uint64_t subject_index, Controller& controller,
                                   const SimulateOptions& options);

}  // namespace isletsim
