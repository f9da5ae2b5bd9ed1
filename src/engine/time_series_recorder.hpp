// TimeSeriesRecorder: the care loop's minutes of one subject as a SubjectTimeSeries (simulate's output): glucose at
// each minute's start, the CGM reading in force, and the insulin and carbohydrate given over the minute.
#pragma once

#include "engine/care_recorder.hpp"
#include "engine/subject_time_series.hpp"

namespace isletsim {

class TimeSeriesRecorder final : public CareRecorder {
 public:
  explicit TimeSeriesRecorder(SubjectTimeSeries& series) : series_(series) {}
  bool wants_minutes() const override { return true; }
  void minute(const CareMinute& m) override {
    series_.t_min.push_back(m.t_min);
    series_.glucose_plasma_mg_dl.push_back(m.start.plasma_glucose_mg_dl);
    series_.glucose_sc_mg_dl.push_back(m.start.subcutaneous_glucose_mg_dl);
    series_.cgm_mg_dl.push_back(m.cgm_mg_dl);
    series_.insulin_u_per_min.push_back(m.exogenous_insulin_u_per_min);
    series_.carbs_g_per_min.push_back(m.carbs_g_per_min);
  }

 private:
  SubjectTimeSeries& series_;
};

}  // namespace isletsim
