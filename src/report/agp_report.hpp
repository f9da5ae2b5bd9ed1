// A one-page AGP-style CGM report as a self-contained HTML file (inline SVG and CSS, no scripts, no network).
//
// Layout after the Ambulatory Glucose Profile of the international consensus (Battelino et al. 2019, Diabetes Care
// 42:1593, Figure 1; Johnson et al. 2019, "Utilizing the ambulatory glucose profile to standardize and implement
// continuous glucose monitoring in clinical practice", Diabetes Technol Ther 21:S2-17): glucose statistics and
// targets, the time-in-ranges stacked bar, the modal-day percentile profile (5/25/50/75/95 %) with the 70-180 mg/dl
// target range, the daily glucose profiles, and the full table of metrics with their sources.
// Percentiles by time of day: readings within +-30 min of each 15-min point of the day (circularly), type-7
// quantiles; points with fewer than 5 readings are left out.
#pragma once

#include <array>
#include <string>

#include "analysis/cgm_metric_table.hpp"
#include "cgm/cgm_trace.hpp"

namespace isletsim {

// Colours of the series (used by the report and checked by the rendering test).
namespace agp_colors {
inline constexpr const char* kOuterBand = "#a9c6ea";    // 5-95 %
inline constexpr const char* kInnerBand = "#3c78c3";    // 25-75 %
inline constexpr const char* kMedian = "#0b2e6b";       // 50 %
inline constexpr const char* kTarget = "#2b9348";       // target lines and "in range"
inline constexpr const char* kVeryLow = "#a4161a";
inline constexpr const char* kLow = "#e5383b";
inline constexpr const char* kHigh = "#f9c74f";
inline constexpr const char* kVeryHigh = "#f3722c";
inline constexpr const char* kDailyTrace = "#7b2cbf";
}  // namespace agp_colors

struct TimeOfDayPercentiles {
  static constexpr int kPoints = 96;  // every 15 min
  std::array<std::array<double, 5>, kPoints> mg_dl{};  // 5, 25, 50, 75, 95 %; NaN where too few readings
};

TimeOfDayPercentiles time_of_day_percentiles(std::span<const GlucoseSample> samples);

// Renders the page; a trace without readings gives a page with empty charts and NA metrics (never a crash).
std::string render_agp_report_html(const CgmTrace& trace, const CgmMetricTable& metrics, bool mmol_per_litre);

}  // namespace isletsim
