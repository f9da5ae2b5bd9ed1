#include "io/progression_toml.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

#include "io/toml_table_reader.hpp"
#include "physiology/dalla_man_2007_subjects.hpp"

namespace isletsim {

namespace {

void read_bounded(TomlTableReader& table, const std::string& key, double low, double high, double& value) {
  if (const auto v = table.optional_number(key)) {
    if (*v < low || *v > high) table.fail(key, fmt::format("must be between {} and {} (got {})", low, high, *v));
    value = *v;
  }
}

double required_bounded(TomlTableReader& table, const std::string& key, double low, double high) {
  const double v = table.number(key);
  if (v < low || v > high) table.fail(key, fmt::format("must be between {} and {} (got {})", low, high, v));
  return v;
}

double required_time(TomlTableReader& table, const std::string& key) {
  const std::string text = table.string(key);
  const auto minutes = parse_time_of_day_min(text);
  if (!minutes) table.fail(key, fmt::format("'{}' is not a time of day; use \"HH:MM\"", text));
  return *minutes;
}

double whole_day(TomlTableReader& table, const std::string& key, double high) {
  const double v = required_bounded(table, key, 0, high);
  if (v != std::floor(v)) table.fail(key, fmt::format("must be a whole number of days (got {})", v));
  return v;
}

void read_progression(TomlTableReader& t, MultiscaleOptions& o) {
  t.reject_unknown_keys({"duration_day", "coupling_interval_min", "sensitivity", "initial_beta_cells", "meals",
                         "exercise", "sleep", "weight", "basal_insulin"});
  o.duration_day = whole_day(t, "duration_day", 36500);
  if (o.duration_day < 1) t.fail("duration_day", "must be at least 1 day");
  if (const auto h = t.optional_integer("coupling_interval_min")) {
    if (*h <= 0 || (1440 % *h != 0 && *h % 1440 != 0) || *h > 36500 * 1440) {
      t.fail("coupling_interval_min", fmt::format("must divide 1440 or be a multiple of 1440 minutes (got {})", *h));
    }
    o.coupling_interval_min = static_cast<int>(*h);
  }
  if (auto s = t.optional_table("sensitivity")) {
    s->reject_unknown_keys({"muscle_target", "liver_target", "rate_per_day", "start_day"});
    read_bounded(*s, "muscle_target", 0.01, 10.0, o.sensitivity.muscle_target);
    read_bounded(*s, "liver_target", 0.01, 10.0, o.sensitivity.liver_target);
    read_bounded(*s, "rate_per_day", 0.0, 10.0, o.sensitivity.rate_per_day);
    read_bounded(*s, "start_day", 0.0, 36500.0, o.sensitivity.start_day);
  }
  if (auto b = t.optional_table("initial_beta_cells")) {
    b->reject_unknown_keys({"relative_mass", "relative_function"});
    read_bounded(*b, "relative_mass", 0.01, 10.0, o.initial_beta_cells.relative_mass);
    read_bounded(*b, "relative_function", 0.01, 1.0, o.initial_beta_cells.relative_function);
  }
  auto meals = t.table_array("meals");
  if (!meals.empty()) {
    o.routine.meals.clear();
    for (auto& m : meals) {
      m.reject_unknown_keys({"time", "carbs_g", "duration_min"});
      RoutineMeal meal;
      meal.start_min_of_day = required_time(m, "time");
      meal.carbs_g = required_bounded(m, "carbs_g", 0.0, 500.0);
      read_bounded(m, "duration_min", 1.0, 120.0, meal.duration_min);
      if (meal.start_min_of_day + meal.duration_min > 1440) m.fail("time", "the meal must end before midnight");
      o.routine.meals.push_back(meal);
    }
  }
  for (auto& e : t.table_array("exercise")) {
    e.reject_unknown_keys({"day", "time", "duration_min", "net_uptake_mg_per_kg_per_min"});
    ExerciseBout bout;
    bout.day = whole_day(e, "day", 36500);
    bout.start_min_of_day = required_time(e, "time");
    bout.duration_min = required_bounded(e, "duration_min", 1.0, 600.0);
    read_bounded(e, "net_uptake_mg_per_kg_per_min", 0.0, 10.0, bout.net_uptake_mg_per_kg_per_min);
    if (bout.start_min_of_day + bout.duration_min > 1440) e.fail("time", "the bout must end before midnight");
    o.exercise.push_back(bout);
  }
  for (auto& s : t.table_array("sleep")) {
    s.reject_unknown_keys({"day", "hours"});
    o.sleep.push_back({whole_day(s, "day", 36500), required_bounded(s, "hours", 0.0, 24.0)});
  }
  for (auto& w : t.table_array("weight")) {
    w.reject_unknown_keys({"day", "percent_of_start"});
    o.weight.push_back({whole_day(w, "day", 36500), required_bounded(w, "percent_of_start", -15.0, 15.0)});
  }
  if (auto b = t.optional_table("basal_insulin")) {
    b->reject_unknown_keys({"start_day", "rate_pmol_per_kg_per_min", "adherence", "seed", "subject_index"});
    BasalInsulinTherapy therapy;
    read_bounded(*b, "start_day", 0.0, 36500.0, therapy.start_day);
    therapy.rate_pmol_per_kg_per_min = required_bounded(*b, "rate_pmol_per_kg_per_min", 0.0, 100.0);
    read_bounded(*b, "adherence", 0.0, 1.0, therapy.adherence);
    for (const char* key : {"seed", "subject_index"}) {
      if (const auto v = b->optional_integer(key)) {
        if (*v < 0) b->fail(key, "must be >= 0");
        (std::string(key) == "seed" ? therapy.seed : therapy.subject_index) = static_cast<std::uint64_t>(*v);
      }
    }
    o.basal_insulin = therapy;
  }
}

}  // namespace

ProgressionRequest read_progression_toml(const std::filesystem::path& path) {
  const std::string file = path.string();
  const toml::table document = parse_toml_file(path, "progression");
  ProgressionRequest r;
  r.source_file = file;
  TomlTableReader root(document, file, "");
  root.reject_unknown_keys({"subject", "progression"});
  r.subject_name = root.string("subject");
  try {
    r.subject = meal_model_subject(r.subject_name);
  } catch (const std::out_of_range&) {
    root.fail("subject",
              fmt::format("unknown subject '{}'; use \"dalla_man_normal\" or \"dalla_man_type2\"", r.subject_name));
  }
  auto progression = root.optional_table("progression");
  if (!progression) {
    throw InputError({file, 1, "progression"}, "the [progression] table is required (duration_day = ...)");
  }
  read_progression(*progression, r.options);
  return r;
}

}  // namespace isletsim
