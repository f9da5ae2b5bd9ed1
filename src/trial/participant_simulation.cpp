#include "trial/participant_simulation.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "engine/care_loop.hpp"

namespace isletsim {

namespace {

constexpr long kMinutesPerDay = 1440;
long whole_minutes(double minutes) { return std::max(1L, std::lround(minutes)); }

// Keeps a participant's CGM readings, plasma glucose at the same instants, the day summaries and the therapy's
// endpoints at the end of each visit day (after the therapy's end_of_day, so they are the day's final values).
class ParticipantRecorder final : public CareRecorder {
 public:
  ParticipantRecorder(const ParticipantSetup& setup, const ParticipantTherapy& therapy, ParticipantRecord& record)
      : setup_(setup), therapy_(therapy), record_(record) {
    const long interval = setup.sensor ? whole_minutes(setup.sensor->sample_time_min) : 1;
    record_.cgm_interval_min = static_cast<double>(interval);
    record_.cgm_mg_dl.reserve(static_cast<std::size_t>(setup.days * kMinutesPerDay / interval + 1));
    record_.plasma_glucose_mg_dl.reserve(record_.cgm_mg_dl.capacity());
    record_.days.reserve(static_cast<std::size_t>(setup.days));
  }
  void sample(double /*t_min*/, double cgm_mg_dl, const SubjectObservation& now) override {
    record_.cgm_mg_dl.push_back(cgm_mg_dl);
    record_.plasma_glucose_mg_dl.push_back(now.plasma_glucose_mg_dl);
  }
  void end_of_day(const CareDaySummary& day) override {
    record_.days.push_back(day);
    const int days_done = day.day + 1;
    for (const int visit : setup_.visit_days) {
      if (visit != days_done) continue;
      record_.therapy_endpoints.emplace_back();
      therapy_.add_visit_endpoints(visit, record_.therapy_endpoints.back());
    }
  }

 private:
  const ParticipantSetup& setup_;
  const ParticipantTherapy& therapy_;
  ParticipantRecord& record_;
};

CareLane lane_of(const ParticipantSetup& setup) {
  CareLane lane;
  lane.meals = setup.meals;
  lane.announced_carbs_g = setup.announced_carbs_g;
  lane.sensor = setup.sensor;
  lane.seed = setup.seed;
  lane.subject_index = setup.subject_index;
  lane.sensor_stream = setup.sensor_stream;
  lane.pump = setup.pump;
  lane.hypo_treatment = setup.hypo_treatment;
  lane.stop_at_or_below_mg_dl = setup.stop_at_or_below_mg_dl;
  return lane;
}

}  // namespace

std::vector<ParticipantRecord> simulate_participants(std::span<const ParticipantSetup> setups,
                                                     std::span<ParticipantTherapy* const> therapies,
                                                     const Backend& backend) {
  if (setups.size() != therapies.size() || setups.empty()) {
    throw std::invalid_argument("simulate_participants: one therapy per setup, at least one");
  }
  const int days = setups.front().days;
  std::vector<ParticipantRecord> records(setups.size());
  std::vector<ParticipantRecorder> recorders;
  recorders.reserve(setups.size());
  std::vector<VirtualSubject> subjects;
  std::vector<CareLane> lanes;
  for (std::size_t k = 0; k < setups.size(); ++k) {
    if (setups[k].days != days) throw std::invalid_argument("simulate_participants: setups of different lengths");
    recorders.emplace_back(setups[k], *therapies[k], records[k]);
    subjects.emplace_back(setups[k].subject);
    CareLane lane = lane_of(setups[k]);
    lane.therapy = therapies[k];
    lane.recorder = &recorders.back();
    lanes.push_back(std::move(lane));
  }
  CareLoop loop(backend, subjects, std::move(lanes));
  loop.run(static_cast<long>(days) * kMinutesPerDay);
  return records;
}

ParticipantRecord simulate_participant(const ParticipantSetup& setup, ParticipantTherapy& therapy,
                                       const Backend& backend) {
  ParticipantTherapy* therapies[] = {&therapy};
  return std::move(simulate_participants(std::span<const ParticipantSetup>(&setup, 1), therapies, backend).front());
}

}  // namespace isletsim
