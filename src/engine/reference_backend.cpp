#include "engine/reference_backend.hpp"

#include <stdexcept>
#include <variant>

#include "engine/meal_model_integrator.hpp"
#include "engine/subject_integrator.hpp"

namespace isletsim {

namespace {

SubjectObservation observe_uva_padova(const SubjectIntegrator& lane) {
  SubjectObservation o;
  o.plasma_glucose_mg_dl = lane.plasma_glucose_mg_dl();
  o.subcutaneous_glucose_mg_dl = lane.subcutaneous_glucose_mg_dl();
  o.plasma_insulin_pmol_l = lane.plasma_insulin_pmol_l();
  return o;
}

class ReferenceUvaPadovaIntegrator final : public CohortIntegrator {
 public:
  ReferenceUvaPadovaIntegrator(std::span<const VirtualSubject> subjects, IntegratorTolerances tolerances) {
    lanes_.reserve(subjects.size());
    for (const auto& s : subjects) lanes_.emplace_back(std::get<UvaPadovaParameters>(s), tolerances);
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
    for (std::size_t i = 0; i < lanes_.size(); ++i) out[i] = observe_uva_padova(lanes_[i]);
  }
  void set_subject(std::size_t lane, const VirtualSubject& subject) override {
    lanes_.at(lane).set_subject(std::get<UvaPadovaParameters>(subject));
  }
  std::vector<double> state(std::size_t lane) const override {
    const auto& x = lanes_.at(lane).state();
    return {x.begin(), x.end()};
  }

 private:
  std::vector<SubjectIntegrator> lanes_;
};

class ReferenceMealModelIntegrator final : public CohortIntegrator {
 public:
  ReferenceMealModelIntegrator(std::span<const VirtualSubject> subjects, IntegratorTolerances tolerances) {
    lanes_.reserve(subjects.size());
    for (const auto& s : subjects) lanes_.emplace_back(std::get<InsulinTreatedMealModelParameters>(s), tolerances);
  }
  SubjectModel model() const override { return SubjectModel::kDallaMan2007; }
  std::size_t lanes() const override { return lanes_.size(); }
  void advance(std::span<const SubjectInputs> inputs, double duration_min) override {
    for (std::size_t i = 0; i < lanes_.size(); ++i) lanes_[i].advance(inputs[i], duration_min);
  }
  void observe(std::span<SubjectObservation> out) const override {
    for (std::size_t i = 0; i < lanes_.size(); ++i) out[i] = lanes_[i].observe();
  }
  void set_subject(std::size_t lane, const VirtualSubject& subject) override {
    lanes_.at(lane).set_subject(std::get<InsulinTreatedMealModelParameters>(subject));
  }
  std::vector<double> state(std::size_t lane) const override {
    const auto& x = lanes_.at(lane).state();
    return {x.begin(), x.end()};
  }

 private:
  std::vector<MealModelIntegrator> lanes_;
};

}  // namespace

std::string_view ReferenceBackend::description() const {
  return "adaptive Dormand-Prince 5(4) per subject (Boost.Odeint), the ground truth";
}

std::optional<std::string> ReferenceBackend::refusal(SubjectModel model, std::uint32_t routes) const {
  constexpr std::uint32_t kUvaPadovaRoutes =
      kRouteCarbs | kRouteSubcutaneousInsulin | kRoutePortalInsulin | kRouteGlucagonEgp;
  constexpr std::uint32_t kMealModelRoutes =
      kRouteCarbs | kRouteSubcutaneousInsulin | kRouteIntravenousGlucose | kRouteIntravenousInsulin;
  const std::uint32_t allowed = model == SubjectModel::kUvaPadova2008 ? kUvaPadovaRoutes : kMealModelRoutes;
  if ((routes & ~allowed) != 0) {
    return std::string("the ") + to_string(model) +
           (model == SubjectModel::kUvaPadova2008
                ? " has no intravenous glucose or insulin input"
                : " has no portal-insulin or glucagon input (its own secretion is portal)");
  }
  return std::nullopt;
}

std::unique_ptr<CohortIntegrator> ReferenceBackend::make(std::span<const VirtualSubject> subjects) const {
  if (subjects.empty()) throw std::invalid_argument("reference backend: no subjects");
  const SubjectModel model = model_of(subjects.front());
  for (const auto& s : subjects) {
    if (model_of(s) != model) throw std::invalid_argument("reference backend: subjects of different models");
  }
  if (model == SubjectModel::kUvaPadova2008) {
    return std::make_unique<ReferenceUvaPadovaIntegrator>(subjects, tolerances_);
  }
  return std::make_unique<ReferenceMealModelIntegrator>(subjects, tolerances_);
}

const Backend& reference_backend() {
  static const ReferenceBackend backend;
  return backend;
}

}  // namespace isletsim
