// Backends: named factories of CohortIntegrators (the OpenMM "platform" shape). The reference backend is the ground
// truth; every other backend is tested against it (tests/engine/backend_conformance_test.cpp) and never stands in
// for it silently: a model or input route a backend cannot integrate is refused with a message, not run elsewhere.
//
//   "reference"  adaptive Dormand-Prince 5(4) with dense output per subject (engine/model_integrator.hpp);
//                every model and route.
//   "fast"       exact insulin propagation + fixed-step RK4/ABM4 per subject (engine/fast_subject_integrator.hpp);
//                UVA/Padova model: carbohydrate, s.c. and portal insulin, glucagon EGP.
//   "batched"    the fast scheme on lanes of subjects at once with SIMD (engine/batched_backend.hpp);
//                UVA/Padova model, the same routes as "fast".
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/cohort_integrator.hpp"

namespace isletsim {

class Backend {
 public:
  virtual ~Backend() = default;
  virtual std::string_view name() const = 0;
  virtual std::string_view description() const = 0;
  // Why this backend cannot integrate `model` with inputs on `routes` (InputRoute bits); nullopt: it can.
  virtual std::optional<std::string> refusal(SubjectModel model, std::uint32_t routes) const = 0;
  // The subjects' models must all be the same and supported (std::invalid_argument otherwise).
  virtual std::unique_ptr<CohortIntegrator> make(std::span<const VirtualSubject> subjects) const = 0;
};

// The backend of this name; std::invalid_argument naming the known backends otherwise.
const Backend& backend_named(std::string_view name);
// Every registered backend's name, "reference" first.
std::vector<std::string> backend_names();

// Throws std::invalid_argument with the backend's refusal when it cannot run `model` with `routes`.
void require_support(const Backend& backend, SubjectModel model, std::uint32_t routes);

// For backends that integrate the UVA/Padova 2008 model only ("fast", "batched"): their refusal (another model,
// or an intravenous route, which that model has no input for), and make()'s check of its subjects
// (std::invalid_argument with that refusal).
std::optional<std::string> uva_padova_only_refusal(std::string_view backend, SubjectModel model, std::uint32_t routes);
void require_uva_padova_subjects(const Backend& backend, std::span<const VirtualSubject> subjects);

}  // namespace isletsim
