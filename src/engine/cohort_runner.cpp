#include "engine/cohort_runner.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "engine/fast_engine.hpp"
#include "engine/reference_engine.hpp"

namespace isletsim {

void run_cohort(const Scenario& scenario, unsigned threads,
                const std::function<void(std::size_t, const SubjectTimeSeries&)>& consume) {
  const std::size_t count = scenario.subjects.size();
  if (threads == 0) threads = std::max(1U, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(count, 1)));

  std::vector<std::optional<SubjectTimeSeries>> ready(count);
  std::vector<std::exception_ptr> failures(count);
  std::mutex mutex;
  std::condition_variable subject_done;
  std::atomic<std::size_t> next_subject{0};
  std::atomic<bool> stop{false};

  auto worker = [&]() {
    for (std::size_t index = next_subject++; index < count && !stop; index = next_subject++) {
      std::optional<SubjectTimeSeries> series;
      std::exception_ptr failure;
      try {
        series = scenario.engine == EngineKind::kFast
                     ? simulate_subject_fast(scenario, scenario.subjects[index], index)
                     : simulate_subject(scenario, scenario.subjects[index], index);
      } catch (...) {
        failure = std::current_exception();
      }
      {
        const std::lock_guard lock(mutex);
        ready[index] = std::move(series);
        failures[index] = failure;
      }
      subject_done.notify_all();
    }
  };
  std::vector<std::jthread> pool;
  for (unsigned i = 0; i < threads; ++i) pool.emplace_back(worker);

  try {
    for (std::size_t index = 0; index < count; ++index) {
      std::unique_lock lock(mutex);
      subject_done.wait(lock, [&] { return ready[index].has_value() || failures[index] != nullptr; });
      if (failures[index]) std::rethrow_exception(failures[index]);
      const SubjectTimeSeries series = std::move(*ready[index]);
      ready[index].reset();
      lock.unlock();
      consume(index, series);
    }
  } catch (...) {
    stop = true;
    throw;  // the jthreads join as the pool goes out of scope
  }
}

}  // namespace isletsim
