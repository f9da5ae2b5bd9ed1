#include "trial/standard_care_intervention.hpp"

namespace isletsim {

namespace {

class StandardCareTherapy : public ParticipantTherapy {
 public:
  StandardCareTherapy(std::unique_ptr<Controller> controller, double control_interval_min)
      : controller_(std::move(controller)), control_interval_min_(control_interval_min) {}
  Controller* controller() override { return controller_.get(); }
  double control_interval_min() const override { return control_interval_min_; }
  void add_visit_endpoints(int /*visit_day*/, std::vector<EndpointValue>& values) const override {
    // No endogenous secretion in the UVA/Padova T1D model (see the header): C-peptide is undetectable.
    values.push_back({"fasting_c_peptide_pmol_l", 0.0});
    values.push_back({"stimulated_c_peptide_pmol_l", 0.0});
    // No immunosuppression in standard care: none of its serious adverse events.
    values.push_back({"serious_infections", 0.0});
    values.push_back({"neutropenia_episodes", 0.0});
  }

 private:
  std::unique_ptr<Controller> controller_;
  double control_interval_min_;
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

StandardCareIntervention::StandardCareIntervention(ControllerConfig controller) : controller_(std::move(controller)) {}

std::string StandardCareIntervention::description() const {
  return std::string("standard care: ") + controller_name(controller_.kind);
}

std::vector<std::string> StandardCareIntervention::provided_endpoints() const {
  return {"fasting_c_peptide_pmol_l", "stimulated_c_peptide_pmol_l", "serious_infections", "neutropenia_episodes"};
}

std::unique_ptr<ParticipantTherapy> StandardCareIntervention::start(const UvaPadovaParameters& subject,
                                                                    std::uint64_t seed,
                                                                    std::uint64_t subject_index) const {
  return std::make_unique<StandardCareTherapy>(make_controller(controller_, subject, seed, subject_index),
                                               controller_.control_interval_min);
}

}  // namespace isletsim
