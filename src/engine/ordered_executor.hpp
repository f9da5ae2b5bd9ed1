// run_ordered: runs work(i) for i in [0, count) on `threads` threads and hands each result to consume(i, result)
// strictly in index order, as soon as the results before it are consumed -- so a consumer that writes files streams
// them, holds only a few results at a time, and loses nothing finished if a later item fails.
//
// Built on oneTBB's parallel_pipeline (a serial input stage, a parallel work stage, a serial_in_order output stage)
// inside a task_arena of `threads` threads; at most 2 x threads items are in flight. An exception from work(i) is
// carried to the output stage and rethrown there after results 0..i-1 have been consumed. Which thread runs an item
// never changes its numbers: items must depend only on their index (counter-based random streams, core/random_stream.hpp).
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <optional>
#include <thread>
#include <vector>

#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>

namespace isletsim {

// threads = 0: one per hardware thread.
inline unsigned executor_threads(unsigned threads) {
  return threads > 0 ? threads : std::max(1U, std::thread::hardware_concurrency());
}

template <class Result, class Work, class Consume>
void run_ordered(std::size_t count, unsigned threads, Work work, Consume consume) {
  if (count == 0) return;
  threads = static_cast<unsigned>(std::min<std::size_t>(executor_threads(threads), count));
  struct Item {
    std::size_t index = 0;
    std::optional<Result> result;
    std::exception_ptr failure;
  };
  // Items live in a ring of as many slots as tokens: item n is created only when fewer than `tokens` items are in
  // flight, and the output stage finishes items in order, so item n - tokens (the slot's last user) is done.
  const std::size_t tokens = 2 * static_cast<std::size_t>(threads);
  std::vector<Item> slots(tokens);
  std::size_t next = 0;
  tbb::task_arena arena(static_cast<int>(threads));
  arena.execute([&] {
    tbb::parallel_pipeline(
        tokens,
        tbb::make_filter<void, Item*>(tbb::filter_mode::serial_in_order,
                                      [&](tbb::flow_control& control) -> Item* {
                                        if (next == count) {
                                          control.stop();
                                          return nullptr;
                                        }
                                        Item* item = &slots[next % tokens];
                                        *item = Item{};
                                        item->index = next++;
                                        return item;
                                      }) &
            tbb::make_filter<Item*, Item*>(tbb::filter_mode::parallel,
                                           [&](Item* item) {
                                             try {
                                               item->result.emplace(work(item->index));
                                             } catch (...) {
                                               item->failure = std::current_exception();
                                             }
                                             return item;
                                           }) &
            tbb::make_filter<Item*, void>(tbb::filter_mode::serial_in_order, [&](Item* item) {
              if (item->failure) std::rethrow_exception(item->failure);
              Result result = std::move(*item->result);
              item->result.reset();
              consume(item->index, std::move(result));
            }));
  });
}

}  // namespace isletsim
