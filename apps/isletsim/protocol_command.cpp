// `isletsim protocol FILE.toml [--json]`: runs one clinical protocol (OGTT, mixed meal, FSIGT, clamp) on a published
// meal-model subject with optional tissue insulin resistance, and prints its standard readouts.
#include <iostream>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "command_errors.hpp"
#include "commands.hpp"
#include "core/input_error.hpp"
#include "core/units.hpp"
#include "io/protocol_toml.hpp"
#include "physiology/dalla_man_2007_model.hpp"

namespace isletsim::cli {

namespace {

struct ProtocolCommandOptions {
  std::string path;
  bool json = false;
};

nlohmann::json samples_json(const std::vector<GlucoseInsulinSample>& samples) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : samples) {
    out.push_back({{"t_min", s.t_min}, {"glucose_mg_dl", s.glucose_mg_dl}, {"insulin_uU_ml", s.insulin_uU_ml}});
  }
  return out;
}

nlohmann::json run(const ProtocolRequest& r) {
  const auto& x = r.subject.initial_state;
  nlohmann::json out = {
      {"subject", r.subject_name},
      {"insulin_resistance",
       {{"muscle_fat_insulin_sensitivity", r.insulin_resistance.muscle_fat_insulin_sensitivity},
        {"liver_insulin_sensitivity", r.insulin_resistance.liver_insulin_sensitivity},
        {"beta_cell_function", r.insulin_resistance.beta_cell_function},
        {"beta_cell_mass", r.insulin_resistance.beta_cell_mass}}},
      {"fasting_glucose_mg_dl", meal_model_glucose_mg_dl(r.subject, x)},
      {"fasting_insulin_pmol_l", meal_model_insulin_pmol_l(r.subject, x)}};
  switch (r.type) {
    case ProtocolType::kOgtt: {
      const auto o = run_oral_glucose_tolerance_test(r.subject, r.ogtt);
      out["protocol"] = "ogtt";
      out["samples"] = samples_json(o.samples);
      out["two_hour_glucose_mg_dl"] = o.two_hour_glucose_mg_dl;
      out["ada_class"] = to_string(o.ada_class);
      out["homa1_ir"] = o.homa1_ir;
      out["matsuda_index"] = o.matsuda_index;
      out["insulinogenic_index_uU_ml_per_mg_dl"] =
          o.insulinogenic_index ? nlohmann::json(*o.insulinogenic_index) : nlohmann::json(nullptr);
      break;
    }
    case ProtocolType::kMixedMeal: {
      const auto m = run_mixed_meal_test(r.subject, r.mixed_meal);
      out["protocol"] = "mixed_meal";
      out["peak_glucose_mg_dl"] = m.peak_glucose_mg_dl;
      out["peak_glucose_t_min"] = m.peak_glucose_t_min;
      out["peak_insulin_pmol_l"] = m.peak_insulin_pmol_l;
      out["peak_insulin_t_min"] = m.peak_insulin_t_min;
      out["two_hour_glucose_mg_dl"] = m.two_hour_glucose_mg_dl;
      out["two_hour_insulin_pmol_l"] = m.two_hour_insulin_pmol_l;
      break;
    }
    case ProtocolType::kIvgtt: {
      const auto v = run_intravenous_glucose_tolerance_test(r.subject, r.ivgtt);
      out["protocol"] = "ivgtt";
      out["samples"] = samples_json(v.samples);
      out["airg_uU_ml"] = v.acute_insulin_response_uU_ml;
      auto optional = [](const std::optional<double>& value) {
        return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
      };
      out["si_per_min_per_uU_ml"] = optional(v.insulin_sensitivity_per_min_per_uU_ml);
      out["sg_per_min"] = optional(v.glucose_effectiveness_per_min);
      out["disposition_index_per_min"] = optional(v.disposition_index_per_min);
      break;
    }
    case ProtocolType::kClamp: {
      const auto c = run_euglycaemic_clamp(r.subject, r.clamp);
      out["protocol"] = "clamp";
      out["target_glucose_mg_dl"] = c.target_glucose_mg_dl;
      out["steady_insulin_pmol_l"] = c.steady_insulin_pmol_l;
      out["m_value_mg_kg_min"] = c.m_value_mg_kg_min;
      break;
    }
  }
  return out;
}

void print_table(const nlohmann::json& out) {
  std::cout << "research use only; never dosing advice\n";
  for (const auto& [key, value] : out.items()) {
    if (key == "samples") {
      std::cout << fmt::format("{:>8} {:>14} {:>14}\n", "t_min", "glucose_mg_dl", "insulin_uU_ml");
      for (const auto& s : value) {
        std::cout << fmt::format("{:>8.0f} {:>14.1f} {:>14.1f}\n", s["t_min"].get<double>(),
                                 s["glucose_mg_dl"].get<double>(), s["insulin_uU_ml"].get<double>());
      }
    } else {
      std::cout << key << ": " << value.dump() << '\n';
    }
  }
}

int run_protocol_command(const ProtocolCommandOptions& options) {
  const ProtocolRequest request = read_protocol_toml(options.path);
  const auto out = run(request);
  if (options.json) {
    std::cout << out.dump(2) << '\n';
  } else {
    print_table(out);
  }
  return kExitOk;
}

}  // namespace

void register_protocol_command(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ProtocolCommandOptions>();
  auto* command = app.add_subcommand(
      "protocol", "Run a clinical protocol (OGTT, mixed meal, FSIGT, clamp; TOML file) on a published meal-model "
                  "subject with optional tissue insulin resistance. See docs/protocols.md.");
  command->add_option("file", options->path, "Protocol file (TOML)")->required();
  command->add_flag("--json", options->json, "Print JSON instead of a table");
  command->callback([options, exit_code]() {
    *exit_code = exit_code_of([&] { return run_protocol_command(*options); });
  });
}

}  // namespace isletsim::cli
