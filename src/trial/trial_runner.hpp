// The in-silico trial runner: screening (sample a candidate, run-in on usual care, eligibility), permuted-block
// allocation, then each participant simulated for the trial's duration in its arm, endpoints at every visit.
//
// Participants are put through the care loop (engine/care_loop.hpp) in batches of consecutive indices on the trial's
// backend; a participant's numbers depend only on its own index, never on the batch width or the thread count.
// Reproducibility: candidate c's parameters come from RandomStream(seed, c, kCohortSampling), its run-in meals
// and sensor noise from kScreeningBehaviour / kScreeningSensorNoise, its trial meals and sensor noise from
// kBehaviour / kSensorNoise, all keyed by c; allocation from kTrialAllocation. Candidates are screened in index
// order and enrolled in that order, so the enrolled cohort, every participant's numbers and the output are the same
// whatever the thread count.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "trial/trial_definition.hpp"

namespace isletsim {

struct ScreeningLog {
  int screened = 0;
  int eligible = 0;
  int enrolled = 0;
  long parameter_redraws = 0;                  // invalid draws rejected across the screened candidates
  std::map<std::string, int> exclusions;       // first failed criterion -> candidates
  // Subject-days simulated in screening (model-domain checks and run-ins), candidates screened beyond the last one
  // enrolled included: the work done, for speed reports (not an outcome; not written to screening_log.json).
  double simulated_screening_days = 0;
};

struct VisitValues {
  int visit_day = 0;
  std::vector<EndpointValue> values;           // the requested endpoints of this visit, in request order
};

struct ParticipantResult {
  std::string subject_id;                      // s0001, ... in enrolment order
  std::uint64_t candidate_index = 0;           // the index that keys its random streams
  int arm = 0;
  std::vector<VisitValues> visits;
  std::vector<double> last_day_cgm_mg_dl;      // CGM readings of the last trial day (an example trace)
  // Set when the participant was withdrawn: its simulated glucose reached 0 on that (0-based) day, where the
  // model (no counter-regulation) stops meaning anything. Visits after it have no values (missing data).
  std::optional<int> withdrawn_on_day;
  double cgm_interval_min = 1;
};

struct TrialRunOptions {
  std::string backend;                         // empty: the trial's (TrialDefinition::backend)
  unsigned threads = 0;                        // 0: all cores
  std::size_t batch_width = 0;                 // participants per care loop; 0: engine/simulation.hpp's automatic width
  // Called after each participant is consumed (index in enrolment order, total); for progress bars.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

// Screens and runs the trial; hands each participant's result to `consume` in enrolment order (s0001 first).
// Throws std::runtime_error if max_screened candidates do not yield enough eligible participants.
// A participant whose glucose reaches 0 is withdrawn (ParticipantResult::withdrawn_on_day), not fatal.
ScreeningLog run_trial(const TrialDefinition& trial, const TrialRunOptions& options,
                       const std::function<void(const ParticipantResult&)>& consume);

}  // namespace isletsim
