// Standard care as a trial arm (trial/standard_care_intervention.hpp): the optional dose reduction after a day with
// a low scales every dose the controller asks for by (1 - r) -- the ADA 2024 rule of trial/insulin_dose_reduction.hpp
// -- and with r = 0 (the default) the doses are the controller's own.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <vector>

#include "core/input_error.hpp"
#include "physiology/published_subjects.hpp"
#include "trial/standard_care_intervention.hpp"

namespace isletsim {
namespace {

ControllerConfig basal_bolus() {
  ControllerConfig config;
  config.kind = ControllerKind::kBasalBolus;
  return config;
}

// A meal announcement at a glucose above the correction threshold: basal, a meal bolus and a correction.
ControllerObservation meal_above_threshold() {
  ControllerObservation now;
  now.t_min = 1440.0 + 480.0;
  now.time_of_day_min = 480.0;
  now.cgm_mg_dl = 200.0;
  now.announced_carbs_g = 60.0;
  now.control_interval_min = 5.0;
  return now;
}

CareDaySummary day_with(double min_cgm_mg_dl) {
  CareDaySummary day;
  day.min_cgm_mg_dl = min_cgm_mg_dl;
  day.mean_cgm_mg_dl = 130.0;  // below the 154 mg/dl that would count towards a dose increase
  return day;
}

// The request of a fresh participant after one trial day with the given lowest CGM.
InsulinRequest request_after_day(double reduction_fraction, double min_cgm_mg_dl) {
  const StandardCareIntervention arm(basal_bolus(), reduction_fraction);
  auto therapy = arm.start(average_adult_t1d(), 7, 0);
  therapy->end_of_day(day_with(min_cgm_mg_dl));
  return therapy->controller()->decide(meal_above_threshold());
}

TEST(StandardCareIntervention, DefaultHasNoDoseReduction) {
  const StandardCareIntervention arm(basal_bolus());
  EXPECT_EQ(arm.hypo_dose_reduction_fraction(), 0.0);
  EXPECT_EQ(arm.description(), "standard care: basal-bolus pump therapy");
  // After a day with a low the doses are the controller's own, bit for bit.
  const InsulinRequest off = request_after_day(0.0, 50.0);
  const InsulinRequest none = request_after_day(0.0, 120.0);
  EXPECT_EQ(off.basal_u_per_min, none.basal_u_per_min);
  EXPECT_EQ(off.bolus_u, none.bolus_u);
  EXPECT_GT(off.bolus_u, 0.0);
  EXPECT_GT(off.basal_u_per_min, 0.0);
}

// After a day with CGM < 70 mg/dl, every dose is x (1 - r); after a day without, unchanged.
TEST(StandardCareIntervention, DoseReductionScalesEveryDoseAfterALowDay) {
  const double r = 0.2;
  const InsulinRequest full = request_after_day(0.0, 65.0);
  const InsulinRequest reduced = request_after_day(r, 65.0);
  EXPECT_DOUBLE_EQ(reduced.basal_u_per_min, (1.0 - r) * full.basal_u_per_min);
  EXPECT_DOUBLE_EQ(reduced.bolus_u, (1.0 - r) * full.bolus_u);
  const InsulinRequest no_low = request_after_day(r, 70.0);  // 70 is not below 70: not a low day
  EXPECT_EQ(no_low.basal_u_per_min, full.basal_u_per_min);
  EXPECT_EQ(no_low.bolus_u, full.bolus_u);
  EXPECT_EQ(StandardCareIntervention(basal_bolus(), r).description(),
            "standard care: basal-bolus pump therapy, doses x 0.8 after a day with a low");
}

// Two low days in a row: (1 - r)^2.
TEST(StandardCareIntervention, ReductionsCompound) {
  const double r = 0.1;
  const StandardCareIntervention arm(basal_bolus(), r);
  auto therapy = arm.start(average_adult_t1d(), 7, 0);
  therapy->end_of_day(day_with(60.0));
  therapy->end_of_day(day_with(60.0));
  const InsulinRequest reduced = therapy->controller()->decide(meal_above_threshold());
  const InsulinRequest full = request_after_day(0.0, 60.0);
  EXPECT_DOUBLE_EQ(reduced.bolus_u, 0.81 * full.bolus_u);
  EXPECT_DOUBLE_EQ(reduced.basal_u_per_min, 0.81 * full.basal_u_per_min);
}

TEST(StandardCareIntervention, RejectsAReductionOutsideZeroToOne) {
  for (const double r : {-0.1, 1.0, 1.5, std::nan("")}) {
    try {
      const StandardCareIntervention arm(basal_bolus(), r);
      ADD_FAILURE() << "no error for r = " << r;
    } catch (const InputError& error) {
      EXPECT_EQ(error.location().key, "hypo_dose_reduction_fraction");
    }
  }
}

}  // namespace
}  // namespace isletsim
