#include "io/arm_intervention_toml.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "io/scenario_toml.hpp"
#include "trial/standard_care_intervention.hpp"

namespace isletsim {

namespace {

// [arm.intervention] type = "standard_care" with an [arm.intervention.controller] table: the keys of a
// scenario's [controller] (docs/scenario.md), checked the same way.
std::shared_ptr<const ArmIntervention> read_standard_care(TomlTableReader& table, const TrialReadContext& context) {
  table.reject_unknown_keys({"type", "controller"});
  auto controller = table.optional_table("controller");
  if (!controller) {
    throw InputError(table.table_location(), fmt::format("standard care needs a [{}] table", table.full_key("controller")));
  }
  Scenario scenario;
  scenario.duration_min = context.duration_min;
  read_controller_table(*controller, scenario);
  return std::make_shared<StandardCareIntervention>(scenario.controller);
}

}  // namespace

const std::map<std::string, ArmInterventionReader>& arm_intervention_readers() {
  static const std::map<std::string, ArmInterventionReader> readers = {
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
