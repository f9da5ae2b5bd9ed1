// RegularGlucoseGrid: CGM readings linearly interpolated onto a regular day-by-day grid, for the metrics defined on
// equally spaced readings (CONGA, MODD, MAG, GVP, SD partitions, MAGE, episodes).
//
// The grid follows the convention documented for iglu's CGMS2DayByDay (Broll et al. 2021, "Interpreting blood
// GLUcose data with R package iglu", PLoS ONE 16:e0248560), so that our numbers are comparable with the peer package:
//  - step dt0 = the rounded median interval between readings (unless given);
//  - the grid covers ndays = ceil(span in days + 1) whole days from local midnight of the first reading; point k of
//    day d sits at midnight + dt0 * (d * points_per_day + k + 1), i.e. the first point is 00:05 for dt0 = 5;
//  - values are linear interpolations between the neighbouring readings (NaN outside the readings);
//  - grid points strictly inside a gap longer than inter_gap (45 min) between readings are NaN (no data).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "analysis/glucose_series.hpp"

namespace isletsim {

struct RegularGridOptions {
  double step_min = 0;        // dt0; 0 = rounded median interval between readings
  double max_gap_min = 45.0;  // inter_gap: gaps longer than this are left empty (NaN)
};

struct RegularGlucoseGrid {
  double first_midnight_min = 0;   // wall-clock minute of local midnight of the first day
  double step_min = 5;             // dt0
  int days = 0;                    // rows
  int points_per_day = 0;          // 1440 / dt0
  std::vector<double> glucose_mg_dl;  // days * points_per_day values, day after day; NaN = no data

  double time_of(std::size_t index) const {
    return first_midnight_min + step_min * static_cast<double>(index + 1);
  }
  double at(int day, int point) const {
    return glucose_mg_dl[static_cast<std::size_t>(day) * static_cast<std::size_t>(points_per_day) +
                         static_cast<std::size_t>(point)];
  }
  std::size_t valid_count() const;
};

// Rounded median interval between consecutive readings, in minutes (R's round-half-even).
double median_sampling_interval_min(std::span<const GlucoseSample> samples);

// Longest span a grid is built for (10 years); longer "traces" get an empty grid (days == 0).
inline constexpr double kMaxGridDays = 3660;

// Builds the grid from time-sorted samples. Needs at least two readings spanning at most kMaxGridDays (otherwise an
// empty grid, days == 0).
RegularGlucoseGrid make_regular_glucose_grid(std::span<const GlucoseSample> samples,
                                             const RegularGridOptions& options = {});

}  // namespace isletsim
