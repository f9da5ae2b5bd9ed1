#include "trial/participant_simulation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/units.hpp"
#include "engine/subject_integrator.hpp"

namespace isletsim {

namespace {
long whole_minutes(double minutes) { return std::max(1L, std::lround(minutes)); }
constexpr long kMinutesPerDay = 1440;
}  // namespace

ParticipantRecord simulate_participant(const ParticipantSetup& setup, ParticipantTherapy& therapy) {
  SubjectIntegrator integrator(setup.subject);
  std::optional<CgmSensor> sensor;
  if (setup.sensor) sensor.emplace(*setup.sensor, RandomStream(setup.seed, setup.subject_index, setup.sensor_stream));
  const InsulinPump pump(setup.pump);
  const long sample_interval_min = sensor ? whole_minutes(sensor->parameters().sample_time_min) : 1;
  const long control_interval_min =
      therapy.control_interval_min() > 0 ? whole_minutes(therapy.control_interval_min()) : sample_interval_min;

  ParticipantRecord record;
  record.cgm_interval_min = static_cast<double>(sample_interval_min);
  record.cgm_mg_dl.reserve(static_cast<std::size_t>(setup.days * kMinutesPerDay / sample_interval_min + 1));
  record.plasma_glucose_mg_dl.reserve(record.cgm_mg_dl.capacity());
  MealIntake intake;
  std::size_t next_meal = 0;
  double announced_carbs_g = 0;
  double cgm_mg_dl = integrator.subcutaneous_glucose_mg_dl();
  double basal_u_per_min = 0;
  TrialDaySummary day;
  double last_rescue_min = -std::numeric_limits<double>::infinity();
  double glucose_sum = 0;
  double glucose_min = std::numeric_limits<double>::infinity();
  double cgm_sum = 0;
  long cgm_count = 0;
  double cgm_min = std::numeric_limits<double>::infinity();

  const long minutes = setup.days * kMinutesPerDay;
  for (long minute = 0; minute < minutes; ++minute) {
    const double t_min = static_cast<double>(minute);
    if (minute % sample_interval_min == 0) {
      cgm_mg_dl = sensor ? sensor->measure(integrator.subcutaneous_glucose_mg_dl())
                         : integrator.subcutaneous_glucose_mg_dl();
      record.cgm_mg_dl.push_back(cgm_mg_dl);
      record.plasma_glucose_mg_dl.push_back(integrator.plasma_glucose_mg_dl());
      cgm_sum += cgm_mg_dl;
      ++cgm_count;
      cgm_min = std::min(cgm_min, cgm_mg_dl);
      if (setup.hypo_treatment && cgm_mg_dl < setup.hypo_treatment->threshold_mg_dl &&
          t_min - last_rescue_min >= setup.hypo_treatment->recheck_min) {
        intake.serve(setup.hypo_treatment->carbs_g, setup.hypo_treatment->eating_rate_g_per_min);
        day.rescue_carbs_g += setup.hypo_treatment->carbs_g;
        last_rescue_min = t_min;
      }
    }
    while (next_meal < setup.meals.size() && setup.meals[next_meal].t_min < t_min + 1.0) {
      const std::size_t meal_index = next_meal++;
      const Meal& meal = setup.meals[meal_index];
      intake.serve(meal.carbs_g, meal.eating_rate_g_per_min);
      if (meal.announced) {
        announced_carbs_g += setup.announced_carbs_g.empty() ? meal.carbs_g : setup.announced_carbs_g.at(meal_index);
      }
    }
    double bolus_u = 0;
    if (minute % control_interval_min == 0) {
      Controller* controller = therapy.controller();
      basal_u_per_min = 0;
      if (controller != nullptr) {
        ControllerObservation now;
        now.t_min = t_min;
        now.time_of_day_min = std::fmod(t_min, units::kMinutesPerDay);  // the trial day starts at midnight
        now.cgm_mg_dl = cgm_mg_dl;
        now.announced_carbs_g = announced_carbs_g;
        now.control_interval_min = static_cast<double>(control_interval_min);
        const InsulinRequest request = controller->decide(now);
        const InsulinDelivery delivery = pump.deliver(request.basal_u_per_min, request.bolus_u);
        basal_u_per_min = delivery.basal_u_per_min;
        bolus_u = delivery.bolus_u;
      }
      announced_carbs_g = 0;
    }
    const double plasma_mg_dl = integrator.plasma_glucose_mg_dl();
    const double exogenous_u_per_min = basal_u_per_min + bolus_u;  // a bolus is delivered within its minute
    const double endogenous_u_per_min = std::max(0.0, therapy.endogenous_insulin_u_per_min(t_min, plasma_mg_dl));
    const double glucagon_egp_mg_per_kg_per_min = std::max(
        0.0, therapy.counter_regulation_egp_mg_per_kg_per_min(t_min, plasma_mg_dl, integrator.plasma_insulin_pmol_l()));
    const double carbs_g_per_min = intake.eat(1.0);
    glucose_sum += plasma_mg_dl;
    glucose_min = std::min(glucose_min, plasma_mg_dl);
    day.exogenous_insulin_u += exogenous_u_per_min;
    day.endogenous_insulin_u += endogenous_u_per_min;
    day.carbs_g += carbs_g_per_min;

    if (therapy.endogenous_insulin_route() == EndogenousInsulinRoute::kPortal) {
      integrator.advance_with_portal_insulin_and_glucagon(carbs_g_per_min, exogenous_u_per_min, endogenous_u_per_min,
                                                          glucagon_egp_mg_per_kg_per_min, 1.0);
    } else {
      integrator.advance_with_portal_insulin_and_glucagon(carbs_g_per_min, exogenous_u_per_min + endogenous_u_per_min,
                                                          0.0, glucagon_egp_mg_per_kg_per_min, 1.0);
    }

    if ((minute + 1) % kMinutesPerDay == 0) {
      day.day = static_cast<int>(minute / kMinutesPerDay);
      day.mean_plasma_glucose_mg_dl = glucose_sum / static_cast<double>(kMinutesPerDay);
      day.min_plasma_glucose_mg_dl = glucose_min;
      day.min_cgm_mg_dl = cgm_min;
      day.mean_cgm_mg_dl = cgm_sum / static_cast<double>(std::max(1L, cgm_count));
      record.days.push_back(day);
      therapy.end_of_day(day);
      const int days_done = day.day + 1;
      for (const int visit : setup.visit_days) {
        if (visit != days_done) continue;
        record.therapy_endpoints.emplace_back();
        therapy.add_visit_endpoints(visit, record.therapy_endpoints.back());
      }
      if (!(day.min_plasma_glucose_mg_dl > setup.stop_at_or_below_mg_dl)) break;
      day = TrialDaySummary{};
      glucose_sum = 0;
      glucose_min = std::numeric_limits<double>::infinity();
      cgm_sum = 0;
      cgm_count = 0;
      cgm_min = std::numeric_limits<double>::infinity();
    }
  }
  return record;
}

}  // namespace isletsim
