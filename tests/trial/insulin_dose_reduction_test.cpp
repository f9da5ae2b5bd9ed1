// The graft arm's insulin dose reduction after hypoglycaemia (trial/insulin_dose_reduction.hpp): the factor
// sequence on synthetic day summaries (hand-derived) and the scaling controller. The one-year cohort in which the
// rule lowers the level 2 CGM episodes is in insulin_dose_reduction_replication_test.cpp.
#include <gtest/gtest.h>

#include "engine/reference_backend.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "control/scaled_insulin_controller.hpp"
#include "devices/cgm_sensor.hpp"
#include "devices/insulin_pump.hpp"
#include "io/trial_toml.hpp"
#include "physiology/published_subjects.hpp"
#include "trial/daily_routine.hpp"
#include "trial/participant_simulation.hpp"
#include "trial/insulin_dose_reduction.hpp"
#include "trial/islet_graft_intervention.hpp"
#include "trial/trial_runner.hpp"
#include "test_support.hpp"

namespace isletsim {
namespace {

CareDaySummary normal_day() {  // no low, mean CGM in range
  CareDaySummary day;
  day.min_cgm_mg_dl = 90;
  day.mean_cgm_mg_dl = 130;
  return day;
}
CareDaySummary low_cgm_day() {
  CareDaySummary day = normal_day();
  day.min_cgm_mg_dl = 65;
  return day;
}
CareDaySummary rescue_day() {  // rescue carbohydrate eaten, CGM minimum not below 70
  CareDaySummary day = normal_day();
  day.min_cgm_mg_dl = 72;
  day.rescue_carbs_g = 15;
  return day;
}
CareDaySummary high_day() {  // no low, mean CGM above 154 mg/dl
  CareDaySummary day = normal_day();
  day.mean_cgm_mg_dl = 200;
  return day;
}

TEST(InsulinDoseReduction, LowDayIsCgmBelow70OrRescueCarbohydrate) {
  EXPECT_TRUE(InsulinDoseReduction::is_low_day(low_cgm_day()));
  EXPECT_TRUE(InsulinDoseReduction::is_low_day(rescue_day()));
  EXPECT_FALSE(InsulinDoseReduction::is_low_day(normal_day()));
  CareDaySummary at_70 = normal_day();
  at_70.min_cgm_mg_dl = 70;  // level 1 is < 70 mg/dl (Battelino 2019)
  EXPECT_FALSE(InsulinDoseReduction::is_low_day(at_70));
}

// r = 0.2: each low day multiplies by 0.8; three high days in a row without a low multiply by 1.1, capped at 1.
TEST(InsulinDoseReduction, FactorSequenceOnSyntheticDays) {
  InsulinDoseReduction rule(0.2);
  EXPECT_EQ(rule.factor(), 1.0);
  EXPECT_DOUBLE_EQ(rule.after_day(low_cgm_day()), 0.8);
  EXPECT_DOUBLE_EQ(rule.after_day(rescue_day()), 0.64);
  EXPECT_DOUBLE_EQ(rule.after_day(normal_day()), 0.64);
  EXPECT_DOUBLE_EQ(rule.after_day(high_day()), 0.64);  // high day 1
  EXPECT_DOUBLE_EQ(rule.after_day(high_day()), 0.64);  // 2
  EXPECT_DOUBLE_EQ(rule.after_day(high_day()), 0.704);  // 3: 0.64 x 1.1
  // A low resets the count of high days.
  EXPECT_DOUBLE_EQ(rule.after_day(high_day()), 0.704);
  EXPECT_DOUBLE_EQ(rule.after_day(high_day()), 0.704);
  EXPECT_DOUBLE_EQ(rule.after_day(low_cgm_day()), 0.5632);  // 0.704 x 0.8
  EXPECT_DOUBLE_EQ(rule.after_day(high_day()), 0.5632);
  EXPECT_DOUBLE_EQ(rule.after_day(high_day()), 0.5632);
  // So does a day in range.
  EXPECT_DOUBLE_EQ(rule.after_day(normal_day()), 0.5632);
  EXPECT_DOUBLE_EQ(rule.after_day(high_day()), 0.5632);
  EXPECT_DOUBLE_EQ(rule.after_day(high_day()), 0.5632);
  EXPECT_DOUBLE_EQ(rule.after_day(high_day()), 0.61952);  // 0.5632 x 1.1
  // Up-steps stop at the usual-care dose: 0.61952 x 1.1^k = 0.681472, 0.7496192, 0.82458112, 0.907039232,
  // 0.9977431552, then min(1, 1.09751747...) = 1.
  const double expected[] = {0.681472, 0.7496192, 0.82458112, 0.907039232, 0.9977431552, 1.0, 1.0};
  for (const double value : expected) {
    for (int i = 0; i < 2; ++i) (void)rule.after_day(high_day());
    EXPECT_NEAR(rule.after_day(high_day()), value, 1e-12);
  }
}

TEST(InsulinDoseReduction, ZeroTurnsTheRuleOff) {
  InsulinDoseReduction rule(0.0);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(rule.after_day(low_cgm_day()), 1.0);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(rule.after_day(high_day()), 1.0);
}

TEST(InsulinDoseReduction, RejectsFractionsOutsideZeroToOne) {
  EXPECT_THROW(InsulinDoseReduction(-0.1), std::invalid_argument);
  EXPECT_THROW(InsulinDoseReduction(1.0), std::invalid_argument);
  EXPECT_THROW(InsulinDoseReduction(std::nan("")), std::invalid_argument);
  EXPECT_NO_THROW(InsulinDoseReduction(0.0));
  EXPECT_NO_THROW(InsulinDoseReduction(0.99));
}

class FixedController : public Controller {
 public:
  InsulinRequest decide(const ControllerObservation& now) override {
    last_cgm_mg_dl = now.cgm_mg_dl;
    return {.basal_u_per_min = 0.02, .bolus_u = 3.0};
  }
  double last_cgm_mg_dl = 0;
};

TEST(ScaledInsulinController, ScalesBasalAndBolusAndPassesTheObservation) {
  auto inner = std::make_unique<FixedController>();
  FixedController* seen = inner.get();
  ScaledInsulinController scaled(std::move(inner));
  ControllerObservation now;
  now.cgm_mg_dl = 123;
  InsulinRequest request = scaled.decide(now);
  EXPECT_EQ(request.basal_u_per_min, 0.02);  // factor 1 at the start
  EXPECT_EQ(request.bolus_u, 3.0);
  scaled.set_factor(0.64);
  request = scaled.decide(now);
  EXPECT_DOUBLE_EQ(request.basal_u_per_min, 0.0128);
  EXPECT_DOUBLE_EQ(request.bolus_u, 1.92);
  EXPECT_EQ(seen->last_cgm_mg_dl, 123.0);
  EXPECT_THROW(scaled.set_factor(-0.1), std::invalid_argument);
  EXPECT_THROW(scaled.set_factor(std::nan("")), std::invalid_argument);
  EXPECT_THROW(ScaledInsulinController(nullptr), std::invalid_argument);
}

// The day summary's CGM fields are the minimum and mean of that day's readings in the record (independent
// recomputation from ParticipantRecord::cgm_mg_dl, reading k at k x interval minutes).
TEST(CareDaySummary, CgmMinimumAndMeanAreThoseOfTheDaysReadings) {
  ParticipantSetup setup;
  setup.subject = average_adult_t1d();
  setup.seed = 7;
  setup.days = 3;
  RandomStream behaviour(setup.seed, 0, StreamPurpose::kBehaviour);
  setup.meals = draw_meals(default_daily_routine(), 0, setup.days, behaviour);
  setup.sensor = published_cgm_sensor("Dexcom");
  setup.pump = *published_insulin_pump("Insulet");
  setup.hypo_treatment = HypoTreatment{};
  ControllerConfig usual_care;
  usual_care.kind = ControllerKind::kBasalBolus;
  IsletGraftDesign design;
  GraftInfusion infusion;
  infusion.dose_cells = 0.8e9;
  design.infusions = {infusion};
  const IsletGraftIntervention graft(design, usual_care);
  auto therapy = graft.start(setup.subject, setup.seed, 0);
  const ParticipantRecord record = simulate_participant(setup, *therapy, reference_backend());
  ASSERT_EQ(record.days.size(), 3U);
  const auto per_day = static_cast<std::size_t>(1440.0 / record.cgm_interval_min);
  for (std::size_t d = 0; d < record.days.size(); ++d) {
    double lowest = 1e9;
    double sum = 0;
    for (std::size_t k = d * per_day; k < (d + 1) * per_day; ++k) {
      lowest = std::min(lowest, record.cgm_mg_dl[k]);
      sum += record.cgm_mg_dl[k];
    }
    EXPECT_EQ(record.days[d].min_cgm_mg_dl, lowest) << d;
    EXPECT_NEAR(record.days[d].mean_cgm_mg_dl, sum / static_cast<double>(per_day), 1e-9) << d;
  }
}

}  // namespace
}  // namespace isletsim
