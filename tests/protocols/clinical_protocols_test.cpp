// Clinical protocols on the Dalla Man 2007 meal model: standard meal, OGTT with ADA classes, sweeps of tissue
// insulin resistance through IGT and IFG, HOMA-IR / Matsuda, IVGTT (AIRg, DI) and the euglycaemic clamp (M).
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "physiology/dalla_man_2007_subjects.hpp"
#include "physiology/insulin_resistance.hpp"
#include "protocols/euglycaemic_clamp.hpp"
#include "protocols/intravenous_glucose_tolerance_test.hpp"
#include "protocols/oral_glucose_tolerance_test.hpp"

namespace isletsim {
namespace {

MealModelParameters normal_with(double muscle, double liver) {
  TissueInsulinResistance knobs;
  knobs.muscle_fat_insulin_sensitivity = muscle;
  knobs.liver_insulin_sensitivity = liver;
  return with_insulin_resistance(dalla_man_2007_average_normal(), knobs);
}

TEST(AdaClassification, ThresholdsOfTheStandardsOfCare) {
  EXPECT_EQ(classify_glucose_tolerance(99.9, 139.9), AdaGlucoseClass::kNormal);
  EXPECT_EQ(classify_glucose_tolerance(100.0, 139.9), AdaGlucoseClass::kImpairedFastingGlucose);
  EXPECT_EQ(classify_glucose_tolerance(125.9, 120.0), AdaGlucoseClass::kImpairedFastingGlucose);
  EXPECT_EQ(classify_glucose_tolerance(90.0, 140.0), AdaGlucoseClass::kImpairedGlucoseTolerance);
  EXPECT_EQ(classify_glucose_tolerance(110.0, 199.9), AdaGlucoseClass::kImpairedFastingAndGlucoseTolerance);
  EXPECT_EQ(classify_glucose_tolerance(126.0, 100.0), AdaGlucoseClass::kDiabetes);
  EXPECT_EQ(classify_glucose_tolerance(90.0, 200.0), AdaGlucoseClass::kDiabetes);
}

TEST(MixedMeal, NormalSubjectStaysOutOfTheDiabeticRangeAndType2SubjectDoesNot) {
  // Not checked against the curves of Dalla Man 2007 Figs. (not available to this project); the checks are the
  // ADA glucose thresholds and orderings that follow from Table 1 (type 2: lower Vmx, slower K, alpha).
  const MixedMealResult normal = run_mixed_meal_test(dalla_man_2007_average_normal());
  const MixedMealResult type2 = run_mixed_meal_test(dalla_man_2007_average_type2());
  EXPECT_GT(normal.peak_glucose_mg_dl, normal.glucose_mg_dl.front());
  EXPECT_LT(normal.peak_glucose_mg_dl, 200.0);
  EXPECT_LT(normal.two_hour_glucose_mg_dl, 200.0);
  EXPECT_GE(type2.two_hour_glucose_mg_dl, 200.0);
  EXPECT_GT(type2.peak_glucose_mg_dl, normal.peak_glucose_mg_dl);
  EXPECT_GT(type2.peak_glucose_t_min, normal.peak_glucose_t_min);
  // Secretion responds: insulin rises well above basal in both.
  EXPECT_GT(normal.peak_insulin_pmol_l, 3.0 * normal.insulin_pmol_l.front());
  EXPECT_GT(type2.peak_insulin_pmol_l, 3.0 * type2.insulin_pmol_l.front());
  // The normal subject is back near its basal glucose 7 h after the meal.
  EXPECT_NEAR(normal.glucose_mg_dl.back(), normal.glucose_mg_dl.front(), 5.0);
}

TEST(Ogtt, NormalSubjectIsNormalAndType2SubjectIsDiabeticByAdaCriteria) {
  const OgttResult normal = run_oral_glucose_tolerance_test(dalla_man_2007_average_normal());
  const OgttResult type2 = run_oral_glucose_tolerance_test(dalla_man_2007_average_type2());
  EXPECT_EQ(normal.ada_class, AdaGlucoseClass::kNormal)
      << normal.fasting_glucose_mg_dl << " / " << normal.two_hour_glucose_mg_dl;
  EXPECT_EQ(type2.ada_class, AdaGlucoseClass::kDiabetes)
      << type2.fasting_glucose_mg_dl << " / " << type2.two_hour_glucose_mg_dl;
  ASSERT_EQ(normal.samples.size(), 5U);
  EXPECT_TRUE(normal.insulinogenic_index.has_value());
  EXPECT_GT(normal.matsuda_index, type2.matsuda_index);
  EXPECT_LT(normal.homa1_ir, type2.homa1_ir);
}

TEST(Ogtt, LowerMuscleSensitivityMovesTheSubjectIntoImpairedGlucoseTolerance) {
  std::vector<OgttResult> sweep;
  for (const double muscle : {1.0, 0.8, 0.6, 0.4, 0.2}) sweep.push_back(run_oral_glucose_tolerance_test(normal_with(muscle, 1.0)));
  EXPECT_EQ(sweep.front().ada_class, AdaGlucoseClass::kNormal);
  for (std::size_t i = 1; i < sweep.size(); ++i) {
    EXPECT_GT(sweep[i].two_hour_glucose_mg_dl, sweep[i - 1].two_hour_glucose_mg_dl);
    EXPECT_NEAR(sweep[i].fasting_glucose_mg_dl, sweep.front().fasting_glucose_mg_dl, 1e-6);  // see model test
    EXPECT_EQ(sweep[i].ada_class, AdaGlucoseClass::kImpairedGlucoseTolerance)
        << "step " << i << ": 2-h " << sweep[i].two_hour_glucose_mg_dl;
  }
}

TEST(Ogtt, LowerLiverSensitivityRaisesFastingGlucoseIntoTheImpairedFastingRange) {
  // With normal beta cells the static secretion beta (G - h) compensates strongly: fasting glucose crosses 100 mg/dl
  // only once hepatic insulin action is gone (liver sensitivity 0). Reported, not tuned.
  std::vector<OgttResult> sweep;
  for (const double liver : {1.0, 0.7, 0.5, 0.3, 0.1, 0.0}) sweep.push_back(run_oral_glucose_tolerance_test(normal_with(1.0, liver)));
  EXPECT_EQ(sweep.front().ada_class, AdaGlucoseClass::kNormal);
  for (std::size_t i = 1; i < sweep.size(); ++i) {
    EXPECT_GT(sweep[i].fasting_glucose_mg_dl, sweep[i - 1].fasting_glucose_mg_dl);
  }
  EXPECT_GE(sweep.back().fasting_glucose_mg_dl, 100.0);  // the IFG criterion
  EXPECT_LT(sweep.back().fasting_glucose_mg_dl, 126.0);
  EXPECT_NE(sweep.back().ada_class, AdaGlucoseClass::kDiabetes);
}

TEST(SurrogateIndicesFromProtocols, LowerInsulinSensitivityRaisesHomaIrAndLowersMatsudaMonotonically) {
  double previous_homa = 0;
  double previous_matsuda = 1e9;
  for (const double sensitivity : {1.0, 0.8, 0.6, 0.4, 0.2}) {
    const OgttResult r = run_oral_glucose_tolerance_test(normal_with(sensitivity, sensitivity));
    EXPECT_GT(r.homa1_ir, previous_homa) << "sensitivity " << sensitivity;
    EXPECT_LT(r.matsuda_index, previous_matsuda) << "sensitivity " << sensitivity;
    previous_homa = r.homa1_ir;
    previous_matsuda = r.matsuda_index;
  }
}

TEST(Clamp, HoldsFastingGlucoseAndMValueFallsAsPeripheralResistanceRises) {
  double previous_m = 1e9;
  for (const double muscle : {1.0, 0.8, 0.6, 0.4, 0.2}) {
    const ClampResult r = run_euglycaemic_clamp(normal_with(muscle, 1.0));
    // Euglycaemia: every sample of the last 30 min within 5 % of the target (DeFronzo 1979 aims at a CV < 5 %).
    for (const auto& s : r.samples) {
      if (s.t_min >= 90.0) {
        EXPECT_NEAR(s.glucose_mg_dl, r.target_glucose_mg_dl, 0.05 * r.target_glucose_mg_dl);
      }
    }
    EXPECT_GT(r.m_value_mg_kg_min, 0.0);
    EXPECT_LT(r.m_value_mg_kg_min, previous_m) << "muscle sensitivity " << muscle;
    previous_m = r.m_value_mg_kg_min;
  }
  EXPECT_GT(run_euglycaemic_clamp(dalla_man_2007_average_normal()).m_value_mg_kg_min,
            run_euglycaemic_clamp(dalla_man_2007_average_type2()).m_value_mg_kg_min);
}

TEST(Ivgtt, AcuteInsulinResponseFollowsBetaCellFunctionAndDispositionIndexIsLowerInType2) {
  const MealModelParameters normal = dalla_man_2007_average_normal();
  TissueInsulinResistance knobs;
  knobs.beta_cell_function = 0.5;
  const IvgttResult full = run_intravenous_glucose_tolerance_test(normal);
  const IvgttResult half = run_intravenous_glucose_tolerance_test(with_insulin_resistance(normal, knobs));
  const IvgttResult type2 = run_intravenous_glucose_tolerance_test(dalla_man_2007_average_type2());
  EXPECT_GT(full.acute_insulin_response_uU_ml, 0.0);
  EXPECT_LT(half.acute_insulin_response_uU_ml, full.acute_insulin_response_uU_ml);
  ASSERT_TRUE(full.disposition_index_per_min.has_value());
  ASSERT_TRUE(type2.disposition_index_per_min.has_value());
  EXPECT_GT(*full.disposition_index_per_min, *type2.disposition_index_per_min);
}

}  // namespace
}  // namespace isletsim
