// GlucoseSummary: the headline outcome measures of one glucose trace (equally spaced samples): mean, time in
// ranges (Battelino 2019 consensus cut-offs) and LBGI/HBGI (Kovatchev 1997).
#pragma once

#include <span>

#include <nlohmann/json.hpp>

namespace isletsim {

struct GlucoseSummary {
  double mean_mg_dl = 0;
  double time_in_70_180_percent = 0;
  double time_below_70_percent = 0;
  double time_below_54_percent = 0;
  double time_above_180_percent = 0;
  double time_above_250_percent = 0;
  double lbgi = 0;
  double hbgi = 0;
};

GlucoseSummary summarise_glucose(std::span<const double> glucose_mg_dl);
nlohmann::json to_json(const GlucoseSummary& summary);

}  // namespace isletsim
