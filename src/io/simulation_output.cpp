#include "io/simulation_output.hpp"

#include <numeric>
#include <stdexcept>

#include <fmt/format.h>

#include "analysis/glucose_summary.hpp"

namespace isletsim {

nlohmann::json subject_summary_json(const SubjectTimeSeries& series, bool has_sensor) {
  nlohmann::json subject;
  subject["subject"] = series.subject;
  subject["minutes"] = series.size();
  subject["plasma_glucose"] = to_json(summarise_glucose(series.glucose_plasma_mg_dl));
  if (has_sensor) subject["cgm"] = to_json(summarise_glucose(series.cgm_mg_dl));
  // Inputs are rates over one-minute intervals, so their sums are totals.
  subject["total_insulin_u"] = std::accumulate(series.insulin_u_per_min.begin(), series.insulin_u_per_min.end(), 0.0);
  subject["total_carbs_g"] = std::accumulate(series.carbs_g_per_min.begin(), series.carbs_g_per_min.end(), 0.0);
  return subject;
}

SimulationOutputWriter::SimulationOutputWriter(const std::filesystem::path& out_dir, nlohmann::json run_description)
    : out_dir_(out_dir), timeseries_partial_(out_dir / "timeseries.csv.partial") {
  std::error_code error;
  std::filesystem::create_directories(out_dir_, error);
  if (error) throw std::runtime_error(fmt::format("{}: cannot create the output folder: {}", out_dir_.string(), error.message()));
  timeseries_.open(timeseries_partial_, std::ios::trunc);
  if (!timeseries_) throw std::runtime_error(fmt::format("{}: cannot open for writing", timeseries_partial_.string()));
  timeseries_ << kTimeSeriesHeader << '\n';
  summary_ = std::move(run_description);
  summary_["disclaimer"] = "isletsim is research software; its outputs are not dosing advice.";
  summary_["subjects"] = nlohmann::json::array();
}

SimulationOutputWriter::~SimulationOutputWriter() {
  // An unfinished run leaves timeseries.csv.partial with every subject completed so far.
  if (!finished_) timeseries_.flush();
}

void SimulationOutputWriter::add_subject(const SubjectTimeSeries& series, bool has_sensor) {
  // Plenty of digits: these files are compared with other simulators at 1e-4 mg/dl.
  fmt::memory_buffer buffer;
  for (std::size_t i = 0; i < series.size(); ++i) {
    fmt::format_to(std::back_inserter(buffer), "{},{},{:.6f},{:.6f},{:.6f},{:.9g},{:.9g}\n", series.subject,
                   series.t_min[i], series.glucose_plasma_mg_dl[i], series.glucose_sc_mg_dl[i], series.cgm_mg_dl[i],
                   series.insulin_u_per_min[i], series.carbs_g_per_min[i]);
  }
  timeseries_.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  timeseries_.flush();
  if (!timeseries_) throw std::runtime_error(fmt::format("{}: write failed", timeseries_partial_.string()));
  summary_["subjects"].push_back(subject_summary_json(series, has_sensor));
}

void SimulationOutputWriter::finish() {
  timeseries_.close();
  if (!timeseries_) throw std::runtime_error(fmt::format("{}: write failed", timeseries_partial_.string()));
  const auto summary_partial = out_dir_ / "summary.json.partial";
  {
    std::ofstream summary(summary_partial, std::ios::trunc);
    summary << summary_.dump(2) << '\n';
    if (!summary) throw std::runtime_error(fmt::format("{}: write failed", summary_partial.string()));
  }
  std::filesystem::rename(timeseries_partial_, out_dir_ / "timeseries.csv");
  std::filesystem::rename(summary_partial, out_dir_ / "summary.json");
  finished_ = true;
}

}  // namespace isletsim
