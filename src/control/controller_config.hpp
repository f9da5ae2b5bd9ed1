// ControllerConfig: which insulin controller a subject gets and its settings, independent of how it was written down;
// make_controller() builds it for one subject (defaults come from the subject's own therapy settings).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "control/basal_schedule.hpp"
#include "control/controller.hpp"
#include "control/open_loop_controller.hpp"
#include "physiology/uva_padova_parameters.hpp"

namespace isletsim {

enum class ControllerKind { kOpenLoop, kBasalBolus, kPid };

struct ControllerConfig {
  ControllerKind kind = ControllerKind::kOpenLoop;
  std::optional<BasalSchedule> basal;           // none: the subject's own steady-state basal rate
  std::vector<ScheduledBolus> boluses;          // open loop only
  std::optional<double> carb_ratio_g_per_u;     // basal-bolus; none: the subject's own
  std::optional<double> correction_factor_mg_dl_per_u;
  double correction_target_mg_dl = 140;
  double correction_threshold_mg_dl = 150;
  double missed_bolus_probability = 0;          // basal-bolus: a meal's bolus is skipped with this probability
  double pid_target_mg_dl = 120;
  double pid_kp_u_per_min_per_mg_dl = 0.001;
  double pid_ki_u_per_min_per_mg_dl_min = 0.00001;
  double pid_kd_u_per_min_per_mg_dl_per_min = 0.001;
  double control_interval_min = 0;              // 0: every sensor sample (every minute without a sensor)
};

// Builds the controller `config` asks for, for one subject (defaults come from the subject's own settings).
// seed and subject_index key the subject's random streams (missed boluses: StreamPurpose::kMissedBolus).
std::unique_ptr<Controller> make_controller(const ControllerConfig& config, const UvaPadovaParameters& subject,
                                            std::uint64_t seed, std::uint64_t subject_index);

}  // namespace isletsim
