#include "io/trial_output.hpp"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "trial/trial_statistics.hpp"

namespace isletsim {

namespace {

// JSON has no NaN: undefined statistics (an SD of one value) are written as null.
nlohmann::json number(double value) { return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr); }

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw std::runtime_error(fmt::format("{}: write failed", path.string()));
}

}  // namespace

TrialOutputWriter::TrialOutputWriter(const std::filesystem::path& out_dir, const TrialDefinition& trial)
    : out_dir_(out_dir), csv_partial_(out_dir / "subject_endpoints.csv.partial"), trial_(trial) {
  std::error_code error;
  std::filesystem::create_directories(out_dir_, error);
  if (error) throw std::runtime_error(fmt::format("{}: cannot create the output folder: {}", out_dir_.string(), error.message()));
  csv_.open(csv_partial_, std::ios::trunc);
  if (!csv_) throw std::runtime_error(fmt::format("{}: cannot open for writing", csv_partial_.string()));
  csv_ << kSubjectEndpointsHeader << '\n';
}

TrialOutputWriter::~TrialOutputWriter() {
  // An unfinished run leaves subject_endpoints.csv.partial with every participant completed so far.
  if (!finished_) csv_.flush();
}

void TrialOutputWriter::add_participant(const ParticipantResult& result) {
  fmt::memory_buffer buffer;
  const std::string& arm = trial_.arms[static_cast<std::size_t>(result.arm)].name;
  for (const auto& visit : result.visits) {
    for (const auto& value : visit.values) {
      // {} is the shortest text that reads back as the same double: exact and platform-independent.
      fmt::format_to(std::back_inserter(buffer), "{},{},{},{},{},{}\n", result.subject_id, arm, visit.visit_day,
                     value.name, value.value, find_endpoint(value.name)->unit);
    }
  }
  csv_.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  csv_.flush();
  if (!csv_) throw std::runtime_error(fmt::format("{}: write failed", csv_partial_.string()));
  results_.push_back(result);
}

