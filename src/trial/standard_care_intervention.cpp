#include "trial/standard_care_intervention.hpp"

#include <fmt/format.h>

#include "control/scaled_insulin_controller.hpp"
#include "trial/insulin_dose_reduction.hpp"

namespace isletsim {

namespace {

class StandardCareTherapy : public ParticipantTherapy {
 public:
  StandardCareTherapy(std::unique_ptr<Controller> controller, double control_interval_min,
                      double hypo_dose_reduction_fraction)
      : controller_(std::move(controller)),
        control_interval_min_(control_interval_min),
        dose_reduction_(hypo_dose_reduction_fraction) {}
  Controller* controller() override { return &controller_; }
  double control_interval_min() const override { return control_interval_min_; }
  // With r = 0 the factor stays exactly 1, so the doses are the controller's own (x 1.0 is exact).
  void end_of_day(const CareDaySummary& day) override { controller_.set_factor(dose_reduction_.after_day(day)); }
  void add_visit_endpoints(int /*visit_day*/, std::vector<EndpointValue>& values) const override {
    // No endogenous secretion in the UVA/Padova T1D model (see the header): C-peptide is undetectable.
    values.push_back({"fasting_c_peptide_pmol_l", 0.0});
    values.push_back({"stimulated_c_peptide_pmol_l", 0.0});
    // No immunosuppression in standard care: none of its serious adverse events.
    values.push_back({"serious_infections", 0.0});
    values.push_back({"neutropenia_episodes", 0.0});
  }

 private:
  ScaledInsulinController controller_;
  double control_interval_min_;
  InsulinDoseReduction dose_reduction_;
};

const char* controller_name(ControllerKind kind) {
  switch (kind) {
    case ControllerKind::kOpenLoop: return "open-loop insulin";
    case ControllerKind::kBasalBolus: return "basal-bolus pump therapy";
    case ControllerKind::kPid: return "PID closed loop";
  }
  return "insulin";
}

}  // namespace

StandardCareIntervention::StandardCareIntervention(ControllerConfig controller)
    : StandardCareIntervention(std::move(controller), 0.0) {}

StandardCareIntervention::StandardCareIntervention(ControllerConfig controller, double hypo_dose_reduction_fraction)
    : controller_(std::move(controller)), hypo_dose_reduction_fraction_(hypo_dose_reduction_fraction) {
  validate_hypo_dose_reduction_fraction(hypo_dose_reduction_fraction);
}

std::string StandardCareIntervention::description() const {
  std::string text = std::string("standard care: ") + controller_name(controller_.kind);
  if (hypo_dose_reduction_fraction_ > 0) {
    text += fmt::format(", doses x {:g} after a day with a low", 1.0 - hypo_dose_reduction_fraction_);
  }
  return text;
}

std::vector<std::string> StandardCareIntervention::provided_endpoints() const {
  return {"fasting_c_peptide_pmol_l", "stimulated_c_peptide_pmol_l", "serious_infections", "neutropenia_episodes"};
}

std::unique_ptr<ParticipantTherapy> StandardCareIntervention::start(const UvaPadovaParameters& subject,
                                                                    std::uint64_t seed,
                                                                    std::uint64_t subject_index) const {
  return std::make_unique<StandardCareTherapy>(make_controller(controller_, subject, seed, subject_index),
                                               controller_.control_interval_min, hypo_dose_reduction_fraction_);
}

}  // namespace isletsim
