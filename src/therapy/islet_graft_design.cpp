// Names, validation and defaults of an islet graft design: see islet_graft_design.hpp.
#include "therapy/islet_graft_design.hpp"

#include <cmath>
#include <string>

#include "core/input_error.hpp"

namespace isletsim {

namespace {
[[noreturn]] void fail(const std::string& key, const std::string& problem) { throw InputError({"", 0, key}, problem); }

void check_range(double value, double low, double high, const std::string& key) {
  if (!std::isfinite(value) || value < low || value > high) {
    fail(key, "must be between " + std::to_string(low) + " and " + std::to_string(high) + ", got " +
                  std::to_string(value));
  }
}
void check_positive(double value, const std::string& key) {
  if (!std::isfinite(value) || !(value > 0)) fail(key, "must be a positive number, got " + std::to_string(value));
}
void check_non_negative(double value, const std::string& key) {
  if (!std::isfinite(value) || value < 0) fail(key, "must be zero or positive, got " + std::to_string(value));
}
}  // namespace

GraftSite parse_graft_site(const std::string& name, const std::string& key) {
  if (name == "portal_vein") return GraftSite::kPortalVein;
  if (name == "subcutaneous_device") return GraftSite::kSubcutaneousDevice;
  if (name == "intramuscular") return GraftSite::kIntramuscular;
  fail(key, "unknown graft site '" + name + "' (portal_vein, subcutaneous_device, intramuscular)");
}

ImmuneProtection parse_immune_protection(const std::string& name, const std::string& key) {
  if (name == "immunosuppression") return ImmuneProtection::kSystemicImmunosuppression;
  if (name == "encapsulation") return ImmuneProtection::kEncapsulation;
  if (name == "hypoimmune") return ImmuneProtection::kHypoimmune;
  if (name == "none") return ImmuneProtection::kNone;
  fail(key, "unknown immune protection '" + name + "' (immunosuppression, encapsulation, hypoimmune, none)");
}

std::string to_string(GraftSite site) {
  switch (site) {
    case GraftSite::kPortalVein: return "portal_vein";
    case GraftSite::kSubcutaneousDevice: return "subcutaneous_device";
    case GraftSite::kIntramuscular: return "intramuscular";
  }
  return "?";
}

std::string to_string(ImmuneProtection protection) {
  switch (protection) {
    case ImmuneProtection::kSystemicImmunosuppression: return "immunosuppression";
    case ImmuneProtection::kEncapsulation: return "encapsulation";
    case ImmuneProtection::kHypoimmune: return "hypoimmune";
    case ImmuneProtection::kNone: return "none";
  }
  return "?";
}

IsletGraftParameters default_islet_graft_parameters() { return IsletGraftParameters{}; }

void validate_islet_graft_design(const IsletGraftDesign& design) {
  const IsletGraftParameters& p = design.parameters;
  double previous_day = 0;
  for (std::size_t i = 0; i < design.infusions.size(); ++i) {
    const GraftInfusion& infusion = design.infusions[i];
    const std::string key = "infusions[" + std::to_string(i) + "]";
    check_non_negative(infusion.day, key + ".day");
    if (infusion.day != std::floor(infusion.day)) fail(key + ".day", "must be a whole day of the trial");
    if (infusion.day < previous_day) fail(key + ".day", "infusions must be listed in order of day");
    previous_day = infusion.day;
    check_non_negative(infusion.dose_cells, key + ".dose_cells");
    check_non_negative(infusion.dose_ieq, key + ".dose_ieq");
    if ((infusion.dose_cells > 0) == (infusion.dose_ieq > 0)) {
      fail(key, "give the dose either as dose_cells or as dose_ieq (exactly one, positive)");
    }
  }
  check_range(p.portal_vein_engraftment_fraction, 0, 1, "parameters.portal_vein_engraftment_fraction");
  check_range(p.subcutaneous_device_engraftment_fraction, 0, 1, "parameters.subcutaneous_device_engraftment_fraction");
  check_range(p.intramuscular_engraftment_fraction, 0, 1, "parameters.intramuscular_engraftment_fraction");
  check_range(p.encapsulation_engraftment_multiplier, 0, 1, "parameters.encapsulation_engraftment_multiplier");
  check_positive(p.potency, "parameters.potency");
  check_non_negative(p.maturation_lag_day, "parameters.maturation_lag_day");
  check_positive(p.maturation_time_constant_day, "parameters.maturation_time_constant_day");
  check_non_negative(p.attrition_rate_per_year, "parameters.attrition_rate_per_year");
  check_non_negative(p.encapsulation_extra_attrition_per_year, "parameters.encapsulation_extra_attrition_per_year");
  check_non_negative(p.rejection_rate_per_day, "parameters.rejection_rate_per_day");
  check_non_negative(p.autoimmunity_rate_per_day, "parameters.autoimmunity_rate_per_day");
  check_non_negative(p.infection_rate_per_patient_year, "parameters.infection_rate_per_patient_year");
  check_non_negative(p.neutropenia_rate_per_patient_year, "parameters.neutropenia_rate_per_patient_year");
  check_non_negative(p.engraftment_log_sd, "parameters.engraftment_log_sd");
  check_non_negative(p.normal_stimulated_c_peptide_pmol_l, "parameters.normal_stimulated_c_peptide_pmol_l");
  check_positive(p.insulin_independence_mass_fraction, "parameters.insulin_independence_mass_fraction");
}

}  // namespace isletsim
