#include "analysis/grade.hpp"

#include <algorithm>
#include <cmath>

namespace isletsim {

double grade_of_reading(double glucose_mg_dl) {
  constexpr double kMgDlPerMmolLRounded = 18.0;  // Hill 2007 / iglu
  const double term = std::log10(std::log10(glucose_mg_dl / kMgDlPerMmolLRounded)) + 0.16;
  return std::min(425.0 * term * term, 50.0);  // Hill 2007: values above 50 are set to 50
}

GradeScore grade_score(std::span<const double> glucose_mg_dl, double hypo_below_mg_dl, double hyper_above_mg_dl,
                       double eugly_from_mg_dl) {
  GradeScore score;
  if (glucose_mg_dl.empty()) {
    const double nan = std::nan("");
    return {nan, nan, nan, nan};
  }
  double total = 0;
  double hypo = 0;
  double hyper = 0;
  double eugly = 0;
  for (const double g : glucose_mg_dl) {
    const double value = grade_of_reading(g);
    total += value;
    if (g < hypo_below_mg_dl) hypo += value;
    if (g > hyper_above_mg_dl) hyper += value;
    if (g >= eugly_from_mg_dl && g <= hyper_above_mg_dl) eugly += value;
  }
  score.grade = total / static_cast<double>(glucose_mg_dl.size());
  score.hypo_percent = 100.0 * hypo / total;
  score.hyper_percent = 100.0 * hyper / total;
  score.eugly_percent = 100.0 * eugly / total;
  return score;
}

}  // namespace isletsim
