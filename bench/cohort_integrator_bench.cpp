// cohort_integrator_bench: the backends' integrators alone, without the care loop -- 1,024 subjects (the average
// adult with varied insulin sensitivity and absorption) through one day of three meals with a bolus each and a basal
// that changes every 5 minutes like a pump's, advanced one minute at a time as the care loop asks. Reported per
// lane-day; the program prints each backend's speed-up over the reference measured in this same process.
//
//   ./build/release/bench/cohort_integrator_bench
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "engine/backend.hpp"
#include "physiology/published_subjects.hpp"

namespace {

using namespace isletsim;

constexpr std::size_t kSubjects = 1024;

std::vector<VirtualSubject> cohort(std::size_t n) {
  std::vector<VirtualSubject> subjects;
  for (std::size_t i = 0; i < n; ++i) {
    UvaPadovaParameters p = average_adult_t1d();
    p.Vmx *= 0.85 + 0.3 * static_cast<double>(i % 11) / 10.0;
    p.kabs *= 0.8 + 0.4 * static_cast<double>(i % 7) / 6.0;
    subjects.emplace_back(p);
  }
  return subjects;
}

// Lane i at minute t: meals of 50, 70, 80 g eaten over 10 minutes at 7:00, 12:00, 19:00 shifted by up to 30 minutes per
// lane, a 1 U per 10 g bolus at the start of each, a basal of 0.8-1.2 U/h in 0.05 U/h steps changing every 5 min.
SubjectInputs inputs_at(std::size_t i, long t) {
  SubjectInputs u;
  const long shift = static_cast<long>(i % 31);
  const long starts[] = {420 + shift, 720 + shift, 1140 + shift};
  const double grams[] = {50, 70, 80};
  for (int m = 0; m < 3; ++m) {
    if (t >= starts[m] && t < starts[m] + 10) u.carbs_g_per_min = grams[m] / 10.0;
    if (t == starts[m]) u.subcutaneous_insulin_u_per_min += grams[m] / 10.0;
  }
  const double basal_u_per_h = 0.8 + 0.05 * static_cast<double>((t / 5 + static_cast<long>(i)) % 9);
  u.subcutaneous_insulin_u_per_min += basal_u_per_h / 60.0;
  return u;
}

std::map<std::string, double> g_cpu_us_per_lane_day;

void BM_LaneDay(benchmark::State& state, const std::string& backend_name) {
  const Backend& backend = backend_named(backend_name);
  const std::size_t n = backend_name == "reference" ? 64 : kSubjects;  // the reference at 64 lanes: same per-lane cost
  const auto subjects = cohort(n);
  std::vector<std::vector<SubjectInputs>> day(1440, std::vector<SubjectInputs>(n));
  for (long t = 0; t < 1440; ++t) {
    for (std::size_t i = 0; i < n; ++i) day[static_cast<std::size_t>(t)][i] = inputs_at(i, t);
  }
  std::vector<SubjectObservation> observed(n);
  for (auto _ : state) {
    auto integrator = backend.make(subjects);
    for (long t = 0; t < 1440; ++t) {
      integrator->advance(day[static_cast<std::size_t>(t)], 1.0);
      integrator->observe(observed);
    }
    benchmark::DoNotOptimize(observed.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
  state.counters["lanes"] = static_cast<double>(n);
}

class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.run_type != Run::RT_Iteration) continue;
      const double lanes = run.counters.at("lanes");
      const double us = run.GetAdjustedCPUTime() / lanes;  // the time unit is microseconds
      const std::string name = run.run_name.function_name;
      g_cpu_us_per_lane_day[name.substr(name.find('/') + 1)] = us;
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  for (const std::string& name : backend_names()) {
    benchmark::RegisterBenchmark(("BM_LaneDay/" + name).c_str(), BM_LaneDay, name)->Unit(benchmark::kMicrosecond);
  }
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const auto reference = g_cpu_us_per_lane_day.find("reference");
  for (const auto& [name, us] : g_cpu_us_per_lane_day) {
    std::printf("%-10s %8.2f us CPU per lane-day", name.c_str(), us);
    if (reference != g_cpu_us_per_lane_day.end()) std::printf(", %6.2fx the reference", reference->second / us);
    std::printf("\n");
  }
  benchmark::Shutdown();
  return 0;
}
