// ScaledInsulinController: see scaled_insulin_controller.hpp.
#include "control/scaled_insulin_controller.hpp"

#include <cmath>
#include <stdexcept>
#include <utility>

namespace isletsim {

ScaledInsulinController::ScaledInsulinController(std::unique_ptr<Controller> inner) : inner_(std::move(inner)) {
  if (!inner_) throw std::invalid_argument("ScaledInsulinController: no controller to scale");
}

InsulinRequest ScaledInsulinController::decide(const ControllerObservation& now) {
  InsulinRequest request = inner_->decide(now);
  request.basal_u_per_min *= factor_;
  request.bolus_u *= factor_;
  return request;
}

void ScaledInsulinController::set_factor(double factor) {
  if (!std::isfinite(factor) || factor < 0.0) {
    throw std::invalid_argument("ScaledInsulinController: factor must be finite and >= 0");
  }
  factor_ = factor;
}

}  // namespace isletsim
