#include "devices/insulin_pump.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/units.hpp"

namespace isletsim {

std::optional<InsulinPumpParameters> published_insulin_pump(const std::string& name) {
  if (name == "Insulet") return InsulinPumpParameters{name, 0.0, 30.0, 0.05, 0.0, 30.0, 0.05};
  if (name == "Cozmo") return InsulinPumpParameters{name, 0.0, 75.0, 0.05, 0.0, 35.0, 0.05};
  if (name == "ideal") {
    const double unlimited = std::numeric_limits<double>::infinity();
    return InsulinPumpParameters{name, 0.0, unlimited, 0.0, 0.0, unlimited, 0.0};
  }
  return std::nullopt;
}

std::vector<std::string> published_insulin_pump_names() { return {"Insulet", "Cozmo", "ideal"}; }

namespace {
double round_to_increment(double value, double increment) {
  if (increment <= 0) return value;
  return std::round(value / increment) * increment;
}
}  // namespace

InsulinDelivery InsulinPump::deliver(double requested_basal_u_per_min, double requested_bolus_u) const {
  InsulinDelivery delivery;
  const double basal_u_per_h = round_to_increment(requested_basal_u_per_min * units::kMinutesPerHour,
                                                  parameters_.basal_increment_u_per_h);
  delivery.basal_u_per_min =
      std::clamp(basal_u_per_h, parameters_.min_basal_u_per_h, parameters_.max_basal_u_per_h) /
      units::kMinutesPerHour;
  if (requested_bolus_u > 0) {
    delivery.bolus_u = std::clamp(round_to_increment(requested_bolus_u, parameters_.bolus_increment_u),
                                  parameters_.min_bolus_u, parameters_.max_bolus_u);
  }
  return delivery;
}

}  // namespace isletsim
