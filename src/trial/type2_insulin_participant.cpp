// A type 2 participant on titrated basal insulin: see type2_insulin_participant.hpp.
#include "trial/type2_insulin_participant.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <memory>
#include <string>

#include "core/input_error.hpp"
#include "core/units.hpp"
#include "engine/care_loop.hpp"
#include "physiology/c_peptide_kinetics.hpp"
#include "physiology/hba1c_glycation.hpp"
#include "physiology/meal_model_with_subcutaneous_insulin.hpp"
#include "trial/standard_day.hpp"
#include "trial/prandial_insulin_titration.hpp"

namespace isletsim {

namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr std::size_t kMealsPerDay = 3;
using PrandialDoses = std::array<double, kMealsPerDay>;
constexpr int kFastingMinute = 7 * 60;        // 07:00, before breakfast
constexpr double kMaximumTreatedKnob = 10.0;  // the upper limit of with_insulin_resistance

// The meals of the standard day (trial/standard_day.hpp): 50 g at 07:00, 70 g at 12:00, 80 g at 18:00, eaten at
// 5 g/min (the simglucose reference day, shared/reference/README.md), announced to the injection plan.
constexpr std::array<int, kMealsPerDay> kMealStartMin{7 * 60, 12 * 60, 18 * 60};
constexpr int kTwoHoursMin = 120;

// Index of the meal whose "until the next meal" window holds this minute (the dinner's runs past midnight).
std::size_t meal_window(int minute_of_day) {
  if (minute_of_day >= kMealStartMin[2] || minute_of_day < kMealStartMin[0]) return 2;
  return minute_of_day >= kMealStartMin[1] ? 1 : 0;
}

struct DayResult {
  double mean_glucose_mg_dl = 0;
  double lowest_glucose_mg_dl = 0;
  double fasting_glucose_mg_dl = 0;
  double fasting_c_peptide_pmol_l = 0;
  std::array<double, kMealsPerDay> two_hour_glucose_mg_dl{};
  std::array<double, kMealsPerDay> lowest_until_next_meal_mg_dl{};
};

// The injections in force: basal insulin as a constant subcutaneous rate, and a rapid-acting dose given over the
// first minute of each announced meal (into the same depot). The titration changes the doses between days.
class InjectionPlan final : public Controller {
 public:
  double basal_u_per_day = 0;
  PrandialDoses prandial_u{};
  InsulinRequest decide(const ControllerObservation& now) override {
    InsulinRequest request;
    request.basal_u_per_min = basal_u_per_day / units::kMinutesPerDay;
    if (now.announced_carbs_g > 0) request.bolus_u = prandial_u[meal_window(static_cast<int>(now.time_of_day_min))];
    return request;
  }
};

// What the titration reads of a day: plasma glucose at each minute's start, fasting (07:00) glucose and C-peptide
// (Van Cauter 1992 kinetics driven by the pre-hepatic secretion S x BW held over each minute, c_peptide_kinetics.hpp),
// 2-h post-meal glucose and the lowest glucose of each meal's window.
class Type2DayRecorder final : public CareRecorder {
 public:
  Type2DayRecorder(const CPeptideKineticsParameters& c_peptide, double initial_secretion_pmol_per_min,
                   double body_weight_kg)
      : c_peptide_(c_peptide, initial_secretion_pmol_per_min), body_weight_kg_(body_weight_kg) {}
  void start_day() {
    day_ = DayResult{};
    day_.lowest_glucose_mg_dl = INFINITY;
    day_.lowest_until_next_meal_mg_dl.fill(INFINITY);
    sum_ = 0;
  }
  bool wants_minutes() const override { return true; }
  void minute(const CareMinute& m) override {
    const int minute = static_cast<int>(std::fmod(m.t_min, units::kMinutesPerDay));
    const double g = m.start.plasma_glucose_mg_dl;
    sum_ += g;
    day_.lowest_glucose_mg_dl = std::min(day_.lowest_glucose_mg_dl, g);
    double& window_lowest = day_.lowest_until_next_meal_mg_dl[meal_window(minute)];
    window_lowest = std::min(window_lowest, g);
    for (std::size_t k = 0; k < kMealsPerDay; ++k) {
      if (minute == kMealStartMin[k] + kTwoHoursMin) day_.two_hour_glucose_mg_dl[k] = g;
    }
    if (minute == kFastingMinute) {
      day_.fasting_glucose_mg_dl = g;
      day_.fasting_c_peptide_pmol_l = c_peptide_.plasma_pmol_l();
    }
    // C-peptide is secreted equimolar with insulin (c_peptide_kinetics.hpp): SR = S x BW, held over the minute.
    c_peptide_.advance(m.start.secretion_pmol_per_kg_per_min * body_weight_kg_, 1.0);
  }
  DayResult day() const {
    DayResult day = day_;
    day.mean_glucose_mg_dl = sum_ / kMinutesPerDay;
    return day;
  }

