// The controller interface: implement it to plug your own insulin-dosing algorithm into isletsim.
//
// The engine calls decide() at every control step (every CGM sample, or every minute when there is no sensor)
// with what a real device would know: the time, the latest CGM reading and any carbohydrates announced since
// the last call. The returned basal rate holds until the next call; a bolus is delivered at once (within the
// minute). The pump then applies its increments and limits. Controllers never see the physiology's states.
//
//   class MyController : public isletsim::Controller {
//    public:
//     isletsim::InsulinRequest decide(const isletsim::ControllerObservation& now) override {
//       return {.basal_u_per_min = now.cgm_mg_dl > 180 ? 0.03 : 0.015, .bolus_u = 0};
//     }
//   };
#pragma once

#include <memory>
#include <string>

namespace isletsim {

struct ControllerObservation {
  double t_min = 0;                 // minutes since the start of the simulation
  double time_of_day_min = 0;       // wall-clock minute of the day (0..1440)
  double cgm_mg_dl = 0;             // latest sensor reading (subcutaneous glucose when no sensor is modelled)
  double announced_carbs_g = 0;     // carbohydrates announced since the previous call
  double control_interval_min = 1;  // minutes until the next call
};

struct InsulinRequest {
  double basal_u_per_min = 0;  // rate held until the next call
  double bolus_u = 0;          // delivered now
};

class Controller {
 public:
  virtual ~Controller() = default;
  virtual InsulinRequest decide(const ControllerObservation& now) = 0;
};

}  // namespace isletsim
