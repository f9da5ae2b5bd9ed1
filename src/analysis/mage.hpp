// Mean amplitude of glycaemic excursions (MAGE).
//
// Definition: Service et al. 1970, "Mean amplitude of glycemic excursions, a measure of diabetic instability",
// Diabetes 19:644-655 -- the mean height of the excursions (peak-to-nadir or nadir-to-peak) that exceed one SD of
// the readings; MAGE+ counts rises, MAGE- falls.
// Turning points: the moving-average algorithm of Fernandes et al. 2022, "Open-source algorithm to calculate mean
// amplitude of glycemic excursions using short and long moving averages", J Diabetes Sci Technol 16:576-577:
//  1. readings on the regular 5-min grid (RegularGlucoseGrid: no data inside gaps > 45 min); the trace is split into
//     segments where two consecutive readings are more than max_gap (180 min) apart; points inside shorter gaps
//     stay missing (they are not bridged: bridging makes up crossings and turning points); a segment needs at
//     least 7 points and an SD of at least 1 mg/dl;
//  2. short (5 points) and long (32 points) trailing moving averages of the readings present in each window (each
//     summed afresh, so equal windows give exactly equal averages); the first points, before a window is full, take
//     the first full window's average;
//  3. the points where short - long changes sign (across missing readings: compared with the sign at the last
//     crossing; exactly equal averages count as missing) cut the segment into intervals (the first and last points
//     close it); in an interval opened by short rising above long the maximum reading is a peak, otherwise the
//     minimum is a nadir, searched from the previous turning point to the closing crossing (earliest of equal
//     readings); consecutive turning points of one kind keep the more extreme;
//  4. excursions smaller than one SD (SD of the segment's readings, n-1) are removed, smallest first, the two
//     turning points that bound them dropping out together (Baghurst 2011, Diabetes Technol Ther 13:296, the same
//     elimination);
//  5. MAGE+ and MAGE- are the mean rises and falls of the remaining excursions; a trace's value is the average over
//     segments weighted by their duration; avg pools each segment's MAGE+ and MAGE-.
// Directions: avg, max, plus, minus, or service: the direction of the first remaining excursion
// (Service 1970 counts the excursions in the direction of the first one); max and service are chosen per segment,
// then weighted like the others.
// Agreement with iglu 4.3.0 (the authors' implementation of Fernandes 2022): equal to 1e-6 relative in all five
// directions on the reference subject (tests/cgm/cgm_reference_metrics_test.cpp). The gap handling, the turning-point
// search from the previous turning point and the duration weights of steps 1-3 and 5 follow iglu's behaviour, which
// the paper does not spell out. iglu counts excursions with a different sequential rule than step 4; on the reference
// subject both give the same excursions (checked with an independent script), elsewhere they may differ.
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
