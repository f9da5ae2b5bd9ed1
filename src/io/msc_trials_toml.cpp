// Reader of the MSC virtual-trials file: see msc_trials_toml.hpp.
#include "io/msc_trials_toml.hpp"

#include <fmt/format.h>

#include "io/toml_table_reader.hpp"

namespace isletsim {

namespace {

constexpr std::int64_t kMaximumFollowUpDays = 10 * 366;  // guards against a follow-up given in minutes
constexpr std::int64_t kMaximumParticipantsPerArm = 100'000;

int integer_in(TomlTableReader& table, const std::string& key, std::int64_t low, std::int64_t high) {
  const auto value = table.optional_integer(key);
  if (!value)
    throw InputError(table.table_location(), fmt::format("required key '{}' is missing", table.full_key(key)));
  if (*value < low || *value > high) table.fail(key, fmt::format("must be {}..{} (got {})", low, high, *value));
  return static_cast<int>(*value);
}

double positive(TomlTableReader& table, const std::string& key, double fallback) {
  const double value = table.number_or(key, fallback);
  if (!(value > 0)) table.fail(key, fmt::format("must be > 0 (got {})", value));
  return value;
}

double non_negative(TomlTableReader& table, const std::string& key, double fallback) {
  const double value = table.number_or(key, fallback);
  if (value < 0) table.fail(key, fmt::format("must be >= 0 (got {})", value));
  return value;
}

void read_cohort(TomlTableReader& table, Type2CohortSpread& s) {
  table.reject_unknown_keys({"muscle_fat_insulin_sensitivity_cv", "liver_insulin_sensitivity_cv",
                             "beta_cell_function_cv", "beta_cell_mass_cv"});
  s.muscle_fat_insulin_sensitivity_cv =
      non_negative(table, "muscle_fat_insulin_sensitivity_cv", s.muscle_fat_insulin_sensitivity_cv);
  s.liver_insulin_sensitivity_cv = non_negative(table, "liver_insulin_sensitivity_cv", s.liver_insulin_sensitivity_cv);
  s.beta_cell_function_cv = non_negative(table, "beta_cell_function_cv", s.beta_cell_function_cv);
  s.beta_cell_mass_cv = non_negative(table, "beta_cell_mass_cv", s.beta_cell_mass_cv);
}

void read_care(TomlTableReader& table, Type2CarePlan& care) {
  table.reject_unknown_keys({"titration", "start_basal_dose_u_per_day", "prandial_start_dose_u_per_meal", "run_in_days",
                             "representative_day_per_interval"});
  if (auto rule = table.optional_string("titration")) {
    try {
      care.rule = parse_basal_titration_rule(*rule, "titration");
    } catch (const InputError& e) {
      table.fail("titration", e.problem());
    }
  }
  care.start_basal_dose_u_per_day = non_negative(table, "start_basal_dose_u_per_day", care.start_basal_dose_u_per_day);
  care.prandial_start_dose_u_per_meal =
      non_negative(table, "prandial_start_dose_u_per_meal", care.prandial_start_dose_u_per_meal);
  if (table.has("run_in_days")) care.run_in_days = integer_in(table, "run_in_days", 0, kMaximumFollowUpDays);
  care.representative_day_per_interval =
      table.optional_boolean("representative_day_per_interval").value_or(care.representative_day_per_interval);
  try {
    validate_type2_care_plan(care);
  } catch (const InputError& e) {
    table.fail(e.location().key, e.problem());
  }
}

void read_effect(TomlTableReader& table, MscEffectParameters& p) {
  table.reject_unknown_keys({"reference_dose_cells_per_kg", "insulin_sensitivity_gain",
                             "insulin_sensitivity_half_life_day", "beta_cell_function_gain",
                             "beta_cell_function_half_life_day", "apoptosis_reduction_gain",
                             "apoptosis_reduction_half_life_day"});
  p.reference_dose_cells_per_kg = positive(table, "reference_dose_cells_per_kg", p.reference_dose_cells_per_kg);
  p.insulin_sensitivity_gain = non_negative(table, "insulin_sensitivity_gain", p.insulin_sensitivity_gain);
  p.insulin_sensitivity_half_life_day =
      positive(table, "insulin_sensitivity_half_life_day", p.insulin_sensitivity_half_life_day);
  p.beta_cell_function_gain = non_negative(table, "beta_cell_function_gain", p.beta_cell_function_gain);
  p.beta_cell_function_half_life_day =
      positive(table, "beta_cell_function_half_life_day", p.beta_cell_function_half_life_day);
  p.apoptosis_reduction_gain = non_negative(table, "apoptosis_reduction_gain", p.apoptosis_reduction_gain);
  p.apoptosis_reduction_half_life_day =
      positive(table, "apoptosis_reduction_half_life_day", p.apoptosis_reduction_half_life_day);
}

MscTrialDesign read_trial(TomlTableReader& table) {
  table.reject_unknown_keys(
      {"name", "cell_source", "participants_per_arm", "follow_up_days", "response_cv", "infusions", "effect"});
  MscTrialDesign trial;
  trial.name = table.string("name");
  if (trial.name.empty()) table.fail("name", "must not be empty");
  trial.cell_source = table.optional_string("cell_source").value_or(trial.cell_source);
  trial.participants_per_arm = integer_in(table, "participants_per_arm", 2, kMaximumParticipantsPerArm);
  trial.follow_up_days = integer_in(table, "follow_up_days", 1, kMaximumFollowUpDays);
  trial.response_cv = non_negative(table, "response_cv", trial.response_cv);
  auto infusions = table.table_array("infusions");
  if (infusions.empty()) {
    throw InputError(table.table_location(),
                     fmt::format("list at least one [[{}]] (day, dose_cells_per_kg)", table.full_key("infusions")));
  }
  double previous_day = 0;
  for (TomlTableReader& infusion : infusions) {
    infusion.reject_unknown_keys({"day", "dose_cells_per_kg"});
    MscInfusion i;
    i.day = infusion.number("day");
    if (i.day < 0) infusion.fail("day", fmt::format("must be >= 0 (got {})", i.day));
    if (i.day < previous_day) infusion.fail("day", "infusions must be listed in order of day");
    previous_day = i.day;
    i.dose_cells_per_kg = infusion.number("dose_cells_per_kg");
    if (!(i.dose_cells_per_kg > 0))
      infusion.fail("dose_cells_per_kg", fmt::format("must be > 0 (got {})", i.dose_cells_per_kg));
    trial.infusions.push_back(i);
  }
  if (auto effect = table.optional_table("effect")) read_effect(*effect, trial.effect);
  return trial;
}

}  // namespace

MscTrialsRequest read_msc_trials_toml(const std::filesystem::path& path) {
  const std::string file = path.string();
  const toml::table document = parse_toml_file(path, "MSC trials");
  TomlTableReader root(document, file, "");
  root.reject_unknown_keys({"meta_analysis", "cohort", "care", "trial"});
  MscTrialsRequest request;
  auto meta = root.optional_table("meta_analysis");
  if (!meta) throw InputError({file, 1, "meta_analysis"}, "the [meta_analysis] table is required (name, seed)");
  meta->reject_unknown_keys({"name", "seed"});
  request.name = meta->string("name");
  if (request.name.empty()) meta->fail("name", "must not be empty");
  if (auto seed = meta->optional_integer("seed")) {
    if (*seed < 0) meta->fail("seed", fmt::format("must be >= 0 (got {})", *seed));
    request.set.seed = static_cast<std::uint64_t>(*seed);
  }
  if (auto cohort = root.optional_table("cohort")) read_cohort(*cohort, request.set.cohort_spread);
  if (auto care = root.optional_table("care")) read_care(*care, request.set.care);
  for (TomlTableReader& trial : root.table_array("trial")) request.set.trials.push_back(read_trial(trial));
  if (request.set.trials.empty()) throw InputError({file, 1, "trial"}, "list at least one [[trial]]");
  validate_msc_trial_set(request.set);  // backstop: everything above should already have been caught with its line
  return request;
}

}  // namespace isletsim
