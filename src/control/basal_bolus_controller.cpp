#include "control/basal_bolus_controller.hpp"

#include <stdexcept>

namespace isletsim {

BasalBolusController::BasalBolusController(BasalBolusSettings settings, std::optional<RandomStream> adherence)
    : settings_(std::move(settings)), adherence_(adherence) {
  const double p = settings_.missed_bolus_probability;
  if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("missed_bolus_probability must be in [0, 1]");
  if (p > 0.0 && !adherence_) throw std::invalid_argument("missed_bolus_probability > 0 needs a random stream");
}

InsulinRequest BasalBolusController::decide(const ControllerObservation& now) {
  InsulinRequest request;
  request.basal_u_per_min = settings_.basal.rate_u_per_min(now.time_of_day_min);
  if (now.announced_carbs_g > 0) {
    // One draw per announced meal, and none at all when adherence is perfect (the stream is then never touched).
    // uniform() is on the open interval (0, 1), so probability 1 skips every bolus and 0 none.
    if (settings_.missed_bolus_probability > 0.0 && adherence_->uniform() < settings_.missed_bolus_probability) {
      return request;
    }
    request.bolus_u = now.announced_carbs_g / settings_.carb_ratio_g_per_u;
    if (now.cgm_mg_dl > settings_.correction_threshold_mg_dl) {
      request.bolus_u += (now.cgm_mg_dl - settings_.correction_target_mg_dl) / settings_.correction_factor_mg_dl_per_u;
    }
  }
  return request;
}

}  // namespace isletsim
