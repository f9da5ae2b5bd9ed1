// Writes a simulation's results into an output folder:
//   timeseries.csv  subject,t_min,glucose_plasma_mg_dl,glucose_sc_mg_dl,cgm_mg_dl,insulin_u_per_min,carbs_g_per_min
//   summary.json    per subject: glucose outcome measures (plasma and CGM), total insulin and carbohydrate.
// Files are written under a temporary name and renamed when complete, so an earlier complete result is never
// replaced by a partial one; subjects are appended as they finish, so nothing already computed is lost.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/subject_time_series.hpp"

namespace isletsim {

inline constexpr const char* kTimeSeriesHeader =
    "subject,t_min,glucose_plasma_mg_dl,glucose_sc_mg_dl,cgm_mg_dl,insulin_u_per_min,carbs_g_per_min";

class SimulationOutputWriter {
 public:
  // Creates the folder if needed. Throws std::runtime_error naming the path when it cannot be written.
  SimulationOutputWriter(const std::filesystem::path& out_dir, nlohmann::json run_description);
  ~SimulationOutputWriter();
  SimulationOutputWriter(const SimulationOutputWriter&) = delete;
  SimulationOutputWriter& operator=(const SimulationOutputWriter&) = delete;

  void add_subject(const SubjectTimeSeries& series, bool has_sensor);
  // Flushes and moves the files to their final names.
  void finish();

 private:
  std::filesystem::path out_dir_;
  std::filesystem::path timeseries_partial_;
  std::ofstream timeseries_;
  nlohmann::json summary_;
  bool finished_ = false;
};

nlohmann::json subject_summary_json(const SubjectTimeSeries& series, bool has_sensor);

}  // namespace isletsim
