// Runs work(i) for i in [0, count) on several threads and hands each result to consume(i, result) on the calling
// thread strictly in index order, as soon as it is ready (the pattern of engine/cohort_runner.cpp). An exception
// from work(i) is rethrown on the calling thread after results 0..i-1 have been consumed.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace isletsim {

template <class Result, class Work, class Consume>
void run_ordered_parallel(std::size_t count, unsigned threads, Work work, Consume consume) {
  if (threads == 0) threads = std::max(1U, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(count, 1)));
  std::vector<std::optional<Result>> ready(count);
  std::vector<std::exception_ptr> failures(count);
  std::mutex mutex;
  std::condition_variable done;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  auto worker = [&]() {
    for (std::size_t index = next++; index < count && !stop; index = next++) {
      std::optional<Result> result;
      std::exception_ptr failure;
      try {
        result.emplace(work(index));
      } catch (...) {
        failure = std::current_exception();
      }
      {
        const std::lock_guard lock(mutex);
        ready[index] = std::move(result);
        failures[index] = failure;
      }
      done.notify_all();
    }
  };
  std::vector<std::jthread> pool;
  for (unsigned i = 0; i < threads; ++i) pool.emplace_back(worker);
  try {
    for (std::size_t index = 0; index < count; ++index) {
      std::unique_lock lock(mutex);
      done.wait(lock, [&] { return ready[index].has_value() || failures[index] != nullptr; });
      if (failures[index]) std::rethrow_exception(failures[index]);
      Result result = std::move(*ready[index]);
      ready[index].reset();
      lock.unlock();
      consume(index, std::move(result));
    }
  } catch (...) {
    stop = true;
    throw;  // the jthreads join as the pool goes out of scope
  }
}

}  // namespace isletsim
