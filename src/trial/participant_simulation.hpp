// One trial participant simulated minute by minute: the loop of the reference engine (engine/reference_engine.hpp:
// sensor at its sample times, meals announced to the controller, pump quantisation, physiology integrated over
// each minute with its inputs held) with an ArmIntervention's therapy in it, keeping only what the endpoints need
// (every CGM reading and a summary per day) so that a year costs megabytes, not a full minute series.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/random_stream.hpp"
#include "devices/cgm_sensor.hpp"
#include "devices/insulin_pump.hpp"
#include "engine/meal_intake.hpp"
#include "physiology/uva_padova_parameters.hpp"
#include "trial/arm_intervention.hpp"

namespace isletsim {

// What a participant does about a low CGM reading: eats fast carbohydrate and checks again after a while -- the
// "15-15 rule" (ADA Standards of Care in Diabetes 2024, section 6, "Glycemic Goals and Hypoglycemia": 15-20 g of
// glucose at < 70 mg/dl, recheck after 15 minutes, repeat while low). Rescue carbohydrate is not announced to the
// controller. Eating rate: glucose tablets or juice within a minute or two (assumption: 15 g/min).
struct HypoTreatment {
  double threshold_mg_dl = 70;
  double carbs_g = 15;
  double recheck_min = 15;
  double eating_rate_g_per_min = 15;
};

struct ParticipantSetup {
  UvaPadovaParameters subject;
  std::uint64_t seed = 1;
  std::uint64_t subject_index = 0;
  int days = 1;
  std::vector<Meal> meals;                        // minutes since the start (midnight of day 0), sorted
  // Carbohydrate announced to the controller per meal, in meal order (trial/carb_counting_error.hpp); empty: each
  // announced meal is announced as eaten.
  std::vector<double> announced_carbs_g;
  std::optional<CgmSensorParameters> sensor;      // none: the controller sees subcutaneous glucose each minute
  InsulinPumpParameters pump;
  StreamPurpose sensor_stream = StreamPurpose::kSensorNoise;
  std::vector<int> visit_days;                    // days (>= 1) at whose end the therapy's endpoints are read
  std::optional<HypoTreatment> hypo_treatment;    // none: lows are not treated
  // The UVA/Padova 2008 model has no counter-regulation: under gross over-insulinisation glucose reaches 0 and
  // the model is meaningless from then on. The simulation stops at the end of the day on which plasma glucose
  // fell to this level (record.days is then shorter than `days`).
  double stop_at_or_below_mg_dl = 0.01;
};

struct ParticipantRecord {
  double cgm_interval_min = 1;
  std::vector<double> cgm_mg_dl;                  // reading k at t = k * cgm_interval_min
  // Plasma glucose at the same instants as the CGM readings: the model's truth beside what the sensor shows.
  std::vector<double> plasma_glucose_mg_dl;
  std::vector<TrialDaySummary> days;
  std::vector<std::vector<EndpointValue>> therapy_endpoints;  // one list per visit day, in setup order
};

ParticipantRecord simulate_participant(const ParticipantSetup& setup, ParticipantTherapy& therapy);

}  // namespace isletsim
