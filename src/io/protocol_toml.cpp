#include "io/protocol_toml.hpp"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "io/toml_table_reader.hpp"
#include "physiology/dalla_man_2007_subjects.hpp"

namespace isletsim {

namespace {

// Reads an optional number that must lie in [low, high].
void read_bounded(TomlTableReader& table, const std::string& key, double low, double high, double& value) {
  if (const auto v = table.optional_number(key)) {
    if (*v < low || *v > high) table.fail(key, fmt::format("must be between {} and {} (got {})", low, high, *v));
    value = *v;
  }
}

void read_knobs(TomlTableReader& table, TissueInsulinResistance& k) {
  table.reject_unknown_keys(
      {"muscle_fat_insulin_sensitivity", "liver_insulin_sensitivity", "beta_cell_function", "beta_cell_mass",
       "first_phase_secretion", "second_phase_secretion", "hepatic_type2_fraction"});
  read_bounded(table, "muscle_fat_insulin_sensitivity", 0.0, 10.0, k.muscle_fat_insulin_sensitivity);
  read_bounded(table, "liver_insulin_sensitivity", 0.0, 10.0, k.liver_insulin_sensitivity);
  read_bounded(table, "beta_cell_function", 0.0, 10.0, k.beta_cell_function);
  read_bounded(table, "beta_cell_mass", 0.0, 10.0, k.beta_cell_mass);
  read_bounded(table, "first_phase_secretion", 0.0, 10.0, k.first_phase_secretion);
  read_bounded(table, "second_phase_secretion", 0.0, 10.0, k.second_phase_secretion);
  read_bounded(table, "hepatic_type2_fraction", 0.0, 1.0, k.hepatic_type2_fraction);
}

void read_protocol(TomlTableReader& table, ProtocolRequest& r) {
  const std::string type = table.string("type");
  if (type == "ogtt") {
    r.type = ProtocolType::kOgtt;
    table.reject_unknown_keys({"type", "glucose_g", "drink_duration_min"});
    read_bounded(table, "glucose_g", 1.0, 300.0, r.ogtt.glucose_g);
    read_bounded(table, "drink_duration_min", 1.0, 60.0, r.ogtt.drink_duration_min);
  } else if (type == "mixed_meal") {
    r.type = ProtocolType::kMixedMeal;
    table.reject_unknown_keys({"type", "carbs_g", "eating_duration_min", "duration_min"});
    read_bounded(table, "carbs_g", 1.0, 500.0, r.mixed_meal.carbs_g);
    read_bounded(table, "eating_duration_min", 1.0, 120.0, r.mixed_meal.eating_duration_min);
    if (r.mixed_meal.eating_duration_min != std::floor(r.mixed_meal.eating_duration_min)) {
      table.fail("eating_duration_min", fmt::format("must be a whole number of minutes (got {})",
                                                    r.mixed_meal.eating_duration_min));
    }
    read_bounded(table, "duration_min", 120.0, 1440.0, r.mixed_meal.duration_min);
  } else if (type == "ivgtt") {
    r.type = ProtocolType::kIvgtt;
    table.reject_unknown_keys({"type", "glucose_g_per_kg", "insulin_u_per_kg", "insulin_at_min"});
    read_bounded(table, "glucose_g_per_kg", 0.01, 1.0, r.ivgtt.glucose_g_per_kg);
    read_bounded(table, "insulin_u_per_kg", 0.0, 0.2, r.ivgtt.insulin_u_per_kg);
    read_bounded(table, "insulin_at_min", 1.0, 170.0, r.ivgtt.insulin_at_min);
  } else if (type == "clamp") {
    r.type = ProtocolType::kClamp;
    table.reject_unknown_keys(
        {"type", "insulin_mu_per_m2_per_min", "duration_min", "body_surface_area_m2", "height_cm"});
    read_bounded(table, "insulin_mu_per_m2_per_min", 1.0, 1000.0, r.clamp.insulin_mu_per_m2_per_min);
    read_bounded(table, "duration_min", 60.0, 600.0, r.clamp.duration_min);
    read_bounded(table, "body_surface_area_m2", 0.5, 3.5, r.clamp.body_surface_area_m2);
    read_bounded(table, "height_cm", 100.0, 230.0, r.clamp.height_cm);
  } else {
    table.fail("type", fmt::format("'{}' is not a protocol; use \"ogtt\", \"mixed_meal\", \"ivgtt\" or \"clamp\"", type));
  }
}

}  // namespace

ProtocolRequest read_protocol_toml(const std::filesystem::path& path) {
  const std::string file = path.string();
  const toml::table document = parse_toml_file(path, "protocol");
  ProtocolRequest r;
  r.source_file = file;
  TomlTableReader root(document, file, "");
  root.reject_unknown_keys({"subject", "insulin_resistance", "protocol"});
  r.subject_name = root.string("subject");
  MealModelParameters published;
  try {
    published = meal_model_subject(r.subject_name);
  } catch (const std::out_of_range&) {
    root.fail("subject", fmt::format("unknown subject '{}'; use \"dalla_man_normal\" or \"dalla_man_type2\"",
                                     r.subject_name));
  }
  if (auto knobs = root.optional_table("insulin_resistance")) read_knobs(*knobs, r.insulin_resistance);
  auto protocol = root.optional_table("protocol");
  if (!protocol) throw InputError({file, 1, "protocol"}, "the [protocol] table is required (type = \"ogtt\", ...)");
  read_protocol(*protocol, r);
  r.subject = with_insulin_resistance(published, r.insulin_resistance);
  return r;
}

}  // namespace isletsim
