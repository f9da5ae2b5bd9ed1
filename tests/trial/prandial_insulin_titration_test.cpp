#include "trial/prandial_insulin_titration.hpp"

#include <gtest/gtest.h>

namespace isletsim {
namespace {

TEST(PrandialInsulinTitration, FollowsTheAdaStepsWithThisProjectsChoices) {
  // ADA Standards of Care 2024: +1-2 U twice weekly to the goal (here +1 U when the 2-h glucose is above 180 mg/dl),
  // -10-20 % after hypoglycaemia (here -15 % after any glucose < 70 mg/dl until the next meal).
  EXPECT_DOUBLE_EQ(titrated_prandial_dose_u(6, {181, 90}), 7);
  EXPECT_DOUBLE_EQ(titrated_prandial_dose_u(6, {180, 90}), 6);
  EXPECT_DOUBLE_EQ(titrated_prandial_dose_u(6, {140, 70}), 6);
  EXPECT_DOUBLE_EQ(titrated_prandial_dose_u(20, {250, 69}), 17);  // hypoglycaemia wins over a high 2-h value
  EXPECT_DOUBLE_EQ(titrated_prandial_dose_u(0, {250, 90}), 1);
}

}  // namespace
}  // namespace isletsim
