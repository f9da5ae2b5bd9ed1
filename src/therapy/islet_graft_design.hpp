// IsletGraftDesign: a stem-cell-derived (or donor) islet graft as a therapy -- where it goes, how it is protected from
// the immune system, the schedule of infusions, and the parameters of its course. The course itself is in
// islet_graft.hpp; the sources and which values are calibrated or assumed are in docs/therapies.md.
#pragma once

#include <cmath>
#include <string>
#include <vector>

namespace isletsim {

// Where the cells are placed.
enum class GraftSite {
  kPortalVein,          // intraportal infusion into the liver (Edmonton protocol; Reichman 2025)
  kSubcutaneousDevice,  // macro-encapsulation device under the skin (ViaCyte VC-01/VC-02)
  kIntramuscular,       // forearm muscle (Carlsson et al. 2025, NEJM, hypoimmune islet cells)
};

// How the graft is protected from allo-rejection and recurrent autoimmunity.
enum class ImmuneProtection {
  kSystemicImmunosuppression,  // suppresses both; infections and neutropenia as adverse events
  kEncapsulation,              // a cell-impermeable membrane: no immunosuppression, oxygen-limited engraftment
  kHypoimmune,                 // gene-edited cells (HLA I/II knocked out, CD47 over-expressed): evade allo-rejection
  kNone,
};

// Parse the names used in files ("portal_vein", "subcutaneous_device", "intramuscular"; "immunosuppression",
// "encapsulation", "hypoimmune", "none"). Throw InputError with the given location's key when unknown.
GraftSite parse_graft_site(const std::string& name, const std::string& key = "site");
ImmuneProtection parse_immune_protection(const std::string& name, const std::string& key = "immune_protection");
std::string to_string(GraftSite site);
std::string to_string(ImmuneProtection protection);

// One infusion (or implantation). Give the dose either in cells or in islet equivalents, not both.
struct GraftInfusion {
  double day = 0;          // day of the trial on which it is given (>= 0)
  double dose_cells = 0;   // e.g. 0.8e9 (Reichman 2025 full dose)
  double dose_ieq = 0;     // islet equivalents (islet_dose.hpp)
};

// Parameters of the graft's course. Defaults: C = cited, K = calibrated here, A = assumption of this project.
struct IsletGraftParameters {
  // [A] Fraction of infused islet mass that engrafts, by site. Portal vein: the instant blood-mediated
  // inflammatory reaction and hypoxia destroy a large part of intraportal islets within days (Bennet et al. 1999,
  // Diabetes 48:1907; reviewed by Shapiro 2012, Rev Diabet Stud 9:385); we take 0.5.
  double portal_vein_engraftment_fraction = 0.5;
  // [A] Subcutaneous device: the VC-02 trial saw insulin-expressing cells in 63 % of explanted units and C-peptide
  // >= 0.1 nmol/l in 6 of 17 people (Shapiro et al. 2021, Cell Rep Med 2:100466) -- little mass; we take 0.1.
  double subcutaneous_device_engraftment_fraction = 0.1;
  // [A] Intramuscular: survival of hypoimmune islet cells in forearm muscle without immunosuppression was shown,
  // mass not quantified (Carlsson et al. 2025, N Engl J Med, "Survival of transplanted allogeneic beta cells with
  // no immunosuppression"); we take 0.3.
  double intramuscular_engraftment_fraction = 0.3;
  // [A] Encapsulation multiplies engraftment further: oxygen supply by diffusion limits the viable mass of
  // encapsulated islets (Colton 2014, Adv Drug Deliv Rev 67-68:93, reviews this limit); we take 0.5.
  double encapsulation_engraftment_multiplier = 0.5;

  // [K] Secretory capacity of an engrafted IEQ relative to a native islet's, and maturation: together with the
  // attrition below they reproduce the meal-stimulated C-peptide of Reichman 2025 (424 / 1036 / 1274 pmol/l at
  // days 90 / 180 / 365 after 0.8e9 cells into the portal vein under immunosuppression, TRIAL_TARGETS.md) exactly:
  // three targets, three values (lag, time constant, plateau = dose fraction x engraftment x potency), fitted with
  // attrition at its default 0.1 /year (a different attrition keeps these values but no longer fits exactly).
  // Maturation of a cohort infused at day t0: m(s) = 1 - exp(-(s - lag)/tau) for s = t - t0 > lag, else 0.
  double potency = 2.324;
  double maturation_lag_day = 58.89;
  double maturation_time_constant_day = 87.43;

