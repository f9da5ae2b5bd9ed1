// CareTherapy: how a subject is treated inside the care loop (engine/care_loop.hpp) -- the hooks through which
// controllers and therapies act. One per subject; the loop never owns it.
//   - controller(): the exogenous-insulin controller in charge (its doses go through the pump and count as
//     exogenous insulin); nullptr = no exogenous insulin at all now (e.g. after insulin withdrawal);
//   - control_interval_min(): minutes between controller calls (0 = at every CGM sample);
//   - minute_inputs(): what the therapy itself adds over the next minute, from the subject's observation now
//     (only called when has_minute_inputs()): its own insulin (an islet graft; not a dose) by
//     endogenous_insulin_route(), glucagon EGP, unannounced carbohydrate, intravenous glucose and insulin;
//   - end_of_day(): once per simulated day, with the day's summary (graft maturation, titration, dose reduction);
//   - input_routes(): every InputRoute the therapy may use (for Backend::refusal before the run).
// Everything random in a therapy must come from its own RandomStream(seed, subject index, purpose) so that results
// do not depend on the thread count or the batching of subjects.
#pragma once

#include <cstdint>

#include "control/controller.hpp"
#include "engine/care_day_summary.hpp"
#include "engine/subject_inputs.hpp"
#include "engine/subject_observation.hpp"

namespace isletsim {

// Where a therapy's own insulin enters the model.
enum class EndogenousInsulinRoute {
  kSubcutaneous,  // the s.c. depot of Kovatchev 2009, like a pump's insulin
  kPortal,        // pre-hepatic: the liver compartment Il (Dalla Man 2007 eq. 3)
};

// A therapy's additions over one minute (each clamped at >= 0 by the loop where it must be; see care_loop.hpp).
struct TherapyMinuteInputs {
  double endogenous_insulin_u_per_min = 0;
  double glucagon_egp_mg_per_kg_per_min = 0;
  double carbs_g_per_min = 0;  // eaten without being announced (e.g. a prescribed routine of the multi-scale course)
  double intravenous_glucose_mg_per_kg_per_min = 0;  // negative: exercise uptake (multi-scale course)
  double intravenous_insulin_pmol_per_kg_per_min = 0;
};

class CareTherapy {
 public:
  virtual ~CareTherapy() = default;
  virtual Controller* controller() = 0;
  virtual double control_interval_min() const { return 0; }
  virtual EndogenousInsulinRoute endogenous_insulin_route() const { return EndogenousInsulinRoute::kSubcutaneous; }
  virtual bool has_minute_inputs() const { return false; }
  virtual void minute_inputs(double /*t_min*/, const SubjectObservation& /*now*/, TherapyMinuteInputs& /*add*/) {}
  virtual void end_of_day(const CareDaySummary& /*day*/) {}
  virtual std::uint32_t input_routes() const { return kRouteCarbs | kRouteSubcutaneousInsulin; }
};

// A controller and nothing else (simulate, usual care in a run-in).
class ControllerTherapy final : public CareTherapy {
 public:
  ControllerTherapy(Controller& controller, double control_interval_min)
      : controller_(&controller), control_interval_min_(control_interval_min) {}
  Controller* controller() override { return controller_; }
  double control_interval_min() const override { return control_interval_min_; }

 private:
  Controller* controller_;
  double control_interval_min_;
};

}  // namespace isletsim
