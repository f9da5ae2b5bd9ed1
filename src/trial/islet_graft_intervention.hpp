// IsletGraftIntervention: an islet graft (stem-cell-derived or donor islets) as a trial arm (ArmIntervention,
// trial/arm_intervention.hpp). Each participant:
//   - its graft course (therapy/islet_graft.hpp) starts at day 0 with its own engraftment multiplier drawn from
//     RandomStream(seed, index, kGraftEngraftment) and is stepped once a day (end_of_day) with adverse events from
//     RandomStream(seed, index, kTherapyAdverseEvents), so results do not depend on the thread count;
//   - the graft secretes insulin minute by minute from plasma glucose and its current functional mass F
//     (trial/graft_insulin_secretion.hpp, Dalla Man 2007 eqs. 17-20 of the average normal subject x F), by the
//     route `insulin_route`: by default pre-hepatic (portal, Dalla Man 2007 eq. 3) for a graft in the portal vein,
//     subcutaneous for the other sites (assumption: a graft under the skin or in muscle releases insulin into the
//     tissue around it, which the s.c. route of Kovatchev 2009 approximates);
//   - exogenous insulin: the participant's usual-care controller (the arm's [arm.intervention.controller]) goes on
//     as before; rule (assumption of this project, mirroring the insulin withdrawal of Reichman 2025 once the graft
//     works): on the days after the graft course reports insulin_independent (F >= the threshold of
//     islet_graft_design.hpp) there is no basal and no bolus; if F later falls below it, the controller resumes.
//     Before that the controller's doses (basal and boluses) are scaled by the hypoglycaemia dose reduction of
//     trial/insulin_dose_reduction.hpp (after a day with CGM < 70 mg/dl or rescue carbohydrate: x (1 - r); ADA
//     Standards of Care 2024, section 9, "lower the dose by 10-20 %"; never above the usual-care dose), as clinics
//     wean insulin while a graft's C-peptide rises (Reichman 2025: insulin dose -92 % at one year). On by default
//     with r = kDefaultHypoDoseReductionFraction; r = 0 gives the full usual-care dose until independence.
//   - counter-regulation (switch `counter_regulation`, default off): the graft's alpha cells answer falling glucose
//     with glucagon that raises endogenous glucose production (therapy/graft_glucagon_counter_regulation.hpp, the
//     S2013 glucagon submodel of Dalla Man et al. 2014 x F). Off by default because the glucagon response of
//     intrahepatic islet grafts to hypoglycaemia is reported absent or partial (Kendall et al. 1997, Diabetes 46:23;
//     Rickels et al. 2005, Diabetes 54:3205; Bellin et al. 2014, Am J Transplant 14:1880), so the full normal
//     response x F is an upper bound for a portal-vein graft; and off keeps earlier results reproducible.
// Visit endpoints: stimulated_c_peptide_pmol_l (graft course, normal stimulated C-peptide x F), fasting C-peptide
// (assumption: the same proportion F of a normal fasting C-peptide, see the .cpp), and the cumulative counts of
// serious infections and neutropenias since day 0. insulin_independent is the runner's own endpoint (no
// exogenous insulin in the 14 days before the visit), which the rule above drives.
#pragma once

#include "control/controller_config.hpp"
#include "therapy/graft_glucagon_counter_regulation.hpp"
#include "therapy/islet_graft_design.hpp"
#include "trial/arm_intervention.hpp"
#include "trial/insulin_dose_reduction.hpp"

namespace isletsim {

class IsletGraftIntervention : public ArmIntervention {
 public:
  // Validates the design (InputError naming the key).
  IsletGraftIntervention(IsletGraftDesign design, ControllerConfig usual_care);
  IsletGraftIntervention(IsletGraftDesign design, ControllerConfig usual_care, EndogenousInsulinRoute insulin_route);
  // hypo_dose_reduction_fraction: r of insulin_dose_reduction.hpp, in [0, 1) (0 = off); InputError otherwise.
  IsletGraftIntervention(IsletGraftDesign design, ControllerConfig usual_care, EndogenousInsulinRoute insulin_route,
                         double hypo_dose_reduction_fraction);
  // counter_regulation: the graft's glucagon response on EGP (header).
  IsletGraftIntervention(IsletGraftDesign design, ControllerConfig usual_care, EndogenousInsulinRoute insulin_route,
                         double hypo_dose_reduction_fraction, bool counter_regulation);
  std::string description() const override;
  std::vector<std::string> provided_endpoints() const override;
  std::unique_ptr<ParticipantTherapy> start(const UvaPadovaParameters& subject, std::uint64_t seed,
                                            std::uint64_t subject_index) const override;
  const IsletGraftDesign& design() const { return design_; }
  EndogenousInsulinRoute insulin_route() const { return insulin_route_; }
  double hypo_dose_reduction_fraction() const { return hypo_dose_reduction_fraction_; }
  const ControllerConfig& usual_care() const { return usual_care_; }
  bool counter_regulation() const { return counter_regulation_; }

 private:
  IsletGraftDesign design_;
  ControllerConfig usual_care_;
  EndogenousInsulinRoute insulin_route_;
  double hypo_dose_reduction_fraction_;
  bool counter_regulation_ = false;
};

// The glucagon submodel's parameters for a recipient: defaults of graft_glucagon_counter_regulation.hpp, threshold
// glucose = the Dalla Man 2007 average normal subject's Gb, threshold insulin = the recipient's Ib (assumptions).
GlucagonCounterRegulationParameters graft_glucagon_parameters(const UvaPadovaParameters& recipient);

// The default route for a site: portal for the portal vein, subcutaneous otherwise.
EndogenousInsulinRoute default_graft_insulin_route(GraftSite site);

}  // namespace isletsim
