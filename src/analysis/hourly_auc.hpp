// Hourly average area under the CGM curve (AUC), in mg/dl (mg/dl * h of area per hour of data).
//
// Definition (iglu's documented `auc`, Broll et al. 2021, PLoS ONE 16:e0248560, after Danne et al. 2017,
// "International consensus on use of continuous glucose monitoring", Diabetes Care 40:1631): on the regular
// day-by-day grid (analysis/regular_glucose_grid.hpp, dt0 = 5 min), the area is summed by the trapezoid rule,
// (dt0 / 60 h) * (g[k] + g[k+1]) / 2, over neighbouring grid points of the same 24-h period (one grid row,
// 00:05 to 24:00) that both hold data; the hourly average is that area per hour it covers, averaged over the
// 24-h periods with each period weighted by the hours of data it holds (so every hour of data counts once, and a
// partial first or last day does not count as much as a full one).
//
// Equivalently: sum of all trapezoid areas / (dt0 / 60 * number of trapezoids). For readings on the grid this is
// the time-weighted mean glucose. Note (assumption of ours, following the day rows of the grid): the 5-min link
// from 24:00 of one row to 00:05 of the next is not part of either 24-h period and is not counted.
// iglu 4.3.0's `auc()` gives 123.246 on its example subject 1, where this definition gives 123.431 (the reference
// notes attribute the difference to how iglu groups the grid into days; see docs/cgm.md and the test).
#pragma once

#include "analysis/regular_glucose_grid.hpp"

namespace isletsim {

// NaN when no two neighbouring grid points of one day hold data.
double hourly_average_auc_mg_dl(const RegularGlucoseGrid& grid);

}  // namespace isletsim
