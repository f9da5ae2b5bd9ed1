// ScaledInsulinController: another controller's doses (basal rate and boluses) times a factor the owner sets, e.g.
// a dose reduction after hypoglycaemia (trial/insulin_dose_reduction.hpp). The wrapped controller sees the same
// observations as it would alone; only what it asks for is scaled.
#pragma once

#include <memory>

#include "control/controller.hpp"

namespace isletsim {

class ScaledInsulinController : public Controller {
 public:
  explicit ScaledInsulinController(std::unique_ptr<Controller> inner);
  InsulinRequest decide(const ControllerObservation& now) override;
  // factor >= 0 and finite; throws std::invalid_argument otherwise.
  void set_factor(double factor);
  double factor() const { return factor_; }

 private:
  std::unique_ptr<Controller> inner_;
  double factor_ = 1.0;
};

}  // namespace isletsim
