#include "trial/msc_virtual_trial.hpp"

#include <gtest/gtest.h>

#include "core/input_error.hpp"

namespace isletsim {
namespace {

MscTrialSet small_set() {
  MscTrialSet set;
  set.seed = 5;
  set.care.run_in_days = 42;
  // Designated initialisers: assigning a short literal to a copied std::string trips GCC 12's -Wrestrict false
  // positive (seen before in this project's trial report test).
  const MscTrialDesign a{.name = "a",
                         .cell_source = "umbilical_cord",
                         .participants_per_arm = 3,
                         .follow_up_days = 60,
                         .infusions = {{0, 1e6}},
                         .effect = {},
                         .response_cv = 0.5};
  const MscTrialDesign b{.name = "b",
                         .cell_source = "umbilical_cord",
                         .participants_per_arm = 3,
                         .follow_up_days = 60,
                         .infusions = {{0, 2e6}, {14, 2e6}},
                         .effect = {},
                         .response_cv = 0.5};
  set.trials = {a, b};
  return set;
}

TEST(MscVirtualTrial, ResultsDoNotDependOnTheThreadCount) {
  const MscTrialSet set = small_set();
  const MscMetaAnalysis one = run_msc_trials(set, 1);
  const MscMetaAnalysis three = run_msc_trials(set, 3);
  ASSERT_EQ(one.participants.size(), 12u);
  ASSERT_EQ(three.participants.size(), 12u);
  for (std::size_t i = 0; i < one.participants.size(); ++i) {
    EXPECT_EQ(one.participants[i].outcome.end.hba1c_percent, three.participants[i].outcome.end.hba1c_percent);
    EXPECT_EQ(one.participants[i].msc_arm, three.participants[i].msc_arm);
  }
  for (int e = 0; e < kMscEndpointCount; ++e) {
    EXPECT_EQ(one.pooled[static_cast<std::size_t>(e)].estimate, three.pooled[static_cast<std::size_t>(e)].estimate);
  }
}

TEST(MscVirtualTrial, ArmsAlternateAndTheTrialDifferenceIsTheDifferenceOfMeanChanges) {
  const MscTrialSet set = small_set();
  const MscMetaAnalysis r = run_msc_trials(set, 2);
  double msc_sum = 0;
  double placebo_sum = 0;
  for (const MscTrialParticipant& p : r.participants) {
    EXPECT_EQ(p.msc_arm, p.index % 2 == 1);
    if (p.trial != 0) continue;
    const double change = p.outcome.end.hba1c_percent - p.outcome.baseline.hba1c_percent;
    (p.msc_arm ? msc_sum : placebo_sum) += change;
  }
  EXPECT_NEAR(r.trials[0].endpoints[0].difference.estimate, msc_sum / 3 - placebo_sum / 3, 1e-12);
  EXPECT_EQ(r.pooled[0].trials, 2);
}

TEST(MscVirtualTrial, PlaceboArmIsUntouchedByTheTrialsMscDesign) {
  // The same seed and index give the same person whatever the MSC arm receives: placebo outcomes are identical.
  MscTrialSet a = small_set();
  MscTrialSet b = small_set();
  b.trials[0].infusions = {{0, 5e6}};
  b.trials[0].effect.insulin_sensitivity_gain = 0.9;
  const MscMetaAnalysis ra = run_msc_trials(a, 2);
  const MscMetaAnalysis rb = run_msc_trials(b, 2);
  for (std::size_t i = 0; i < ra.participants.size(); ++i) {
    if (ra.participants[i].msc_arm) continue;
    EXPECT_EQ(ra.participants[i].outcome.end.hba1c_percent, rb.participants[i].outcome.end.hba1c_percent);
  }
}

TEST(MscVirtualTrial, BadDesignsAreInputErrorsNamingTheTrialAndField) {
  auto key_of = [](const MscTrialSet& set) {
    try {
      validate_msc_trial_set(set);
    } catch (const InputError& e) {
      return e.location().key;
    }
    return std::string("(none)");
  };
  MscTrialSet s = small_set();
  s.trials[1].participants_per_arm = 1;
  EXPECT_EQ(key_of(s), "trials[1].participants_per_arm");
  s = small_set();
  s.trials[0].infusions.clear();
  EXPECT_EQ(key_of(s), "trials[0].infusions");
  s = small_set();
  s.trials[1].infusions[1].dose_cells_per_kg = -1;
  EXPECT_EQ(key_of(s), "trials[1].infusions[1].dose_cells_per_kg");
  s = small_set();
  s.trials[0].effect.insulin_sensitivity_half_life_day = 0;
  EXPECT_EQ(key_of(s), "trials[0].parameters.insulin_sensitivity_half_life_day");
  s = small_set();
  s.care.run_in_days = 40;
  EXPECT_EQ(key_of(s), "care.run_in_days");
  s = small_set();
  s.cohort_spread.beta_cell_function_cv = -1;
  EXPECT_EQ(key_of(s), "cohort.beta_cell_function_cv");
  s = small_set();
  s.trials.clear();
  EXPECT_EQ(key_of(s), "trials");
}

}  // namespace
}  // namespace isletsim
