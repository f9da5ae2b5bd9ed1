#include "io/scenario_toml.hpp"

#include "engine/backend.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/units.hpp"
#include "io/patient_parameters_csv.hpp"
#include "io/toml_table_reader.hpp"
#include "physiology/published_subjects.hpp"

namespace isletsim {

namespace {

// Longest simulation one scenario may ask for: 100 years (guards against unit mistakes such as seconds).
constexpr double kMaximumDurationMin = 100.0 * 365.25 * units::kMinutesPerDay;

double positive(TomlTableReader& table, const std::string& key, double value) {
  if (!(value > 0)) table.fail(key, fmt::format("must be > 0 (got {})", value));
  return value;
}
double non_negative(TomlTableReader& table, const std::string& key, double value) {
  if (value < 0) table.fail(key, fmt::format("must be >= 0 (got {})", value));
  return value;
}

// Event times: `time = "HH:MM"` repeats every day of the simulation; `time_min` is one moment, in minutes
// since the start. Exactly one of the two.
std::vector<double> event_times_min(TomlTableReader& table, const Scenario& scenario) {
  const bool daily = table.has("time");
  const bool once = table.has("time_min");
  if (daily == once) {
    throw InputError(table.table_location(),
                     "give exactly one of 'time' (\"HH:MM\", every day) or 'time_min' (minutes since the start)");
  }
  std::vector<double> times;
  if (once) {
    const double t = non_negative(table, "time_min", table.number("time_min"));
    if (t >= scenario.duration_min) {
      table.fail("time_min", fmt::format("is at or after the end of the simulation ({} min)", scenario.duration_min));
    }
    times.push_back(t);
    return times;
  }
  const std::string text = table.string("time");
  const auto time_of_day = parse_time_of_day_min(text);
  if (!time_of_day) table.fail("time", fmt::format("'{}' is not a time of day in HH:MM (00:00 to 23:59)", text));
  double first = *time_of_day - scenario.start_time_of_day_min;
  if (first < 0) first += units::kMinutesPerDay;
  for (double t = first; t < scenario.duration_min; t += units::kMinutesPerDay) times.push_back(t);
  return times;
}

void read_simulation(TomlTableReader& table, Scenario& scenario) {
  table.reject_unknown_keys({"duration_min", "duration_h", "duration_days", "start_time", "seed", "engine"});
  const int duration_keys = static_cast<int>(table.has("duration_min")) + static_cast<int>(table.has("duration_h")) +
                            static_cast<int>(table.has("duration_days"));
  if (duration_keys != 1) {
    throw InputError(table.table_location(), "give exactly one of duration_min, duration_h or duration_days");
  }
  if (auto minutes = table.optional_number("duration_min")) scenario.duration_min = positive(table, "duration_min", *minutes);
  if (auto hours = table.optional_number("duration_h")) scenario.duration_min = 60.0 * positive(table, "duration_h", *hours);
  if (auto days = table.optional_number("duration_days")) {
    scenario.duration_min = units::kMinutesPerDay * positive(table, "duration_days", *days);
  }
  if (scenario.duration_min > kMaximumDurationMin) {
    throw InputError(table.table_location(), fmt::format("the duration ({} min) exceeds 100 years", scenario.duration_min));
  }
  if (scenario.duration_min != std::floor(scenario.duration_min)) {
    throw InputError(table.table_location(), "the duration must be a whole number of minutes");
  }
  if (auto start = table.optional_string("start_time")) {
    const auto minutes = parse_time_of_day_min(*start);
    if (!minutes) table.fail("start_time", fmt::format("'{}' is not a time of day in HH:MM (00:00 to 23:59)", *start));
    scenario.start_time_of_day_min = *minutes;
  }
  if (auto seed = table.optional_integer("seed")) {
    if (*seed < 0) table.fail("seed", fmt::format("must be >= 0 (got {})", *seed));
    scenario.seed = static_cast<std::uint64_t>(*seed);
  }
  if (auto engine = table.optional_string("engine")) {
    try {
      backend_named(*engine);  // the backend that integrates the subjects (engine/backend.hpp)
    } catch (const std::invalid_argument& e) {
      table.fail("engine", e.what());
    }
    scenario.backend = *engine;
  }
}

std::filesystem::path relative_to_scenario(const std::filesystem::path& scenario_file, const std::string& path) {
  const std::filesystem::path p(path);
  return p.is_absolute() ? p : scenario_file.parent_path() / p;
}

void read_subjects(TomlTableReader& table, const std::filesystem::path& scenario_file, Scenario& scenario) {
  table.reject_unknown_keys({"builtin", "params_csv", "names", "quest_csv"});
  if (auto builtin = table.optional_string_list("builtin")) {
    for (const auto& name : *builtin) {
      try {
        scenario.subjects.push_back(published_subject(name));
      } catch (const std::out_of_range&) {
        table.fail("builtin", fmt::format("no built-in subject named '{}'; available: {}", name,
                                          fmt::join(published_subject_names(), ", ")));
      }
    }
  }
  const auto params_csv = table.optional_string("params_csv");
  const auto names = table.optional_string_list("names");
  const auto quest_csv = table.optional_string("quest_csv");
  if (params_csv.has_value() != names.has_value()) {
    throw InputError(table.table_location(), "'params_csv' and 'names' go together: give both or neither");
  }
  if (params_csv) {
    const auto params_path = relative_to_scenario(scenario_file, *params_csv);
    if (!std::filesystem::exists(params_path)) {
      table.fail("params_csv", fmt::format("file '{}' does not exist", params_path.string()));
    }
    std::vector<std::string> selected = *names;
    if (selected.size() == 1 && selected.front() == "all") selected = list_patient_names(params_path);
    const auto available = list_patient_names(params_path);
    for (const auto& name : selected) {
      if (std::find(available.begin(), available.end(), name) == available.end()) {
        table.fail("names", fmt::format("no subject named '{}' in {}", name, params_path.string()));
      }
      auto subject = read_patient_parameters(params_path, name);
      if (quest_csv) {
        const auto quest_path = relative_to_scenario(scenario_file, *quest_csv);
        if (!std::filesystem::exists(quest_path)) {
          table.fail("quest_csv", fmt::format("file '{}' does not exist", quest_path.string()));
        }
        read_therapy_settings(quest_path, subject);
      }
      scenario.subjects.push_back(std::move(subject));
    }
  } else if (quest_csv) {
    table.fail("quest_csv", "needs 'params_csv' and 'names'");
  }
  if (scenario.subjects.empty()) {
    throw InputError(table.table_location(), "no subjects: give 'builtin' and/or 'params_csv' with 'names'");
  }
}

void read_meals(std::vector<TomlTableReader> meals, Scenario& scenario) {
  for (auto& table : meals) {
    table.reject_unknown_keys({"time", "time_min", "carbs_g", "eating_rate_g_per_min", "announced"});
    const double carbs_g = positive(table, "carbs_g", table.number("carbs_g"));
    const double rate = positive(table, "eating_rate_g_per_min", table.number_or("eating_rate_g_per_min", 5.0));
    const bool announced = table.optional_boolean("announced").value_or(true);
    for (const double t : event_times_min(table, scenario)) scenario.meals.push_back({t, carbs_g, rate, announced});
  }
  std::stable_sort(scenario.meals.begin(), scenario.meals.end(),
                   [](const Meal& a, const Meal& b) { return a.t_min < b.t_min; });
}

BasalSchedule read_basal_schedule(std::vector<TomlTableReader> segments) {
  std::vector<BasalSegment> parsed;
  for (auto& table : segments) {
    table.reject_unknown_keys({"start", "rate_u_per_h"});
    const std::string start = table.string("start");
    const auto minutes = parse_time_of_day_min(start);
    if (!minutes) table.fail("start", fmt::format("'{}' is not a time of day in HH:MM", start));
    parsed.push_back({*minutes, non_negative(table, "rate_u_per_h", table.number("rate_u_per_h"))});
  }
  const bool starts_at_midnight = std::any_of(parsed.begin(), parsed.end(),
                                              [](const BasalSegment& s) { return s.start_time_of_day_min == 0.0; });
  if (!starts_at_midnight) {
    throw InputError(segments.front().table_location(), "the basal schedule must have a segment starting at \"00:00\"");
  }
  return BasalSchedule(parsed);
}

void read_controller(TomlTableReader& table, Scenario& scenario) {
  const std::string type = table.optional_string("type").value_or("open_loop");
  ControllerConfig& config = scenario.controller;
  std::vector<std::string> allowed = {"type", "basal_u_per_h", "basal_schedule", "control_interval_min"};
  if (type == "open_loop") {
    allowed.push_back("boluses");
  } else if (type == "basal_bolus") {
    allowed.insert(allowed.end(), {"carb_ratio_g_per_u", "correction_factor_mg_dl_per_u", "correction_target_mg_dl",
                                   "correction_threshold_mg_dl", "missed_bolus_probability"});
  } else if (type == "pid") {
    allowed.insert(allowed.end(), {"target_mg_dl", "kp_u_per_min_per_mg_dl", "ki_u_per_min_per_mg_dl_min",
                                   "kd_u_per_min_per_mg_dl_per_min"});
  } else {
    table.fail("type", fmt::format("unknown controller '{}'; choose open_loop, basal_bolus or pid", type));
  }
  table.reject_unknown_keys(allowed);
  if (type == "open_loop") {
    config.kind = ControllerKind::kOpenLoop;
    for (auto& bolus : table.table_array("boluses")) {
      bolus.reject_unknown_keys({"time", "time_min", "insulin_u"});
      const double units = non_negative(bolus, "insulin_u", bolus.number("insulin_u"));
      for (const double t : event_times_min(bolus, scenario)) config.boluses.push_back({t, units});
    }
  } else if (type == "basal_bolus") {
    config.kind = ControllerKind::kBasalBolus;
    if (auto cr = table.optional_number("carb_ratio_g_per_u")) config.carb_ratio_g_per_u = positive(table, "carb_ratio_g_per_u", *cr);
    if (auto cf = table.optional_number("correction_factor_mg_dl_per_u")) {
      config.correction_factor_mg_dl_per_u = positive(table, "correction_factor_mg_dl_per_u", *cf);
    }
    config.correction_target_mg_dl =
        positive(table, "correction_target_mg_dl", table.number_or("correction_target_mg_dl", 140));
    config.correction_threshold_mg_dl =
        positive(table, "correction_threshold_mg_dl", table.number_or("correction_threshold_mg_dl", 150));
    if (auto p = table.optional_number("missed_bolus_probability")) {  // NaN and infinity are refused by the reader
      if (*p < 0.0 || *p > 1.0) table.fail("missed_bolus_probability", fmt::format("must be between 0 and 1 (got {})", *p));
      config.missed_bolus_probability = *p;
    }
  } else if (type == "pid") {
    config.kind = ControllerKind::kPid;
    config.pid_target_mg_dl = positive(table, "target_mg_dl", table.number_or("target_mg_dl", 120));
    config.pid_kp_u_per_min_per_mg_dl = table.number_or("kp_u_per_min_per_mg_dl", config.pid_kp_u_per_min_per_mg_dl);
    config.pid_ki_u_per_min_per_mg_dl_min =
        table.number_or("ki_u_per_min_per_mg_dl_min", config.pid_ki_u_per_min_per_mg_dl_min);
    config.pid_kd_u_per_min_per_mg_dl_per_min =
        table.number_or("kd_u_per_min_per_mg_dl_per_min", config.pid_kd_u_per_min_per_mg_dl_per_min);
  }
  if (table.has("basal_u_per_h") && table.has("basal_schedule")) {
    table.fail("basal_schedule", "give either basal_u_per_h or basal_schedule, not both");
  }
  if (auto rate = table.optional_number("basal_u_per_h")) {
    config.basal = BasalSchedule::constant(non_negative(table, "basal_u_per_h", *rate));
  }
  if (auto segments = table.table_array("basal_schedule"); !segments.empty()) config.basal = read_basal_schedule(segments);
  if (auto interval = table.optional_integer("control_interval_min")) {
    if (*interval < 1) table.fail("control_interval_min", fmt::format("must be >= 1 (got {})", *interval));
    config.control_interval_min = static_cast<double>(*interval);
  }
}

void read_sensor(TomlTableReader& table, Scenario& scenario) {
  table.reject_unknown_keys({"model", "sample_time_min", "pacf", "johnson_gamma", "johnson_lambda", "johnson_delta",
                             "johnson_xi", "min_mg_dl", "max_mg_dl"});
  const std::string model = table.string("model");
  if (model == "none") {
    if (table.has("sample_time_min")) table.fail("sample_time_min", "does not apply to sensor model \"none\"");
    scenario.sensor.reset();
    return;
  }
  auto sensor = published_cgm_sensor(model);
  if (!sensor) {
    table.fail("model", fmt::format("unknown sensor '{}'; choose {} or none", model,
                                    fmt::join(published_cgm_sensor_names(), ", ")));
  }
  if (auto sample = table.optional_integer("sample_time_min")) {
    if (*sample < 1 || *sample > 60) table.fail("sample_time_min", fmt::format("must be 1..60 minutes (got {})", *sample));
    sensor->sample_time_min = static_cast<double>(*sample);
  }
  sensor->pacf = table.number_or("pacf", sensor->pacf);
  if (sensor->pacf < 0 || sensor->pacf >= 1) table.fail("pacf", "must be in [0, 1)");
  sensor->johnson_gamma = table.number_or("johnson_gamma", sensor->johnson_gamma);
  sensor->johnson_lambda = positive(table, "johnson_lambda", table.number_or("johnson_lambda", sensor->johnson_lambda));
  sensor->johnson_delta = positive(table, "johnson_delta", table.number_or("johnson_delta", sensor->johnson_delta));
  sensor->johnson_xi = table.number_or("johnson_xi", sensor->johnson_xi);
  sensor->min_mg_dl = non_negative(table, "min_mg_dl", table.number_or("min_mg_dl", sensor->min_mg_dl));
  sensor->max_mg_dl = positive(table, "max_mg_dl", table.number_or("max_mg_dl", sensor->max_mg_dl));
  if (sensor->max_mg_dl <= sensor->min_mg_dl) table.fail("max_mg_dl", "must be above min_mg_dl");
  scenario.sensor = sensor;
}

void read_pump(TomlTableReader& table, Scenario& scenario) {
  table.reject_unknown_keys({"model", "min_bolus_u", "max_bolus_u", "bolus_increment_u", "min_basal_u_per_h",
                             "max_basal_u_per_h", "basal_increment_u_per_h"});
  const std::string model = table.string("model");
  auto pump = published_insulin_pump(model);
  if (!pump) {
    table.fail("model", fmt::format("unknown pump '{}'; choose {}", model, fmt::join(published_insulin_pump_names(), ", ")));
  }
  pump->min_bolus_u = non_negative(table, "min_bolus_u", table.number_or("min_bolus_u", pump->min_bolus_u));
  pump->max_bolus_u = positive(table, "max_bolus_u", table.number_or("max_bolus_u", pump->max_bolus_u));
  pump->bolus_increment_u = non_negative(table, "bolus_increment_u", table.number_or("bolus_increment_u", pump->bolus_increment_u));
  pump->min_basal_u_per_h = non_negative(table, "min_basal_u_per_h", table.number_or("min_basal_u_per_h", pump->min_basal_u_per_h));
  pump->max_basal_u_per_h = positive(table, "max_basal_u_per_h", table.number_or("max_basal_u_per_h", pump->max_basal_u_per_h));
  pump->basal_increment_u_per_h =
      non_negative(table, "basal_increment_u_per_h", table.number_or("basal_increment_u_per_h", pump->basal_increment_u_per_h));
  if (pump->max_bolus_u < pump->min_bolus_u) table.fail("max_bolus_u", "must be >= min_bolus_u");
  if (pump->max_basal_u_per_h < pump->min_basal_u_per_h) table.fail("max_basal_u_per_h", "must be >= min_basal_u_per_h");
  scenario.pump = *pump;
}

}  // namespace

Scenario read_scenario_toml(const std::filesystem::path& path) {
  const std::string file = path.string();
  const toml::table document = parse_toml_file(path, "scenario");
  Scenario scenario;
  scenario.source_file = file;
  TomlTableReader root(document, file, "");
  root.reject_unknown_keys({"simulation", "subjects", "meals", "controller", "sensor", "pump"});
  // Order matters: the duration and start time are needed to place daily events.
  auto simulation = root.optional_table("simulation");
  if (!simulation) throw InputError({file, 1, "simulation"}, "the [simulation] table is required (duration_min, seed)");
  read_simulation(*simulation, scenario);
  auto subjects = root.optional_table("subjects");
  if (!subjects) throw InputError({file, 1, "subjects"}, "the [subjects] table is required");
  read_subjects(*subjects, path, scenario);
  read_meals(root.table_array("meals"), scenario);
  if (auto controller = root.optional_table("controller")) read_controller(*controller, scenario);
  if (auto sensor = root.optional_table("sensor")) read_sensor(*sensor, scenario);
  if (auto pump = root.optional_table("pump")) read_pump(*pump, scenario);
  return scenario;
}

// The [controller], [sensor] and [pump] readers, shared with the trial reader (io/trial_toml.cpp).
void read_controller_table(TomlTableReader& table, Scenario& scenario) { read_controller(table, scenario); }
void read_sensor_table(TomlTableReader& table, Scenario& scenario) { read_sensor(table, scenario); }
void read_pump_table(TomlTableReader& table, Scenario& scenario) { read_pump(table, scenario); }

}  // namespace isletsim
