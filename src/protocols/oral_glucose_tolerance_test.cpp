#include "protocols/oral_glucose_tolerance_test.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "analysis/surrogate_indices.hpp"
#include "core/input_error.hpp"
#include "core/units.hpp"
#include "engine/care_loop.hpp"
#include "protocols/meal_model_simulation.hpp"

namespace isletsim {

std::string to_string(AdaGlucoseClass c) {
  switch (c) {
    case AdaGlucoseClass::kNormal: return "normal";
    case AdaGlucoseClass::kImpairedFastingGlucose: return "IFG";
    case AdaGlucoseClass::kImpairedGlucoseTolerance: return "IGT";
    case AdaGlucoseClass::kImpairedFastingAndGlucoseTolerance: return "IFG+IGT";
    case AdaGlucoseClass::kDiabetes: return "diabetes";
  }
  return "unknown";
}

AdaGlucoseClass classify_glucose_tolerance(double fasting, double two_hour) {
  // ADA Standards of Care, Classification and Diagnosis of Diabetes (thresholds in mg/dl).
  if (fasting >= 126.0 || two_hour >= 200.0) return AdaGlucoseClass::kDiabetes;
  const bool ifg = fasting >= 100.0;
  const bool igt = two_hour >= 140.0;
  if (ifg && igt) return AdaGlucoseClass::kImpairedFastingAndGlucoseTolerance;
  if (ifg) return AdaGlucoseClass::kImpairedFastingGlucose;
  if (igt) return AdaGlucoseClass::kImpairedGlucoseTolerance;
  return AdaGlucoseClass::kNormal;
}

OgttResult run_oral_glucose_tolerance_test(const MealModelParameters& subject, const OgttOptions& o) {
  if (!(o.glucose_g > 0) || !(o.drink_duration_min > 0)) {
    throw InputError({"", 0, "glucose_g"}, "the glucose load and drink duration must be positive");
  }
  auto times = o.sample_times_min;
  std::sort(times.begin(), times.end());
  if (times.empty() || times.front() != 0.0 || std::find(times.begin(), times.end(), 120.0) == times.end()) {
    throw InputError({"", 0, "sample_times_min"}, "an OGTT needs samples at 0 and 120 min");
  }
  MealModelSimulation sim(subject);
  OgttResult r;
  const double drink_rate_g_per_min = o.glucose_g / o.drink_duration_min;
  for (const double t : times) {
    // Advance to t in pieces that do not straddle the end of the drink.
    while (sim.time_min() < t) {
      const bool drinking = sim.time_min() < o.drink_duration_min;
      const double stop = drinking ? std::min(t, o.drink_duration_min) : t;
      sim.advance(stop - sim.time_min(), {drinking ? drink_rate_g_per_min : 0.0, 0.0, 0.0});
    }
    r.samples.push_back({t, sim.glucose_mg_dl(), sim.insulin_uU_ml()});
  }
  r.fasting_glucose_mg_dl = r.samples.front().glucose_mg_dl;
  r.fasting_insulin_uU_ml = r.samples.front().insulin_uU_ml;
  for (const auto& s : r.samples) {
    if (s.t_min == 120.0) r.two_hour_glucose_mg_dl = s.glucose_mg_dl;
  }
  r.ada_class = classify_glucose_tolerance(r.fasting_glucose_mg_dl, r.two_hour_glucose_mg_dl);
  r.homa1_ir = homa1_insulin_resistance(units::mmol_l_from_mg_dl(r.fasting_glucose_mg_dl), r.fasting_insulin_uU_ml);
  r.matsuda_index = matsuda_insulin_sensitivity_index(r.samples);
  const auto at30 = std::find_if(r.samples.begin(), r.samples.end(), [](const auto& s) { return s.t_min == 30.0; });
  if (at30 != r.samples.end() && at30->glucose_mg_dl > r.fasting_glucose_mg_dl) {
    r.insulinogenic_index = insulinogenic_index(r.samples);
  }
  return r;
}

namespace {

// The mixed-meal test's samples: glucose, insulin and secretion at the start of every minute.
class MixedMealRecorder final : public CareRecorder {
 public:
  explicit MixedMealRecorder(MixedMealResult& result) : r_(result) {}
  bool wants_minutes() const override { return true; }
  void minute(const CareMinute& m) override { add(m.t_min, m.start); }
  void add(double t_min, const SubjectObservation& now) {
    const double G = now.plasma_glucose_mg_dl;
    const double I = now.plasma_insulin_pmol_l;
    r_.t_min.push_back(t_min);
    r_.glucose_mg_dl.push_back(G);
    r_.insulin_pmol_l.push_back(I);
    r_.secretion_pmol_kg_min.push_back(now.secretion_pmol_per_kg_per_min);
    if (G > r_.peak_glucose_mg_dl) r_.peak_glucose_mg_dl = G, r_.peak_glucose_t_min = t_min;
    if (I > r_.peak_insulin_pmol_l) r_.peak_insulin_pmol_l = I, r_.peak_insulin_t_min = t_min;
    if (t_min == 120) r_.two_hour_glucose_mg_dl = G, r_.two_hour_insulin_pmol_l = I;
  }

 private:
  MixedMealResult& r_;
};

class NoInsulin final : public CareTherapy {
 public:
  Controller* controller() override { return nullptr; }
  std::uint32_t input_routes() const override { return kRouteCarbs; }
};

}  // namespace

MixedMealResult run_mixed_meal_test(const MealModelParameters& subject, const MixedMealOptions& o) {
  if (!(o.carbs_g > 0) || !(o.eating_duration_min >= 1) || !(o.duration_min >= 120)) {
    throw InputError({"", 0, "carbs_g"},
                     "a mixed-meal test needs carbs_g > 0, eating_duration_min >= 1 and duration_min >= 120");
  }
  if (o.eating_duration_min != std::floor(o.eating_duration_min)) {
    throw InputError({"", 0, "eating_duration_min"},
                     "must be a whole number of minutes (the care loop runs on whole minutes), got " +
                         std::to_string(o.eating_duration_min));
  }
  MixedMealResult r;
  MixedMealRecorder recorder(r);
  NoInsulin therapy;
  CareLane lane;
  lane.meals = {{0.0, o.carbs_g, o.carbs_g / o.eating_duration_min, false}};
  lane.therapy = &therapy;
  lane.recorder = &recorder;
  const VirtualSubject subjects[] = {as_virtual_subject(subject)};
  std::vector<CareLane> lanes;
  lanes.push_back(std::move(lane));
  CareLoop loop(backend_named("reference"), subjects, std::move(lanes));
  const long minutes = std::lround(o.duration_min);
  loop.run(minutes);
  recorder.add(static_cast<double>(minutes), loop.observations()[0]);
  return r;
}

}  // namespace isletsim
