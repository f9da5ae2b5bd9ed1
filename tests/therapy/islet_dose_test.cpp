// Dose conversions of islet_dose.hpp, re-derived by hand from the cited numbers.
#include "therapy/islet_dose.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace isletsim {
namespace {

TEST(IsletDose, NormalPancreasInIsletEquivalentsFromRahierMassAndPisaniaVolumeFraction) {
  // IEQ = sphere of 150 um diameter: (4/3) pi (0.0075 cm)^3 = 1.7671e-6 ml; beta cells 61.2 % of it at 1 g/ml:
  // 1.0815e-6 g per IEQ; 0.888 g / 1.0815e-6 g = 8.2109e5 IEQ.
  EXPECT_NEAR(kBetaCellMassPerIsletEquivalentG, 1.0815e-6, 1e-10);
  EXPECT_NEAR(kNormalPancreasIsletEquivalents, 8.2109e5, 10.0);
}

TEST(IsletDose, ReichmanFullDoseIsAboutTwoThirdsOfANormalPancreas) {
  // 0.8e9 cells / 1560 cells per IEQ = 5.1282e5 IEQ; / 8.2109e5 = 0.62456.
  EXPECT_NEAR(islet_equivalents_from_cells(0.8e9), 5.1282e5, 1.0);
  EXPECT_NEAR(normal_pancreas_fraction_from_ieq(islet_equivalents_from_cells(0.8e9)), 0.62456, 1e-4);
  // Edmonton recipients who became insulin independent got 799,912 IEQ in total (Ryan 2005): 0.974 of normal.
  EXPECT_NEAR(normal_pancreas_fraction_from_ieq(799912), 0.9742, 1e-3);
}

}  // namespace
}  // namespace isletsim
