#include "progression/multiscale_course.hpp"

#include <algorithm>
#include <memory>
#include <cmath>
#include <string>

#include "core/input_error.hpp"
#include "core/random_stream.hpp"
#include "engine/care_loop.hpp"
#include "physiology/dalla_man_2007_model.hpp"
#include "physiology/insulin_resistance.hpp"
#include "progression/everyday_care.hpp"

namespace isletsim {

namespace {

constexpr int kMinutesPerDay = 1440;

[[noreturn]] void reject(const std::string& key, const std::string& problem) {
  throw InputError({"", 0, key}, problem);
}

void validate(const MultiscaleOptions& o) {
  const int h = o.coupling_interval_min;
  if (h <= 0 || (kMinutesPerDay % h != 0 && h % kMinutesPerDay != 0)) {
    reject("coupling_interval_min", "must divide 1440 or be a multiple of 1440 minutes, got " + std::to_string(h));
  }
  if (!std::isfinite(o.duration_day) || o.duration_day < 1 || o.duration_day != std::floor(o.duration_day) ||
      o.duration_day > 36500) {
    reject("duration_day", "must be a whole number of days between 1 and 36500, got " + std::to_string(o.duration_day));
  }
  for (std::size_t i = 0; i < o.routine.meals.size(); ++i) {
    const auto& m = o.routine.meals[i];
    const std::string key = "routine.meals[" + std::to_string(i) + "]";
    if (!std::isfinite(m.carbs_g) || m.carbs_g < 0) reject(key + ".carbs_g", "must be >= 0 g");
    if (!std::isfinite(m.duration_min) || m.duration_min < 1) reject(key + ".duration_min", "must be >= 1 min");
    if (!std::isfinite(m.start_min_of_day) || m.start_min_of_day < 0 ||
        m.start_min_of_day + m.duration_min > kMinutesPerDay) {
      reject(key + ".start_min_of_day", "the meal must lie within the day (0..1440 min)");
    }
  }
  const double fs = o.routine.fasting_sample_min_of_day;
  if (!std::isfinite(fs) || fs < 0 || fs >= kMinutesPerDay)
    reject("routine.fasting_sample_min_of_day", "must be in [0, 1440)");
  for (std::size_t i = 0; i < o.exercise.size(); ++i) {
    const auto& e = o.exercise[i];
    const std::string key = "exercise[" + std::to_string(i) + "]";
    if (!std::isfinite(e.day) || e.day < 0) reject(key + ".day", "must be >= 0");
    if (!std::isfinite(e.duration_min) || e.duration_min <= 0 || e.duration_min > 600) {
      reject(key + ".duration_min", "must be in (0, 600] min");
    }
    if (!std::isfinite(e.start_min_of_day) || e.start_min_of_day < 0 ||
        e.start_min_of_day + e.duration_min > kMinutesPerDay) {
      reject(key + ".start_min_of_day", "the bout must lie within the day (0..1440 min)");
    }
    if (!std::isfinite(e.net_uptake_mg_per_kg_per_min) || e.net_uptake_mg_per_kg_per_min < 0 ||
        e.net_uptake_mg_per_kg_per_min > 10) {
      reject(key + ".net_uptake_mg_per_kg_per_min", "must be in [0, 10] mg/kg/min");
    }
  }
  for (std::size_t i = 0; i < o.sleep.size(); ++i) {
    if (!std::isfinite(o.sleep[i].day) || o.sleep[i].day < 0)
      reject("sleep[" + std::to_string(i) + "].day", "must be >= 0");
    (void)sleep_restriction_sensitivity(o.sleep[i].hours);  // throws with key sleep_hours
  }
  for (std::size_t i = 0; i < o.weight.size(); ++i) {
    if (!std::isfinite(o.weight[i].day) || o.weight[i].day < 0)
      reject("weight[" + std::to_string(i) + "].day", "must be >= 0");
    (void)weight_change_sensitivity(o.weight[i].percent_of_start);  // throws with key weight_change_percent
  }
  const auto& s = o.sensitivity;
  if (!std::isfinite(s.muscle_target) || s.muscle_target <= 0 || s.muscle_target > 10) {
    reject("sensitivity.muscle_target", "must be in (0, 10]");
  }
  if (!std::isfinite(s.liver_target) || s.liver_target <= 0 || s.liver_target > 10) {
    reject("sensitivity.liver_target", "must be in (0, 10]");
  }
  if (!std::isfinite(s.rate_per_day) || s.rate_per_day < 0) reject("sensitivity.rate_per_day", "must be >= 0 /day");
  if (!std::isfinite(s.start_day) || s.start_day < 0) reject("sensitivity.start_day", "must be >= 0");
  if (o.basal_insulin) {
    const auto& b = *o.basal_insulin;
    if (!std::isfinite(b.adherence) || b.adherence < 0 || b.adherence > 1) {
      reject("basal_insulin.adherence", "must be a probability in [0, 1]");
    }
    if (!std::isfinite(b.rate_pmol_per_kg_per_min) || b.rate_pmol_per_kg_per_min < 0) {
      reject("basal_insulin.rate_pmol_per_kg_per_min", "must be >= 0");
    }
    if (!std::isfinite(b.start_day) || b.start_day < 0) reject("basal_insulin.start_day", "must be >= 0");
  }
  const auto& bc = o.initial_beta_cells;
  if (!std::isfinite(bc.relative_mass) || bc.relative_mass <= 0 || bc.relative_mass > 10) {
    reject("initial_beta_cells.relative_mass", "must be in (0, 10]");
  }
  if (!std::isfinite(bc.relative_function) || bc.relative_function <= 0 || bc.relative_function > 1) {
    reject("initial_beta_cells.relative_function", "must be in (0, 1]");
  }
}

// Prescribed sensitivity at time t (days): HSS 2016 form S(t) = target + (1 - target) exp(-rate (t - start)).
double prescribed_sensitivity(double target, const InsulinSensitivityCourse& c, double t_day) {
  if (t_day <= c.start_day) return 1.0;
  return target + (1.0 - target) * std::exp(-c.rate_per_day * (t_day - c.start_day));
}

double routine_carbs_g_per_min(const DailyRoutine& r, double minute_of_day) {
  double rate = 0;
  for (const auto& m : r.meals) {
    if (minute_of_day >= m.start_min_of_day && minute_of_day < m.start_min_of_day + m.duration_min) {
      rate += m.carbs_g / m.duration_min;
    }
  }
  return rate;
}

// What the course gives the meal model each minute, as a therapy of the care loop: the routine's carbohydrate
// (eaten, not announced: nobody doses for it), exercise as a net glucose uptake from plasma (negative i.v. glucose,
// everyday_care.hpp), and today's basal stand-in (i.v. insulin, or none on a missed day).
class CourseInputs final : public CareTherapy {
 public:
  CourseInputs(const MultiscaleOptions& options) : o_(options) {}
  void set_insulin_today(double insulin_iv_pmol_per_kg_per_min) { insulin_iv_ = insulin_iv_pmol_per_kg_per_min; }
  Controller* controller() override { return nullptr; }
  bool has_minute_inputs() const override { return true; }
  void minute_inputs(double t_min, const SubjectObservation& /*now*/, TherapyMinuteInputs& add) override {
    const long minute_total = static_cast<long>(t_min);
    const int day = static_cast<int>(minute_total / kMinutesPerDay);
    const int minute = static_cast<int>(minute_total % kMinutesPerDay);
    double exercise_uptake = 0;
    for (const auto& e : o_.exercise) {
      if (static_cast<int>(std::floor(e.day)) == day && minute >= e.start_min_of_day &&
          minute < e.start_min_of_day + e.duration_min) {
        exercise_uptake += e.net_uptake_mg_per_kg_per_min;
      }
    }
    add.carbs_g_per_min = routine_carbs_g_per_min(o_.routine, minute);
    add.intravenous_glucose_mg_per_kg_per_min = -exercise_uptake;
    add.intravenous_insulin_pmol_per_kg_per_min = insulin_iv_;
  }
  std::uint32_t input_routes() const override {
    return kRouteCarbs | kRouteIntravenousGlucose | kRouteIntravenousInsulin;
  }

