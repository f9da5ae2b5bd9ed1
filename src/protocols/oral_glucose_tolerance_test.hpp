// Virtual oral glucose tolerance test (OGTT) and mixed-meal test on a Dalla Man 2007 meal-model subject, with the
// ADA classification of glucose tolerance and the surrogate indices an OGTT allows.
//
// OGTT: 75 g glucose drunk over 5 min, plasma glucose and insulin at 0, 30, 60, 90, 120 min (WHO 1999 / ADA
// Standards of Care). The meal model's gastric emptying was fitted to mixed meals (Dalla Man 2007), so an OGTT run
// through it treats the drink as a meal of glucose: a model limitation, stated in docs/protocols.md.
// ADA criteria (American Diabetes Association, Standards of Care, "Classification and Diagnosis of Diabetes"):
//   diabetes: fasting >= 126 mg/dl or 2-h >= 200 mg/dl; IFG: fasting 100-125; IGT: 2-h 140-199; else normal.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/glucose_test_samples.hpp"
#include "physiology/dalla_man_2007_parameters.hpp"

namespace isletsim {

enum class AdaGlucoseClass {
  kNormal,
  kImpairedFastingGlucose,               // IFG only
  kImpairedGlucoseTolerance,             // IGT only
  kImpairedFastingAndGlucoseTolerance,   // IFG and IGT
  kDiabetes,
};
std::string to_string(AdaGlucoseClass ada_class);

// Classification from fasting and 2-h OGTT plasma glucose (mg/dl), ADA thresholds above.
AdaGlucoseClass classify_glucose_tolerance(double fasting_glucose_mg_dl, double two_hour_glucose_mg_dl);

struct OgttOptions {
  double glucose_g = 75.0;
  double drink_duration_min = 5.0;
  std::vector<double> sample_times_min = {0, 30, 60, 90, 120};
};

struct OgttResult {
  std::vector<GlucoseInsulinSample> samples;  // insulin in uU/ml (1 uU/ml = 6 pmol/l)
  double fasting_glucose_mg_dl = 0;
  double fasting_insulin_uU_ml = 0;
  double two_hour_glucose_mg_dl = 0;
  AdaGlucoseClass ada_class = AdaGlucoseClass::kNormal;
  double homa1_ir = 0;                       // from the fasting (t = 0) sample
  double matsuda_index = 0;                  // Matsuda & DeFronzo 1999
  std::optional<double> insulinogenic_index;  // uU/ml per mg/dl; absent when G30 <= G0
};

// Runs the OGTT from the subject's resting state. Sample times must be whole minutes, include 0 and 120.
OgttResult run_oral_glucose_tolerance_test(const MealModelParameters& subject, const OgttOptions& options = {});

// Mixed-meal test: `carbs_g` of glucose eaten over `eating_duration_min` (whole minutes, at an even rate), followed
// every minute for `duration_min`; the meal is a care-loop meal (engine/care_loop.hpp) with no insulin.
struct MixedMealOptions {
  double carbs_g = 78.0;  // design choice: 1 g/kg for the 78-kg published subjects
  double eating_duration_min = 15.0;
  double duration_min = 420.0;
};

struct MixedMealResult {
  std::vector<double> t_min, glucose_mg_dl, insulin_pmol_l, secretion_pmol_kg_min;  // every minute from 0
  double peak_glucose_mg_dl = 0, peak_glucose_t_min = 0;
  double peak_insulin_pmol_l = 0, peak_insulin_t_min = 0;
  double two_hour_glucose_mg_dl = 0, two_hour_insulin_pmol_l = 0;
};

MixedMealResult run_mixed_meal_test(const MealModelParameters& subject, const MixedMealOptions& options = {});

}  // namespace isletsim
