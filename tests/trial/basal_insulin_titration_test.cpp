#include "trial/basal_insulin_titration.hpp"

#include <gtest/gtest.h>

#include "core/input_error.hpp"

namespace isletsim {
namespace {

double t2t(double fpg, double lowest = 90) {
  return basal_dose_change_u_per_day(BasalTitrationRule::kTreatToTarget, {fpg, lowest});
}
double three03(double fpg) { return basal_dose_change_u_per_day(BasalTitrationRule::kThreeZeroThree, {fpg, 90}); }

TEST(BasalInsulinTitration, TreatToTargetFollowsRiddle2003TableOne) {
  EXPECT_EQ(t2t(250), 8);
  EXPECT_EQ(t2t(180), 8);
  EXPECT_EQ(t2t(179.9), 6);
  EXPECT_EQ(t2t(140), 6);
  EXPECT_EQ(t2t(130), 4);
  EXPECT_EQ(t2t(110), 2);
  EXPECT_EQ(t2t(100), 0);  // target <= 100 mg/dl
  EXPECT_EQ(t2t(85), 0);
  // Exceptions: no increase after a glucose < 72 mg/dl in the week, a decrease after < 56 mg/dl.
  EXPECT_EQ(t2t(150, 70), 0);
  EXPECT_EQ(t2t(150, 50), -2);
  EXPECT_EQ(titration_interval_days(BasalTitrationRule::kTreatToTarget), 7);
}

TEST(BasalInsulinTitration, ThreeZeroThreeFollowsBlonde2009) {
  EXPECT_EQ(three03(111), 3);
  EXPECT_EQ(three03(110), 0);
  EXPECT_EQ(three03(80), 0);
  EXPECT_EQ(three03(79), -3);
  EXPECT_EQ(titration_interval_days(BasalTitrationRule::kThreeZeroThree), 3);
  EXPECT_EQ(titrated_basal_dose_u_per_day(BasalTitrationRule::kThreeZeroThree, 2, {60, 60}), 0);  // never below 0
  EXPECT_EQ(titrated_basal_dose_u_per_day(BasalTitrationRule::kThreeZeroThree, 20, {150, 90}), 23);
}

TEST(BasalInsulinTitration, NamesRoundTripAndUnknownNamesAreInputErrors) {
  EXPECT_EQ(parse_basal_titration_rule("3-0-3", "k"), BasalTitrationRule::kThreeZeroThree);
  EXPECT_EQ(parse_basal_titration_rule(basal_titration_rule_name(BasalTitrationRule::kTreatToTarget), "k"),
            BasalTitrationRule::kTreatToTarget);
  try {
    parse_basal_titration_rule("weekly", "care.titration");
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.location().key, "care.titration");
  }
}

}  // namespace
}  // namespace isletsim
