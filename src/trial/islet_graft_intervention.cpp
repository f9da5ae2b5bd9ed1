#include "trial/islet_graft_intervention.hpp"

#include <fmt/format.h>

#include <optional>

#include "control/scaled_insulin_controller.hpp"
#include "core/random_stream.hpp"
#include "physiology/dalla_man_2007_subjects.hpp"
#include "therapy/graft_glucagon_counter_regulation.hpp"
#include "therapy/islet_graft.hpp"
#include "trial/graft_insulin_secretion.hpp"

namespace isletsim {

namespace {

// Normal fasting C-peptide, pmol/l: ~0.5 nmol/l (Palmer et al. 2004, Diabetes 53:250; the value of
// t1d_autoimmunity.hpp). Assumption: fasting C-peptide, like stimulated C-peptide in islet_graft.hpp, is
// proportional to functional graft mass.
constexpr double kNormalFastingCPeptidePmolL = 500.0;

class IsletGraftTherapy : public ParticipantTherapy {
 public:
  IsletGraftTherapy(const IsletGraftDesign& design, std::unique_ptr<Controller> usual_care,
                    double control_interval_min, const UvaPadovaParameters& subject, std::uint64_t seed,
                    std::uint64_t index, EndogenousInsulinRoute route, double hypo_dose_reduction_fraction,
                    bool counter_regulation)
      : design_(design),
        route_(route),
        usual_care_(std::move(usual_care)),
        dose_reduction_(hypo_dose_reduction_fraction),
        control_interval_min_(control_interval_min),
        adverse_events_(seed, index, StreamPurpose::kTherapyAdverseEvents),
        secretion_(dalla_man_2007_average_normal(), subject.body_weight_kg) {
    if (counter_regulation) glucagon_.emplace(graft_glucagon_parameters(subject));
    RandomStream engraftment(seed, index, StreamPurpose::kGraftEngraftment);
    state_ = start_islet_graft(design_, draw_engraftment_multiplier(design_.parameters, engraftment));
  }

  // The rule of the header: no exogenous insulin while the graft course says insulin independent; otherwise the
  // usual-care doses scaled by the hypoglycaemia dose reduction.
  Controller* controller() override { return last_day_.insulin_independent ? nullptr : &usual_care_; }
  double control_interval_min() const override { return control_interval_min_; }

  EndogenousInsulinRoute endogenous_insulin_route() const override { return route_; }
  bool has_minute_inputs() const override { return true; }
  // The graft's secretion from plasma glucose now, then (when on) its glucagon from glucose and plasma insulin.
  void minute_inputs(double t_min, const SubjectObservation& now, TherapyMinuteInputs& add) override {
    add.endogenous_insulin_u_per_min = secretion_.advance_u_per_min(t_min, now.plasma_glucose_mg_dl);
    if (glucagon_) {
      add.glucagon_egp_mg_per_kg_per_min =
          glucagon_->advance_mg_per_kg_per_min(t_min, now.plasma_glucose_mg_dl, now.plasma_insulin_pmol_l);
    }
  }
  std::uint32_t input_routes() const override {
    std::uint32_t routes = kRouteCarbs | kRouteSubcutaneousInsulin;
    if (route_ == EndogenousInsulinRoute::kPortal) routes |= kRoutePortalInsulin;
    if (glucagon_) routes |= kRouteGlucagonEgp;
    return routes;
  }
  // The graft course advances one day: infusions of that day, maturation, losses, adverse events; the new F
  // drives secretion from the next minute on; the day's lows (or persistent highs) set the next day's dose factor.
  void end_of_day(const CareDaySummary& day) override {
    usual_care_.set_factor(dose_reduction_.after_day(day));
    last_day_ = step_graft_day(design_, state_, adverse_events_);
    infections_ += last_day_.infections;
    neutropenias_ += last_day_.neutropenia_episodes;
    secretion_.set_functional_mass_fraction(last_day_.functional_mass_fraction);
    if (glucagon_) glucagon_->set_functional_mass_fraction(last_day_.functional_mass_fraction);
  }

  void add_visit_endpoints(int /*visit_day*/, std::vector<EndpointValue>& values) const override {
    values.push_back({"stimulated_c_peptide_pmol_l", last_day_.stimulated_c_peptide_pmol_l});
    values.push_back({"fasting_c_peptide_pmol_l", kNormalFastingCPeptidePmolL * last_day_.functional_mass_fraction});
    values.push_back({"serious_infections", static_cast<double>(infections_)});
    values.push_back({"neutropenia_episodes", static_cast<double>(neutropenias_)});
  }

