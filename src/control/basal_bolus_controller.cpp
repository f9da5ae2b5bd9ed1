#include "control/basal_bolus_controller.hpp"

namespace isletsim {

InsulinRequest BasalBolusController::decide(const ControllerObservation& now) {
  InsulinRequest request;
  request.basal_u_per_min = settings_.basal.rate_u_per_min(now.time_of_day_min);
  if (now.announced_carbs_g > 0) {
    request.bolus_u = now.announced_carbs_g / settings_.carb_ratio_g_per_u;
    if (now.cgm_mg_dl > settings_.correction_threshold_mg_dl) {
      request.bolus_u += (now.cgm_mg_dl - settings_.correction_target_mg_dl) / settings_.correction_factor_mg_dl_per_u;
    }
  }
  return request;
}

}  // namespace isletsim
