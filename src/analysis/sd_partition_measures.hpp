// Partitions of the SD of a CGM trace into within-day, between-day and time-of-day parts, and daily CVs --
// Rodbard 2009, "New and improved methods to characterize glycemic variability using continuous glucose monitoring",
// Diabetes Technol Ther 11:551-565 (Table 1). On a RegularGlucoseGrid (rows = days, columns = time of day):
//  - SDw: mean over days of the SD within each day;
//  - SDhh:mm: SD of the mean glucose at each time of day (the SD of the daily mean profile);
//  - SDws_h: mean of the SDs within every 1-hour window (a window of 60/dt0 consecutive grid points, moved point by
//    point along the whole trace);
//  - SDdm: SD of the daily means;
//  - SDb_hh:mm: mean over times of day of the SD between days at that time;
//  - SDb_hh:mm+dm: the same after subtracting each day's mean (between-day SD corrected for changes in daily means).
//  - CV measures (Umpierrez & Kovatchev 2018, Am J Med Sci 356:350, use of daily CVs): mean and SD of the daily
//    CV = 100 SD/mean.
// Every SD uses n-1; a group with fewer than two values is skipped.
#pragma once

#include "analysis/regular_glucose_grid.hpp"

namespace isletsim {

struct SdPartition {
  double sd_within_days = 0;          // SDw
  double sd_time_of_day_means = 0;    // SDhh:mm
  double sd_within_hour_series = 0;   // SDws_1h
  double sd_daily_means = 0;          // SDdm
  double sd_between_days = 0;         // SDb_hh:mm
  double sd_between_days_corrected = 0;  // SDb_hh:mm+dm
};

SdPartition sd_partition_measures(const RegularGlucoseGrid& grid);

struct DailyCv {
  double mean_percent = 0;
  double sd_percent = 0;
};
DailyCv daily_cv_measures(const RegularGlucoseGrid& grid);

}  // namespace isletsim