 private:
  CPeptideKinetics c_peptide_;
  double body_weight_kg_;
  DayResult day_;
  double sum_ = 0;
};

// Everything that carries over from one simulated day to the next: one care loop (one lane, the reference backend,
// no sensor, no pump: pens), continued day by day with the day's parameters.
class Participant {
 public:
  Participant(const MealModelParameters& subject, const CPeptideKineticsParameters& c_peptide, int max_days)
      : recorder_(c_peptide, meal_model_secretion_pmol_kg_min(subject, subject.initial_state) * subject.body_weight_kg,
                  subject.body_weight_kg),
        therapy_(plan_, 0.0) {
    CareLane lane;
    for (int day = 0; day < max_days; ++day) {
      for (std::size_t k = 0; k < kMealsPerDay; ++k) {
        lane.meals.push_back({day * units::kMinutesPerDay + kMealStartMin[k], kMealCarbsG[k], 5.0, true});
      }
    }
    lane.therapy = &therapy_;
    lane.recorder = &recorder_;
    const VirtualSubject subjects[] = {as_virtual_subject(subject)};
    std::vector<CareLane> lanes;
    lanes.push_back(std::move(lane));
    loop_ = std::make_unique<CareLoop>(backend_named("reference"), subjects, std::move(lanes));
  }

  // One day with the day's subject (its parameters held over the day, the solver restarted from the carried state).
  DayResult simulate_day(const MealModelParameters& subject, double basal_u_per_day, const PrandialDoses& prandial_u) {
    loop_->integrator().set_subject(0, as_virtual_subject(subject));
    plan_.basal_u_per_day = basal_u_per_day;
    plan_.prandial_u = prandial_u;
    recorder_.start_day();
    loop_->run(kMinutesPerDay);
    return recorder_.day();
  }

 private:
  static constexpr std::array<double, kMealsPerDay> kMealCarbsG{50.0, 70.0, 80.0};
  InjectionPlan plan_;
  Type2DayRecorder recorder_;
  ControllerTherapy therapy_;
  std::unique_ptr<CareLoop> loop_;
};

// True when an MSC infusion falls on a day in [start, end) (days from randomisation).
bool holds_infusion(const MscTherapyDesign* msc, int start, int end) {
  if (msc == nullptr) return false;
  for (const MscInfusion& infusion : msc->infusions) {
    if (infusion.day >= start && infusion.day < end) return true;
  }
  return false;
}

[[noreturn]] void fail(const std::string& key, const std::string& problem) { throw InputError({"", 0, key}, problem); }

}  // namespace

void validate_type2_care_plan(const Type2CarePlan& plan) {
  if (!std::isfinite(plan.prandial_start_dose_u_per_meal) || plan.prandial_start_dose_u_per_meal < 0) {
    fail("prandial_start_dose_u_per_meal",
         "must be zero (basal insulin only) or positive, got " + std::to_string(plan.prandial_start_dose_u_per_meal));
  }
  if (!std::isfinite(plan.start_basal_dose_u_per_day) || plan.start_basal_dose_u_per_day < 0) {
    fail("start_basal_dose_u_per_day",
         "must be zero or positive, got " + std::to_string(plan.start_basal_dose_u_per_day));
  }
  const int interval = titration_interval_days(plan.rule);
  if (plan.run_in_days < interval || plan.run_in_days % interval != 0) {
    fail("run_in_days", "must be a whole number (>= 1) of titration intervals of " + std::to_string(interval) +
                            " days, got " + std::to_string(plan.run_in_days));
  }
}