  // [A] Chronic loss of graft mass under any protection (exhaustion, non-immune attrition), first order. No
  // long-term data exist for stem-cell islets; donor-islet grafts lose insulin independence over years (Ryan et
  // al. 2005, Diabetes 54:2060: ~10 % insulin independent at 5 years, C-peptide still present in ~80 %).
  double attrition_rate_per_year = 0.1;
  // [A] Extra loss of encapsulated grafts (pericapsular fibrosis, hypoxia).
  double encapsulation_extra_attrition_per_year = 0.2;
  // [A] Allo-rejection without protection: allogeneic islets are destroyed within days to weeks without
  // immunosuppression; half-life 7 days.
  double rejection_rate_per_day = std::log(2.0) / 7.0;
  // [A] Recurrent autoimmunity without protection: pancreas grafts from identical twins into their diabetic twins,
  // without immunosuppression, lost function 6-12 weeks after transplantation with insulitis and selective
  // beta-cell loss (Sibley et al. 1985, Lab Invest 53:132; Sutherland, Goetz & Sibley 1989, Diabetes 38 Suppl
  // 1:85); half-life 30 days.
  double autoimmunity_rate_per_day = std::log(2.0) / 30.0;
  // [A] Whether hypoimmune cells also evade recurrent autoimmunity. Without HLA class I/II the autoreactive CD8 and
  // CD4 T cells have nothing to recognise, and the graft of Carlsson 2025 survived 12 weeks in a person with T1D;
  // whether this lasts is open. Default: they evade it.
  bool hypoimmune_evades_autoimmunity = true;

  // [C, rough] Serious (grade >= 3) adverse events under systemic immunosuppression, per patient-year: one centre,
  // 9 recipients (17 infusions, 2005-2008), events within about one year of infusion, 2 infections and 2
  // neutropenias ("Adverse events in clinical islet transplantation: one institutional experience", Cell
  // Transplant 2012;21(2-3); authors not verified here): 2/9 per patient-year each.
  double infection_rate_per_patient_year = 2.0 / 9.0;
  double neutropenia_rate_per_patient_year = 2.0 / 9.0;

  // [C] Meal-stimulated C-peptide of a normal adult, pmol/l: ~2 nmol/l (Palmer et al. 2004, Diabetes 53:250; the
  // value t1d_autoimmunity.hpp uses). C-peptide is taken proportional to functional mass.
  double normal_stimulated_c_peptide_pmol_l = 2000.0;
  // [K] Smallest functional graft fraction at which the minute model keeps a standard day without insulin at
  // HbA1c-equivalent < 7 % and time in range >= 70 %: smallest_graft_fraction_meeting(
  // meets_insulin_independence_criterion) in graft_recipient.hpp gives 0.30621 (bisection to 1e-4); re-derived in
  // tests/therapy/graft_recipient_test.cpp.
  double insulin_independence_mass_fraction = 0.3062;

  // [K] Between-subject spread of engraftment: engraftment x exp(sigma Z), Z standard normal (median 1). The median
  // full-dose recipient of Reichman 2025 has F(365) = 1274/2000 = 0.637 and 10 of 12 recipients were insulin
  // independent at day 365, so sigma = ln(0.637 / F_ind) / Phi^-1(10/12), Phi^-1(0.8333) = 0.96742 -> 0.7572.
  double engraftment_log_sd = std::log(0.637 / 0.3062) / 0.96742157;
};

// The defaults above (the same as IsletGraftParameters{}).
IsletGraftParameters default_islet_graft_parameters();

struct IsletGraftDesign {
  GraftSite site = GraftSite::kPortalVein;
  ImmuneProtection protection = ImmuneProtection::kSystemicImmunosuppression;
  std::vector<GraftInfusion> infusions;  // in order of day
  IsletGraftParameters parameters = default_islet_graft_parameters();
};

// Throws InputError naming the key ("infusions[2].dose_cells", "parameters.attrition_rate_per_year", ...) when a
// value is negative, not finite, out of its range, or infusions are out of order or give both or neither dose.
void validate_islet_graft_design(const IsletGraftDesign& design);

}  // namespace isletsim
