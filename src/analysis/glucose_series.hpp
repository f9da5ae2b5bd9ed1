// GlucoseSample: one glucose reading at a wall-clock time -- the common input of every CGM metric, whether the
// readings come from a real sensor export (cgm/ importers) or from a simulated sensor.
//
// Times are wall-clock minutes since 1970-01-01 00:00 in the wearer's local time (so that "days" and "time of
// day" mean what they mean to the wearer); glucose is in mg/dl. Metric functions expect samples sorted by time
// without duplicate times (the importers guarantee this; sort_and_deduplicate does it for other sources).
#pragma once

#include <span>
#include <vector>

namespace isletsim {

struct GlucoseSample {
  double time_min = 0;       // local wall-clock minutes since 1970-01-01 00:00
  double glucose_mg_dl = 0;  // finite, > 0
};

// The glucose values in time order.
std::vector<double> glucose_values_mg_dl(std::span<const GlucoseSample> samples);

// Sorts by time (stable) and keeps the first reading of each run of equal times. Returns how many were dropped.
int sort_and_deduplicate(std::vector<GlucoseSample>& samples);

// Sample statistics used by many metrics (NaN when undefined): mean; SD with the n-1 denominator; the type-7
// quantile of Hyndman & Fan 1996 (Am Stat 50:361-365), the default of R and of most CGM software.
double mean_of(std::span<const double> values);
double sample_sd_of(std::span<const double> values);
double quantile_type7(std::span<const double> values, double probability);

}  // namespace isletsim
