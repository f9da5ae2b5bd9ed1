// The graft arm's insulin dose reduction after hypoglycaemia (trial/insulin_dose_reduction.hpp): the factor
// sequence on synthetic day summaries (hand-derived), the scaling controller, and a small one-year cohort in which
// the rule lowers the level 2 CGM episodes of days 90-365 (deterministic for the seed).
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

// The calibrated Reichman 2025 trial (trials/islet_graft_reichman_2025_calibrated.toml) cut to 8 participants
// (2 usual care, 6 graft at ratio 1:3), one year, seed 2025, run with r = 0 (full usual-care insulin until
// independence) and with the default r: the same participants draw the same meals, CGM noise and graft course, so
// the difference is the rule. Level 2 CGM episodes (< 54 mg/dl >= 15 min) in days 90-365 (the day-180 and day-365
// visits).
struct GraftArmHypos {
  int episodes_d90_365 = 0;
  int participants_with_episode = 0;
  double insulin_u_per_day_d365 = 0;  // graft arm mean
};

GraftArmHypos run_graft_arm(double reduction_fraction) {
  TrialDefinition trial =
      read_trial_toml(testing::source_path("trials/islet_graft_reichman_2025_calibrated.toml"));
  trial.participants = 8;
  trial.arms[1].allocation_ratio = 3;
  const auto* graft = dynamic_cast<const IsletGraftIntervention*>(trial.arms[1].intervention.get());
  if (graft == nullptr) throw std::logic_error("arm 1 of the calibrated trial is not a graft arm");
  trial.arms[1].intervention = std::make_shared<IsletGraftIntervention>(
      graft->design(), graft->usual_care(), graft->insulin_route(), reduction_fraction);
  GraftArmHypos out;
  int graft_participants = 0;
  TrialRunOptions options;
  options.threads = 2;
  (void)run_trial(trial, options, [&](const ParticipantResult& r) {
    if (r.arm != 1) return;
    ++graft_participants;
    int episodes = 0;
    for (const auto& visit : r.visits) {
      for (const auto& value : visit.values) {
        // Episodes since the previous visit: the day-180 and day-365 values cover days 90-365.
        if (value.name == "cgm_level2_hypo_events" && (visit.visit_day == 180 || visit.visit_day == 365)) {
          episodes += static_cast<int>(value.value);
        }
        if (value.name == "insulin_u_per_day" && visit.visit_day == 365) out.insulin_u_per_day_d365 += value.value;
      }
    }
    out.episodes_d90_365 += episodes;
    if (episodes > 0) ++out.participants_with_episode;
  });
  if (graft_participants > 0) out.insulin_u_per_day_d365 /= graft_participants;
  return out;
}

TEST(InsulinDoseReductionTrial, FewerLevel2EpisodesInDays90To365ThanFullUsualCareInsulin) {
  const GraftArmHypos without = run_graft_arm(0.0);
  const GraftArmHypos with = run_graft_arm(kDefaultHypoDoseReductionFraction);
  std::printf("level 2 episodes d90-365 (6 graft participants): without rule %d in %d participants, with rule %d in "
              "%d; insulin d365 %.2f vs %.2f U/day\n",
              without.episodes_d90_365, without.participants_with_episode, with.episodes_d90_365,
              with.participants_with_episode, without.insulin_u_per_day_d365, with.insulin_u_per_day_d365);
  // Measured (seed 2025): without the rule 11 episodes in 5 of 6 graft participants, with it 3 in 2.
  EXPECT_GT(without.episodes_d90_365, 0);  // the problem of issue 5 is there without the rule
  EXPECT_LT(with.episodes_d90_365, without.episodes_d90_365);
  EXPECT_LE(with.participants_with_episode, without.participants_with_episode);
}

}  // namespace
}  // namespace isletsim
