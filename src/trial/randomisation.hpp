// Permuted-block randomisation (Matts & Lachin 1988, "Properties of permuted-block randomization in clinical
// trials", Control Clin Trials 9:327): each block holds every arm in its allocation ratio, times block_multiplier,
// in an order shuffled by Fisher-Yates (Knuth, TAOCP vol. 2, 3.4.2, Algorithm P) from the trial's allocation stream.
// The same seed gives the same allocation whatever else runs.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace isletsim {

// Arm index (0-based) of each participant in enrolment order. ratio: e.g. {1, 1} or {2, 1}.
std::vector<int> permuted_block_allocation(int participants, std::span<const int> ratio, int block_multiplier,
                                           std::uint64_t seed);

}  // namespace isletsim
