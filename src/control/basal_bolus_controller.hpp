// Basal-bolus therapy as a person with type 1 diabetes on a pump practises it: a basal schedule, and for each
// announced meal a bolus of carbs / carb ratio plus, when glucose is above a threshold, a correction of
// (glucose - target) / correction factor (Walsh & Roberts 2006, "Pumping Insulin", 4th ed., ch. 8-9; the same rule
// as the UVA/Padova simulator's reference basal-bolus controller, target 140 and threshold 150 mg/dl).
//
// Adherence: each announced meal's bolus (meal part and correction together) is skipped with probability
// missed_bolus_probability, drawn from the subject's own RandomStream (purpose kMissedBolus), so a cohort gives the
// same skipped meals whatever the thread count. Missing meal boluses is common and raises HbA1c: Burdick et al. 2004
// (Pediatrics 113:e221, abstract): youths on pumps who missed >= 1 meal bolus a week had HbA1c 8.8 % vs 8.0 % for
// those who missed < 1; Olinder et al. 2009 (Pediatr Diabetes 10:142, abstract): 38 % of adolescents on pumps had
// missed > 15 % of the previous day's boluses (HbA1c 7.8 vs 7.0 %). So 0.15-0.2 is a realistic value for a poorly
// adherent adolescent (0.2 = about 4 of 21 meal boluses a week). The default, 0, is perfect adherence (the
// controller as it was before this knob).
#pragma once

#include <optional>

#include "control/basal_schedule.hpp"
#include "control/controller.hpp"
#include "core/random_stream.hpp"

namespace isletsim {

struct BasalBolusSettings {
  BasalSchedule basal;
  double carb_ratio_g_per_u = 10;
  double correction_factor_mg_dl_per_u = 50;
  double correction_target_mg_dl = 140;
  double correction_threshold_mg_dl = 150;
  double missed_bolus_probability = 0;  // probability that a meal's bolus is not given (0..1)
};

class BasalBolusController : public Controller {
 public:
  // `adherence` supplies the missed-bolus draws; it may be absent only when missed_bolus_probability is 0
  // (std::invalid_argument otherwise, as for a probability outside [0, 1] or NaN).
  explicit BasalBolusController(BasalBolusSettings settings, std::optional<RandomStream> adherence = std::nullopt);
  InsulinRequest decide(const ControllerObservation& now) override;

 private:
  BasalBolusSettings settings_;
  std::optional<RandomStream> adherence_;
};

}  // namespace isletsim
