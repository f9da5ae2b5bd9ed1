// Plugging your own control algorithm into isletsim: implement isletsim::Controller and hand it to the engine.
//
// This example is a deliberately simple "suspend before low" rule on top of the subject's basal rate: insulin is
// suspended while the CGM reads below a threshold, and a meal bolus is given from the carb ratio. It prints the
// glucose outcome of one simulated day. Research use only: this is not a dosing algorithm for people.
#include <cstdio>

#include "isletsim/isletsim.hpp"  // the public API only (include/isletsim/)

namespace {

class SuspendBeforeLowController : public isletsim::Controller {
 public:
  SuspendBeforeLowController(double basal_u_per_min, double carb_ratio_g_per_u, double suspend_below_mg_dl)
      : basal_u_per_min_(basal_u_per_min), carb_ratio_g_per_u_(carb_ratio_g_per_u),
        suspend_below_mg_dl_(suspend_below_mg_dl) {}

  isletsim::InsulinRequest decide(const isletsim::ControllerObservation& now) override {
    isletsim::InsulinRequest request;
    request.basal_u_per_min = now.cgm_mg_dl < suspend_below_mg_dl_ ? 0.0 : basal_u_per_min_;
    request.bolus_u = now.announced_carbs_g / carb_ratio_g_per_u_;
    return request;
  }

 private:
  double basal_u_per_min_;
  double carb_ratio_g_per_u_;
  double suspend_below_mg_dl_;
};

}  // namespace

int main() {
  isletsim::Scenario scenario;
  scenario.duration_min = 1440;
  scenario.subjects = {isletsim::average_adult_t1d()};
  scenario.meals = {{420, 50, 5, true}, {720, 70, 5, true}, {1080, 80, 5, true}};
  scenario.sensor = isletsim::published_cgm_sensor("Dexcom");
  const auto& subject = scenario.subjects.front();
  SuspendBeforeLowController controller(subject.basal_insulin_u_per_min(), subject.carb_ratio_g_per_u, 80.0);
  const auto series = isletsim::simulate_subject(scenario, subject, 0, controller, isletsim::SimulateOptions{});
  const auto summary = isletsim::summarise_glucose(series.glucose_plasma_mg_dl);
  std::printf("mean glucose %.1f mg/dl, time in 70-180 %.1f %%, below 70 %.1f %%\n", summary.mean_mg_dl,
              summary.time_in_70_180_percent, summary.time_below_70_percent);
  return 0;
}
