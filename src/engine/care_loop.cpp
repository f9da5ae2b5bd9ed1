#include "engine/care_loop.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "engine/time_of_day.hpp"

namespace isletsim {

namespace {

constexpr long kMinutesPerDay = 1440;

// Whole minutes between events of a periodic device (sample times are whole minutes by validation).
long whole_minutes(double minutes) { return std::max(1L, std::lround(minutes)); }

// InsulinPump::deliver is a pure function of its two arguments; the loop reuses its last answer when the request is
// bitwise the same (mostly the unchanged basal rate and no bolus), where it would only recompute it.
class RepeatedDelivery {
 public:
  InsulinDelivery deliver(const InsulinPump& pump, double basal_u_per_min, double bolus_u) {
    const auto basal_bits = std::bit_cast<std::uint64_t>(basal_u_per_min);
    const auto bolus_bits = std::bit_cast<std::uint64_t>(bolus_u);
    if (!known_ || basal_bits != basal_bits_ || bolus_bits != bolus_bits_) {
      last_ = pump.deliver(basal_u_per_min, bolus_u);
      basal_bits_ = basal_bits;
      bolus_bits_ = bolus_bits;
      known_ = true;
    }
    return last_;
  }

 private:
  bool known_ = false;
  std::uint64_t basal_bits_ = 0, bolus_bits_ = 0;
  InsulinDelivery last_;
};

std::uint32_t routes_of(const CareLane& lane) {
  std::uint32_t routes = lane.therapy->input_routes() | kRouteCarbs;
  return routes;
}

}  // namespace

struct CareLoop::LaneState {
  std::optional<CgmSensor> sensor;
  std::optional<InsulinPump> pump;
  RepeatedDelivery delivered;
  MealIntake intake;
  TimeOfDay time_of_day;
  std::size_t next_meal = 0;
  double announced_carbs_g = 0;
  double cgm_mg_dl = 0;
  double basal_u_per_min = 0;
  long sample_interval_min = 1, control_interval_min = 1;
  long minutes_to_sample = 0, minutes_to_decision = 0;
  double last_rescue_min = -std::numeric_limits<double>::infinity();
  bool minute_inputs = false;
  bool portal = false;
  bool record_minutes = false;
  bool stopped = false;
  // This minute's inputs, for the recorder.
  double exogenous_u_per_min = 0, endogenous_u_per_min = 0, carbs_g_per_min = 0;
  // The day so far.
  CareDaySummary day;
  double glucose_sum = 0;
  double glucose_min = std::numeric_limits<double>::infinity();
  double cgm_sum = 0;
  long cgm_count = 0;
  double cgm_min = std::numeric_limits<double>::infinity();
};

CareLoop::CareLoop(const Backend& backend, std::span<const VirtualSubject> subjects, std::vector<CareLane> lanes,
                   CareLoopOptions options)
    : lanes_(std::move(lanes)), options_(options) {
  if (subjects.size() != lanes_.size() || subjects.empty()) {
    throw std::invalid_argument("care loop: " + std::to_string(subjects.size()) + " subjects for " +
                                std::to_string(lanes_.size()) + " lanes");
  }
  const SubjectModel model = model_of(subjects.front());
  std::uint32_t routes = 0;
  for (const CareLane& lane : lanes_) {
    if (lane.therapy == nullptr) throw std::invalid_argument("care loop: a lane without a therapy");
    routes |= routes_of(lane);
    if (lane.sensor && model == SubjectModel::kDallaMan2007) {
      throw std::invalid_argument(
          "care loop: a CGM sensor needs interstitial glucose, which the Dalla Man 2007 meal model does not have "
          "(the sensor error model of Breton & Kovatchev 2008 was fitted to subcutaneous glucose)");
    }
  }
  require_support(backend, model, routes);
  integrator_ = backend.make(subjects);

  states_.resize(lanes_.size());
  inputs_.resize(lanes_.size());
  now_.resize(lanes_.size());
  before_.resize(lanes_.size());
  integrator_->observe(now_);
  for (std::size_t i = 0; i < lanes_.size(); ++i) {
    const CareLane& lane = lanes_[i];
    LaneState& s = states_[i];
    if (lane.sensor) s.sensor.emplace(*lane.sensor, RandomStream(lane.seed, lane.subject_index, lane.sensor_stream));
    if (lane.pump) s.pump.emplace(*lane.pump);
    s.sample_interval_min = s.sensor ? whole_minutes(s.sensor->parameters().sample_time_min) : 1;
    const double control = lane.therapy->control_interval_min();
    s.control_interval_min = control > 0 ? whole_minutes(control) : s.sample_interval_min;
    s.minute_inputs = lane.therapy->has_minute_inputs();
    s.portal = lane.therapy->endogenous_insulin_route() == EndogenousInsulinRoute::kPortal;
    s.record_minutes = lane.recorder != nullptr && lane.recorder->wants_minutes();
    any_minute_recorder_ = any_minute_recorder_ || s.record_minutes;
    s.cgm_mg_dl = now_[i].subcutaneous_glucose_mg_dl;
  }
}

CareLoop::~CareLoop() = default;

bool CareLoop::stopped(std::size_t lane) const { return states_.at(lane).stopped; }

void CareLoop::start_minute(std::size_t i, LaneState& s) {
  const CareLane& lane = lanes_[i];
  const SubjectObservation& now = now_[i];
  const double t_min = static_cast<double>(minute_);
  if (s.minutes_to_sample == 0) {
    s.minutes_to_sample = s.sample_interval_min;
    s.cgm_mg_dl = s.sensor ? s.sensor->measure(now.subcutaneous_glucose_mg_dl) : now.subcutaneous_glucose_mg_dl;
    if (lane.recorder != nullptr) lane.recorder->sample(t_min, s.cgm_mg_dl, now);
    s.cgm_sum += s.cgm_mg_dl;
    ++s.cgm_count;
    s.cgm_min = std::min(s.cgm_min, s.cgm_mg_dl);
    if (lane.hypo_treatment && s.cgm_mg_dl < lane.hypo_treatment->threshold_mg_dl &&
        t_min - s.last_rescue_min >= lane.hypo_treatment->recheck_min) {
      s.intake.serve(lane.hypo_treatment->carbs_g, lane.hypo_treatment->eating_rate_g_per_min);
      s.day.rescue_carbs_g += lane.hypo_treatment->carbs_g;
      s.last_rescue_min = t_min;
    }
  }
  --s.minutes_to_sample;
  while (s.next_meal < lane.meals.size() && lane.meals[s.next_meal].t_min < t_min + 1.0) {
    const std::size_t meal_index = s.next_meal++;
    const Meal& meal = lane.meals[meal_index];
    s.intake.serve(meal.carbs_g, meal.eating_rate_g_per_min);
    if (meal.announced) {
      s.announced_carbs_g += lane.announced_carbs_g.empty() ? meal.carbs_g : lane.announced_carbs_g.at(meal_index);
    }
  }
  double bolus_u = 0;
  if (s.minutes_to_decision == 0) {
    s.minutes_to_decision = s.control_interval_min;
    Controller* controller = lane.therapy->controller();
    s.basal_u_per_min = 0;
    if (controller != nullptr) {
      ControllerObservation observation;
      observation.t_min = t_min;
      observation.time_of_day_min = s.time_of_day.at(options_.start_time_of_day_min + t_min);
      observation.cgm_mg_dl = s.cgm_mg_dl;
      observation.announced_carbs_g = s.announced_carbs_g;
      observation.control_interval_min = static_cast<double>(s.control_interval_min);
      const InsulinRequest request = controller->decide(observation);
      if (s.pump) {
        const InsulinDelivery delivery = s.delivered.deliver(*s.pump, request.basal_u_per_min, request.bolus_u);
        s.basal_u_per_min = delivery.basal_u_per_min;
        bolus_u = delivery.bolus_u;
      } else {
        s.basal_u_per_min = request.basal_u_per_min;
        bolus_u = request.bolus_u;
      }
    }
    s.announced_carbs_g = 0;
  }
  --s.minutes_to_decision;

  const double exogenous_u_per_min = s.basal_u_per_min + bolus_u;  // a bolus is delivered within its minute
  SubjectInputs& u = inputs_[i];
  u = SubjectInputs{};
  double endogenous_u_per_min = 0;
  double carbs_g_per_min = s.intake.eat(1.0);
  if (s.minute_inputs) {
    TherapyMinuteInputs add;
    lane.therapy->minute_inputs(t_min, now, add);
    endogenous_u_per_min = std::max(0.0, add.endogenous_insulin_u_per_min);
    u.glucagon_egp_mg_per_kg_per_min = std::max(0.0, add.glucagon_egp_mg_per_kg_per_min);
    carbs_g_per_min += add.carbs_g_per_min;
    u.intravenous_glucose_mg_per_kg_per_min = add.intravenous_glucose_mg_per_kg_per_min;
    u.intravenous_insulin_pmol_per_kg_per_min = add.intravenous_insulin_pmol_per_kg_per_min;
  }
  u.carbs_g_per_min = carbs_g_per_min;
  if (s.portal) {
    u.subcutaneous_insulin_u_per_min = exogenous_u_per_min;
    u.portal_insulin_u_per_min = endogenous_u_per_min;
  } else {
    u.subcutaneous_insulin_u_per_min = exogenous_u_per_min + endogenous_u_per_min;
  }
  s.glucose_sum += now.plasma_glucose_mg_dl;
  s.glucose_min = std::min(s.glucose_min, now.plasma_glucose_mg_dl);
  s.day.exogenous_insulin_u += exogenous_u_per_min;
  s.day.endogenous_insulin_u += endogenous_u_per_min;
  s.day.carbs_g += carbs_g_per_min;
  s.exogenous_u_per_min = exogenous_u_per_min;
  s.endogenous_u_per_min = endogenous_u_per_min;
  s.carbs_g_per_min = carbs_g_per_min;
}

void CareLoop::end_day(std::size_t i, LaneState& s) {
  const CareLane& lane = lanes_[i];
  CareDaySummary& day = s.day;
  day.day = static_cast<int>(minute_ / kMinutesPerDay) - 1;
  day.mean_plasma_glucose_mg_dl = s.glucose_sum / static_cast<double>(kMinutesPerDay);
  day.min_plasma_glucose_mg_dl = s.glucose_min;
  day.min_cgm_mg_dl = s.cgm_min;
  day.mean_cgm_mg_dl = s.cgm_sum / static_cast<double>(std::max(1L, s.cgm_count));
  lane.therapy->end_of_day(day);
  if (lane.recorder != nullptr) lane.recorder->end_of_day(day);
  if (lane.stop_at_or_below_mg_dl && !(day.min_plasma_glucose_mg_dl > *lane.stop_at_or_below_mg_dl)) {
    s.stopped = true;
  }
  s.day = CareDaySummary{};
  s.glucose_sum = 0;
  s.glucose_min = std::numeric_limits<double>::infinity();
  s.cgm_sum = 0;
  s.cgm_count = 0;
  s.cgm_min = std::numeric_limits<double>::infinity();
}

void CareLoop::run(long minutes) {
  const std::size_t n = lanes_.size();
  for (long m = 0; m < minutes; ++m) {
    bool any_running = false;
    for (std::size_t i = 0; i < n; ++i) {
      LaneState& s = states_[i];
      if (s.stopped) {
        inputs_[i] = SubjectInputs{};  // a stopped lane idles in the batch; nothing reads it
        continue;
      }
      any_running = true;
      start_minute(i, s);
    }
    if (!any_running) return;
    if (any_minute_recorder_) before_.assign(now_.begin(), now_.end());
    integrator_->advance(inputs_, 1.0);
    integrator_->observe(now_);
    const double t_min = static_cast<double>(minute_);
    ++minute_;
    const bool day_ends = minute_ % kMinutesPerDay == 0;
    for (std::size_t i = 0; i < n; ++i) {
      LaneState& s = states_[i];
      if (s.stopped) continue;
      if (s.record_minutes) {
        CareMinute record;
        record.t_min = t_min;
        record.start = before_[i];
        record.end = now_[i];
        record.cgm_mg_dl = s.cgm_mg_dl;
        record.exogenous_insulin_u_per_min = s.exogenous_u_per_min;
        record.endogenous_insulin_u_per_min = s.endogenous_u_per_min;
        record.carbs_g_per_min = s.carbs_g_per_min;
        lanes_[i].recorder->minute(record);
      }
      if (day_ends) end_day(i, s);
    }
  }
}

}  // namespace isletsim
