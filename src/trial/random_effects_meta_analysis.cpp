// DerSimonian-Laird random-effects meta-analysis: see random_effects_meta_analysis.hpp.
#include "trial/random_effects_meta_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace isletsim {

RandomEffectsPooled dersimonian_laird(std::span<const TrialEffect> trials) {
  if (trials.empty()) throw std::invalid_argument("dersimonian_laird: no trials");
  for (const TrialEffect& t : trials) {
    if (!std::isfinite(t.estimate) || !std::isfinite(t.standard_error) || !(t.standard_error > 0)) {
      throw std::invalid_argument(
          "dersimonian_laird: every trial needs a finite estimate and a positive standard error");
    }
  }
  double sum_w = 0;
  double sum_w2 = 0;
  double sum_wy = 0;
  for (const TrialEffect& t : trials) {
    const double w = 1.0 / (t.standard_error * t.standard_error);
    sum_w += w;
    sum_w2 += w * w;
    sum_wy += w * t.estimate;
  }
  RandomEffectsPooled r;
  r.trials = static_cast<int>(trials.size());
  r.fixed_effect_estimate = sum_wy / sum_w;
  for (const TrialEffect& t : trials) {
    const double d = t.estimate - r.fixed_effect_estimate;
    r.cochran_q += d * d / (t.standard_error * t.standard_error);
  }
  const double df = static_cast<double>(trials.size() - 1);
  const double c = sum_w - sum_w2 / sum_w;
  r.tau_squared = c > 0 ? std::max(0.0, (r.cochran_q - df) / c) : 0.0;
  r.i_squared = r.cochran_q > 0 ? std::max(0.0, (r.cochran_q - df) / r.cochran_q) : 0.0;
  double sum_ws = 0;
  double sum_wsy = 0;
  for (const TrialEffect& t : trials) {
    const double w = 1.0 / (t.standard_error * t.standard_error + r.tau_squared);
    sum_ws += w;
    sum_wsy += w * t.estimate;
  }
  r.estimate = sum_wsy / sum_ws;
  r.standard_error = 1.0 / std::sqrt(sum_ws);
  constexpr double kZ975 = 1.959963984540054;  // standard normal 97.5 % quantile
  r.lower = r.estimate - kZ975 * r.standard_error;
  r.upper = r.estimate + kZ975 * r.standard_error;
  return r;
}

}  // namespace isletsim
