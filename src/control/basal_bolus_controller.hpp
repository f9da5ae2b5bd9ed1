// Basal-bolus therapy as a person with type 1 diabetes on a pump practises it: a basal schedule, and for each
// announced meal a bolus of carbs / carb ratio plus, when glucose is above a threshold, a correction of
// (glucose - target) / correction factor (Walsh & Roberts 2006, "Pumping Insulin", 4th ed., ch. 8-9; the same rule
// as the UVA/Padova simulator's reference basal-bolus controller, target 140 and threshold 150 mg/dl).
#pragma once

#include "control/basal_schedule.hpp"
#include "control/controller.hpp"

namespace isletsim {

struct BasalBolusSettings {
  BasalSchedule basal;
  double carb_ratio_g_per_u = 10;
  double correction_factor_mg_dl_per_u = 50;
  double correction_target_mg_dl = 140;
  double correction_threshold_mg_dl = 150;
};

class BasalBolusController : public Controller {
 public:
  explicit BasalBolusController(BasalBolusSettings settings) : settings_(std::move(settings)) {}
  InsulinRequest decide(const ControllerObservation& now) override;

 private:
  BasalBolusSettings settings_;
};

}  // namespace isletsim
