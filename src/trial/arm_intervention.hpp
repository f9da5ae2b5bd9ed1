// ArmIntervention: the extension point through which a therapy enters a virtual trial as an arm.
//
// An arm's intervention is created once from the trial file; for every participant allocated to the arm the
// runner calls start() and simulates the participant minute by minute with the ParticipantTherapy it returns:
//   - controller(): the exogenous-insulin controller in charge (its doses go through the trial's pump and are
//     counted as insulin_u_per_day); nullptr = no exogenous insulin at all (e.g. after insulin withdrawal);
//   - endogenous_insulin_u_per_min(): insulin the therapy itself makes (an islet graft), NOT counted as a dose; it
//     enters by endogenous_insulin_route(): kPortal = pre-hepatic, into the liver compartment of the UVA/Padova
//     model (Dalla Man 2007 eq. 3, first-pass hepatic extraction), as a pancreas or an intraportal graft secretes;
//     kSubcutaneous (the default) = added to the s.c. insulin input (Kovatchev 2009), e.g. a graft under the skin;
//   - counter_regulation_egp_mg_per_kg_per_min(): extra endogenous glucose production the therapy causes (a graft's
//     glucagon response to falling glucose), added to the EGP of the UVA/Padova model (reference integrator only);
//   - end_of_day(): once per simulated day, with that day's summary (graft maturation, rejection, titration);
//   - add_visit_endpoints(): endpoints only the therapy can measure (C-peptide, HOMA-IR); each must be listed by
//     the intervention's provided_endpoints(), which the trial reader checks against the requested endpoints.
// Everything random in a therapy must come from RandomStream(seed, subject_index, <its own StreamPurpose>) so
// that results do not depend on the thread count.
//
// To add a therapy arm (e.g. an islet graft): implement these two classes in src/trial/ (or src/therapy/), and
// register a TOML reader for its `intervention.type` in src/io/arm_intervention_toml.cpp. See docs/trial.md.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "control/controller.hpp"
#include "physiology/uva_padova_parameters.hpp"
#include "trial/trial_endpoint_value.hpp"

namespace isletsim {

// Where a therapy's own insulin enters the model.
enum class EndogenousInsulinRoute {
  kSubcutaneous,  // the s.c. depot of Kovatchev 2009, like a pump's insulin
  kPortal,        // pre-hepatic: the liver compartment Il (Dalla Man 2007 eq. 3)
};

// What happened to a participant on one simulated day.
struct TrialDaySummary {
  int day = 0;                              // 0-based day of the trial
  double mean_plasma_glucose_mg_dl = 0;
  double min_plasma_glucose_mg_dl = 0;
  double exogenous_insulin_u = 0;
  double endogenous_insulin_u = 0;
  double carbs_g = 0;                       // everything eaten, rescue carbohydrate included
  double rescue_carbs_g = 0;                // hypoglycaemia treatment (participant_simulation.hpp)
  // What the participant's CGM showed that day (subcutaneous glucose when no sensor is modelled): what a clinic
  // sees, unlike the plasma values above (e.g. for dose changes, trial/insulin_dose_reduction.hpp).
  double min_cgm_mg_dl = 0;
  double mean_cgm_mg_dl = 0;
};

class ParticipantTherapy {
 public:
  virtual ~ParticipantTherapy() = default;
  virtual Controller* controller() = 0;
  // Minutes between controller calls; 0 = at every CGM sample.
  virtual double control_interval_min() const { return 0; }
  virtual double endogenous_insulin_u_per_min(double /*t_min*/, double /*plasma_glucose_mg_dl*/) { return 0; }
  virtual EndogenousInsulinRoute endogenous_insulin_route() const { return EndogenousInsulinRoute::kSubcutaneous; }
  // Extra endogenous glucose production the therapy causes (mg/kg/min, >= 0), held over the next minute, from plasma
  // glucose and insulin now: an islet graft's glucagon counter-regulation (therapy/graft_glucagon_counter_regulation
  // .hpp). Added inside the UVA/Padova EGP (kept >= 0). Default: none.
  virtual double counter_regulation_egp_mg_per_kg_per_min(double /*t_min*/, double /*plasma_glucose_mg_dl*/,
                                                         double /*plasma_insulin_pmol_l*/) {
    return 0;
  }
  virtual void end_of_day(const TrialDaySummary& /*day*/) {}
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
