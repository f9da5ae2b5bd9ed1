// Wall time of the coupled multi-scale course: one subject (Dalla Man 2007 average normal) for 5 years at minute
// resolution (three meals a day, 1-day coupling, HSS 2016 insulin-sensitivity decline), single-threaded.
//
// Baseline in the same process: one year of the same course, so the ratio shows that the cost is linear in the
// simulated time (no growth of per-day cost as the course goes on).
//
//   ./build/release/bench/multiscale_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include "physiology/dalla_man_2007_subjects.hpp"
#include "progression/multiscale_course.hpp"
#include "progression/t2d_course.hpp"

namespace isletsim {
namespace {

void run_years(benchmark::State& state, double years) {
  const auto subject = dalla_man_2007_average_normal();
  MultiscaleOptions options = t2d_progression_options(365.0 * years);
  options.reference_mean_glucose_mg_dl = reference_mean_glucose_mg_dl(subject, options.routine);
  for (auto _ : state) {
    auto records = run_multiscale_course(subject, options);
    benchmark::DoNotOptimize(records.data());
  }
  state.counters["simulated_days_per_s"] =
      benchmark::Counter(365.0 * years * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_MultiscaleCourse_FiveYears(benchmark::State& state) { run_years(state, 5.0); }
void BM_MultiscaleCourse_OneYearBaseline(benchmark::State& state) { run_years(state, 1.0); }

BENCHMARK(BM_MultiscaleCourse_FiveYears)->Unit(benchmark::kSecond)->Iterations(3);
BENCHMARK(BM_MultiscaleCourse_OneYearBaseline)->Unit(benchmark::kSecond)->Iterations(3);

}  // namespace
}  // namespace isletsim

BENCHMARK_MAIN();
