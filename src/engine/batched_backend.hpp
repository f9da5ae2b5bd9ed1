// The batched backend: the fast backend's scheme (exact insulin propagation, RK4/ABM4 on the non-linear states;
// engine/fast_subject_integrator.hpp) on blocks of eight subjects at once, structure of arrays, with SIMD registers
// of xsimd lanes (engine/simd/). The instruction set is chosen at run time (AVX2 where the processor has it, else
// SSE2); every lane's numbers are the same in each, and independent of the other lanes of its block.
//
// UVA/Padova 2008 model: carbohydrate, s.c. and portal insulin, glucagon EGP (the fast backend's routes).
#pragma once

#include <string>

#include "engine/backend.hpp"
#include "engine/fast_subject_integrator.hpp"

namespace isletsim {

struct BatchedBackendOptions {
  FastIntegratorOptions steps;  // the fast backend's step plan
  // "" (the widest the processor runs), "avx2" or "sse2": for the tests that compare instruction sets.
  std::string instruction_set;
};

class BatchedBackend final : public Backend {
 public:
  explicit BatchedBackend(BatchedBackendOptions options = {});
  std::string_view name() const override { return "batched"; }
  std::string_view description() const override { return description_; }
  std::optional<std::string> refusal(SubjectModel model, std::uint32_t routes) const override;
  std::unique_ptr<CohortIntegrator> make(std::span<const VirtualSubject> subjects) const override;

 private:
  BatchedBackendOptions options_;
  std::string description_;
};

// The registered instance.
const Backend& batched_backend();

}  // namespace isletsim
