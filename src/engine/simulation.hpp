// Simulating a scenario's subjects: each subject with its controller, sensor and pump in the care loop
// (engine/care_loop.hpp) on the scenario's backend, minute by minute, into a SubjectTimeSeries.
//
// Subjects are cut into batches of consecutive indices, each batch one care loop on one thread; a subject's numbers
// depend only on its own index (its random streams are keyed by seed and index), never on the batching or the
// thread count.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "control/controller.hpp"
#include "engine/backend.hpp"
#include "engine/scenario.hpp"
#include "engine/subject_time_series.hpp"

namespace isletsim {

// Simulates `subject` (its index in the cohort keys its random streams) under `scenario` with `controller` on
// `backend`.
SubjectTimeSeries simulate_subject(const Scenario& scenario, const UvaPadovaParameters& subject,
                                   std::uint64_t subject_index, Controller& controller, const Backend& backend);
// The same on the scenario's backend, with the controller the scenario names.
SubjectTimeSeries simulate_subject(const Scenario& scenario, const UvaPadovaParameters& subject,
                                   std::uint64_t subject_index);

struct CohortRunOptions {
  std::string backend;          // empty: the scenario's
  unsigned threads = 0;         // 0: all cores
  std::size_t batch_width = 0;  // subjects per care loop; 0: automatic (batch_width_for below)
};

// The automatic batch width: the subjects shared out over the threads, at most 64 a batch.
std::size_t batch_width_for(std::size_t subjects, unsigned threads);

// Simulates every subject of the scenario; hands each series to `consume` in subject order (engine/ordered_executor.hpp:
// an exception is rethrown after the subjects before it were consumed).
void run_cohort(const Scenario& scenario, const CohortRunOptions& options,
                const std::function<void(std::size_t subject_index, const SubjectTimeSeries&)>& consume);

}  // namespace isletsim
