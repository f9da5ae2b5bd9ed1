#include "trial/randomisation.hpp"

#include <stdexcept>
#include <utility>

#include "core/random_stream.hpp"

namespace isletsim {

std::vector<int> permuted_block_allocation(int participants, std::span<const int> ratio, int block_multiplier,
                                           std::uint64_t seed) {
  if (ratio.empty() || block_multiplier < 1 || participants < 0) {
    throw std::invalid_argument("randomisation needs at least one arm, a block multiplier >= 1 and participants >= 0");
  }
  std::vector<int> block;
  for (std::size_t arm = 0; arm < ratio.size(); ++arm) {
    if (ratio[arm] < 1) throw std::invalid_argument("every arm's allocation ratio must be >= 1");
    for (int i = 0; i < ratio[arm] * block_multiplier; ++i) block.push_back(static_cast<int>(arm));
  }
  RandomStream random(seed, 0, StreamPurpose::kTrialAllocation);
  std::vector<int> allocation;
  allocation.reserve(static_cast<std::size_t>(participants));
  while (static_cast<int>(allocation.size()) < participants) {
    std::vector<int> shuffled = block;
    for (std::size_t i = shuffled.size() - 1; i > 0; --i) {
      const auto j = static_cast<std::size_t>(random.uniform() * static_cast<double>(i + 1));
      std::swap(shuffled[i], shuffled[std::min(j, i)]);
    }
    for (const int arm : shuffled) {
      if (static_cast<int>(allocation.size()) < participants) allocation.push_back(arm);
    }
  }
  return allocation;
}

}  // namespace isletsim
