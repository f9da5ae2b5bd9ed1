// Virtual subjects the project ships itself, built from published tables, so that isletsim runs without any
// external parameter file.
#pragma once

#include <string>
#include <vector>

#include "physiology/uva_padova_parameters.hpp"

namespace isletsim {

// An average adult with type 1 diabetes: the average-normal-subject kinetics of Dalla Man 2007 with no
// endogenous secretion, subcutaneous insulin and glucose kinetics of the UVA/Padova simulator, resting at
// 120 mg/dl on basal insulin. Name: "average_adult".
UvaPadovaParameters average_adult_t1d();

// Names accepted by published_subject().
std::vector<std::string> published_subject_names();
// Looks a shipped subject up by name; throws std::out_of_range when unknown.
UvaPadovaParameters published_subject(const std::string& name);

}  // namespace isletsim