 private:
  const MultiscaleOptions& o_;
  double insulin_iv_ = 0;
};

// What the course reads each minute: glucose at the minute's end into the trailing 24-h window and the day's sum,
// maximum and (optionally) minute record; the fasting sample at the start of its minute; C-peptide (Van Cauter 1992
// kinetics) driven by the secretion over the minute, taken as the mean of its ends (trapezoid).
class CourseRecorder final : public CareRecorder {
 public:
  CourseRecorder(double initial_window_mg_dl, int fasting_minute, const CPeptideKineticsParameters& c_peptide,
                 double initial_secretion_pmol_per_min, double body_weight_kg, bool record_minutes)
      : window_(kMinutesPerDay, initial_window_mg_dl),
        window_sum_(initial_window_mg_dl * kMinutesPerDay),
        fasting_minute_(fasting_minute),
        c_peptide_(c_peptide, initial_secretion_pmol_per_min),
        body_weight_kg_(body_weight_kg),
        record_minutes_(record_minutes) {}
  void start_day(DailyRecord& record) {
    record_ = &record;
    sum_ = 0;
  }
  double day_sum_mg_dl() const { return sum_; }
  double trailing_24h_mean_mg_dl() const { return window_sum_ / static_cast<double>(window_.size()); }
  bool wants_minutes() const override { return true; }
  void minute(const CareMinute& m) override {
    if (static_cast<long>(m.t_min) % kMinutesPerDay == fasting_minute_) {
      record_->fasting_glucose_mg_dl = m.start.plasma_glucose_mg_dl;
      record_->fasting_insulin_pmol_l = m.start.plasma_insulin_pmol_l;
      record_->fasting_secretion_pmol_kg_min = m.start.secretion_pmol_per_kg_per_min;
      record_->fasting_c_peptide_pmol_l = c_peptide_.plasma_pmol_l();
    }
    const double g = m.end.plasma_glucose_mg_dl;
    window_sum_ += g - window_[window_next_];
    window_[window_next_] = g;
    window_next_ = (window_next_ + 1) % window_.size();
    c_peptide_.advance(
        0.5 * (m.start.secretion_pmol_per_kg_per_min + m.end.secretion_pmol_per_kg_per_min) * body_weight_kg_, 1.0);
    record_->peak_c_peptide_pmol_l = std::max(record_->peak_c_peptide_pmol_l, c_peptide_.plasma_pmol_l());
    record_->max_glucose_mg_dl = std::max(record_->max_glucose_mg_dl, g);
    sum_ += g;
    if (record_minutes_) record_->glucose_by_minute_mg_dl.push_back(g);
  }

