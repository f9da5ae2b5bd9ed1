// Summary statistics of a CGM trace and the indices built only on mean and SD.
//
//  - mean, SD (n-1), CV = 100 SD / mean: Battelino et al. 2019, Diabetes Care 42:1593 (Table 1; CV target <= 36 %);
//    Danne et al. 2017, Diabetes Care 40:1631 (international consensus on use of CGM).
//  - GMI (%) = 3.31 + 0.02392 * mean [mg/dl]: Bergenstal et al. 2018, Diabetes Care 41:2275, eq. in Results.
//  - eA1C (%) = (46.7 + mean) / 28.7: Nathan et al. 2008 (ADAG), Diabetes Care 31:1473, Table 2 regression.
//  - J-index = 0.001 (mean + SD)^2, mg/dl: Wojcicki 1995, Horm Metab Res 27:41.
//  - quartiles: type-7 quantiles (Hyndman & Fan 1996); MAD = 1.4826 * median |g - median| (consistent estimator of
//    SD under normality, Rousseeuw & Croux 1993, JASA 88:1273).
//  - data sufficiency: active percentage = readings / expected readings over the worn span (Battelino 2019, Table 1:
//    >= 70 % of 14 days), expected = round(span / dt0) + 1 with dt0 the rounded median interval; ndays = span in
//    days rounded to 0.1 (the convention of iglu's active_percent, Broll et al. 2021).
#pragma once

#include <span>

#include "analysis/glucose_series.hpp"

namespace isletsim {

struct CgmSummary {
  int reading_count = 0;
  double mean_mg_dl = 0;
  double sd_mg_dl = 0;
  double cv_percent = 0;
  double min_mg_dl = 0;
  double q25_mg_dl = 0;
  double median_mg_dl = 0;
  double q75_mg_dl = 0;
  double max_mg_dl = 0;
  double iqr_mg_dl = 0;
  double range_mg_dl = 0;
  double mad_mg_dl = 0;
  double gmi_percent = 0;
  double ea1c_percent = 0;
  double j_index = 0;
  double active_percent = 0;
  double span_days = 0;     // last - first reading, days
  double ndays_rounded = 0; // span_days rounded to 0.1
  double start_min = 0;     // wall-clock minute of the first reading
  double end_min = 0;
};

// Needs at least one sample (NaN fields where undefined, e.g. SD of one reading).
CgmSummary summarize_cgm(std::span<const GlucoseSample> samples);

double glucose_management_indicator_percent(double mean_glucose_mg_dl);
double estimated_a1c_percent(double mean_glucose_mg_dl);
double j_index(double mean_glucose_mg_dl, double sd_glucose_mg_dl);

}  // namespace isletsim
