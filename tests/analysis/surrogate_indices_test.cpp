#include "analysis/surrogate_indices.hpp"

#include <cmath>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

#include "core/input_error.hpp"

namespace isletsim {
namespace {

// An OGTT made up so every index works out by hand (G in mg/dl, I in uU/ml):
//   t      0    30    60    90   120
//   G    100   140   150   130   105   -> mean 625/5 = 125
//   I     10    40    50    40    20   -> mean 160/5 = 32
const std::vector<GlucoseInsulinSample> kHandOgtt = {
    {0, 100, 10}, {30, 140, 40}, {60, 150, 50}, {90, 130, 40}, {120, 105, 20}};

TEST(Homa1, MatthewsReferenceSubjectGivesIrOneAndBetaCellHundredPercent) {
  // Matthews 1985: the normal reference, 4.5 mmol/l and 5 uU/ml, has IR = 4.5*5/22.5 = 1 and %B = 20*5/1 = 100.
  EXPECT_EQ(homa1_insulin_resistance(4.5, 5.0), 1.0);
  EXPECT_EQ(homa1_beta_cell_function_percent(4.5, 5.0), 100.0);
}

TEST(Homa1, BetaCellFunctionIsUndefinedAtOrBelow3Point5MmolL) {
  EXPECT_THROW(homa1_beta_cell_function_percent(3.5, 5.0), InputError);
  EXPECT_THROW(homa1_beta_cell_function_percent(3.0, 5.0), InputError);
}

TEST(Homa1, RejectsNanAndNegativeInputs) {
  EXPECT_THROW(homa1_insulin_resistance(std::numeric_limits<double>::quiet_NaN(), 5.0), InputError);
  EXPECT_THROW(homa1_insulin_resistance(4.5, -1.0), InputError);
  EXPECT_THROW(homa1_beta_cell_function_percent(4.5, -1.0), InputError);
}

TEST(Quicki, HandDerivedValue) {
  // 1 / (log10 10 + log10 100) = 1 / (1 + 2) = 1/3.
  EXPECT_DOUBLE_EQ(quantitative_insulin_sensitivity_check_index(100.0, 10.0), 1.0 / 3.0);
  // Katz 2000 reports ~0.38 for lean normal subjects: e.g. G0 90 mg/dl, I0 5 uU/ml: 1/(0.69897+1.95424) = 0.37690.
  EXPECT_NEAR(quantitative_insulin_sensitivity_check_index(90.0, 5.0), 0.37690, 5e-5);
  EXPECT_THROW(quantitative_insulin_sensitivity_check_index(100.0, 0.0), InputError);
}

TEST(Matsuda, HandDerivedValue) {
  // 10000 / sqrt(100 * 10 * 125 * 32) = 10000 / sqrt(4e6) = 10000 / 2000 = 5.
  EXPECT_DOUBLE_EQ(matsuda_insulin_sensitivity_index(kHandOgtt), 5.0);
}

TEST(Matsuda, IgnoresSamplesAfter120Min) {
  auto ogtt = kHandOgtt;
  ogtt.push_back({180, 80, 5});
  EXPECT_DOUBLE_EQ(matsuda_insulin_sensitivity_index(ogtt), 5.0);
}

TEST(Matsuda, NeedsFastingAndTwoPostLoadSamples) {
  const std::vector<GlucoseInsulinSample> no_fasting = {{30, 140, 40}, {60, 150, 50}, {120, 105, 20}};
  EXPECT_THROW(matsuda_insulin_sensitivity_index(no_fasting), InputError);
  const std::vector<GlucoseInsulinSample> too_short = {{0, 100, 10}, {30, 140, 40}};
  EXPECT_THROW(matsuda_insulin_sensitivity_index(too_short), InputError);
}

TEST(InsulinogenicIndex, HandDerivedValue) {
  // (I30 - I0) / (G30 - G0) = (40 - 10) / (140 - 100) = 0.75 uU/ml per mg/dl.
  EXPECT_DOUBLE_EQ(insulinogenic_index(kHandOgtt), 0.75);
}

TEST(InsulinogenicIndex, NeedsGlucoseRiseAnd30MinSample) {
  const std::vector<GlucoseInsulinSample> flat = {{0, 100, 10}, {30, 100, 40}, {60, 90, 20}};
  EXPECT_THROW(insulinogenic_index(flat), InputError);
  const std::vector<GlucoseInsulinSample> no_30 = {{0, 100, 10}, {60, 150, 50}, {120, 105, 20}};
  EXPECT_THROW(insulinogenic_index(no_30), InputError);
}

TEST(OralDispositionIndex, HandDerivedValues) {
  // With Matsuda: 0.75 * 5 = 3.75. Utzschneider 2009 form: 0.75 / I0 = 0.75 / 10 = 0.075 per mg/dl.
  EXPECT_DOUBLE_EQ(oral_disposition_index_matsuda(kHandOgtt), 3.75);
  EXPECT_DOUBLE_EQ(oral_disposition_index_fasting_insulin(kHandOgtt), 0.075);
}

TEST(AcuteInsulinResponse, HandDerivedValue) {
  // Basal I = 11; samples at 2, 4, 6, 8, 10 min: 26, 130, 85, 51, 49 -> mean 341/5 = 68.2; AIRg = 57.2 uU/ml.
  // (12 min is outside the 2-10 min window.)
  const std::vector<GlucoseInsulinSample> ivgtt = {{0, 92, 11},  {2, 350, 26},  {4, 287, 130}, {6, 251, 85},
                                                   {8, 240, 51}, {10, 216, 49}, {12, 211, 45}};
  EXPECT_NEAR(acute_insulin_response_to_glucose(ivgtt), 57.2, 1e-12);
  // DI = AIRg * S_I: 57.2 * 5e-4 = 0.0286 /min.
  EXPECT_NEAR(intravenous_disposition_index(57.2, 5e-4), 0.0286, 1e-15);
}

TEST(AcuteInsulinResponse, NeedsBasalAndTwoEarlySamples) {
  const std::vector<GlucoseInsulinSample> no_basal = {{2, 350, 26}, {4, 287, 130}, {6, 251, 85}};
  EXPECT_THROW(acute_insulin_response_to_glucose(no_basal), InputError);
  const std::vector<GlucoseInsulinSample> one_early = {{0, 92, 11}, {4, 287, 130}, {20, 200, 30}};
  EXPECT_THROW(acute_insulin_response_to_glucose(one_early), InputError);
}

TEST(ClampMValue, HandDerivedValueWithAndWithoutSpaceCorrection) {
  // Last 30 min of a 120-min clamp: samples at 90, 100, 110, 120 with GIR 8, 9, 10, 9 -> M = 36/4 = 9.0.
  // Glucose rises 90 -> 95 mg/dl over those 30 min: SC = 5 * 1.9 / 30 = 0.316667; corrected M = 8.683333.
  const std::vector<ClampSample> clamp = {{0, 0, 90},  {30, 4, 91},  {60, 7, 92},  {80, 7.5, 89},
                                          {90, 8, 90}, {100, 9, 92}, {110, 10, 94}, {120, 9, 95}};
  EXPECT_DOUBLE_EQ(clamp_m_value(clamp, false), 9.0);
  EXPECT_NEAR(clamp_m_value(clamp, true), 9.0 - 5.0 * 1.9 / 30.0, 1e-12);
}

TEST(ClampMValue, RejectsNegativeInfusionAndTooFewSamples) {
  const std::vector<ClampSample> negative = {{90, 8, 90}, {120, -1, 95}};
  EXPECT_THROW(clamp_m_value(negative, false), InputError);
  const std::vector<ClampSample> sparse = {{0, 0, 90}, {120, 9, 95}};
  EXPECT_THROW(clamp_m_value(sparse, false), InputError);
}

TEST(SurrogateIndices, RejectTimesThatDoNotIncrease) {
  const std::vector<GlucoseInsulinSample> unordered = {{0, 100, 10}, {60, 150, 50}, {30, 140, 40}};
  EXPECT_THROW(matsuda_insulin_sensitivity_index(unordered), InputError);
}

}  // namespace
}  // namespace isletsim
