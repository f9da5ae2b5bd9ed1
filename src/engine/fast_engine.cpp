#include "engine/fast_engine.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <optional>

#include "core/units.hpp"
#include "devices/cgm_sensor.hpp"
#include "devices/insulin_pump.hpp"
#include "engine/fast_subject_integrator.hpp"
#include "engine/meal_intake.hpp"

namespace isletsim {

namespace {
long whole_minutes(double minutes) { return std::max(1L, std::lround(minutes)); }

// std::fmod(x, 1440) for the increasing x = start time of day + t of the minute loop, without a call each minute:
// whole days are taken off x as it passes them. Bit-for-bit fmod's value: for x >= 0, fmod returns exactly
// x - n 1440 with n = floor(x / 1440); the day count below finds the same n (rounding is monotone and 1440 is exact),
// and the subtraction is exact by Sterbenz's lemma (w <= x <= 2w for w = n 1440, n >= 1). Negative or NaN x: fmod.
class TimeOfDay {
 public:
  double at(double x_min) {
    if (!(x_min >= 0)) return std::fmod(x_min, units::kMinutesPerDay);
    while (x_min - whole_days_min_ >= units::kMinutesPerDay) whole_days_min_ += units::kMinutesPerDay;
    return x_min - whole_days_min_;
  }

 private:
  double whole_days_min_ = 0;
};

// InsulinPump::deliver is a pure function of its two arguments; the fast loop reuses its last answer when the
// request is bitwise the same (mostly the unchanged basal rate and no bolus), as the loop would only recompute it.
class RepeatedDelivery {
 public:
  explicit RepeatedDelivery(const InsulinPump& pump) : pump_(pump) {}
  InsulinDelivery deliver(double basal_u_per_min, double bolus_u) {
    const auto basal_bits = std::bit_cast<std::uint64_t>(basal_u_per_min);
    const auto bolus_bits = std::bit_cast<std::uint64_t>(bolus_u);
    if (!known_ || basal_bits != basal_bits_ || bolus_bits != bolus_bits_) {
      last_ = pump_.deliver(basal_u_per_min, bolus_u);
      basal_bits_ = basal_bits;
      bolus_bits_ = bolus_bits;
      known_ = true;
    }
    return last_;
  }

 private:
  const InsulinPump& pump_;
  bool known_ = false;
  std::uint64_t basal_bits_ = 0, bolus_bits_ = 0;
  InsulinDelivery last_;
};
}  // namespace

// The loop below is the reference engine's loop (engine/reference_engine.cpp) line for line; only the integrator
// differs, and three per-minute costs that give the same values (the interval counters, TimeOfDay,
// RepeatedDelivery). Keep the two in step: tests/engine/fast_engine_test.cpp compares their inputs and outputs.
SubjectTimeSeries simulate_subject_fast(const Scenario& scenario, const UvaPadovaParameters& subject,
                                        std::uint64_t subject_index, Controller& controller,
                                        FastIntegratorOptions options) {
  FastSubjectIntegrator integrator(subject, options);
  std::optional<CgmSensor> sensor;
  if (scenario.sensor) {
    sensor.emplace(*scenario.sensor, RandomStream(scenario.seed, subject_index, StreamPurpose::kSensorNoise));
  }
  const InsulinPump pump(scenario.pump);
  const long sample_interval_min = sensor ? whole_minutes(sensor->parameters().sample_time_min) : 1;
  const long control_interval_min = scenario.controller.control_interval_min > 0
                                        ? whole_minutes(scenario.controller.control_interval_min)
                                        : sample_interval_min;
  const long minutes = std::lround(scenario.duration_min);

  SubjectTimeSeries series;
  series.subject = subject.name;
  series.reserve(static_cast<std::size_t>(minutes));
  MealIntake intake;
  std::size_t next_meal = 0;
  double announced_carbs_g = 0;
  double cgm_mg_dl = integrator.subcutaneous_glucose_mg_dl();
  double basal_u_per_min = 0;
  // Minutes until the next sensor reading and controller decision: minute % interval == 0 without a division.
  long minutes_to_sample = 0, minutes_to_decision = 0;
  TimeOfDay time_of_day;
  RepeatedDelivery delivered(pump);

  for (long minute = 0; minute < minutes; ++minute) {
    const double t_min = static_cast<double>(minute);
    if (minutes_to_sample == 0) {
      cgm_mg_dl = sensor ? sensor->measure(integrator.subcutaneous_glucose_mg_dl())
                         : integrator.subcutaneous_glucose_mg_dl();
      minutes_to_sample = sample_interval_min;
    }
    --minutes_to_sample;
    while (next_meal < scenario.meals.size() && scenario.meals[next_meal].t_min < t_min + 1.0) {
      const Meal& meal = scenario.meals[next_meal++];
      intake.serve(meal.carbs_g, meal.eating_rate_g_per_min);
      if (meal.announced) announced_carbs_g += meal.carbs_g;
    }
    double bolus_u = 0;
    if (minutes_to_decision == 0) {
      minutes_to_decision = control_interval_min;
      ControllerObservation now;
      now.t_min = t_min;
      now.time_of_day_min = time_of_day.at(scenario.start_time_of_day_min + t_min);
      now.cgm_mg_dl = cgm_mg_dl;
      now.announced_carbs_g = announced_carbs_g;
      now.control_interval_min = static_cast<double>(control_interval_min);
      announced_carbs_g = 0;
      const InsulinRequest request = controller.decide(now);
      const InsulinDelivery delivery = delivered.deliver(request.basal_u_per_min, request.bolus_u);
      basal_u_per_min = delivery.basal_u_per_min;
      bolus_u = delivery.bolus_u;
    }
    --minutes_to_decision;
    const double insulin_u_per_min = basal_u_per_min + bolus_u;
    const double carbs_g_per_min = intake.eat(1.0);

    series.t_min.push_back(t_min);
    series.glucose_plasma_mg_dl.push_back(integrator.plasma_glucose_mg_dl());
    series.glucose_sc_mg_dl.push_back(integrator.subcutaneous_glucose_mg_dl());
    series.cgm_mg_dl.push_back(cgm_mg_dl);
    series.insulin_u_per_min.push_back(insulin_u_per_min);
    series.carbs_g_per_min.push_back(carbs_g_per_min);

    integrator.advance(carbs_g_per_min, insulin_u_per_min, 1.0);
  }
  return series;
}

SubjectTimeSeries simulate_subject_fast(const Scenario& scenario, const UvaPadovaParameters& subject,
                                        std::uint64_t subject_index) {
  auto controller = make_controller(scenario.controller, subject, scenario.seed, subject_index);
  return simulate_subject_fast(scenario, subject, subject_index, *controller);
}

}  // namespace isletsim
