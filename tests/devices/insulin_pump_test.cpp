#include "devices/insulin_pump.hpp"

#include <gtest/gtest.h>

namespace isletsim {
namespace {

TEST(InsulinPump, RoundsBolusToIncrementAndClampsToMaximum) {
  const InsulinPump pump(*published_insulin_pump("Insulet"));
  EXPECT_NEAR(pump.deliver(0, 3.27).bolus_u, 3.25, 1e-12);
  EXPECT_NEAR(pump.deliver(0, 3.28).bolus_u, 3.30, 1e-12);
  EXPECT_DOUBLE_EQ(pump.deliver(0, 45.0).bolus_u, 30.0);  // Omnipod maximum bolus 30 U
  EXPECT_DOUBLE_EQ(pump.deliver(0, 0.0).bolus_u, 0.0);
}

TEST(InsulinPump, RoundsBasalRateInUnitsPerHour) {
  const InsulinPump pump(*published_insulin_pump("Insulet"));
  // 0.0211 U/min = 1.266 U/h -> 1.25 U/h (0.05 U/h increments) = 0.0208333 U/min.
  EXPECT_NEAR(pump.deliver(0.0211, 0).basal_u_per_min, 1.25 / 60.0, 1e-12);
  EXPECT_DOUBLE_EQ(pump.deliver(-1.0, 0).basal_u_per_min, 0.0);
  EXPECT_NEAR(pump.deliver(1.0, 0).basal_u_per_min, 30.0 / 60.0, 1e-12);  // 60 U/h clamped to 30 U/h
}

TEST(InsulinPump, IdealPumpPassesRequestsThrough) {
  const InsulinPump pump(*published_insulin_pump("ideal"));
  EXPECT_DOUBLE_EQ(pump.deliver(0.0123456, 7.777).basal_u_per_min, 0.0123456);
  EXPECT_DOUBLE_EQ(pump.deliver(0.0123456, 7.777).bolus_u, 7.777);
}

}  // namespace
}  // namespace isletsim
