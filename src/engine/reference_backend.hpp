// The reference backend: each lane is its own adaptive Dormand-Prince 5(4) solve with dense output
// (engine/model_integrator.hpp), restarted where its inputs change. Plain and slow; the ground truth every other
// backend is tested against (tests/engine/backend_conformance_test.cpp). Every model and input route.
#pragma once

#include "engine/backend.hpp"
#include "engine/model_integrator.hpp"

namespace isletsim {

class ReferenceBackend final : public Backend {
 public:
  // Other tolerances than the default (convergence tests, the benchmarks' restart-every-minute baseline) make an
  // unregistered variant; the registered "reference" uses the defaults.
  explicit ReferenceBackend(IntegratorTolerances tolerances = {}) : tolerances_(tolerances) {}
  std::string_view name() const override { return "reference"; }
  std::string_view description() const override;
  std::optional<std::string> refusal(SubjectModel model, std::uint32_t routes) const override;
  std::unique_ptr<CohortIntegrator> make(std::span<const VirtualSubject> subjects) const override;

 private:
  IntegratorTolerances tolerances_;
};

// The registered instance.
const Backend& reference_backend();

}  // namespace isletsim
