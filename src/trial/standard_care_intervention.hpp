// Standard care: exogenous insulin by one of the engine's controllers (open loop, basal-bolus, PID) with the
// participant's own settings unless the trial file overrides them.
//
// C-peptide: the UVA/Padova T1D model has no endogenous insulin secretion (Kovatchev et al. 2009, J Diabetes Sci
// Technol 3:44: the secretion subsystem of Dalla Man 2007 is removed), so a standard-care participant's fasting
// and stimulated C-peptide are 0 pmol/l, i.e. undetectable -- a property of the model population, reported as such.
#pragma once

#include "engine/scenario.hpp"
#include "trial/arm_intervention.hpp"

namespace isletsim {

class StandardCareIntervention : public ArmIntervention {
 public:
  explicit StandardCareIntervention(ControllerConfig controller);
  std::string description() const override;
  std::vector<std::string> provided_endpoints() const override;
  std::unique_ptr<ParticipantTherapy> start(const UvaPadovaParameters& subject, std::uint64_t seed,
                                            std::uint64_t subject_index) const override;
  const ControllerConfig& controller_config() const { return controller_; }

 private:
  ControllerConfig controller_;
};

}  // namespace isletsim
