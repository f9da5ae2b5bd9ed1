// Mean amplitude of glycaemic excursions (MAGE).
//
// Definition: Service et al. 1970, "Mean amplitude of glycemic excursions, a measure of diabetic instability",
// Diabetes 19:644-655 -- the mean height of the excursions (peak-to-nadir or nadir-to-peak) that exceed one SD of
// the readings; MAGE+ counts rises, MAGE- falls.
// Turning points: the moving-average algorithm of Fernandes et al. 2022, "Open-source algorithm to calculate mean
// amplitude of glycemic excursions using short and long moving averages", J Diabetes Sci Technol 16:576-577:
//  1. readings on the regular 5-min grid (RegularGlucoseGrid); the trace is split into segments at gaps longer than
//     max_gap (180 min); shorter gaps inside a segment are bridged linearly; segments shorter than the long moving
//     average are skipped;
//  2. short (5 points) and long (32 points) trailing moving averages; the first points, before a window is full,
//     take the first full average;
//  3. the points where short - long changes sign cut the trace into intervals (the first and last points close
//     it); in an interval where short > long the maximum glucose is a peak, otherwise the minimum is a nadir;
//     consecutive turning points of one kind keep the more extreme;
//  4. excursions smaller than one SD (SD of the segment, n-1) are removed, smallest first, the two turning points
//     that bound them dropping out together (Baghurst 2011, Diabetes Technol Ther 13:296, the same elimination);
//  5. MAGE+ and MAGE- are the mean rises and falls of the remaining excursions; a trace's value is the average over
//     segments weighted by their length.
// Directions: avg = (MAGE+ + MAGE-)/2, max, plus, minus, or service: the direction of the first remaining excursion
// (Service 1970 counts the excursions in the direction of the first one); max and service are chosen per segment,
// then weighted like the others.
// Agreement with iglu 4.3.0: NOT exact -- on the reference subject our values are 1.5 % above iglu's in all five
// directions; iglu's code differs in a detail its documentation does not state, which we could not identify (see
// tests/cgm/cgm_reference_metrics_test.cpp for what was tried).
//
// Also the "naive" MAGE of iglu <= 2.0 (mean of |G - mean| over readings farther than one SD from the mean), kept
// only to compare with older results.
#pragma once

#include <span>

#include "analysis/glucose_series.hpp"
#include "analysis/regular_glucose_grid.hpp"

namespace isletsim {

struct MageOptions {
  int short_window_points = 5;
  int long_window_points = 32;
  double max_gap_min = 180.0;
};

struct MageResult {
  double mage_plus_mg_dl = 0;     // NaN when no rising excursion was found
  double mage_minus_mg_dl = 0;    // NaN when no falling excursion was found
  double mage_average_mg_dl = 0;  // (plus + minus) / 2
  double mage_max_mg_dl = 0;      // max(plus, minus) of each segment, weighted
  double mage_service_mg_dl = 0;  // the direction of the first excursion
  int excursion_count = 0;
};

MageResult mean_amplitude_of_glycemic_excursions(const RegularGlucoseGrid& grid, const MageOptions& options = {});

double mage_naive(std::span<const double> glucose_mg_dl);

}  // namespace isletsim
