#include "engine/fast_backend.hpp"

#include <stdexcept>
#include <variant>

namespace isletsim {

namespace {

class FastUvaPadovaIntegrator final : public CohortIntegrator {
 public:
  FastUvaPadovaIntegrator(std::span<const VirtualSubject> subjects, FastIntegratorOptions options) {
    lanes_.reserve(subjects.size());
    for (const auto& s : subjects) lanes_.emplace_back(std::get<UvaPadovaParameters>(s), options);
  }
  SubjectModel model() const override { return SubjectModel::kUvaPadova2008; }
  std::size_t lanes() const override { return lanes_.size(); }
  void advance(std::span<const SubjectInputs> inputs, double duration_min) override {
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
      const SubjectInputs& u = inputs[i];
      lanes_[i].advance_with_portal_insulin_and_glucagon(u.carbs_g_per_min, u.subcutaneous_insulin_u_per_min,
                                                         u.portal_insulin_u_per_min,
                                                         u.glucagon_egp_mg_per_kg_per_min, duration_min);
    }
  }
  void observe(std::span<SubjectObservation> out) const override {
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
      const FastSubjectIntegrator& lane = lanes_[i];
      SubjectObservation o;
      o.plasma_glucose_mg_dl = lane.plasma_glucose_mg_dl();
      o.subcutaneous_glucose_mg_dl = lane.subcutaneous_glucose_mg_dl();
      o.plasma_insulin_pmol_l = lane.plasma_insulin_pmol_l();
      out[i] = o;
    }
  }
  void set_subject(std::size_t lane, const VirtualSubject& subject) override {
    lanes_.at(lane).set_subject(std::get<UvaPadovaParameters>(subject));
  }
  std::vector<double> state(std::size_t lane) const override {
    const auto& x = lanes_.at(lane).state();
    return {x.begin(), x.end()};
  }

 private:
  std::vector<FastSubjectIntegrator> lanes_;
};

}  // namespace

std::string_view FastBackend::description() const {
  return "exact insulin propagation and fixed-step RK4/ABM4 per subject";
}

std::optional<std::string> FastBackend::refusal(SubjectModel model, std::uint32_t routes) const {
  return uva_padova_only_refusal(name(), model, routes);
}

std::unique_ptr<CohortIntegrator> FastBackend::make(std::span<const VirtualSubject> subjects) const {
  require_uva_padova_subjects(*this, subjects);
  return std::make_unique<FastUvaPadovaIntegrator>(subjects, options_);
}

const Backend& fast_backend() {
  static const FastBackend backend;
  return backend;
}

}  // namespace isletsim
