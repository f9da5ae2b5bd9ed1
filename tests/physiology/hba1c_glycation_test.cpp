// HbA1c glycation kinetics against ADAG (Nathan et al. 2008, Diabetes Care 31:1473) and the published lag
// (Tahara & Shima 1995, Diabetes Care 18:440: about half of HbA1c reflects the last ~30 days; the triangular
// weighting derived in hba1c_glycation.hpp gives half at L(1 - 1/sqrt 2) = 35.1 days for L = 120).
#include "physiology/hba1c_glycation.hpp"

#include <cmath>
#include <utility>

#include <gtest/gtest.h>

namespace isletsim {
namespace {

TEST(HbA1cGlycation, SteadyStateAgreesWithAdagWithinPoint2From100To300MgDl) {
  for (double glucose = 100; glucose <= 300; glucose += 10) {
    const HbA1cGlycation steady(HbA1cGlycationParameters{}, glucose);
    EXPECT_NEAR(steady.hba1c_percent(), adag_hba1c_percent(glucose), 0.2) << glucose << " mg/dl";
  }
}

TEST(HbA1cGlycation, StaysAtSteadyStateUnderConstantGlucose) {
  HbA1cGlycation population(HbA1cGlycationParameters{}, 154);
  const double start = population.hba1c_percent();
  for (int day = 0; day < 300; ++day) population.advance_one_day(154);
  EXPECT_NEAR(population.hba1c_percent(), start, 1e-12);
}

TEST(HbA1cGlycation, AfterAStepInMeanGlucoseReachesHalfItsChangeInAbout30To35Days) {
  for (const auto& [from, to] : {std::pair{150.0, 250.0}, std::pair{250.0, 150.0}, std::pair{100.0, 300.0}}) {
    const HbA1cGlycationParameters parameters;
    HbA1cGlycation population(parameters, from);
    const double start = population.hba1c_percent();
    const double end = HbA1cGlycation(parameters, to).hba1c_percent();
    int half_day = 0;
    for (int day = 1; day <= 200 && half_day == 0; ++day) {
      population.advance_one_day(to);
      if (std::abs(population.hba1c_percent() - start) >= 0.5 * std::abs(end - start)) half_day = day;
    }
    EXPECT_GE(half_day, 30) << from << " -> " << to;
    EXPECT_LE(half_day, 36) << from << " -> " << to;
    // After one lifespan every cell has been made at the new glucose: the change is complete.
    for (int day = half_day; day < 120; ++day) population.advance_one_day(to);
    EXPECT_NEAR(population.hba1c_percent(), end, 1e-9);
  }
}

TEST(HbA1cGlycation, GmiFollowsBergenstal2018) {
  EXPECT_NEAR(gmi_percent(154), 3.31 + 0.02392 * 154, 1e-12);  // 6.99 %
  EXPECT_NEAR(adag_hba1c_percent(154), 7.0, 0.01);              // ADAG: 7 % <-> 154 mg/dl
}

}  // namespace
}  // namespace isletsim
