// Glycaemic variability from equally spaced readings (computed on a RegularGlucoseGrid; NaN grid points -- gaps --
// are skipped, so a difference is used only when both of its ends hold data).
//
//  - CONGA_n: McDonnell et al. 2005, "A novel approach to continuous glucose analysis utilizing glycemic variation",
//    Diabetes Technol Ther 7:253-263: SD (n-1) of G(t) - G(t - n hours).
//  - MODD: Service & Nelson 1980, "Characteristics of glycemic stability", Diabetes Care 3:58-62: mean of
//    |G(t) - G(t - 24 h)|.
//  - MAG: Hermanides et al. 2010, "Glucose variability is associated with intensive care unit mortality", Crit Care
//    Med 38:838-842: sum of |delta G| between readings every n minutes divided by the time they span, in hours.
//  - GVP: Peyser et al. 2018, "Glycemic variability percentage", Diabetes Technol Ther 20:6-16, eq. 1-3:
//    GVP = (L / L0 - 1) * 100 with L = sum sqrt(dt^2 + dG^2) the length of the trace and L0 = sum dt.
//  - SD of the rate of change: Rodbard 2009, Diabetes Technol Ther 11:S55 (Table 1, "SD of ROC"): SD (n-1) of
//    (G(t) - G(t - lag)) / lag in mg/dl/min, lag 15 min.
#pragma once

#include "analysis/regular_glucose_grid.hpp"

namespace isletsim {

double conga(const RegularGlucoseGrid& grid, double lag_hours = 1.0);
double mean_of_daily_differences(const RegularGlucoseGrid& grid, double lag_days = 1.0);

// MAG with differences every n minutes (n = 0: every grid step); the denominator is the number of differences
// used times n (Hermanides' "time in hours").
double mean_absolute_glucose_change(const RegularGlucoseGrid& grid, double every_n_min = 0.0);
// The variant whose denominator is the number of sampled readings (not differences) times n: what iglu 4.3.0's
// all_metrics reports as MAG; kept only to show the difference in tests and reports.
double mean_absolute_glucose_change_per_reading(const RegularGlucoseGrid& grid, double every_n_min = 60.0);

double glycemic_variability_percentage(const RegularGlucoseGrid& grid);
double sd_of_rate_of_change(const RegularGlucoseGrid& grid, double lag_min = 15.0);

}  // namespace isletsim
