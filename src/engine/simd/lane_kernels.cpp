#include "engine/simd/lane_kernels.hpp"

#include <stdexcept>
#include <string>

#include <xsimd/config/xsimd_cpuid.hpp>

namespace isletsim::simd {

namespace {
struct Entry {
  std::string_view name;
  LaneKernel kernel;
  bool available;
};
std::vector<Entry> entries() {
  const auto cpu = xsimd::available_architectures();
  return {{"avx2", &advance_lanes_avx2, cpu.avx2 != 0}, {"sse2", &advance_lanes_sse2, cpu.sse2 != 0}};
}
}  // namespace

LaneKernelChoice lane_kernel(std::string_view instruction_set) {
  for (const Entry& e : entries()) {
    if (instruction_set.empty() ? e.available : e.name == instruction_set) {
      if (!e.available) {
        throw std::invalid_argument("batched backend: this processor has no " + std::string(instruction_set));
      }
      return {e.name, e.kernel};
    }
  }
  throw std::invalid_argument("batched backend: unknown instruction set \"" + std::string(instruction_set) +
                              "\" (known: avx2, sse2)");
}

std::vector<std::string> available_instruction_sets() {
  std::vector<std::string> names;
  for (const Entry& e : entries()) {
    if (e.available) names.emplace_back(e.name);
  }
  return names;
}

}  // namespace isletsim::simd
