// Reads UVA/Padova 2008 subjects from a CSV in the column layout of simglucose's vpatient_params.csv
// (one row per subject, selected by its `Name`, e.g. "adult#001"), and optionally their therapy settings
// (carb ratio CR, correction factor CF) from a Quest.csv-style file.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "physiology/uva_padova_parameters.hpp"

namespace isletsim {

UvaPadovaParameters read_patient_parameters(const std::filesystem::path& params_csv, const std::string& name);

// Every subject name in the file, in file order.
std::vector<std::string> list_patient_names(const std::filesystem::path& params_csv);

// Fills carb_ratio_g_per_u and correction_factor_mg_dl_per_u from a CSV with columns Name, CR, CF.
void read_therapy_settings(const std::filesystem::path& quest_csv, UvaPadovaParameters& subject);

// Reference subjects of an age group ("adult", "adolescent", "child") from simglucose-format files: the rows
// whose Name starts with "<group>#", with CR and CF from the Quest file.
std::vector<UvaPadovaParameters> read_reference_group(const std::filesystem::path& params_csv,
                                                      const std::filesystem::path& quest_csv,
                                                      const std::string& group);

}  // namespace isletsim
