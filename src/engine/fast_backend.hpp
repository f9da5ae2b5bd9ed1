// The fast backend: each lane a FastSubjectIntegrator (exact insulin propagation, fixed-step RK4/ABM4 on the
// non-linear states; engine/fast_subject_integrator.hpp). UVA/Padova model only: carbohydrate, s.c. and portal
// insulin, glucagon EGP.
#pragma once

#include "engine/backend.hpp"
#include "engine/fast_subject_integrator.hpp"

namespace isletsim {

class FastBackend final : public Backend {
 public:
  // Other step options than the default (convergence tests) make an unregistered variant.
  explicit FastBackend(FastIntegratorOptions options = {}) : options_(options) {}
  std::string_view name() const override { return "fast"; }
  std::string_view description() const override;
  std::optional<std::string> refusal(SubjectModel model, std::uint32_t routes) const override;
  std::unique_ptr<CohortIntegrator> make(std::span<const VirtualSubject> subjects) const override;

 private:
  FastIntegratorOptions options_;
};

// The registered instance.
const Backend& fast_backend();

}  // namespace isletsim
