#include "engine/subject_time_series.hpp"

namespace isletsim {

void SubjectTimeSeries::reserve(std::size_t minutes) {
  t_min.reserve(minutes);
  glucose_plasma_mg_dl.reserve(minutes);
  glucose_sc_mg_dl.reserve(minutes);
  cgm_mg_dl.reserve(minutes);
  insulin_u_per_min.reserve(minutes);
  carbs_g_per_min.reserve(minutes);
}

}  // namespace isletsim
