#include "control/controller_config.hpp"

#include "control/basal_bolus_controller.hpp"
#include "control/pid_controller.hpp"
#include "core/units.hpp"

namespace isletsim {

std::unique_ptr<Controller> make_controller(const ControllerConfig& config, const UvaPadovaParameters& subject,
                                            std::uint64_t seed, std::uint64_t subject_index) {
  const BasalSchedule basal = config.basal.value_or(
      BasalSchedule::constant(subject.basal_insulin_u_per_min() * units::kMinutesPerHour));
  switch (config.kind) {
    case ControllerKind::kOpenLoop:
      return std::make_unique<OpenLoopController>(basal, config.boluses);
    case ControllerKind::kBasalBolus: {
      BasalBolusSettings settings;
      settings.basal = basal;
      settings.carb_ratio_g_per_u = config.carb_ratio_g_per_u.value_or(subject.carb_ratio_g_per_u);
      settings.correction_factor_mg_dl_per_u =
          config.correction_factor_mg_dl_per_u.value_or(subject.correction_factor_mg_dl_per_u);
      settings.correction_target_mg_dl = config.correction_target_mg_dl;
      settings.correction_threshold_mg_dl = config.correction_threshold_mg_dl;
      settings.missed_bolus_probability = config.missed_bolus_probability;
      return std::make_unique<BasalBolusController>(settings,
                                                    RandomStream(seed, subject_index, StreamPurpose::kMissedBolus));
    }
    case ControllerKind::kPid: {
      PidSettings settings;
      settings.basal = basal;
      settings.target_mg_dl = config.pid_target_mg_dl;
      settings.proportional_u_per_min_per_mg_dl = config.pid_kp_u_per_min_per_mg_dl;
      settings.integral_u_per_min_per_mg_dl_min = config.pid_ki_u_per_min_per_mg_dl_min;
      settings.derivative_u_per_min_per_mg_dl_per_min = config.pid_kd_u_per_min_per_mg_dl_per_min;
      return std::make_unique<PidController>(settings);
    }
  }
  return nullptr;
}

}  // namespace isletsim
