#include "protocols/oral_glucose_tolerance_test.hpp"

#include <algorithm>
#include <cmath>

#include "analysis/surrogate_indices.hpp"
#include "core/input_error.hpp"
#include "core/units.hpp"
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

MixedMealResult run_mixed_meal_test(const MealModelParameters& subject, const MixedMealOptions& o) {
  if (!(o.carbs_g > 0) || !(o.eating_duration_min >= 1) || !(o.duration_min >= 120)) {
    throw InputError({"", 0, "carbs_g"},
                     "a mixed-meal test needs carbs_g > 0, eating_duration_min >= 1 and duration_min >= 120");
  }
  MealModelSimulation sim(subject);
  MixedMealResult r;
  const long minutes = std::lround(o.duration_min);
  const double rate = o.carbs_g / o.eating_duration_min;
  for (long minute = 0; minute <= minutes; ++minute) {
    const double G = sim.glucose_mg_dl();
    const double I = sim.insulin_pmol_l();
    r.t_min.push_back(static_cast<double>(minute));
    r.glucose_mg_dl.push_back(G);
    r.insulin_pmol_l.push_back(I);
    r.secretion_pmol_kg_min.push_back(sim.secretion_pmol_kg_min());
    if (G > r.peak_glucose_mg_dl) r.peak_glucose_mg_dl = G, r.peak_glucose_t_min = static_cast<double>(minute);
    if (I > r.peak_insulin_pmol_l) r.peak_insulin_pmol_l = I, r.peak_insulin_t_min = static_cast<double>(minute);
    if (minute == 120) r.two_hour_glucose_mg_dl = G, r.two_hour_insulin_pmol_l = I;
    if (minute == minutes) break;
    // The eating interval is a whole number of minutes or ends inside this minute: split at its end.
    const double t = sim.time_min();
    if (t < o.eating_duration_min && t + 1.0 > o.eating_duration_min) {
      sim.advance(o.eating_duration_min - t, {rate, 0, 0});
      sim.advance(t + 1.0 - o.eating_duration_min, {});
    } else {
      sim.advance(1.0, {t < o.eating_duration_min ? rate : 0.0, 0, 0});
    }
  }
  return r;
}

}  // namespace isletsim
