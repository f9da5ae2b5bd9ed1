// Ha, Satin & Sherman 2016 (Endocrinology 157:624), human model, against CHECKS.md: the day-1800 values stored in
// the authors' own parameter files (tolerance 1 %) and the shared early course (re-derived values).
#include "physiology/ha_satin_sherman_2016_model.hpp"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

namespace isletsim {
namespace {

void expect_within_relative(double actual, double expected, double relative) {
  EXPECT_NEAR(actual, expected, std::abs(expected) * relative) << "expected " << expected;
}

std::vector<HaSatinSherman2016Sample> run(double intervention_day, double duration_day) {
  HaSatinSherman2016Parameters p;
  p.intervention_day = intervention_day;
  return simulate_ha_satin_sherman_2016(p, HaSatinSherman2016State{}, duration_day, 1);
}

// Each scenario is integrated once per process (about a second each in a release build).
const std::vector<HaSatinSherman2016Sample>& course(double intervention_day) {
  if (intervention_day == 1100) {
    static const std::vector<HaSatinSherman2016Sample> early = run(1100, 1800);
    return early;
  }
  static const std::vector<HaSatinSherman2016Sample> late = run(1400, 1800);
  return late;
}

TEST(HaSatinSherman2016, EarlyInterventionAtDay1100ReversesDiabetesByDay1800) {
  const auto& s = course(1100).at(1800);
  EXPECT_DOUBLE_EQ(s.t_day, 1800);
  expect_within_relative(s.state.glucose_mg_dl, 104.08, 0.01);
  expect_within_relative(s.state.insulin_uU_ml, 14.66, 0.01);
  expect_within_relative(s.state.beta_cell_mass_mg, 854.8, 0.01);
  expect_within_relative(s.state.sigma, 545.3, 0.01);
  expect_within_relative(s.state.insulin_sensitivity, 0.468, 0.01);
}

TEST(HaSatinSherman2016, LateInterventionAtDay1400FailsToReverseDiabetes) {
  const auto& s = course(1400).at(1800);
  expect_within_relative(s.state.glucose_mg_dl, 434.5, 0.01);
  expect_within_relative(s.state.insulin_uU_ml, 1.17, 0.01);
  expect_within_relative(s.state.beta_cell_mass_mg, 485.6, 0.01);
  expect_within_relative(s.state.sigma, 20.77, 0.01);
  expect_within_relative(s.state.insulin_sensitivity, 0.467, 0.01);
}

TEST(HaSatinSherman2016, SharedEarlyCourseBeforeEitherIntervention) {
  // Before t_on the two scenarios are the same equations from the same state: one run to day 1099 serves both.
  const auto samples = run(1100, 1099);
  {
    expect_within_relative(samples.at(365).state.glucose_mg_dl, 122.4, 0.01);
    expect_within_relative(samples.at(365).state.insulin_uU_ml, 25.6, 0.01);
    expect_within_relative(samples.at(365).state.beta_cell_mass_mg, 1041, 0.01);
    expect_within_relative(samples.at(1099).state.glucose_mg_dl, 176.0, 0.01);
    // S_i relaxes toward 0.18 at 0.00756 /d: S_i(t) = 0.18 + 0.62 exp(-0.00756 t) (CHECKS.md kinetics).
    expect_within_relative(samples.at(365).state.insulin_sensitivity, 0.18 + 0.62 * std::exp(-0.00756 * 365), 1e-6);
  }
}

}  // namespace
}  // namespace isletsim
