// Insulin pump: turns a controller's request into what the pump can actually deliver -- increments and limits.
//
// Bolus in U, rounded to the nearest bolus increment and clamped to [min, max] U; basal as an hourly rate,
// rounded to the nearest basal increment (U/h) and clamped to [min, max] U/h. Delivery of a bolus is modelled
// within the minute it is given. (simglucose applies its increments to pmol/min values instead; isletsim uses the
// units the manufacturers specify.)
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace isletsim {

struct InsulinPumpParameters {
  std::string name;
  double min_bolus_u = 0;
  double max_bolus_u = 30;
  double bolus_increment_u = 0.05;
  double min_basal_u_per_h = 0;
  double max_basal_u_per_h = 30;
  double basal_increment_u_per_h = 0.05;
};

// "Insulet" (Omnipod: 0.05 U bolus and 0.05 U/h basal increments, max bolus 30 U, max basal 30 U/h; Insulet
// Omnipod user guide) and "Cozmo" (Smiths Medical Deltec Cozmo: 0.05 U / 0.05 U/h, max bolus 75 U, max basal
// 35 U/h). "ideal": no rounding and no limits.
std::optional<InsulinPumpParameters> published_insulin_pump(const std::string& name);
std::vector<std::string> published_insulin_pump_names();

struct InsulinDelivery {
  double basal_u_per_min = 0;
  double bolus_u = 0;
};

class InsulinPump {
 public:
  explicit InsulinPump(InsulinPumpParameters parameters) : parameters_(std::move(parameters)) {}
  InsulinDelivery deliver(double requested_basal_u_per_min, double requested_bolus_u) const;
  const InsulinPumpParameters& parameters() const { return parameters_; }

 private:
  InsulinPumpParameters parameters_;
};

}  // namespace isletsim
