#include "trial/type2_insulin_participant.hpp"

#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "core/input_error.hpp"
#include "physiology/dalla_man_2007_subjects.hpp"
#include "physiology/hba1c_glycation.hpp"

namespace isletsim {
namespace {

MscTherapyDesign zang_schedule() {
  MscTherapyDesign d;
  d.infusions = {{0, 1e6}, {28, 1e6}, {56, 1e6}};  // Zang 2022: three infusions 4 weeks apart
  return d;
}

Type2CarePlan plan_with(BasalTitrationRule rule, bool representative) {
  Type2CarePlan plan;
  plan.rule = rule;
  plan.representative_day_per_interval = representative;
  return plan;
}

TEST(Type2InsulinParticipant, PlaceboOnThreeZeroThreeSettlesInItsTargetAndHbA1cIsTheGlycationSteadyState) {
  // The published type 2 subject titrated by 3-0-3 (Blonde 2009) from 10 U/day: after the 24-week run-in its fasting
  // glucose is inside the rule's 80-110 mg/dl band, so the rule changes nothing for the year of follow-up. Every day
  // is then the same day, and after 365 > 120 days (the red-cell lifespan) the glycation pool is exactly the steady
  // state of that day's mean glucose.
  const Type2ParticipantOutcome o =
      simulate_type2_participant(dalla_man_2007_average_type2(), TissueInsulinResistance{}, nullptr,
                                 plan_with(BasalTitrationRule::kThreeZeroThree, true), 365);
  EXPECT_GE(o.baseline.fasting_glucose_mg_dl, 80.0);
  EXPECT_LE(o.baseline.fasting_glucose_mg_dl, 110.0);
  EXPECT_GT(o.baseline.basal_insulin_u_per_day, 10.0);  // titrated up from the start dose
  EXPECT_EQ(o.end.basal_insulin_u_per_day, o.baseline.basal_insulin_u_per_day);
  const HbA1cGlycation steady(HbA1cGlycationParameters{}, o.end.mean_glucose_mg_dl);
  EXPECT_NEAR(o.end.hba1c_percent, steady.hba1c_percent(), 1e-9);
  RecordProperty("basal_dose_u_per_day", std::to_string(o.baseline.basal_insulin_u_per_day));
  RecordProperty("fasting_glucose_mg_dl", std::to_string(o.baseline.fasting_glucose_mg_dl));
  RecordProperty("hba1c_percent", std::to_string(o.end.hba1c_percent));
}

TEST(Type2InsulinParticipant, OneRepresentativeDayPerTitrationIntervalMatchesDayByDaySimulation) {
  // The cheaper method (one simulated day per titration interval, day by day around infusions) against simulating
  // all 533 days (168 run-in + 365), with MSC on the Zang schedule. Measured: 12-month HbA1c differs by 0.0007
  // (3-0-3) and 0.0026 %-points (Treat-to-Target), fasting glucose by 0.02 and 0.10 mg/dl, doses are identical; the
  // bound 0.01 %-points is a tenth of the 0.1 %-point resolution at which HbA1c is reported.
  const MealModelParameters t2d = dalla_man_2007_average_type2();
  const MscTherapyDesign zang = zang_schedule();
  for (BasalTitrationRule rule : {BasalTitrationRule::kThreeZeroThree, BasalTitrationRule::kTreatToTarget}) {
    const auto cheap = simulate_type2_participant(t2d, TissueInsulinResistance{}, &zang, plan_with(rule, true), 365);
    const auto exact = simulate_type2_participant(t2d, TissueInsulinResistance{}, &zang, plan_with(rule, false), 365);
    EXPECT_EQ(exact.simulated_days, 533);
    EXPECT_LT(cheap.simulated_days, exact.simulated_days / 2);
    EXPECT_NEAR(cheap.baseline.hba1c_percent, exact.baseline.hba1c_percent, 0.01) << basal_titration_rule_name(rule);
    EXPECT_NEAR(cheap.end.hba1c_percent, exact.end.hba1c_percent, 0.01) << basal_titration_rule_name(rule);
    EXPECT_EQ(cheap.end.basal_insulin_u_per_day, exact.end.basal_insulin_u_per_day) << basal_titration_rule_name(rule);
    EXPECT_NEAR(cheap.end.fasting_glucose_mg_dl, exact.end.fasting_glucose_mg_dl, 0.2)
        << basal_titration_rule_name(rule);
    RecordProperty("hba1c_difference_" + basal_titration_rule_name(rule),
                   std::to_string(cheap.end.hba1c_percent - exact.end.hba1c_percent));
    RecordProperty("simulated_days_" + basal_titration_rule_name(rule), std::to_string(cheap.simulated_days));
  }
}

TEST(Type2InsulinParticipant, MscOnThePublishedSubjectLowersTwelveMonthHbA1cWithinTheMetaAnalysisInterval) {
  // Not a calibration (the MSC gain was fitted to Zang 2022's clamp): the published type 2 subject on 3-0-3 basal
  // insulin, with and without the Zang schedule. Measured: HbA1c 7.392 -> 6.731 % (-0.661 %-points; Kashbour 2025:
  // -0.72, 95 % CI -1.11 to -0.33); the dose stays at 52 U/day because fasting glucose stays inside the 3-0-3 band
  // (103 mg/dl); fasting C-peptide falls 0.372 -> 0.196 nmol/l, since secretion follows the lower glucose and the
  // assumed beta-cell function gain (0.1) is small -- the opposite sign of Kashbour's +0.24.
  const MealModelParameters t2d = dalla_man_2007_average_type2();
  const MscTherapyDesign zang = zang_schedule();
  const Type2CarePlan plan = plan_with(BasalTitrationRule::kThreeZeroThree, true);
  const auto placebo = simulate_type2_participant(t2d, TissueInsulinResistance{}, nullptr, plan, 365);
  const auto msc = simulate_type2_participant(t2d, TissueInsulinResistance{}, &zang, plan, 365);
  const double difference = (msc.end.hba1c_percent - msc.baseline.hba1c_percent) -
                            (placebo.end.hba1c_percent - placebo.baseline.hba1c_percent);
  RecordProperty("hba1c_difference_percent_points", std::to_string(difference));
  EXPECT_LT(difference, -0.33);
  EXPECT_GT(difference, -1.11);
  EXPECT_LT(msc.end.fasting_glucose_mg_dl, placebo.end.fasting_glucose_mg_dl);
  EXPECT_LT(msc.end.fasting_c_peptide_nmol_l, placebo.end.fasting_c_peptide_nmol_l);
  EXPECT_LE(msc.end.basal_insulin_u_per_day, placebo.end.basal_insulin_u_per_day);
}

TEST(Type2InsulinParticipant, MultipleDailyInjectionsLowerHbA1cAndTurnTheMscBenefitIntoLessInsulin) {
  // Standard care with a titrated rapid-acting dose before each meal (ADA 2024 steps, prandial_insulin_titration.hpp)
  // on top of 3-0-3 basal. Measured on the published type 2 subject: baseline HbA1c 6.382 % (7.392 on basal only)
  // with 52 U/day basal + 58 U/day prandial; with MSC (Zang schedule) the total falls to 49 + 39.55 U/day at 12
  // months and HbA1c by 0.29 %-points against placebo, so the MSC benefit shows mostly as less insulin. The cheap
  // method (representative days) agrees with day-by-day simulation within 0.0011 %-points of HbA1c and identical
  // doses (3-0-3; with Treat-to-Target it is 0.012 %-points and 1 U/day of prandial insulin, not asserted here).
  const MealModelParameters t2d = dalla_man_2007_average_type2();
  const MscTherapyDesign zang = zang_schedule();
  Type2CarePlan mdi = plan_with(BasalTitrationRule::kThreeZeroThree, true);
  mdi.prandial_start_dose_u_per_meal = 4;  // ADA: start at 4 U
  const Type2CarePlan basal_only = plan_with(BasalTitrationRule::kThreeZeroThree, true);
  const auto placebo_basal = simulate_type2_participant(t2d, TissueInsulinResistance{}, nullptr, basal_only, 365);
  const auto placebo = simulate_type2_participant(t2d, TissueInsulinResistance{}, nullptr, mdi, 365);
  const auto msc = simulate_type2_participant(t2d, TissueInsulinResistance{}, &zang, mdi, 365);
  EXPECT_GT(placebo.baseline.prandial_insulin_u_per_day, 3 * 4.0);  // titrated up from 4 U per meal
  EXPECT_LT(placebo.baseline.hba1c_percent, placebo_basal.baseline.hba1c_percent);
  const double total_change = (msc.end.basal_insulin_u_per_day + msc.end.prandial_insulin_u_per_day) -
                              (msc.baseline.basal_insulin_u_per_day + msc.baseline.prandial_insulin_u_per_day);
  const double placebo_total_change =
      (placebo.end.basal_insulin_u_per_day + placebo.end.prandial_insulin_u_per_day) -
      (placebo.baseline.basal_insulin_u_per_day + placebo.baseline.prandial_insulin_u_per_day);
  EXPECT_LT(total_change - placebo_total_change, -10.0);
  EXPECT_LT(msc.end.hba1c_percent - msc.baseline.hba1c_percent,
            placebo.end.hba1c_percent - placebo.baseline.hba1c_percent);
  RecordProperty("total_insulin_difference_u_per_day", std::to_string(total_change - placebo_total_change));
  Type2CarePlan exact = mdi;
  exact.representative_day_per_interval = false;
  const auto reference = simulate_type2_participant(t2d, TissueInsulinResistance{}, &zang, exact, 365);
  EXPECT_NEAR(msc.end.hba1c_percent, reference.end.hba1c_percent, 0.01);
  EXPECT_EQ(msc.end.basal_insulin_u_per_day, reference.end.basal_insulin_u_per_day);
  EXPECT_NEAR(msc.end.prandial_insulin_u_per_day, reference.end.prandial_insulin_u_per_day, 1e-9);
}

std::string key_of_error(const Type2CarePlan& plan, int follow_up_days, const MscTherapyDesign* msc = nullptr) {
  try {
    simulate_type2_participant(dalla_man_2007_average_type2(), TissueInsulinResistance{}, msc, plan, follow_up_days);
  } catch (const InputError& e) {
    return e.location().key;
  }
  return "(none)";
}

TEST(Type2InsulinParticipant, BadPlansAreInputErrorsNamingTheField) {
  Type2CarePlan plan;
  plan.start_basal_dose_u_per_day = -4;
  EXPECT_EQ(key_of_error(plan, 30), "start_basal_dose_u_per_day");
  plan = Type2CarePlan{};
  plan.start_basal_dose_u_per_day = NAN;
  EXPECT_EQ(key_of_error(plan, 30), "start_basal_dose_u_per_day");
  plan = Type2CarePlan{};
  plan.run_in_days = 100;  // not a whole number of 3-day intervals
  EXPECT_EQ(key_of_error(plan, 30), "run_in_days");
  plan.run_in_days = 0;
  EXPECT_EQ(key_of_error(plan, 30), "run_in_days");
  plan = Type2CarePlan{};
  plan.rule = BasalTitrationRule::kTreatToTarget;
  plan.run_in_days = 21;
  EXPECT_EQ(key_of_error(plan, 0), "follow_up_days");
  plan.prandial_start_dose_u_per_meal = -4;
  EXPECT_EQ(key_of_error(plan, 30), "prandial_start_dose_u_per_meal");
  plan.prandial_start_dose_u_per_meal = 0;
  MscTherapyDesign bad;
  bad.infusions = {{0, -1e6}};
  EXPECT_EQ(key_of_error(plan, 30, &bad), "infusions[0].dose_cells_per_kg");
}

}  // namespace
}  // namespace isletsim
