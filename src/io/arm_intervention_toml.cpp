#include "io/arm_intervention_toml.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>

#include "io/graft_parameters_toml.hpp"
#include "io/scenario_toml.hpp"
#include "trial/islet_graft_intervention.hpp"
#include "trial/standard_care_intervention.hpp"

namespace isletsim {

namespace {

// Optional hypo_dose_reduction_fraction: r of the dose reduction after a day with a low
// (trial/insulin_dose_reduction.hpp), a fraction in [0, 1); 0 = off.
double read_hypo_dose_reduction_fraction(TomlTableReader& table, double default_fraction) {
  const auto r = table.optional_number("hypo_dose_reduction_fraction");
  if (!r) return default_fraction;
  if (!std::isfinite(*r) || *r < 0.0 || *r >= 1.0) {
    table.fail("hypo_dose_reduction_fraction",
               fmt::format("must be a fraction in [0, 1) (0 = no dose reduction), got {}", *r));
  }
  return *r;
}

// [arm.intervention] type = "standard_care" with an [arm.intervention.controller] table: the keys of a
// scenario's [controller] (docs/scenario.md), checked the same way; optional hypo_dose_reduction_fraction (default
// 0 = off: the controller's doses as they are).
std::shared_ptr<const ArmIntervention> read_standard_care(TomlTableReader& table, const TrialReadContext& context) {
  table.reject_unknown_keys({"type", "controller", "hypo_dose_reduction_fraction"});
  const double hypo_dose_reduction_fraction = read_hypo_dose_reduction_fraction(table, 0.0);
  auto controller = table.optional_table("controller");
  if (!controller) {
    throw InputError(table.table_location(), fmt::format("standard care needs a [{}] table", table.full_key("controller")));
  }
  Scenario scenario;
  scenario.duration_min = context.duration_min;
  read_controller_table(*controller, scenario);
  return std::make_shared<StandardCareIntervention>(scenario.controller, hypo_dose_reduction_fraction);
}

// [arm.intervention] type = "islet_graft" (docs/trial.md): dose_cells (> 0, per infusion), site, immune_protection,
// optional infusion_days (default [0]; repeat infusions get the same dose), optional insulin_route, optional
// [arm.intervention.parameters] (io/graft_parameters_toml.hpp; defaults of therapy/islet_graft_design.hpp), and the
// usual-care insulin in an [arm.intervention.controller] table (the keys of a scenario's [controller]), optional
// hypo_dose_reduction_fraction (its dose reduction after a low day, in [0, 1), 0 = off), optional counter_regulation
// (true | false, default false: the graft's glucagon response on EGP).
std::shared_ptr<const ArmIntervention> read_islet_graft(TomlTableReader& table, const TrialReadContext& context) {
  table.reject_unknown_keys(
      {"type", "dose_cells", "site", "immune_protection", "infusion_days", "insulin_route", "parameters", "controller",
       "hypo_dose_reduction_fraction", "counter_regulation"});
  IsletGraftDesign design;
  const double dose_cells = table.number("dose_cells");
  if (!std::isfinite(dose_cells) || !(dose_cells > 0)) {
    table.fail("dose_cells", fmt::format("must be a positive number of cells, got {}", dose_cells));
  }
  const std::string site = table.string("site");
  try {
    design.site = parse_graft_site(site);
  } catch (const InputError& error) {
    table.fail("site", error.problem());
  }
  const std::string protection = table.string("immune_protection");
  try {
    design.protection = parse_immune_protection(protection);
  } catch (const InputError& error) {
    table.fail("immune_protection", error.problem());
  }
  // Optional: the graft course's parameters (e.g. a calibration's fitted values; defaults otherwise).
  if (auto parameters = table.optional_table("parameters")) read_graft_parameters_table(*parameters, design.parameters);
  // Optional: where the graft's insulin enters the model (default: portal for the portal vein, else subcutaneous).
  EndogenousInsulinRoute route = default_graft_insulin_route(design.site);
  if (auto name = table.optional_string("insulin_route")) {
    if (*name == "portal") {
      route = EndogenousInsulinRoute::kPortal;
    } else if (*name == "subcutaneous") {
      route = EndogenousInsulinRoute::kSubcutaneous;
    } else {
      table.fail("insulin_route", fmt::format("unknown insulin route '{}'; choose portal, subcutaneous", *name));
    }
  }
  // Optional: r of the usual-care insulin's dose reduction after a day with a low; default
  // kDefaultHypoDoseReductionFraction.
  const double hypo_dose_reduction_fraction =
      read_hypo_dose_reduction_fraction(table, kDefaultHypoDoseReductionFraction);
  // Optional: the graft's glucagon counter-regulation on EGP (trial/islet_graft_intervention.hpp; default off).
  const bool counter_regulation = table.optional_boolean("counter_regulation").value_or(false);
  const double duration_days = context.duration_min / 1440.0;
  std::vector<std::int64_t> days = {0};
  if (auto listed = table.optional_integer_list("infusion_days")) days = *listed;
  if (days.empty()) table.fail("infusion_days", "needs at least one day");
  for (std::size_t i = 0; i < days.size(); ++i) {
    if (days[i] < 0) table.fail("infusion_days", fmt::format("day {} is negative", days[i]));
    if (i > 0 && days[i] <= days[i - 1]) table.fail("infusion_days", "days must be strictly increasing");
    if (static_cast<double>(days[i]) >= duration_days) {
      table.fail("infusion_days", fmt::format("day {} is not within the trial's {} days", days[i], duration_days));
    }
    GraftInfusion infusion;
    infusion.day = static_cast<double>(days[i]);
    infusion.dose_cells = dose_cells;
    design.infusions.push_back(infusion);
  }
  auto controller = table.optional_table("controller");
  if (!controller) {
    throw InputError(table.table_location(),
                     fmt::format("an islet graft arm needs a [{}] table (usual-care insulin until insulin independence)",
                                 table.full_key("controller")));
  }
  Scenario scenario;
  scenario.duration_min = context.duration_min;
  read_controller_table(*controller, scenario);
  try {
    return std::make_shared<IsletGraftIntervention>(design, scenario.controller, route, hypo_dose_reduction_fraction,
                                                    counter_regulation);
  } catch (const InputError& error) {
    throw InputError(table.table_location(), error.problem() + " (" + error.location().key + ")");
  }
}

}  // namespace

const std::map<std::string, ArmInterventionReader>& arm_intervention_readers() {
  static const std::map<std::string, ArmInterventionReader> readers = {
      {"islet_graft", read_islet_graft},
      {"standard_care", read_standard_care},
  };
  return readers;
}

std::shared_ptr<const ArmIntervention> read_arm_intervention(TomlTableReader& table, const TrialReadContext& context) {
  const std::string type = table.string("type");
  const auto& readers = arm_intervention_readers();
  const auto reader = readers.find(type);
  if (reader == readers.end()) {
    std::vector<std::string> names;
    for (const auto& [name, unused] : readers) names.push_back(name);
    table.fail("type", fmt::format("unknown intervention '{}'; choose {}", type, fmt::join(names, ", ")));
  }
  return reader->second(table, context);
}

}  // namespace isletsim
