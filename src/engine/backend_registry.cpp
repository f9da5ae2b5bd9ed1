// The registry of backends by name (engine/backend.hpp).
#include <array>
#include <stdexcept>
#include <string>

#include "engine/backend.hpp"
#include "engine/batched_backend.hpp"
#include "engine/fast_backend.hpp"
#include "engine/reference_backend.hpp"

namespace isletsim {

namespace {
std::array<const Backend*, 3> registered() { return {&reference_backend(), &fast_backend(), &batched_backend()}; }
}  // namespace

const Backend& backend_named(std::string_view name) {
  for (const Backend* backend : registered()) {
    if (backend->name() == name) return *backend;
  }
  std::string known;
  for (const std::string& n : backend_names()) known += (known.empty() ? "" : ", ") + n;
  throw std::invalid_argument("unknown backend \"" + std::string(name) + "\" (known: " + known + ")");
}

std::vector<std::string> backend_names() {
  std::vector<std::string> names;
  for (const Backend* backend : registered()) names.emplace_back(backend->name());
  return names;
}

void require_support(const Backend& backend, SubjectModel model, std::uint32_t routes) {
  if (auto why = backend.refusal(model, routes)) {
    throw std::invalid_argument("backend \"" + std::string(backend.name()) + "\" cannot run this: " + *why);
  }
}

}  // namespace isletsim
