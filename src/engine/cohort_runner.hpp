// Runs every subject of a scenario on several threads and hands the results back in subject order.
//
// Each subject's random streams are keyed by (seed, subject index), so the numbers do not depend on the thread
// count or on which thread ran which subject. Results are delivered to `consume` strictly in subject order as soon
// as each is ready, so a consumer that writes files streams them without holding the whole cohort in memory and
// without losing finished subjects if a later one fails.
#pragma once

#include <functional>

#include "engine/scenario.hpp"
#include "engine/subject_time_series.hpp"

namespace isletsim {

// threads = 0: one per hardware thread. Exceptions from a subject are rethrown on the calling thread after the
// subjects before it have been consumed.
void run_cohort(const Scenario& scenario, unsigned threads,
                const std::function<void(std::size_t subject_index, const SubjectTimeSeries&)>& consume);

}  // namespace isletsim
