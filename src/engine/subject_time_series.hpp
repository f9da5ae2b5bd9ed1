// The minute-by-minute record of one simulated subject (structure of arrays: one vector per signal).
// Row i is minute t_min[i]: glucose values are at that instant; inputs are those applied over [t, t+1).
#pragma once

#include <string>
#include <vector>

namespace isletsim {

struct SubjectTimeSeries {
  std::string subject;
  std::vector<double> t_min;
  std::vector<double> glucose_plasma_mg_dl;
  std::vector<double> glucose_sc_mg_dl;
  std::vector<double> cgm_mg_dl;
  std::vector<double> insulin_u_per_min;
  std::vector<double> carbs_g_per_min;

  void reserve(std::size_t minutes);
  std::size_t size() const { return t_min.size(); }
};

}  // namespace isletsim
