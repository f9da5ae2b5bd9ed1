// Trial participants put through the care loop (engine/care_loop.hpp) in a batch on one backend, keeping only what
// the endpoints need (every CGM reading, plasma glucose at the same instants, a summary per day, the therapy's
// endpoints at visits) so that a year costs megabytes, not a full minute series.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "devices/cgm_sensor.hpp"
#include "devices/insulin_pump.hpp"
#include "engine/backend.hpp"
#include "engine/hypo_treatment.hpp"
#include "engine/meal_intake.hpp"
#include "physiology/uva_padova_parameters.hpp"
#include "trial/arm_intervention.hpp"

namespace isletsim {

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
  std::vector<CareDaySummary> days;
  std::vector<std::vector<EndpointValue>> therapy_endpoints;  // one list per visit day, in setup order
};

// One participant with its therapy on `backend`.
ParticipantRecord simulate_participant(const ParticipantSetup& setup, ParticipantTherapy& therapy,
                                       const Backend& backend);

// Participants with the same number of days, batched in one care loop on `backend` (setups.size() ==
// therapies.size()); record k belongs to setup k and is the same as simulate_participant() would give.
std::vector<ParticipantRecord> simulate_participants(std::span<const ParticipantSetup> setups,
                                                     std::span<ParticipantTherapy* const> therapies,
                                                     const Backend& backend);

}  // namespace isletsim
