// The batched kernel for each compiled instruction set, and the run-time choice among them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/simd/lane_block.hpp"

namespace isletsim::simd {

void advance_lanes_sse2(LaneBlock& block);
void advance_lanes_avx2(LaneBlock& block);

struct LaneKernelChoice {
  std::string_view instruction_set;  // "avx2", "sse2"
  LaneKernel kernel = nullptr;
};

// The widest instruction set this processor runs, or the one named (std::invalid_argument when it is unknown or the
// processor lacks it).
LaneKernelChoice lane_kernel(std::string_view instruction_set = "");
// The instruction sets this processor runs, widest first.
std::vector<std::string> available_instruction_sets();

}  // namespace isletsim::simd
