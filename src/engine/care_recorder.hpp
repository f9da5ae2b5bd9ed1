// CareRecorder: turns a subject's minutes in the care loop (engine/care_loop.hpp) into what a runner keeps -- a
// minute time series (simulate), trial records (every CGM reading and a summary per day), a standard-day score.
// One per subject; the loop never owns it. Calls come in time order.
#pragma once

#include "engine/care_day_summary.hpp"
#include "engine/subject_observation.hpp"

namespace isletsim {

// One minute [t, t+1) of one subject: the observation at its start and end, and what was given over it.
struct CareMinute {
  double t_min = 0;
  SubjectObservation start;
  SubjectObservation end;
  double cgm_mg_dl = 0;                     // the latest sensor reading
  double exogenous_insulin_u_per_min = 0;   // basal + bolus delivered (a bolus within its minute)
  double endogenous_insulin_u_per_min = 0;  // a therapy's own insulin
  double carbs_g_per_min = 0;               // eaten, rescue and unannounced carbohydrate included
};

class CareRecorder {
 public:
  virtual ~CareRecorder() = default;
  // At each sensor sample (every minute without a sensor): the reading and the subject at that instant.
  virtual void sample(double /*t_min*/, double /*cgm_mg_dl*/, const SubjectObservation& /*now*/) {}
  // Every minute, after it was integrated -- only when wants_minutes() (it costs a call per subject-minute).
  virtual bool wants_minutes() const { return false; }
  virtual void minute(const CareMinute& /*m*/) {}
  // At the end of each whole day, after the therapy's end_of_day().
  virtual void end_of_day(const CareDaySummary& /*day*/) {}
};

}  // namespace isletsim
