#include "control/open_loop_controller.hpp"

#include <algorithm>

namespace isletsim {

OpenLoopController::OpenLoopController(BasalSchedule basal, std::vector<ScheduledBolus> boluses)
    : basal_(std::move(basal)), boluses_(std::move(boluses)) {
  std::stable_sort(boluses_.begin(), boluses_.end(),
                   [](const ScheduledBolus& a, const ScheduledBolus& b) { return a.t_min < b.t_min; });
}

InsulinRequest OpenLoopController::decide(const ControllerObservation& now) {
  InsulinRequest request;
  request.basal_u_per_min = basal_.rate_u_per_min(now.time_of_day_min);
  // Every bolus due before the next control step is given now.
  while (next_bolus_ < boluses_.size() && boluses_[next_bolus_].t_min < now.t_min + now.control_interval_min) {
    request.bolus_u += boluses_[next_bolus_].insulin_u;
    ++next_bolus_;
  }
  return request;
}

}  // namespace isletsim
