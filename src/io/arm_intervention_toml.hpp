// Readers of an arm's [arm.intervention] table, one per intervention `type`. This is where a new therapy arm is
// registered: add its type name and a function that validates its keys and builds its ArmIntervention
// (trial/arm_intervention.hpp). Built in: "standard_care" (exogenous insulin by a controller).
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "io/toml_table_reader.hpp"
#include "trial/arm_intervention.hpp"

namespace isletsim {

struct TrialReadContext {
  std::filesystem::path trial_file;  // relative paths inside the table are relative to its folder
  double duration_min = 0;           // the trial's duration (for daily events)
};

using ArmInterventionReader =
    std::function<std::shared_ptr<const ArmIntervention>(TomlTableReader& table, const TrialReadContext& context)>;

// type name -> reader.
const std::map<std::string, ArmInterventionReader>& arm_intervention_readers();

// Reads the table with the reader its `type` names; InputError for a missing or unknown type.
std::shared_ptr<const ArmIntervention> read_arm_intervention(TomlTableReader& table, const TrialReadContext& context);

}  // namespace isletsim
