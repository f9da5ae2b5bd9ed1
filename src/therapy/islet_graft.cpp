// The course of an islet graft: see islet_graft.hpp.
#include "therapy/islet_graft.hpp"

#include <cmath>
#include <string>

#include "core/input_error.hpp"
#include "therapy/islet_dose.hpp"

namespace isletsim {

namespace {
constexpr double kDaysPerYear = 365.25;

// Poisson count with mean `mean` from one uniform by inversion (exact; the means here are ~1e-3 per day).
int poisson_count(double mean, double uniform) {
  double p = std::exp(-mean);
  double cumulative = p;
  int k = 0;
  while (uniform > cumulative && k < 1000) {
    ++k;
    p *= mean / k;
    cumulative += p;
  }
  return k;
}

double site_engraftment(const IsletGraftParameters& p, GraftSite site) {
  switch (site) {
    case GraftSite::kPortalVein: return p.portal_vein_engraftment_fraction;
    case GraftSite::kSubcutaneousDevice: return p.subcutaneous_device_engraftment_fraction;
    case GraftSite::kIntramuscular: return p.intramuscular_engraftment_fraction;
  }
  return 0.0;
}
}  // namespace

double draw_engraftment_multiplier(const IsletGraftParameters& parameters, RandomStream& engraftment_stream) {
  return std::exp(parameters.engraftment_log_sd * engraftment_stream.standard_normal());
}

double graft_loss_rate_per_day(const IsletGraftDesign& design) {
  const IsletGraftParameters& p = design.parameters;
  double rate = p.attrition_rate_per_year / kDaysPerYear;
  switch (design.protection) {
    case ImmuneProtection::kSystemicImmunosuppression: break;
    case ImmuneProtection::kEncapsulation: rate += p.encapsulation_extra_attrition_per_year / kDaysPerYear; break;
    case ImmuneProtection::kHypoimmune:
      if (!p.hypoimmune_evades_autoimmunity) rate += p.autoimmunity_rate_per_day;
      break;
    case ImmuneProtection::kNone: rate += p.rejection_rate_per_day + p.autoimmunity_rate_per_day; break;
  }
  return rate;
}

double engrafted_capacity(const IsletGraftDesign& design, const GraftInfusion& infusion,
                          double engraftment_multiplier) {
  const IsletGraftParameters& p = design.parameters;
  const double ieq = infusion.dose_ieq > 0 ? infusion.dose_ieq : islet_equivalents_from_cells(infusion.dose_cells);
  double engraftment = site_engraftment(p, design.site);
  if (design.protection == ImmuneProtection::kEncapsulation) engraftment *= p.encapsulation_engraftment_multiplier;
  return normal_pancreas_fraction_from_ieq(ieq) * engraftment * p.potency * engraftment_multiplier;
}

double graft_maturation(const IsletGraftParameters& p, double days_since_infusion) {
  const double s = days_since_infusion - p.maturation_lag_day;
  return s > 0 ? 1.0 - std::exp(-s / p.maturation_time_constant_day) : 0.0;
}

IsletGraftState start_islet_graft(const IsletGraftDesign& design, double engraftment_multiplier) {
  validate_islet_graft_design(design);
  if (!std::isfinite(engraftment_multiplier) || !(engraftment_multiplier > 0)) {
    throw InputError({"", 0, "engraftment_multiplier"},
                     "must be a positive finite number, got " + std::to_string(engraftment_multiplier));
  }
  IsletGraftState state;
  state.engraftment_multiplier = engraftment_multiplier;
  return state;
}

IsletGraftDay step_graft_day(const IsletGraftDesign& design, IsletGraftState& state, RandomStream& adverse_events) {
  const IsletGraftParameters& p = design.parameters;
  const double day_end = state.day + 1.0;
  while (state.next_infusion < design.infusions.size() && design.infusions[state.next_infusion].day < day_end) {
    const GraftInfusion& infusion = design.infusions[state.next_infusion];
    // Given at the start of this day (infusion days are whole days of the trial).
    state.cohorts.push_back({state.day, engrafted_capacity(design, infusion, state.engraftment_multiplier)});
    ++state.next_infusion;
  }
  const double survival = std::exp(-graft_loss_rate_per_day(design));
  IsletGraftDay out;
  out.day = day_end;
  for (GraftCohort& cohort : state.cohorts) {
    cohort.capacity *= survival;
    out.functional_mass_fraction += cohort.capacity * graft_maturation(p, day_end - cohort.infusion_day);
  }
  state.day = day_end;
  out.stimulated_c_peptide_pmol_l = p.normal_stimulated_c_peptide_pmol_l * out.functional_mass_fraction;
  out.insulin_independent = out.functional_mass_fraction >= p.insulin_independence_mass_fraction;
  // Immunosuppression starts with the first infusion.
  const bool immunosuppressed =
      design.protection == ImmuneProtection::kSystemicImmunosuppression && state.next_infusion > 0;
  const double u_infection = adverse_events.uniform();
  const double u_neutropenia = adverse_events.uniform();
  if (immunosuppressed) {
    out.infections = poisson_count(p.infection_rate_per_patient_year / kDaysPerYear, u_infection);
    out.neutropenia_episodes = poisson_count(p.neutropenia_rate_per_patient_year / kDaysPerYear, u_neutropenia);
  }
  return out;
}

}  // namespace isletsim