nlohmann::json arm_results_json(const TrialDefinition& trial, const std::vector<ParticipantResult>& results) {
  nlohmann::json root;
  root["trial"] = {{"name", trial.name},
                   {"file", trial.source_file},
                   {"seed", trial.seed},
                   {"participants", trial.participants},
                   {"duration_days", trial.duration_days},
                   {"isletsim_version", kIsletsimVersion}};
  root["arms"] = nlohmann::json::array();
  for (std::size_t a = 0; a < trial.arms.size(); ++a) {
    int n = 0;
    for (const auto& r : results) n += r.arm == static_cast<int>(a) ? 1 : 0;
    root["arms"].push_back({{"name", trial.arms[a].name}, {"participants", n}, {"description", trial.arms[a].description}});
  }
  root["endpoints"] = nlohmann::json::array();
  for (const auto& request : trial.endpoints) {
    const EndpointDefinition definition = *find_endpoint(request.name);
    for (const int day : request.visit_days) {
      // values[a]: this endpoint at this visit for every participant of arm a.
      std::vector<std::vector<double>> values(trial.arms.size());
      for (const auto& r : results) {
        for (const auto& visit : r.visits) {
          if (visit.visit_day != day) continue;
          for (const auto& v : visit.values) {
            if (v.name == request.name) values[static_cast<std::size_t>(r.arm)].push_back(v.value);
          }
        }
      }
      const bool proportion = definition.kind == EndpointKind::kProportion;
      nlohmann::json entry = {{"name", request.name}, {"unit", definition.unit}, {"visit_day", day},
                              {"kind", proportion ? "proportion" : "continuous"}};
      entry["per_arm"] = nlohmann::json::array();
      entry["comparisons"] = nlohmann::json::array();
      auto events = [](const std::vector<double>& v) {
        int count = 0;
        for (const double x : v) count += x != 0.0 ? 1 : 0;
        return count;
      };
      for (std::size_t a = 0; a < trial.arms.size(); ++a) {
        const auto& v = values[a];
        if (v.empty()) continue;
        if (proportion) {
          const Interval wilson = wilson_interval(events(v), static_cast<int>(v.size()));
          entry["per_arm"].push_back({{"arm", trial.arms[a].name}, {"n", v.size()}, {"events", events(v)},
                                      {"proportion", wilson.estimate}, {"ci_low", wilson.lower},
                                      {"ci_high", wilson.upper}});
        } else {
          const ArmSummary s = summarise_arm(v);
          entry["per_arm"].push_back({{"arm", trial.arms[a].name}, {"n", s.n}, {"mean", number(s.mean)},
                                      {"sd", number(s.standard_deviation)}, {"median", number(s.median)},
                                      {"q1", number(s.quartile_1)}, {"q3", number(s.quartile_3)}});
        }
      }
      const auto& reference = values[0];
      for (std::size_t a = 1; a < trial.arms.size(); ++a) {
        const auto& v = values[a];
        if (proportion && !v.empty() && !reference.empty()) {
          const Interval d = newcombe_difference(events(v), static_cast<int>(v.size()), events(reference),
                                                 static_cast<int>(reference.size()));
          entry["comparisons"].push_back({{"arm", trial.arms[a].name}, {"reference", trial.arms[0].name},
                                          {"difference", d.estimate}, {"ci_low", d.lower}, {"ci_high", d.upper},
                                          {"method", "Newcombe"}});
        } else if (!proportion && v.size() >= 2 && reference.size() >= 2) {
          const Interval d = welch_mean_difference(v, reference);
          entry["comparisons"].push_back({{"arm", trial.arms[a].name}, {"reference", trial.arms[0].name},
                                          {"difference", number(d.estimate)}, {"ci_low", number(d.lower)},
                                          {"ci_high", number(d.upper)},
                                          {"p_value", number(welch_t_test_p_value(v, reference))},
                                          {"method", "Welch"}});
        }
      }
      root["endpoints"].push_back(std::move(entry));
    }
  }
  // One example trace per arm: the last trial day of the arm's first participant who completed the trial.
  root["example_traces"] = nlohmann::json::array();
  for (std::size_t a = 0; a < trial.arms.size(); ++a) {
    for (const auto& r : results) {
      if (r.arm != static_cast<int>(a) || r.withdrawn_on_day) continue;
      nlohmann::json t_min = nlohmann::json::array();
      nlohmann::json cgm = nlohmann::json::array();
      for (std::size_t k = 0; k < r.last_day_cgm_mg_dl.size(); ++k) {
        t_min.push_back(static_cast<double>(k) * r.cgm_interval_min);
        cgm.push_back(std::round(r.last_day_cgm_mg_dl[k] * 10.0) / 10.0);
      }
      root["example_traces"].push_back({{"subject_id", r.subject_id}, {"arm", trial.arms[a].name},
                                        {"day", trial.duration_days}, {"t_min", t_min}, {"cgm_mg_dl", cgm}});
      break;
    }
  }
  root["disclaimer"] = "isletsim is research software; its outputs are not dosing advice.";
  return root;
}

void TrialOutputWriter::finish(const ScreeningLog& log) {
  csv_.close();
  if (!csv_) throw std::runtime_error(fmt::format("{}: write failed", csv_partial_.string()));
  const auto results_partial = out_dir_ / "arm_results.json.partial";
  const auto screening_partial = out_dir_ / "screening_log.json.partial";
  write_file(results_partial, arm_results_json(trial_, results_).dump(2) + "\n");
  nlohmann::json screening = {{"population", trial_.cohort.population},
                              {"run_in_days", trial_.cohort.run_in_days},
                              {"screened", log.screened},
                              {"eligible", log.eligible},
                              {"enrolled", log.enrolled},
                              {"parameter_redraws", log.parameter_redraws},
                              {"exclusions", log.exclusions}};
  screening["withdrawn"] = nlohmann::json::array();
  for (const auto& r : results_) {
    if (!r.withdrawn_on_day) continue;
    screening["withdrawn"].push_back({{"subject_id", r.subject_id},
                                      {"arm", trial_.arms[static_cast<std::size_t>(r.arm)].name},
                                      {"day", *r.withdrawn_on_day},
                                      {"reason", "simulated plasma glucose reached 0 (model without counter-regulation)"}});
  }
  write_file(screening_partial, screening.dump(2) + "\n");
  std::filesystem::rename(csv_partial_, out_dir_ / "subject_endpoints.csv");
  std::filesystem::rename(results_partial, out_dir_ / "arm_results.json");
  std::filesystem::rename(screening_partial, out_dir_ / "screening_log.json");
  finished_ = true;
}

}  // namespace isletsim
