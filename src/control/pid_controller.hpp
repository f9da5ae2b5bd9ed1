// Proportional-integral-derivative control of the insulin infusion on the CGM signal:
//   u(t) = basal(t) + Kp e(t) + Ki integral(e) dt + Kd de/dt,  e = CGM - target,  u >= 0.
// (Steil et al. 2006, Diabetes 55:3344, for PID in the artificial pancreas; gains are the user's to set.)
// The integral is frozen while the output is clipped at zero (anti-windup).
#pragma once

#include "control/basal_schedule.hpp"
#include "control/controller.hpp"

namespace isletsim {

struct PidSettings {
  BasalSchedule basal;
  double target_mg_dl = 120;
  double proportional_u_per_min_per_mg_dl = 0.001;      // Kp
  double integral_u_per_min_per_mg_dl_min = 0.00001;    // Ki
  double derivative_u_per_min_per_mg_dl_per_min = 0.001;  // Kd
};

class PidController : public Controller {
 public:
  explicit PidController(PidSettings settings) : settings_(std::move(settings)) {}
  InsulinRequest decide(const ControllerObservation& now) override;

 private:
  PidSettings settings_;
  bool has_previous_ = false;
  double previous_error_mg_dl_ = 0;
  double previous_t_min_ = 0;
  double integral_mg_dl_min_ = 0;
};

}  // namespace isletsim
