// CGM metrics on small hand-made traces (the way a simulated sensor trace is passed in: a vector of (time, glucose)
// samples), with values derived by hand in the comments.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/cgm_episodes.hpp"
#include "analysis/cgm_metric_table.hpp"
#include "analysis/cgm_variability_metrics.hpp"
#include "analysis/gri.hpp"
#include "analysis/mage.hpp"
#include "analysis/regular_glucose_grid.hpp"
#include "report/agp_report.hpp"

namespace isletsim {
namespace {

// Readings every 5 min from 00:05 of day 19000 (so they sit exactly on the regular grid).
std::vector<GlucoseSample> five_minute_trace(const std::vector<double>& glucose_mg_dl) {
  std::vector<GlucoseSample> samples;
  for (std::size_t i = 0; i < glucose_mg_dl.size(); ++i) {
    samples.push_back({19000 * 1440.0 + 5.0 * static_cast<double>(i + 1), glucose_mg_dl[i]});
  }
  return samples;
}

TEST(CgmGlycemiaRiskIndex, FollowsKlonoffWeightsAndCap) {
  // 60 (low), 100, 100, 200 (high): hypo = 0.8 x 25 = 20, hyper = 0.5 x 25 = 12.5 -> GRI = 3 x 20 + 1.6 x 12.5 = 80.
  const std::vector<double> moderate = {60, 100, 100, 200};
  EXPECT_DOUBLE_EQ(glycemia_risk_index(moderate).gri, 80.0);
  EXPECT_EQ(glycemia_risk_index(moderate).zone, 'D');
  // 50 (very low), 100, 200, 300 (very high): 3 x 25 + 1.6 x (25 + 12.5) = 135 -> capped at 100, zone E.
  const std::vector<double> severe = {50, 100, 200, 300};
  EXPECT_DOUBLE_EQ(glycemia_risk_index(severe).gri, 100.0);
  EXPECT_EQ(glycemia_risk_index(severe).zone, 'E');
}

TEST(CgmEpisodes, NeedFifteenMinutesToBeginAndToEnd) {
  // 6 x 100, then 4 x 60 (20 min below 70: begins), 2 x 100 (10 min: not yet ended), 1 x 60, 4 x 100 (ends after
  // the third). The episode holds 4 + 2 + 1 = 7 readings = 35 min; mean (4 x 60 + 2 x 100 + 60) / 7 = 500/7.
  std::vector<double> glucose(6, 100.0);
  for (double g : {60.0, 60.0, 60.0, 60.0, 100.0, 100.0, 60.0, 100.0, 100.0, 100.0, 100.0}) glucose.push_back(g);
  const auto samples = five_minute_trace(glucose);
  const RegularGlucoseGrid grid = make_regular_glucose_grid(samples);
  const auto episodes = find_glucose_episodes(grid, {70, ExcursionSide::kBelow, 15, 15});
  ASSERT_EQ(episodes.size(), 1u);
  EXPECT_DOUBLE_EQ(episodes[0].duration_min, 35.0);
  EXPECT_DOUBLE_EQ(episodes[0].mean_glucose_mg_dl, 500.0 / 7.0);
  EXPECT_DOUBLE_EQ(episodes[0].start_min, samples[6].time_min);
  // Two readings below 70 (10 min) are not an episode.
  const auto short_dip = five_minute_trace({100, 100, 60, 60, 100, 100, 100});
  EXPECT_TRUE(find_glucose_episodes(make_regular_glucose_grid(short_dip), {70, ExcursionSide::kBelow, 15, 15}).empty());
}

TEST(CgmVariability, HandDerivedValuesOnASawtooth) {
  // Alternating 100, 120 every 5 min: every |change| is 20 mg/dl per 5 min -> MAG = 20 x 12 = 240 mg/dl/h;
  // GVP = (sqrt(5^2 + 20^2) / 5 - 1) x 100 = (sqrt(17) - 1) x 100.
  std::vector<double> glucose;
  for (int i = 0; i < 60; ++i) glucose.push_back(i % 2 == 0 ? 100.0 : 120.0);
  const RegularGlucoseGrid grid = make_regular_glucose_grid(five_minute_trace(glucose));
  EXPECT_DOUBLE_EQ(mean_absolute_glucose_change(grid), 240.0);
  EXPECT_NEAR(glycemic_variability_percentage(grid), (std::sqrt(17.0) - 1.0) * 100.0, 1e-9);
  // CONGA-1: the value an hour (12 steps, even) earlier is the same -> all differences 0.
  EXPECT_DOUBLE_EQ(conga(grid, 1.0), 0.0);
}

TEST(CgmMage, CountsExcursionsLargerThanOneSd) {
  // 150 - 50 cos(2 pi t / 6 h) over two days (8 whole cycles, from nadir to nadir; the 5-min samples hit every
  // peak (200) and nadir (100) exactly): every rise and fall is 100 mg/dl, far more than the SD (50 / sqrt 2 = 35),
  // so MAGE- = 100; the first rise starts from the first sample, t = 5 min, 150 - 50 cos(pi/36) = 100.19, so
  // MAGE+ = (7 x 100 + 200 - 100.19) / 8.
  std::vector<double> glucose;
  for (int i = 0; i < 2 * 288; ++i) glucose.push_back(150.0 - 50.0 * std::cos(2.0 * M_PI * 5.0 * (i + 1) / 360.0));
  const MageResult mage = mean_amplitude_of_glycemic_excursions(make_regular_glucose_grid(five_minute_trace(glucose)));
  const double first_sample = 150.0 - 50.0 * std::cos(M_PI / 36.0);
  EXPECT_NEAR(mage.mage_plus_mg_dl, (700.0 + 200.0 - first_sample) / 8.0, 1e-9);
  EXPECT_NEAR(mage.mage_minus_mg_dl, 100.0, 1e-9);
  EXPECT_EQ(mage.excursion_count, 16);  // 8 rises, 8 falls
}

TEST(CgmMage, SegmentsSplitAtLongGapsWeighByDuration) {
  // Two cosine stretches 6 h apart (more than max_gap = 180 min, so two segments): 150 - 50 cos(2 pi t / 6 h) for
  // t = 5..720 min (144 readings, two cycles ending at a nadir), then 150 - 25 cos(...) for t = 1080..1800 min
  // (145 readings, nadir to nadir). Falls: 100, 100 in the first, 50, 50 in the second; rises: 200 - g(5 min) and
  // 100, then 50, 50. Each segment weighs by its duration, 715 and 720 min. Joined into one segment, the rise from
  // the nadir at 720 min to the peak at 1260 min (75) would count too.
  std::vector<GlucoseSample> samples;
  for (int i = 0; i < 360; ++i) {
    if (i >= 144 && i < 215) continue;  // the gap, 725..1075 min
    const double t = 5.0 * (i + 1);
    const double amplitude = i < 144 ? 50.0 : 25.0;
    samples.push_back({19000 * 1440.0 + t, 150.0 - amplitude * std::cos(2.0 * M_PI * t / 360.0)});
  }
  const MageResult mage = mean_amplitude_of_glycemic_excursions(make_regular_glucose_grid(samples));
  const double first_rise = 200.0 - (150.0 - 50.0 * std::cos(M_PI / 36.0));
  EXPECT_NEAR(mage.mage_minus_mg_dl, (715.0 * 100.0 + 720.0 * 50.0) / 1435.0, 1e-9);
  EXPECT_NEAR(mage.mage_plus_mg_dl, (715.0 * (first_rise + 100.0) / 2.0 + 720.0 * 50.0) / 1435.0, 1e-9);
  EXPECT_EQ(mage.excursion_count, 8);
}

TEST(CgmMetricTable, WorksOnASimulatedTraceAndConvertsUnits) {
  const auto samples = five_minute_trace(std::vector<double>(288, 100.0));  // one flat day at 100 mg/dl
  const CgmMetricTable table = compute_cgm_metrics(samples);
  EXPECT_DOUBLE_EQ(table.find("mean_glucose")->value, 100.0);
  EXPECT_DOUBLE_EQ(table.find("sd")->value, 0.0);
  EXPECT_DOUBLE_EQ(table.find("time_in_range_70_180")->value, 100.0);
  EXPECT_DOUBLE_EQ(table.find("time_in_tight_range_70_140")->value, 100.0);
  EXPECT_DOUBLE_EQ(table.find("gri")->value, 0.0);
  EXPECT_DOUBLE_EQ(table.find("active_percent")->value, 100.0);
  EXPECT_DOUBLE_EQ(table.find("hypo_level1_episodes")->value, 0.0);
  const CgmMetric& mean = *table.find("mean_glucose");
  EXPECT_NEAR(metric_value_in(mean, true), 100.0 / 18.0156, 1e-12);
  EXPECT_EQ(metric_unit_in(mean, true), "mmol/l");
  EXPECT_EQ(metric_unit_in(*table.find("mag"), true), "mmol/l/h");
  EXPECT_DOUBLE_EQ(metric_value_in(*table.find("cv"), true), 0.0);  // percentages are not converted
  // Hourly average AUC of a flat trace is its level; it converts like a glucose.
  EXPECT_NEAR(table.find("hourly_auc")->value, 100.0, 1e-9);
  EXPECT_NEAR(metric_value_in(*table.find("hourly_auc"), true), 100.0 / 18.0156, 1e-9);
}

TEST(CgmMetricTable, AnEmptyTraceGivesUndefinedMetricsAndAPage) {
  CgmTrace trace;  // e.g. a simulated subject without sensor readings
  const CgmMetricTable table = compute_cgm_metrics(trace.samples);
  EXPECT_TRUE(std::isnan(table.find("mean_glucose")->value));
  EXPECT_TRUE(std::isnan(table.find("mage")->value));
  EXPECT_TRUE(std::isnan(table.find("hourly_auc")->value));
  const std::string html = render_agp_report_html(trace, table, false);
  EXPECT_NE(html.find("</html>"), std::string::npos);
}

}  // namespace
}  // namespace isletsim
