// The batched kernel for AVX2 (four lanes a register). This file alone is compiled with -mavx2 (cmake/Simd.cmake)
// and runs only where the processor reports AVX2 (lane_kernels.cpp). No FMA: see lane_kernel.hpp.
#include "engine/simd/lane_kernels.hpp"
#include "engine/simd/lane_kernel.hpp"

namespace isletsim::simd {

void advance_lanes_avx2(LaneBlock& block) { LaneKernelOf<xsimd::avx2>::advance(block); }

}  // namespace isletsim::simd