 private:
  IsletGraftDesign design_;  // a copy: the therapy does not depend on the intervention outliving it
  EndogenousInsulinRoute route_;
  ScaledInsulinController usual_care_;
  InsulinDoseReduction dose_reduction_;
  double control_interval_min_;
  RandomStream adverse_events_;
  GraftInsulinSecretion secretion_;
  std::optional<GraftGlucagonCounterRegulation> glucagon_;  // only with counter_regulation
  IsletGraftState state_;
  IsletGraftDay last_day_;
  int infections_ = 0;    // cumulative since day 0
  int neutropenias_ = 0;
};

}  // namespace

GlucagonCounterRegulationParameters graft_glucagon_parameters(const UvaPadovaParameters& recipient) {
  GlucagonCounterRegulationParameters p;
  // Assumptions (therapy/graft_glucagon_counter_regulation.hpp): the graft's alpha cells sense glucose like the
  // normal subject whose beta cells the graft's insulin secretion copies (threshold = its basal glucose, as S2013
  // takes a subject's Gb), and are inhibited by plasma insulin above the recipient's basal insulin Ib.
  p.threshold_glucose_mg_dl = dalla_man_2007_average_normal().Gb;
  p.threshold_insulin_pmol_l = recipient.Ib;
  return p;
}

EndogenousInsulinRoute default_graft_insulin_route(GraftSite site) {
  return site == GraftSite::kPortalVein ? EndogenousInsulinRoute::kPortal : EndogenousInsulinRoute::kSubcutaneous;
}

IsletGraftIntervention::IsletGraftIntervention(IsletGraftDesign design, ControllerConfig usual_care)
    : IsletGraftIntervention(design, std::move(usual_care), default_graft_insulin_route(design.site)) {}

IsletGraftIntervention::IsletGraftIntervention(IsletGraftDesign design, ControllerConfig usual_care,
                                               EndogenousInsulinRoute insulin_route)
    : IsletGraftIntervention(std::move(design), std::move(usual_care), insulin_route,
                             kDefaultHypoDoseReductionFraction) {}

IsletGraftIntervention::IsletGraftIntervention(IsletGraftDesign design, ControllerConfig usual_care,
                                               EndogenousInsulinRoute insulin_route,
                                               double hypo_dose_reduction_fraction)
    : IsletGraftIntervention(std::move(design), std::move(usual_care), insulin_route, hypo_dose_reduction_fraction,
                             false) {}

IsletGraftIntervention::IsletGraftIntervention(IsletGraftDesign design, ControllerConfig usual_care,
                                               EndogenousInsulinRoute insulin_route,
                                               double hypo_dose_reduction_fraction, bool counter_regulation)
    : design_(std::move(design)),
      usual_care_(std::move(usual_care)),
      insulin_route_(insulin_route),
      hypo_dose_reduction_fraction_(hypo_dose_reduction_fraction),
      counter_regulation_(counter_regulation) {
  validate_islet_graft_design(design_);
  validate_hypo_dose_reduction_fraction(hypo_dose_reduction_fraction);
}

std::string IsletGraftIntervention::description() const {
  double cells = 0;
  for (const auto& infusion : design_.infusions) cells += infusion.dose_cells;
  return fmt::format("islet graft: {} infusion(s), {:.3g} cells in all, {}, {}; usual-care insulin until insulin "
                     "independent, lowered by {:.0f} % after each day with a low; graft insulin by the {} route{}",
                     design_.infusions.size(), cells, to_string(design_.site), to_string(design_.protection),
                     100.0 * hypo_dose_reduction_fraction_,
                     insulin_route_ == EndogenousInsulinRoute::kPortal ? "portal" : "subcutaneous",
                     counter_regulation_ ? "; graft glucagon counter-regulation on" : "");
}

std::vector<std::string> IsletGraftIntervention::provided_endpoints() const {
  return {"fasting_c_peptide_pmol_l", "stimulated_c_peptide_pmol_l", "serious_infections", "neutropenia_episodes"};
}

std::unique_ptr<ParticipantTherapy> IsletGraftIntervention::start(const UvaPadovaParameters& subject,
                                                                  std::uint64_t seed,
                                                                  std::uint64_t subject_index) const {
  return std::make_unique<IsletGraftTherapy>(design_, make_controller(usual_care_, subject, seed, subject_index),
                                             usual_care_.control_interval_min, subject, seed, subject_index,
                                             insulin_route_, hypo_dose_reduction_fraction_, counter_regulation_);
}

}  // namespace isletsim