 private:
  std::vector<double> window_;
  std::size_t window_next_ = 0;
  double window_sum_ = 0;
  long fasting_minute_;
  CPeptideKinetics c_peptide_;
  double body_weight_kg_;
  bool record_minutes_;
  DailyRecord* record_ = nullptr;
  double sum_ = 0;
};

// The minute-scale layer: one lane of the meal model with the knobs of the interval, in the care loop on the
// reference backend (the fast backends integrate the UVA/Padova model only).
class FastLayer {
 public:
  FastLayer(const MealModelParameters& published, const TissueInsulinResistance& knobs, const MultiscaleOptions& o,
            CourseRecorder& recorder)
      : published_(published), inputs_(o) {
    CareLane lane;
    lane.therapy = &inputs_;
    lane.recorder = &recorder;
    const VirtualSubject subjects[] = {as_virtual_subject(with_insulin_resistance(published, knobs))};
    std::vector<CareLane> lanes;
    lanes.push_back(std::move(lane));
    loop_ = std::make_unique<CareLoop>(backend_named("reference"), subjects, std::move(lanes));
  }
  // New knobs for the next interval; the state carries on (operator splitting).
  void set_knobs(const TissueInsulinResistance& knobs) {
    loop_->integrator().set_subject(0, as_virtual_subject(with_insulin_resistance(published_, knobs)));
  }
  void set_insulin_today(double insulin_iv_pmol_per_kg_per_min) { inputs_.set_insulin_today(insulin_iv_pmol_per_kg_per_min); }
  void run(long minutes) { loop_->run(minutes); }
  double secretion_pmol_kg_min() const { return loop_->observations()[0].secretion_pmol_per_kg_per_min; }

