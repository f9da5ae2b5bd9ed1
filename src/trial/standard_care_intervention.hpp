// Standard care: exogenous insulin by one of the engine's controllers (open loop, basal-bolus, PID) with the
// participant's own settings unless the trial file overrides them.
//
// Optional dose reduction after hypoglycaemia (hypo_dose_reduction_fraction r, default 0 = off): the rule of
// trial/insulin_dose_reduction.hpp (all insulin x (1 - r) after a day with CGM < 70 mg/dl or rescue carbohydrate,
// back up 10 % after 3 high days, never above the usual-care dose; ADA Standards of Care 2024, section 9). The same
// rule the islet graft arm applies to its usual-care insulin, so a comparison of the two arms can give both the same
// clinic (assumption: a control arm's clinicians answer lows as the graft arm's do).
//
// C-peptide: the UVA/Padova T1D model has no endogenous insulin secretion (Kovatchev et al. 2009, J Diabetes Sci
// Technol 3:44: the secretion subsystem of Dalla Man 2007 is removed), so a standard-care participant's fasting
// and stimulated C-peptide are 0 pmol/l, i.e. undetectable -- a property of the model population, reported as such.
#pragma once

#include "control/controller_config.hpp"
#include "trial/arm_intervention.hpp"

namespace isletsim {

class StandardCareIntervention : public ArmIntervention {
 public:
  explicit StandardCareIntervention(ControllerConfig controller);
  // hypo_dose_reduction_fraction: r in [0, 1) (0 = off); InputError naming the key otherwise.
  StandardCareIntervention(ControllerConfig controller, double hypo_dose_reduction_fraction);
  std::string description() const override;
  std::vector<std::string> provided_endpoints() const override;
  std::unique_ptr<ParticipantTherapy> start(const UvaPadovaParameters& subject, std::uint64_t seed,
                                            std::uint64_t subject_index) const override;
  const ControllerConfig& controller_config() const { return controller_; }
  double hypo_dose_reduction_fraction() const { return hypo_dose_reduction_fraction_; }

 private:
  ControllerConfig controller_;
  double hypo_dose_reduction_fraction_ = 0;
};

}  // namespace isletsim
