// ArmIntervention: the extension point through which a therapy enters a virtual trial as an arm.
//
// An arm's intervention is created once from the trial file; for every participant allocated to the arm the
// runner calls start() and puts the participant through the care loop (engine/care_loop.hpp) with the
// ParticipantTherapy it returns -- a CareTherapy (engine/care_therapy.hpp: controller, the therapy's own insulin by
// its route, glucagon EGP, end_of_day) that can also report endpoints only it can measure at visits
// (add_visit_endpoints(): C-peptide, adverse events; each must be listed by the intervention's provided_endpoints(),
// which the trial reader checks against the requested endpoints). The exogenous insulin of controller() goes through
// the trial's pump and is counted as insulin_u_per_day; the therapy's own insulin is not.
// Everything random in a therapy must come from RandomStream(seed, subject_index, <its own StreamPurpose>) so that
// results do not depend on the thread count or on how participants are batched.
//
// To add a therapy arm: implement these two classes in src/trial/ (or src/therapy/), and register a TOML reader for
// its `intervention.type` in src/io/arm_intervention_toml.cpp. See docs/trial.md.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/care_therapy.hpp"
#include "physiology/uva_padova_parameters.hpp"
#include "trial/trial_endpoint_value.hpp"

namespace isletsim {

class ParticipantTherapy : public CareTherapy {
 public:
  virtual void add_visit_endpoints(int /*visit_day*/, std::vector<EndpointValue>& /*values*/) const {}
};

class ArmIntervention {
 public:
  virtual ~ArmIntervention() = default;
  // One line for arm_results.json.
  virtual std::string description() const = 0;
  // Names (from endpoint_catalogue()) that add_visit_endpoints() fills.
  virtual std::vector<std::string> provided_endpoints() const { return {}; }
  virtual std::unique_ptr<ParticipantTherapy> start(const UvaPadovaParameters& subject, std::uint64_t seed,
                                                    std::uint64_t subject_index) const = 0;
};

}  // namespace isletsim