Type2ParticipantOutcome simulate_type2_participant(const MealModelParameters& published,
                                                   const TissueInsulinResistance& knobs, const MscTherapyDesign* msc,
                                                   const Type2CarePlan& plan, int follow_up_days) {
  validate_type2_care_plan(plan);
  if (follow_up_days < 1) fail("follow_up_days", "must be at least 1, got " + std::to_string(follow_up_days));
  if (msc != nullptr) validate_msc_therapy(*msc);
  const MealModelParameters untreated = with_insulin_resistance(published, knobs);

  CPeptidePerson person;
  person.body_weight_kg = untreated.body_weight_kg;
  person.obese_or_type2 = true;  // Van Cauter 1992: F = 0.78 in obese and type 2 subjects
  Participant participant(untreated, van_cauter_1992_standard_parameters(person), plan.run_in_days + follow_up_days);
  HbA1cGlycation glycation(HbA1cGlycationParameters{},
                           simulate_standard_day_without_insulin(untreated).mean_glucose_mg_dl);

  const int interval = titration_interval_days(plan.rule);
  double dose = plan.start_basal_dose_u_per_day;
  PrandialDoses prandial{};
  prandial.fill(plan.prandial_start_dose_u_per_meal);
  auto prandial_total = [&] { return prandial[0] + prandial[1] + prandial[2]; };
  Type2ParticipantOutcome outcome;
  DayResult last;
  // The subject of the day: MSC changes the knobs after randomisation (msc_therapy.hpp).
  auto subject_at = [&](double day_since_randomisation) {
    if (msc == nullptr || day_since_randomisation < 0) return untreated;
    TissueInsulinResistance treated = with_msc_effect(knobs, msc_effect_on_day(*msc, day_since_randomisation));
    // Assumption: a treated knob stays inside the range the model accepts (insulin_resistance.hpp: at most 10 times
    // the published subject); linear dose scaling can ask for more with high or repeated doses.
    for (double* knob :
         {&treated.muscle_fat_insulin_sensitivity, &treated.liver_insulin_sensitivity, &treated.beta_cell_function}) {
      if (*knob > kMaximumTreatedKnob) {
        *knob = kMaximumTreatedKnob;
        outcome.msc_effect_capped = true;
      }
    }
    return with_insulin_resistance(published, treated);
  };
  auto visit = [&](int day) {
    Type2Visit v;
    v.day = day;
    v.hba1c_percent = glycation.hba1c_percent();
    v.basal_insulin_u_per_day = dose;
    v.prandial_insulin_u_per_day = prandial_total();
    v.fasting_glucose_mg_dl = last.fasting_glucose_mg_dl;
    v.fasting_c_peptide_nmol_l = last.fasting_c_peptide_pmol_l / 1000.0;
    v.mean_glucose_mg_dl = last.mean_glucose_mg_dl;
    return v;
  };

  std::deque<double> recent_fasting;  // every-day mode: the FPGs the rule averages
  const std::size_t averaged_days =
      plan.rule == BasalTitrationRule::kTreatToTarget ? 2 : 3;  // Riddle 2003; Blonde 2009
  double lowest_since_adjustment = INFINITY;
  // Prandial readings since the last adjustment: sum of 2-h glucose (and the day count) and lowest per meal window.
  std::array<double, kMealsPerDay> two_hour_sum{};
  int two_hour_days = 0;
  std::array<double, kMealsPerDay> window_lowest{};
  window_lowest.fill(INFINITY);
  auto note_prandial = [&](const DayResult& day, int days) {
    for (std::size_t m = 0; m < kMealsPerDay; ++m) {
      two_hour_sum[m] += day.two_hour_glucose_mg_dl[m] * days;
      window_lowest[m] = std::min(window_lowest[m], day.lowest_until_next_meal_mg_dl[m]);
    }
    two_hour_days += days;
  };
  for (int start = -plan.run_in_days; start < follow_up_days; start += interval) {
    const int end = std::min(start + interval, follow_up_days);
    // An infusion steps the MSC effect: the days after it are a transient, not a slow drift, so an interval that
    // holds an infusion is simulated day by day even in the cheaper mode.
    const bool day_by_day = !plan.representative_day_per_interval || holds_infusion(msc, start, end);
    if (!day_by_day) {
      const double midpoint = start + 0.5 * (end - start);
      last = participant.simulate_day(subject_at(midpoint), dose, prandial);
      ++outcome.simulated_days;
      note_prandial(last, end - start);
      for (int d = start; d < end; ++d) glycation.advance_one_day(last.mean_glucose_mg_dl);
      recent_fasting.assign(1, last.fasting_glucose_mg_dl);
      lowest_since_adjustment = last.lowest_glucose_mg_dl;
    } else {
      for (int d = start; d < end; ++d) {
        last = participant.simulate_day(subject_at(d + 0.5), dose, prandial);
        ++outcome.simulated_days;
        note_prandial(last, 1);
        glycation.advance_one_day(last.mean_glucose_mg_dl);
        recent_fasting.push_back(last.fasting_glucose_mg_dl);
        if (recent_fasting.size() > averaged_days) recent_fasting.pop_front();
        lowest_since_adjustment = std::min(lowest_since_adjustment, last.lowest_glucose_mg_dl);
      }
    }
    if (end - start == interval) {  // a full interval ends: adjust (a truncated last one ends with the trial)
      TitrationReadings readings;
      double sum = 0;
      for (double f : recent_fasting) sum += f;
      readings.mean_fasting_glucose_mg_dl = sum / static_cast<double>(recent_fasting.size());
      readings.lowest_glucose_mg_dl = lowest_since_adjustment;
      dose = titrated_basal_dose_u_per_day(plan.rule, dose, readings);
      lowest_since_adjustment = INFINITY;
      if (plan.prandial_start_dose_u_per_meal > 0) {
        for (std::size_t m = 0; m < kMealsPerDay; ++m) {
          prandial[m] = titrated_prandial_dose_u(prandial[m], {two_hour_sum[m] / two_hour_days, window_lowest[m]});
        }
      }
      two_hour_sum.fill(0);
      two_hour_days = 0;
      window_lowest.fill(INFINITY);
    }
    if (end == 0) outcome.baseline = visit(0);
  }
  outcome.end = visit(follow_up_days);
  return outcome;
}

}  // namespace isletsim
