// Hourly average AUC (analysis/hourly_auc.hpp) on grids whose trapezoid sums are known in closed form.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/hourly_auc.hpp"
#include "analysis/regular_glucose_grid.hpp"

namespace isletsim {
namespace {

RegularGlucoseGrid grid_of(int days, const std::vector<double>& values) {
  RegularGlucoseGrid grid;
  grid.step_min = 5;
  grid.points_per_day = 288;
  grid.days = days;
  grid.glucose_mg_dl = values;
  grid.glucose_mg_dl.resize(static_cast<std::size_t>(days) * 288, std::nan(""));
  return grid;
}

TEST(HourlyAuc, ConstantGlucoseGivesThatGlucose) {
  EXPECT_NEAR(hourly_average_auc_mg_dl(grid_of(2, std::vector<double>(576, 140.0))), 140.0, 1e-9);
}

TEST(HourlyAuc, LinearRampGivesItsMidpoint) {
  // g_k = 100 + k on one row: every trapezoid is the mean of its ends, the total is the mean of the ramp's ends,
  // (100 + 387) / 2 = 243.5 mg/dl.
  std::vector<double> ramp(288);
  for (std::size_t k = 0; k < ramp.size(); ++k) ramp[k] = 100.0 + static_cast<double>(k);
  EXPECT_NEAR(hourly_average_auc_mg_dl(grid_of(1, ramp)), 243.5, 1e-9);
}

TEST(HourlyAuc, PartialDaysWeighByTheirHours) {
  // Day 1: 13 points (12 trapezoids, 1 h) at 100 mg/dl; day 2: all 288 points (287 trapezoids) at 200 mg/dl.
  // Hour-weighted: (12 * 100 + 287 * 200) / 299; the unweighted mean of the two days (150) would be wrong.
  std::vector<double> values(576, std::nan(""));
  for (std::size_t k = 0; k < 13; ++k) values[k] = 100.0;
  for (std::size_t k = 288; k < 576; ++k) values[k] = 200.0;
  EXPECT_NEAR(hourly_average_auc_mg_dl(grid_of(2, values)), (12.0 * 100 + 287.0 * 200) / 299.0, 1e-12);
}

TEST(HourlyAuc, GapsAndRowLinksAreNotBridged) {
  // 100 mg/dl, then no data for one point, then 300 mg/dl: the two sides are never joined by a trapezoid.
  std::vector<double> values(288, 100.0);
  values[144] = std::nan("");
  for (std::size_t k = 145; k < 288; ++k) values[k] = 300.0;
  // 143 trapezoids at 100 (points 0..143), 142 at 300 (points 145..287).
  EXPECT_NEAR(hourly_average_auc_mg_dl(grid_of(1, values)), (143.0 * 100 + 142.0 * 300) / 285.0, 1e-12);
  // Row 1 all 100, row 2 all 300: the 24:00 -> 00:05 link between rows is in neither 24-h period.
  std::vector<double> two_days(576, 100.0);
  for (std::size_t k = 288; k < 576; ++k) two_days[k] = 300.0;
  EXPECT_NEAR(hourly_average_auc_mg_dl(grid_of(2, two_days)), 200.0, 1e-9);
}

TEST(HourlyAuc, NoTrapezoidGivesNaN) {
  std::vector<double> isolated(288, std::nan(""));
  isolated[10] = 120;
  EXPECT_TRUE(std::isnan(hourly_average_auc_mg_dl(grid_of(1, isolated))));
}

}  // namespace
}  // namespace isletsim
