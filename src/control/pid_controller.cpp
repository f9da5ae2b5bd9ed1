#include "control/pid_controller.hpp"

namespace isletsim {

InsulinRequest PidController::decide(const ControllerObservation& now) {
  const double error_mg_dl = now.cgm_mg_dl - settings_.target_mg_dl;
  double derivative_mg_dl_per_min = 0;
  double candidate_integral = integral_mg_dl_min_;
  if (has_previous_) {
    const double dt_min = now.t_min - previous_t_min_;
    if (dt_min > 0) {
      derivative_mg_dl_per_min = (error_mg_dl - previous_error_mg_dl_) / dt_min;
      candidate_integral += error_mg_dl * dt_min;
    }
  }
  const double basal = settings_.basal.rate_u_per_min(now.time_of_day_min);
  double rate = basal + settings_.proportional_u_per_min_per_mg_dl * error_mg_dl +
                settings_.integral_u_per_min_per_mg_dl_min * candidate_integral +
                settings_.derivative_u_per_min_per_mg_dl_per_min * derivative_mg_dl_per_min;
  if (rate < 0) {
    rate = 0;  // clipped: keep the old integral (anti-windup)
  } else {
    integral_mg_dl_min_ = candidate_integral;
  }
  has_previous_ = true;
  previous_error_mg_dl_ = error_mg_dl;
  previous_t_min_ = now.t_min;
  return {rate, 0.0};
}

}  // namespace isletsim
