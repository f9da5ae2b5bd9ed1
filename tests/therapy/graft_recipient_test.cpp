// The graft recipient in the minute model (graft_recipient.hpp): no secretion without a graft, the published
// normal subject's basal secretion with a full normal mass, fasting glucose falling with graft mass, and the
// graft fractions that keep a standard day of meals without insulin in range and at the independence criterion.
#include "therapy/graft_recipient.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "core/input_error.hpp"
#include "engine/model_integrator.hpp"
#include "physiology/dalla_man_2007_model.hpp"
#include "physiology/dalla_man_2007_subjects.hpp"
#include "trial/graft_day_glucose_table.hpp"
#include "trial/standard_day.hpp"
#include "therapy/islet_graft_design.hpp"

namespace isletsim {
namespace {

// Smallest graft fraction whose standard day stays within 70-180 mg/dl, as measured with this model (bisection to
// 1e-4; docs/therapies.md).
constexpr double kStandardDayInRangeGraftFractionMeasured = 0.5785;

TEST(GraftRecipient, WithoutAGraftThereIsNoSecretionEvenAfterAMeal) {
  const MealModelParameters p = graft_recipient_subject(0.0);
  EXPECT_EQ(meal_model_secretion_pmol_kg_min(p, p.initial_state), 0.0);
  ModelIntegrator<MealModel> solver(p, p.initial_state);
  MealModelInputs meal;
  meal.carbs_mg_per_min = 5000;  // 50 g over 10 min
  meal.meal_size_mg = 50000;
  solver.advance(meal, 10);
  solver.advance(MealModelInputs{0, 50000, 0, 0}, 230);
  EXPECT_EQ(solver.state()[meal_model::kInsulinPortal], 0.0);
  EXPECT_EQ(solver.state()[meal_model::kInsulinPlasma], 0.0);
  EXPECT_GT(meal_model_glucose_mg_dl(p, solver.state()), meal_model_glucose_mg_dl(p, p.initial_state));
}

TEST(GraftRecipient, FullNormalMassRestsAtThePublishedNormalBasalState) {
  // Sb = (m6 - HEb)/m5 = (0.6471 - 0.6)/0.0304 = 1.5493 pmol/kg/min (Dalla Man 2007 eq. 6 with Table 1), and the
  // resting glucose is the published subject's Gb (docs/insulin_resistance.md: 91.80 mg/dl).
  const MealModelParameters p = graft_recipient_subject(1.0);
  const MealModelParameters normal = dalla_man_2007_average_normal();
  EXPECT_NEAR(meal_model_secretion_pmol_kg_min(p, p.initial_state), (0.6471 - 0.6) / 0.0304, 1e-9);
  EXPECT_NEAR(meal_model_glucose_mg_dl(p, p.initial_state), normal.Gb, 1e-6);
  EXPECT_NEAR(meal_model_insulin_pmol_l(p, p.initial_state), normal.Ib, 1e-6);
}

TEST(GraftRecipient, FastingGlucoseFallsAsGraftMassRises) {
  double previous = INFINITY;
  for (int i = 0; i <= 20; ++i) {
    const double fraction = 0.05 * i;
    const MealModelParameters p = graft_recipient_subject(fraction);
    const double fasting = meal_model_glucose_mg_dl(p, p.initial_state);
    EXPECT_LT(fasting, previous) << "graft fraction " << fraction;
    previous = fasting;
  }
}

TEST(GraftRecipient, StandardDayStaysInRangeAboveTheDerivedGraftFraction) {
  // "High enough" is derived here: the smallest graft fraction whose standard day (50/70/80 g, no insulin) stays
  // within 70-180 mg/dl. Above it (by 0.01) the day is in range, below it not; the full normal mass is.
  const double threshold = smallest_graft_fraction_meeting(stays_in_range, 1e-4);
  EXPECT_TRUE(stays_in_range(simulate_standard_day_without_insulin(graft_recipient_subject(threshold + 0.01))));
  EXPECT_FALSE(stays_in_range(simulate_standard_day_without_insulin(graft_recipient_subject(threshold - 0.01))));
  EXPECT_TRUE(stays_in_range(simulate_standard_day_without_insulin(graft_recipient_subject(1.0))));
  // At the threshold the day's peak is the upper limit of the range (it is the peak that binds, not the nadir).
  const StandardDayGlucose at = simulate_standard_day_without_insulin(graft_recipient_subject(threshold));
  EXPECT_NEAR(at.max_glucose_mg_dl, 180.0, 0.1);
  EXPECT_GT(at.min_glucose_mg_dl, 70.0);
  // Value measured with this model (docs/therapies.md).
  EXPECT_NEAR(threshold, kStandardDayInRangeGraftFractionMeasured, 2e-4);
}

TEST(GraftRecipient, InsulinIndependenceThresholdOfTheGraftModelIsTheMinuteModelsDerivation) {
  // The graft course (islet_graft.hpp) declares insulin independence at F >= insulin_independence_mass_fraction;
  // that value must be what the minute model gives for HbA1c-equivalent < 7 % and TIR >= 70 % on the standard day.
  const double derived = smallest_graft_fraction_meeting(meets_insulin_independence_criterion, 1e-4);
  EXPECT_NEAR(default_islet_graft_parameters().insulin_independence_mass_fraction, derived, 2e-4);
  const StandardDayGlucose above = simulate_standard_day_without_insulin(graft_recipient_subject(derived + 0.01));
  EXPECT_LT(above.adag_hba1c_percent, 7.0);
  EXPECT_GE(above.time_in_range_70_180, 0.70);
  const StandardDayGlucose below = simulate_standard_day_without_insulin(graft_recipient_subject(derived - 0.01));
  EXPECT_FALSE(meets_insulin_independence_criterion(below));
}

TEST(GraftRecipient, TabulatedStandardDayMatchesTheMinuteModelBetweenGridPoints) {
  // Linear interpolation on a 0.01 grid. Measured worst errors at off-grid fractions (0.0037 + 0.0173 i): mean
  // glucose 1.20 mg/dl near F = 0 (where it falls ~3500 mg/dl per unit F) and 0.13 mg/dl from F = 0.1 on;
  // HbA1c-equivalent 0.042 and 0.0045 %-points; day's peak 1.45 and 0.15 mg/dl. Bounds: these plus ~25 %.
  const GraftDayGlucoseTable table;
  for (double f = 0.0037; f < 1.5; f += 0.0173) {
    const StandardDayGlucose direct = simulate_standard_day_without_insulin(graft_recipient_subject(f));
    const StandardDayGlucose tabulated = table.at(f);
    const double mean_bound = f < 0.1 ? 1.5 : 0.17;
    EXPECT_NEAR(tabulated.mean_glucose_mg_dl, direct.mean_glucose_mg_dl, mean_bound) << f;
    EXPECT_NEAR(tabulated.adag_hba1c_percent, direct.adag_hba1c_percent, f < 0.1 ? 0.053 : 0.006) << f;
    EXPECT_NEAR(tabulated.max_glucose_mg_dl, direct.max_glucose_mg_dl, f < 0.1 ? 1.8 : 0.19) << f;
  }
  // On grid points it is the simulation itself; above the grid, the last point.
  EXPECT_NEAR(table.at(0.3).mean_glucose_mg_dl,
              simulate_standard_day_without_insulin(graft_recipient_subject(0.3)).mean_glucose_mg_dl, 1e-9);
  EXPECT_DOUBLE_EQ(table.at(4.0).mean_glucose_mg_dl, table.at(1.5).mean_glucose_mg_dl);
  EXPECT_THROW(table.at(-0.01), InputError);
  EXPECT_THROW(table.at(std::nan("")), InputError);
}

TEST(GraftRecipient, BadGraftFractionIsAnInputError) {
  for (double bad : {-0.1, std::nan(""), std::numeric_limits<double>::infinity(), 11.0}) {
    try {
      graft_recipient_subject(bad);
      ADD_FAILURE() << bad;
    } catch (const InputError& e) {
      EXPECT_EQ(e.location().key, "graft_mass_fraction");
    }
  }
}

}  // namespace
}  // namespace isletsim
