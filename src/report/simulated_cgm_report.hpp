// The AGP-style report of a simulated subject's CGM trace: the same metrics and the same one-page report as for a
// real export (report/agp_report.hpp), so simulated and real data can be put side by side.
#pragma once

#include <string>

#include "cgm/cgm_trace.hpp"
#include "engine/subject_time_series.hpp"

namespace isletsim {

// Simulated clocks start on a nominal date, 2000-01-01, at the scenario's start time of day (minutes).
inline constexpr double kSimulatedEpochMin = 10957.0 * 1440.0;  // 2000-01-01 00:00 in minutes since 1970-01-01

// The sensor's readings (one per sample interval) as a CGM trace.
CgmTrace simulated_cgm_trace(const SubjectTimeSeries& series, double sample_interval_min, double start_time_of_day_min);

// Self-contained HTML report of that trace.
std::string render_simulated_cgm_report(const SubjectTimeSeries& series, double sample_interval_min,
                                        double start_time_of_day_min);

}  // namespace isletsim
