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

std::optional<std::string> uva_padova_only_refusal(std::string_view backend, SubjectModel model, std::uint32_t routes) {
  if (model != SubjectModel::kUvaPadova2008) {
    return "the " + std::string(backend) + " backend integrates the UVA/Padova 2008 model only, not the " +
           to_string(model) + "; use backend \"reference\"";
  }
  if ((routes & (kRouteIntravenousGlucose | kRouteIntravenousInsulin)) != 0) {
    return std::string("the UVA/Padova 2008 model has no intravenous glucose or insulin input");
  }
  return std::nullopt;
}

void require_uva_padova_subjects(const Backend& backend, std::span<const VirtualSubject> subjects) {
  for (const auto& s : subjects) {
    if (auto why = backend.refusal(model_of(s), 0)) throw std::invalid_argument(*why);
  }
}

}  // namespace isletsim
