// The batched kernel for SSE2 (two lanes a register): every x86-64 processor has it.
#include "engine/simd/lane_kernels.hpp"
#include "engine/simd/lane_kernel.hpp"

namespace isletsim::simd {

void advance_lanes_sse2(LaneBlock& block) { LaneKernelOf<xsimd::sse2>::advance(block); }

}  // namespace isletsim::simd
