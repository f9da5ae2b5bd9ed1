// Personal Glycemic State (PGS) -- Hirsch et al. 2017, "A simple composite metric for the assessment of glycemic
// status from continuous glucose monitoring data: implications for clinical practice and the artificial pancreas",
// Diabetes Technol Ther 19(S3):S38-S48:
//   PGS = F_GVP + F_MG + F_PTIR + F_H, with
//   F_GVP  = 1 + 9 / (1 + exp(-0.049 (GVP - 65.47)))
//   F_MG   = 1 + 9 (1 / (1 + exp(0.1139 (MG - 72.08))) + 1 / (1 + exp(-0.09195 (MG - 157.57))))
//   F_PTIR = 1 + 9 / (1 + exp(0.0833 (PTIR - 55.04)))
//   F_H    = F_H54 + F_H70, F_H54 = 0.5 + 4.5 (1 - exp(-0.91093 N54)),
//            F_H70 = 0.5714 N70 + 0.625 for N70 <= 7.65, else 5,
// GVP in %, MG the mean glucose (mg/dl), PTIR the % time in 70-180 mg/dl, N54 and N70 the hypoglycaemic episodes
// below 54 and 70 mg/dl per week (an episode: >= 20 min below, ended by >= 30 min above, as in the peer package
// iglu; see analysis/cgm_episodes.hpp). Lower is better: 4-8.5 excellent ... > 40 poor (Hirsch 2017, Table 2).
#pragma once

#include <span>

#include "analysis/glucose_series.hpp"
#include "analysis/regular_glucose_grid.hpp"

namespace isletsim {

struct PersonalGlycemicState {
  double pgs = 0;
  double f_gvp = 0;
  double f_mean_glucose = 0;
  double f_time_in_range = 0;
  double f_hypoglycemia = 0;
  double episodes_below_54_per_week = 0;
  double episodes_below_70_per_week = 0;
};

PersonalGlycemicState personal_glycemic_state(std::span<const GlucoseSample> samples, const RegularGlucoseGrid& grid);

}  // namespace isletsim
