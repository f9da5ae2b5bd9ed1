#include "report/simulated_cgm_report.hpp"

#include <cmath>

#include "analysis/cgm_metric_table.hpp"
#include "report/agp_report.hpp"

namespace isletsim {

CgmTrace simulated_cgm_trace(const SubjectTimeSeries& series, double sample_interval_min, double start_time_of_day_min) {
  CgmTrace trace;
  trace.source_file = "simulated subject " + series.subject;
  trace.format = "isletsim simulation";
  const long interval = std::max(1L, std::lround(sample_interval_min));
  for (std::size_t i = 0; i < series.size(); ++i) {
    if (std::lround(series.t_min[i]) % interval != 0) continue;  // one row per sensor reading
    trace.samples.push_back({kSimulatedEpochMin + start_time_of_day_min + series.t_min[i], series.cgm_mg_dl[i]});
  }
  trace.notes.push_back("simulated data (isletsim); the clock starts on the nominal date 2000-01-01");
  return trace;
}

std::string render_simulated_cgm_report(const SubjectTimeSeries& series, double sample_interval_min,
                                        double start_time_of_day_min) {
  const CgmTrace trace = simulated_cgm_trace(series, sample_interval_min, start_time_of_day_min);
  return render_agp_report_html(trace, compute_cgm_metrics(trace.samples), false);
}

}  // namespace isletsim
