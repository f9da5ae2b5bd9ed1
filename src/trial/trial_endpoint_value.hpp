// One endpoint value of one participant at one visit, and the catalogue of endpoint names the runner knows.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace isletsim {

struct EndpointValue {
  std::string name;
  double value = 0;
};

enum class EndpointKind { kContinuous, kProportion };  // proportion: values are 0/1

struct EndpointDefinition {
  std::string name;
  std::string unit;
  EndpointKind kind = EndpointKind::kContinuous;
  std::string meaning;  // one line, for --help and docs
};

// Every endpoint name a trial may ask for (glucose and insulin endpoints computed by the runner for every
// participant, and those only some interventions provide, such as C-peptide and HOMA-IR).
const std::vector<EndpointDefinition>& endpoint_catalogue();
std::optional<EndpointDefinition> find_endpoint(const std::string& name);

}  // namespace isletsim
