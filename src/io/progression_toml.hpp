// Progression files (TOML) for the multi-scale course (progression/multiscale_course.hpp): one published meal-model
// subject and a [progression] table. Every key is validated; errors name file, line and key.
//
//   subject = "dalla_man_normal"           # or "dalla_man_type2"
//   [progression]
//   duration_day = 1825                    # whole days
//   coupling_interval_min = 1440           # divides 1440 or is a multiple of it
//   [progression.sensitivity]              # HSS 2016 form S' = -rate (S - target), fractions of the start
//   muscle_target = 0.225
//   liver_target = 0.225
//   rate_per_day = 0.00756
//   start_day = 0
//   [progression.initial_beta_cells]
//   relative_mass = 1.0
//   relative_function = 1.0
//   [[progression.meals]]                  # replaces the default routine when present
//   time = "07:00"
//   carbs_g = 50
//   duration_min = 15
//   [[progression.exercise]]
//   day = 10
//   time = "17:00"
//   duration_min = 60
//   net_uptake_mg_per_kg_per_min = 1.0
//   [[progression.sleep]]                  # the night before `day`
//   day = 3
//   hours = 4
//   [[progression.weight]]                 # from `day` on, percent of the starting weight
//   day = 100
//   percent_of_start = -5
//   [progression.basal_insulin]            # IV stand-in, each day's dose taken with probability `adherence`
//   start_day = 0
//   rate_pmol_per_kg_per_min = 0.5
//   adherence = 0.8
//   seed = 1
//   subject_index = 0
#pragma once

#include <filesystem>
#include <string>

#include "physiology/dalla_man_2007_parameters.hpp"
#include "progression/multiscale_course.hpp"

namespace isletsim {

struct ProgressionRequest {
  std::string source_file;
  std::string subject_name;
  MealModelParameters subject;  // the published subject
  MultiscaleOptions options;
};

ProgressionRequest read_progression_toml(const std::filesystem::path& path);

}  // namespace isletsim