 private:
  MealModelParameters published_;
  CourseInputs inputs_;
  std::unique_ptr<CareLoop> loop_;
};

}  // namespace

double reference_mean_glucose_mg_dl(const MealModelParameters& published, const DailyRoutine& routine) {
  MultiscaleOptions o;
  o.routine = routine;
  CPeptidePerson person;
  person.body_weight_kg = published.body_weight_kg;
  // (no fasting sample: minute -1 never comes; C-peptide is not read)
  CourseRecorder recorder(published.Gb, -1, van_cauter_1992_standard_parameters(person), 0.0,
                          published.body_weight_kg, false);
  FastLayer fast(published, TissueInsulinResistance{}, o, recorder);
  DailyRecord day;
  for (int d = 0; d < 3; ++d) {
    recorder.start_day(day);
    fast.run(kMinutesPerDay);
  }
  return recorder.day_sum_mg_dl() / kMinutesPerDay;
}

std::vector<DailyRecord> run_multiscale_course(const MealModelParameters& published, const MultiscaleOptions& o) {
  validate(o);
  const double reference = o.reference_mean_glucose_mg_dl ? *o.reference_mean_glucose_mg_dl
                                                          : reference_mean_glucose_mg_dl(published, o.routine);
  const int days = static_cast<int>(o.duration_day);
  const int h = o.coupling_interval_min;

  BetaCellState beta = o.initial_beta_cells;
  double beta_cell_glucose = o.beta_cells.set_point_glucose_mg_dl;
  std::optional<RandomStream> adherence_stream;
  if (o.basal_insulin) {
    adherence_stream.emplace(o.basal_insulin->seed, o.basal_insulin->subject_index, StreamPurpose::kAdherence);
  }

  // Knobs at time t (minutes from the start): slow state times care multipliers.
  auto knobs_at = [&](double t_min) {
    const double t_day = t_min / kMinutesPerDay;
    TissueInsulinResistance k;
    k.muscle_fat_insulin_sensitivity = prescribed_sensitivity(o.sensitivity.muscle_target, o.sensitivity, t_day);
    k.liver_insulin_sensitivity = prescribed_sensitivity(o.sensitivity.liver_target, o.sensitivity, t_day);
    double weight_percent = 0;
    double weight_day = -1;
    for (const auto& w : o.weight) {
      if (w.day <= t_day && w.day >= weight_day) {
        weight_percent = w.percent_of_start;
        weight_day = w.day;
      }
    }
    const SensitivityMultipliers weight = weight_change_sensitivity(weight_percent);
    double sleep = 1.0;
    const double today = std::floor(t_day);
    for (const auto& s : o.sleep) {
      if (std::floor(s.day) == today) sleep = std::min(sleep, sleep_restriction_sensitivity(s.hours));
    }
    double exercise = 1.0;
    for (const auto& e : o.exercise) {
      const double end_min = std::floor(e.day) * kMinutesPerDay + e.start_min_of_day + e.duration_min;
      exercise = std::max(exercise, post_exercise_muscle_sensitivity((t_min - end_min) / 60.0));
    }
    k.muscle_fat_insulin_sensitivity *= weight.muscle * sleep * exercise;
    k.liver_insulin_sensitivity *= weight.liver * sleep;
    k.beta_cell_mass = beta.relative_mass;
    k.beta_cell_function = beta.relative_function;
    return k;
  };

  CPeptidePerson person = o.person;
  person.body_weight_kg = published.body_weight_kg;
  const double bw = published.body_weight_kg;
  const MealModelParameters start = with_insulin_resistance(published, knobs_at(0));
  CourseRecorder recorder(reference, static_cast<int>(o.routine.fasting_sample_min_of_day),
                          van_cauter_1992_standard_parameters(person),
                          meal_model_secretion_pmol_kg_min(start, start.initial_state) * bw, bw,
                          o.record_minute_glucose);
  FastLayer fast(published, knobs_at(0), o, recorder);
  HbA1cGlycation hba1c(o.hba1c, reference);
  TissueInsulinResistance knobs = knobs_at(0);

  std::vector<DailyRecord> records;
  records.reserve(static_cast<std::size_t>(days));
  long minute_total = 0;
  // End of a coupling interval: hand the trailing 24-h mean to the slow layer, step it, new knobs.
  auto couple = [&] {
    beta_cell_glucose = o.beta_cells.set_point_glucose_mg_dl * recorder.trailing_24h_mean_mg_dl() / reference;
    beta = step_beta_cell_adaptation(o.beta_cells, beta, beta_cell_glucose, static_cast<double>(h) / kMinutesPerDay);
    knobs = knobs_at(static_cast<double>(minute_total));
    fast.set_knobs(knobs);
  };
  for (int day = 0; day < days; ++day) {
    DailyRecord rec;
    rec.day = day;
    bool dose_today = false;
    if (o.basal_insulin && day >= o.basal_insulin->start_day) {
      dose_today = adherence_stream->uniform() < o.basal_insulin->adherence;
    }
    rec.basal_dose_taken = dose_today;
    fast.set_insulin_today(dose_today ? o.basal_insulin->rate_pmol_per_kg_per_min : 0.0);
    recorder.start_day(rec);
    // The day in pieces that end where a coupling interval ends (h divides a day or is a multiple of one).
    const long piece = std::min<long>(h, kMinutesPerDay);
    for (long done = 0; done < kMinutesPerDay; done += piece) {
      fast.run(piece);
      minute_total += piece;
      if (minute_total % h == 0) couple();
    }
    rec.mean_glucose_mg_dl = recorder.day_sum_mg_dl() / kMinutesPerDay;
    hba1c.advance_one_day(rec.mean_glucose_mg_dl);
    rec.hba1c_percent = hba1c.hba1c_percent();
    rec.relative_beta_cell_mass = beta.relative_mass;
    rec.relative_beta_cell_function = beta.relative_function;
    rec.muscle_sensitivity = knobs.muscle_fat_insulin_sensitivity;
    rec.liver_sensitivity = knobs.liver_insulin_sensitivity;
    rec.beta_cell_glucose_mg_dl = beta_cell_glucose;
    records.push_back(std::move(rec));
  }
  return records;
}

}  // namespace isletsim
