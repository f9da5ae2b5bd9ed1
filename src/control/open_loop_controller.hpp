// Open loop: a fixed basal schedule and boluses at fixed times, whatever the glucose.
#pragma once

#include <vector>

#include "control/basal_schedule.hpp"
#include "control/controller.hpp"

namespace isletsim {

struct ScheduledBolus {
  double t_min = 0;  // minutes since the start of the simulation
  double insulin_u = 0;
};

class OpenLoopController : public Controller {
 public:
  OpenLoopController(BasalSchedule basal, std::vector<ScheduledBolus> boluses);
  InsulinRequest decide(const ControllerObservation& now) override;

 private:
  BasalSchedule basal_;
  std::vector<ScheduledBolus> boluses_;  // sorted by time
  std::size_t next_bolus_ = 0;
};

}  // namespace isletsim
