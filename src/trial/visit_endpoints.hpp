// The glucose and insulin endpoints of one participant at one visit, from its ParticipantRecord.
//
// Definitions (docs/trial.md):
//  - CGM metrics over the 14 days before the visit (Battelino et al. 2019, Diabetes Care 42:1593: 14 days of CGM
//    data represent 3 months' time in ranges), or over all days before it when the visit comes earlier:
//    mean_glucose_mg_dl, tir_70_180_percent, tbr_below_70_percent, tbr_below_54_percent, tar_above_180_percent
//    (analysis/time_in_ranges.hpp, as percentages of readings).
//  - cgm_level2_hypo_events (formerly severe_hypo_events, still read as a deprecated alias): level 2 CGM hypoglycaemia episodes since the previous visit (Battelino et al. 2023,
//    Lancet Diabetes Endocrinol 11:42, Table 3: < 54 mg/dl for >= 15 consecutive minutes, ended by >= 15 minutes
//    >= 54 mg/dl; analysis/cgm_episodes.hpp). These are CGM-defined level 2 events, not clinical level 3 ("severe",
//    needing assistance) events, which the model cannot observe.
//  - plasma_level2_hypo_events: the same level 2 rule applied to plasma glucose sampled at the CGM instants: the
//    episodes that happened in the model, free of sensor error and lag.
//  - min_plasma_glucose_mg_dl: the lowest plasma glucose of the days since the previous visit (the model's own
//    glucose, which no CGM shows; e.g. the depth of lows after day 90 of a graft trial).
//  - insulin_u_per_day: exogenous insulin, mean per day over the same 14 days; insulin_independent = 1 when no
//    exogenous insulin was delivered in those days (assumption: the model's equivalent of "no insulin use").
//  - hba1c_percent: HbA1c from the glycation model (physiology/hba1c_glycation.hpp) advanced day by day with the
//    simulated daily mean plasma glucose, starting from the steady state of the baseline mean glucose.
#pragma once

#include <vector>

#include "physiology/hba1c_glycation.hpp"
#include "trial/participant_simulation.hpp"
#include "trial/trial_endpoint_value.hpp"

namespace isletsim {

inline constexpr int kCgmWindowDays = 14;

// CGM and insulin endpoints for the visit at the end of day `visit_day` (1..record days), counting hypoglycaemia
// episodes that begin in days [previous_visit_day, visit_day).
std::vector<EndpointValue> cgm_insulin_endpoints(const ParticipantRecord& record, int visit_day,
                                                 int previous_visit_day);

// HbA1c (%) after each day: element d is the value at the end of day d (element 0: baseline, before day 0).
std::vector<double> hba1c_by_day(const ParticipantRecord& record, double baseline_mean_glucose_mg_dl,
                                 const HbA1cGlycationParameters& parameters = {});

// Mean plasma glucose over all days of a record.
double mean_plasma_glucose_mg_dl(const ParticipantRecord& record);

}  // namespace isletsim
