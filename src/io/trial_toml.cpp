#include "io/trial_toml.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "io/arm_intervention_toml.hpp"
#include "io/scenario_toml.hpp"
#include "engine/backend.hpp"
#include "io/toml_table_reader.hpp"
#include "io/patient_parameters_csv.hpp"
#include "trial/virtual_population.hpp"

namespace isletsim {

namespace {

// Longest trial one file may ask for: 20 years (guards against a duration given in minutes).
constexpr std::int64_t kMaximumDurationDays = 20 * 366;
constexpr std::int64_t kMaximumParticipants = 1'000'000;

std::filesystem::path relative_to(const std::filesystem::path& file, const std::string& path) {
  const std::filesystem::path p(path);
  return p.is_absolute() ? p : file.parent_path() / p;
}

int integer_in(TomlTableReader& table, const std::string& key, std::int64_t value, std::int64_t low, std::int64_t high) {
  if (value < low || value > high) table.fail(key, fmt::format("must be {}..{} (got {})", low, high, value));
  return static_cast<int>(value);
}

int required_integer(TomlTableReader& table, const std::string& key, std::int64_t low, std::int64_t high) {
  const auto value = table.optional_integer(key);
  if (!value) throw InputError(table.table_location(), fmt::format("required key '{}' is missing", table.full_key(key)));
  return integer_in(table, key, *value, low, high);
}

double positive(TomlTableReader& table, const std::string& key, double value) {
  if (!(value > 0)) table.fail(key, fmt::format("must be > 0 (got {})", value));
  return value;
}
double non_negative(TomlTableReader& table, const std::string& key, double value) {
  if (value < 0) table.fail(key, fmt::format("must be >= 0 (got {})", value));
  return value;
}

// Level 2 CGM episodes were once called "severe" hypoglycaemia, which they are not (level 3 is; Battelino 2023): the
// old names are read as deprecated aliases of the new ones, with a warning.
constexpr const char* kDeprecatedLevel2Endpoint = "severe_hypo_events";
constexpr const char* kDeprecatedMinLevel2Key = "min_severe_hypo_events_run_in";

std::string deprecation(const TomlTableReader& table, const std::string& key, const std::string& replacement,
                        const std::string& what = "") {
  const InputLocation at = table.location(key);
  return fmt::format("{}:{}: warning: {} is deprecated, use '{}' (level 2 CGM episodes are not severe, level 3, "
                     "events)",
                     at.file, at.line, what.empty() ? fmt::format("key '{}'", table.full_key(key)) : what, replacement);
}

void read_trial_table(TomlTableReader& table, TrialDefinition& trial) {
  table.reject_unknown_keys({"name", "seed", "duration_days", "participants", "visits", "block_multiplier", "backend"});
  if (auto backend = table.optional_string("backend")) {
    try {
      backend_named(*backend);
    } catch (const std::invalid_argument& e) {
      table.fail("backend", e.what());
    }
    trial.backend = *backend;
  }
  trial.name = table.string("name");
  if (trial.name.empty()) table.fail("name", "must not be empty");
  if (auto seed = table.optional_integer("seed")) {
    if (*seed < 0) table.fail("seed", fmt::format("must be >= 0 (got {})", *seed));
    trial.seed = static_cast<std::uint64_t>(*seed);
  }
  trial.duration_days = required_integer(table, "duration_days", 1, kMaximumDurationDays);
  trial.participants = required_integer(table, "participants", 2, kMaximumParticipants);
  trial.block_multiplier = integer_in(table, "block_multiplier", table.optional_integer("block_multiplier").value_or(1), 1, 1000);
  const auto visits = table.optional_integer_list("visits");
  if (!visits || visits->empty()) {
    throw InputError(table.table_location(), fmt::format("required key '{}' is missing (visit days, e.g. [0, 90, 365])",
                                                         table.full_key("visits")));
  }
  for (const auto day : *visits) {
    if (day < 0 || day > trial.duration_days) {
      table.fail("visits", fmt::format("visit day {} is outside 0..duration_days ({})", day, trial.duration_days));
    }
    if (!trial.visit_days.empty() && day <= trial.visit_days.back()) {
      table.fail("visits", "visit days must be in increasing order without repeats");
    }
    trial.visit_days.push_back(static_cast<int>(day));
  }
}

void read_eligibility(TomlTableReader& table, EligibilityCriteria& criteria, std::vector<std::string>& warnings) {
  table.reject_unknown_keys({"hba1c_min_percent", "hba1c_max_percent", "c_peptide_max_pmol_l",
                             "min_cgm_level2_events_run_in", kDeprecatedMinLevel2Key,
                             "min_plasma_level2_events_run_in", "plausible_with_normal_islets"});
  if (auto v = table.optional_number("hba1c_min_percent")) criteria.hba1c_min_percent = positive(table, "hba1c_min_percent", *v);
  if (auto v = table.optional_number("hba1c_max_percent")) criteria.hba1c_max_percent = positive(table, "hba1c_max_percent", *v);
  if (criteria.hba1c_min_percent && criteria.hba1c_max_percent &&
      *criteria.hba1c_min_percent > *criteria.hba1c_max_percent) {
    table.fail("hba1c_max_percent", "must be >= hba1c_min_percent");
  }
  if (auto v = table.optional_number("c_peptide_max_pmol_l")) {
    criteria.c_peptide_max_pmol_l = non_negative(table, "c_peptide_max_pmol_l", *v);
  }
  if (auto v = table.optional_integer(kDeprecatedMinLevel2Key)) {
    if (table.optional_integer("min_cgm_level2_events_run_in")) {
      table.fail(kDeprecatedMinLevel2Key, "give min_cgm_level2_events_run_in only (this is its deprecated name)");
    }
    warnings.push_back(deprecation(table, kDeprecatedMinLevel2Key, "min_cgm_level2_events_run_in"));
    criteria.min_cgm_level2_events_run_in = integer_in(table, kDeprecatedMinLevel2Key, *v, 0, 100000);
  }
  if (auto v = table.optional_integer("min_cgm_level2_events_run_in")) {
    criteria.min_cgm_level2_events_run_in = integer_in(table, "min_cgm_level2_events_run_in", *v, 0, 100000);
  }
  if (auto v = table.optional_integer("min_plasma_level2_events_run_in")) {
    criteria.min_plasma_level2_events_run_in = integer_in(table, "min_plasma_level2_events_run_in", *v, 0, 100000);
  }
  criteria.plausible_with_normal_islets = table.optional_boolean("plausible_with_normal_islets").value_or(false);
}

// Ranges: trial/carb_counting_error.hpp. NaN fails every comparison and so is rejected too.
void read_carb_counting_error(TomlTableReader& table, CarbCountingError& error) {
  if (auto v = table.optional_number("carb_count_error_bias_fraction")) {
    if (!(*v >= kCarbCountBiasMin && *v <= kCarbCountBiasMax)) {
      table.fail("carb_count_error_bias_fraction",
                 fmt::format("must be {}..{} (got {})", kCarbCountBiasMin, kCarbCountBiasMax, *v));
    }
    error.bias_fraction = *v;
  }
  if (auto v = table.optional_number("carb_count_error_sd_fraction")) {
    if (!(*v >= 0 && *v <= kCarbCountSdMax)) {
      table.fail("carb_count_error_sd_fraction", fmt::format("must be 0..{} (got {})", kCarbCountSdMax, *v));
    }
    error.sd_fraction = *v;
  }
}

void read_cohort(TomlTableReader& table, const std::filesystem::path& file, TrialDefinition& trial) {
  table.reject_unknown_keys({"population", "params_csv", "quest_csv", "run_in_days", "max_screened", "max_redraws",
                             "eligibility", "carb_count_error_bias_fraction", "carb_count_error_sd_fraction"});
  CohortDefinition& cohort = trial.cohort;
  cohort.population = table.string("population");
  const bool fitted = cohort.population == "adult" || cohort.population == "adolescent" || cohort.population == "child";
  if (!fitted && cohort.population != "average_adult") {
    table.fail("population", fmt::format("unknown population '{}'; choose adult, adolescent, child (fitted from "
                                         "params_csv and quest_csv) or average_adult", cohort.population));
  }
  const auto params_csv = table.optional_string("params_csv");
  const auto quest_csv = table.optional_string("quest_csv");
  if (!fitted) {
    if (params_csv) table.fail("params_csv", "only applies to the fitted populations adult, adolescent, child");
    if (quest_csv) table.fail("quest_csv", "only applies to the fitted populations adult, adolescent, child");
  } else {
    if (!params_csv || !quest_csv) {
      throw InputError(table.table_location(), fmt::format("population '{}' is fitted from reference subjects: give "
                                                           "params_csv and quest_csv (simglucose format)",
                                                           cohort.population));
    }
    const auto params_path = relative_to(file, *params_csv);
    const auto quest_path = relative_to(file, *quest_csv);
    if (!std::filesystem::is_regular_file(params_path)) {
      table.fail("params_csv", fmt::format("file '{}' does not exist", params_path.string()));
    }
    if (!std::filesystem::is_regular_file(quest_path)) {
      table.fail("quest_csv", fmt::format("file '{}' does not exist", quest_path.string()));
    }
    cohort.reference_subjects = read_reference_group(params_path, quest_path, cohort.population);
    if (cohort.reference_subjects.size() < 2) {
      table.fail("params_csv", fmt::format("needs at least 2 subjects named '{}#...' (found {})", cohort.population,
                                           cohort.reference_subjects.size()));
    }
    for (const auto& subject : cohort.reference_subjects) {
      if (const auto problem = physiological_invalidity(subject); !problem.empty()) {
        table.fail("params_csv", fmt::format("reference subject '{}' is not valid: {}", subject.name, problem));
      }
    }
  }
  cohort.run_in_days = integer_in(table, "run_in_days", table.optional_integer("run_in_days").value_or(14), 1, 366);
  cohort.max_screened = integer_in(table, "max_screened", table.optional_integer("max_screened").value_or(0), 0,
                                   100 * kMaximumParticipants);
  if (cohort.max_screened != 0 && cohort.max_screened < trial.participants) {
    table.fail("max_screened", fmt::format("must be >= participants ({})", trial.participants));
  }
  cohort.max_redraws = integer_in(table, "max_redraws", table.optional_integer("max_redraws").value_or(100), 0, 100000);
  if (auto eligibility = table.optional_table("eligibility")) read_eligibility(*eligibility, cohort.eligibility, trial.warnings);
  read_carb_counting_error(table, cohort.carb_counting_error);
}

void read_routine(std::vector<TomlTableReader> meals, TrialDefinition& trial) {
  if (meals.empty()) {
    trial.routine = default_daily_routine();
    return;
  }
  for (auto& table : meals) {
    table.reject_unknown_keys({"time", "carbs_g", "carbs_sd_g", "time_sd_min", "eating_rate_g_per_min"});
    RoutineMeal meal;
    const std::string time = table.string("time");
    const auto minutes = parse_time_of_day_min(time);
    if (!minutes) table.fail("time", fmt::format("'{}' is not a time of day in HH:MM (00:00 to 23:59)", time));
    meal.time_of_day_min = *minutes;
    meal.carbs_g = positive(table, "carbs_g", table.number("carbs_g"));
    meal.carbs_sd_g = non_negative(table, "carbs_sd_g", table.number_or("carbs_sd_g", 0));
    meal.time_sd_min = non_negative(table, "time_sd_min", table.number_or("time_sd_min", 0));
    if (meal.time_sd_min > 180) table.fail("time_sd_min", "must be <= 180 minutes");
    meal.eating_rate_g_per_min = positive(table, "eating_rate_g_per_min", table.number_or("eating_rate_g_per_min", 5.0));
    trial.routine.meals.push_back(meal);
  }
}

void read_hypo_treatment(TomlTableReader& table, TrialDefinition& trial) {
  table.reject_unknown_keys({"enabled", "threshold_mg_dl", "carbs_g", "recheck_min"});
  if (!table.optional_boolean("enabled").value_or(true)) {
    for (const char* key : {"threshold_mg_dl", "carbs_g", "recheck_min"}) {
      if (table.has(key)) table.fail(key, "does not apply when enabled = false");
    }
    trial.hypo_treatment.reset();
    return;
  }
  HypoTreatment treatment;
  treatment.threshold_mg_dl = positive(table, "threshold_mg_dl", table.number_or("threshold_mg_dl", treatment.threshold_mg_dl));
  if (treatment.threshold_mg_dl > 100) table.fail("threshold_mg_dl", "must be <= 100 mg/dl (it treats hypoglycaemia)");
  treatment.carbs_g = positive(table, "carbs_g", table.number_or("carbs_g", treatment.carbs_g));
  treatment.recheck_min = positive(table, "recheck_min", table.number_or("recheck_min", treatment.recheck_min));
  trial.hypo_treatment = treatment;
}

void read_arms(std::vector<TomlTableReader> arms, const std::filesystem::path& file, TrialDefinition& trial) {
  const TrialReadContext context{file, static_cast<double>(trial.duration_days) * 1440.0};
  for (auto& table : arms) {
    table.reject_unknown_keys({"name", "ratio", "description", "intervention"});
    TrialArm arm;
    arm.name = table.string("name");
    if (arm.name.empty() || arm.name.find_first_of(",\"\n\r") != std::string::npos) {
      table.fail("name", "must be non-empty without commas, quotes or line breaks (it is a CSV field)");
    }
    for (const auto& other : trial.arms) {
      if (other.name == arm.name) table.fail("name", fmt::format("arm '{}' is defined twice", arm.name));
    }
    arm.allocation_ratio = integer_in(table, "ratio", table.optional_integer("ratio").value_or(1), 1, 100);
    auto intervention = table.optional_table("intervention");
    if (!intervention) {
      throw InputError(table.table_location(), fmt::format("arm '{}' needs an [{}] table", arm.name,
                                                           table.full_key("intervention")));
    }
    arm.intervention = read_arm_intervention(*intervention, context);
    arm.description = table.optional_string("description").value_or(arm.intervention->description());
    trial.arms.push_back(std::move(arm));
  }
}

void read_endpoints(std::vector<TomlTableReader> endpoints, TrialDefinition& trial) {
  std::set<std::string> seen;
  for (auto& table : endpoints) {
    table.reject_unknown_keys({"name", "visits"});
    EndpointRequest request;
    request.name = table.string("name");
    if (request.name == kDeprecatedLevel2Endpoint) {
      trial.warnings.push_back(deprecation(table, "name", "cgm_level2_hypo_events",
                                           fmt::format("endpoint '{}'", kDeprecatedLevel2Endpoint)));
      request.name = "cgm_level2_hypo_events";
    }
    if (!find_endpoint(request.name)) {
      std::vector<std::string> names;
      for (const auto& definition : endpoint_catalogue()) names.push_back(definition.name);
      table.fail("name", fmt::format("unknown endpoint '{}'; choose {}", request.name, fmt::join(names, ", ")));
    }
    if (!seen.insert(request.name).second) table.fail("name", fmt::format("endpoint '{}' is listed twice", request.name));
    const auto& baseline = baseline_endpoint_names();
    const bool at_baseline = std::find(baseline.begin(), baseline.end(), request.name) != baseline.end();
    if (auto visits = table.optional_integer_list("visits")) {
      if (visits->empty()) table.fail("visits", "must list at least one visit day (or leave it out: every visit)");
      for (const auto day : *visits) {
        if (std::find(trial.visit_days.begin(), trial.visit_days.end(), day) == trial.visit_days.end()) {
          table.fail("visits", fmt::format("day {} is not one of the trial's visits", day));
        }
        if (day == 0 && !at_baseline) table.fail("visits", fmt::format("'{}' is not measured at baseline (day 0)", request.name));
        request.visit_days.push_back(static_cast<int>(day));
      }
      std::sort(request.visit_days.begin(), request.visit_days.end());
      if (std::adjacent_find(request.visit_days.begin(), request.visit_days.end()) != request.visit_days.end()) {
        table.fail("visits", "lists a day twice");
      }
    } else {
      for (const int day : trial.visit_days) {
        if (day > 0 || at_baseline) request.visit_days.push_back(day);
      }
    }
    // Endpoints beyond the runner's own (C-peptide, HOMA-IR) must be provided by every arm's intervention.
    const std::set<std::string> runner_endpoints = {"hba1c_percent", "mean_glucose_mg_dl", "tir_70_180_percent",
                                                    "tbr_below_70_percent", "tbr_below_54_percent",
                                                    "tar_above_180_percent", "cgm_level2_hypo_events",
                                                    "insulin_u_per_day", "insulin_independent",
                                                    "min_plasma_glucose_mg_dl", "plasma_level2_hypo_events"};
    if (!runner_endpoints.contains(request.name)) {
      for (const auto& arm : trial.arms) {
        const auto provided = arm.intervention->provided_endpoints();
        if (std::find(provided.begin(), provided.end(), request.name) == provided.end()) {
          table.fail("name", fmt::format("endpoint '{}' is not provided by arm '{}' ({})", request.name, arm.name,
                                         arm.description));
        }
      }
    }
    trial.endpoints.push_back(std::move(request));
  }
}

}  // namespace

TrialDefinition read_trial_toml(const std::filesystem::path& path) {
  const std::string file = path.string();
  const toml::table document = parse_toml_file(path, "trial");
  TrialDefinition trial;
  trial.source_file = file;
  TomlTableReader root(document, file, "");
  root.reject_unknown_keys({"trial", "cohort", "arm", "endpoint", "meal", "hypo_treatment", "sensor", "pump"});
  auto trial_table = root.optional_table("trial");
  if (!trial_table) throw InputError({file, 1, "trial"}, "the [trial] table is required (name, duration_days, participants, visits)");
  read_trial_table(*trial_table, trial);
  auto cohort = root.optional_table("cohort");
  if (!cohort) throw InputError({file, 1, "cohort"}, "the [cohort] table is required (population)");
  read_cohort(*cohort, path, trial);
  read_routine(root.table_array("meal"), trial);
  if (auto treatment = root.optional_table("hypo_treatment")) read_hypo_treatment(*treatment, trial);
  Scenario devices;
  devices.duration_min = static_cast<double>(trial.duration_days) * 1440.0;
  if (auto sensor = root.optional_table("sensor")) read_sensor_table(*sensor, devices);
  if (auto pump = root.optional_table("pump")) read_pump_table(*pump, devices);
  trial.sensor = devices.sensor;
  trial.pump = devices.pump;
  read_arms(root.table_array("arm"), path, trial);
  if (trial.arms.size() < 2) {
    throw InputError({file, 1, "arm"}, fmt::format("a trial needs at least 2 [[arm]] tables (found {}); the first is "
                                                   "the reference arm", trial.arms.size()));
  }
  read_endpoints(root.table_array("endpoint"), trial);
  if (trial.endpoints.empty()) throw InputError({file, 1, "endpoint"}, "list at least one [[endpoint]] (name = ...)");
  return trial;
}

}  // namespace isletsim
