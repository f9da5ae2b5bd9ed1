// The shipped virtual meta-analysis (trials/msc_t2d_meta_analysis.toml) beside Kashbour et al. 2025. A prediction,
// not a calibration: nothing here was tuned to the meta-analysis (the MSC gain comes from Zang 2022's clamp).
// About 65 s of CPU (320 participants, one to one and a half simulated years each); the only slow test of the MSC
// work.
#include <string>

#include <gtest/gtest.h>

#include "io/msc_trials_toml.hpp"
#include "test_support.hpp"

namespace isletsim {
namespace {

TEST(MscMetaAnalysisReplication, ShippedVirtualTrialsPoolTwelveMonthHbA1cInsideThePublishedInterval) {
  const MscTrialsRequest request = read_msc_trials_toml(testing::source_path("trials/msc_t2d_meta_analysis.toml"));
  const MscMetaAnalysis r = run_msc_trials(request.set, 0);
  ASSERT_EQ(r.trials.size(), 6u);
  for (int e = 0; e < kMscEndpointCount; ++e) {
    const RandomEffectsPooled& p = r.pooled[static_cast<std::size_t>(e)];
    const std::string name = msc_endpoint_name(static_cast<MscEndpoint>(e));
    RecordProperty(name + "_pooled", std::to_string(p.estimate));
    RecordProperty(name + "_lower", std::to_string(p.lower));
    RecordProperty(name + "_upper", std::to_string(p.upper));
    RecordProperty(name + "_i_squared", std::to_string(p.i_squared));
  }
  // Measured (seed 2025): HbA1c -0.473 (-0.674 to -0.272) %-points, I2 99 %; Kashbour 2025: -0.72 (-1.11 to -0.33).
  const RandomEffectsPooled& hba1c = r.pooled[static_cast<std::size_t>(MscEndpoint::kHbA1c)];
  const PublishedPooledResult published = kashbour_2025_pooled(MscEndpoint::kHbA1c);
  EXPECT_GT(hba1c.estimate, published.lower);
  EXPECT_LT(hba1c.estimate, published.upper);
  // Not matched, and asserted as the model's own outcome so that a change is noticed (docs/msc_trials.md explains
  // both): insulin -2.8 U/day (published -14.5), because 3-0-3 lowers the dose only when fasting glucose falls below
  // 80 mg/dl; fasting C-peptide falls (-0.089 nmol/l; published +0.24), because secretion follows the lower glucose.
  const RandomEffectsPooled& insulin = r.pooled[static_cast<std::size_t>(MscEndpoint::kTotalInsulin)];
  const RandomEffectsPooled& c_peptide = r.pooled[static_cast<std::size_t>(MscEndpoint::kFastingCPeptide)];
  EXPECT_GT(insulin.estimate, kashbour_2025_pooled(MscEndpoint::kTotalInsulin).upper);
  EXPECT_LT(c_peptide.upper, 0.0);
}

TEST(MscMetaAnalysisReplication, WithMultipleDailyInjectionsTheInsulinDifferenceMatchesAndHbA1cDoesNot) {
  // The same six trials and people with prandial insulin titrated before each meal (trials/..._mdi.toml). Measured
  // (seed 2025): insulin -15.6 (-23.1 to -8.2) U/day, inside Kashbour's -14.5 (-19.45 to -9.55); HbA1c -0.25 (-0.39
  // to -0.10), less than the published interval reaches (upper end -0.33). With basal insulin only it is the other
  // way round (test above): the titration decides whether the model's MSC benefit shows as lower glucose or as less
  // insulin, and neither standard care reproduces both published effects at once (docs/msc_trials.md). About 75 s
  // of CPU.
  const MscTrialsRequest request = read_msc_trials_toml(testing::source_path("trials/msc_t2d_meta_analysis_mdi.toml"));
  ASSERT_GT(request.set.care.prandial_start_dose_u_per_meal, 0.0);
  const MscMetaAnalysis r = run_msc_trials(request.set, 0);
  const RandomEffectsPooled& insulin = r.pooled[static_cast<std::size_t>(MscEndpoint::kTotalInsulin)];
  const RandomEffectsPooled& hba1c = r.pooled[static_cast<std::size_t>(MscEndpoint::kHbA1c)];
  RecordProperty("insulin_u_per_day_pooled", std::to_string(insulin.estimate));
  RecordProperty("hba1c_percent_pooled", std::to_string(hba1c.estimate));
  const PublishedPooledResult published_insulin = kashbour_2025_pooled(MscEndpoint::kTotalInsulin);
  EXPECT_GT(insulin.estimate, published_insulin.lower);
  EXPECT_LT(insulin.estimate, published_insulin.upper);
  EXPECT_GT(hba1c.estimate, kashbour_2025_pooled(MscEndpoint::kHbA1c).upper);
}

}  // namespace
}  // namespace isletsim
