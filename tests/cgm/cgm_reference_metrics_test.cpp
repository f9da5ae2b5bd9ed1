// CGM metrics on real Dexcom G4 data (iglu's example subject 1) against iglu 4.3.0's numbers, to relative 1e-6.
// The data and iglu's outputs live in ../shared/reference/cgm (never copied into the repository); the tests skip
// when it is absent. Where iglu's code departs from its own published definition the test asserts both numbers and
// says why.
#include <cmath>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "analysis/cgm_episodes.hpp"
#include "analysis/cgm_summary_metrics.hpp"
#include "analysis/cgm_variability_metrics.hpp"
#include "analysis/glycemic_control_indices.hpp"
#include "analysis/glycemic_risk.hpp"
#include "analysis/grade.hpp"
#include "analysis/hourly_auc.hpp"
#include "analysis/gri.hpp"
#include "analysis/mage.hpp"
#include "analysis/personal_glycemic_state.hpp"
#include "analysis/regular_glucose_grid.hpp"
#include "analysis/sd_partition_measures.hpp"
#include "analysis/time_in_ranges.hpp"
#include "cgm/plain_csv_importer.hpp"
#include "core/civil_time.hpp"
#include "io/csv_table.hpp"
#include "test_support.hpp"

namespace isletsim {
namespace {

constexpr double kRelativeTolerance = 1e-6;

// One row of an iglu output file as name -> text.
std::map<std::string, std::string> read_iglu_row(const std::string& file_name, std::size_t row = 0) {
  const CsvTable table = CsvTable::read(testing::reference_dir() / "cgm" / file_name);
  std::map<std::string, std::string> values;
  for (std::size_t c = 0; c < table.header().size(); ++c) values[table.header()[c]] = table.text(row, c);
  return values;
}

double number(const std::map<std::string, std::string>& row, const std::string& key) {
  const auto it = row.find(key);
  if (it == row.end()) ADD_FAILURE() << "iglu output has no column " << key;
  return it == row.end() ? std::nan("") : std::stod(it->second);
}

#define EXPECT_MATCHES_IGLU(actual, expected)                                                  \
  do {                                                                                         \
    const double expected_value = (expected);                                                  \
    const double actual_value = (actual);                                                      \
    EXPECT_NEAR(actual_value, expected_value,                                                  \
                kRelativeTolerance * std::max(std::abs(expected_value), 1e-300))               \
        << #actual;                                                                            \
  } while (false)

class CgmReferenceMetrics : public ::testing::Test {
 protected:
  void SetUp() override {
    ISLETSIM_REQUIRE_REFERENCE();
    const std::string path = (testing::reference_dir() / "cgm" / "example_data_1_subject.csv").string();
    trace_ = import_plain_csv(read_text_file(path), path);
    glucose_ = glucose_values_mg_dl(trace_.samples);
    grid_ = make_regular_glucose_grid(trace_.samples);
    all_ = read_iglu_row("iglu_all_metrics_subject1.csv");
    standalone_ = read_iglu_row("iglu_standalone_metrics_subject1.csv");
  }
  CgmTrace trace_;
  std::vector<double> glucose_;
  RegularGlucoseGrid grid_;
  std::map<std::string, std::string> all_;
  std::map<std::string, std::string> standalone_;
};

TEST_F(CgmReferenceMetrics, ImportsEveryReading) {
  EXPECT_EQ(trace_.samples.size(), 2915u);
  EXPECT_EQ(trace_.duplicates_dropped, 0);
  EXPECT_EQ(format_wall_clock(trace_.samples.front().time_min), all_["start_date"]);
  EXPECT_EQ(format_wall_clock(trace_.samples.back().time_min), all_["end_date"]);
}

TEST_F(CgmReferenceMetrics, SummaryStatisticsMatchIglu) {
  const CgmSummary s = summarize_cgm(trace_.samples);
  EXPECT_MATCHES_IGLU(s.mean_mg_dl, number(all_, "Mean"));
  EXPECT_MATCHES_IGLU(s.sd_mg_dl, number(all_, "SD"));
  EXPECT_MATCHES_IGLU(s.cv_percent, number(all_, "CV"));
  EXPECT_MATCHES_IGLU(s.min_mg_dl, number(all_, "Min."));
  EXPECT_MATCHES_IGLU(s.q25_mg_dl, number(all_, "1st Qu."));
  EXPECT_MATCHES_IGLU(s.median_mg_dl, number(all_, "Median"));
  EXPECT_MATCHES_IGLU(s.q75_mg_dl, number(all_, "3rd Qu."));
  EXPECT_MATCHES_IGLU(s.max_mg_dl, number(all_, "Max."));
  EXPECT_MATCHES_IGLU(s.iqr_mg_dl, number(all_, "IQR"));
  EXPECT_MATCHES_IGLU(s.range_mg_dl, number(all_, "range"));
  EXPECT_MATCHES_IGLU(s.mad_mg_dl, number(all_, "MAD"));
  EXPECT_MATCHES_IGLU(s.gmi_percent, number(all_, "GMI"));
  EXPECT_MATCHES_IGLU(s.ea1c_percent, number(all_, "eA1C"));
  EXPECT_MATCHES_IGLU(s.j_index, number(all_, "J_index"));
  EXPECT_MATCHES_IGLU(s.active_percent, number(all_, "active_percent"));
  EXPECT_MATCHES_IGLU(s.active_percent, number(standalone_, "active_percent"));
  EXPECT_MATCHES_IGLU(s.ndays_rounded, number(all_, "ndays"));
  for (const auto& [p, key] : {std::pair{0.05, "q05"}, {0.25, "q25"}, {0.5, "q50"}, {0.75, "q75"}, {0.95, "q95"}}) {
    EXPECT_MATCHES_IGLU(quantile_type7(glucose_, p), number(standalone_, key));
  }
}

TEST_F(CgmReferenceMetrics, TimeInRangesMatchIglu) {
  const TimeInRanges r = time_in_ranges(glucose_);
  EXPECT_MATCHES_IGLU(100 * r.below_54, number(all_, "below_54"));
  EXPECT_MATCHES_IGLU(100 * r.below_70, number(all_, "below_70"));
  EXPECT_MATCHES_IGLU(100 * r.in_70_180, number(all_, "in_range_70_180"));
  EXPECT_MATCHES_IGLU(100 * r.above_180, number(all_, "above_180"));
  EXPECT_MATCHES_IGLU(100 * r.above_250, number(all_, "above_250"));
  EXPECT_MATCHES_IGLU(100 * r.above_140, number(all_, "above_140"));
  EXPECT_MATCHES_IGLU(100 * fraction_between(glucose_, 63, 140), number(all_, "in_range_63_140"));
  // Tight range 70-140 (Battelino 2023) is not in iglu's all_metrics. Every reading is >= 66 mg/dl (iglu's Min.),
  // so the readings in 63-140 are those in 70-140 plus those below 70: TITR = in_range_63_140 - below_70.
  ASSERT_GE(number(all_, "Min."), 63.0);
  EXPECT_MATCHES_IGLU(100 * r.in_70_140, number(all_, "in_range_63_140") - number(all_, "below_70"));
}

TEST_F(CgmReferenceMetrics, RiskIndicesMatchIglu) {
  EXPECT_MATCHES_IGLU(low_blood_glucose_index(glucose_, RiskFunctionForm::kClarkeKovatchev2009), number(all_, "LBGI"));
  EXPECT_MATCHES_IGLU(high_blood_glucose_index(glucose_, RiskFunctionForm::kClarkeKovatchev2009), number(all_, "HBGI"));
  EXPECT_MATCHES_IGLU(average_daily_risk_range(trace_.samples), number(all_, "ADRR"));
  const GradeScore grade = grade_score(glucose_);
  EXPECT_MATCHES_IGLU(grade.grade, number(all_, "GRADE"));
  EXPECT_MATCHES_IGLU(grade.hypo_percent, number(all_, "GRADE_hypo"));
  EXPECT_MATCHES_IGLU(grade.eugly_percent, number(all_, "GRADE_eugly"));
  EXPECT_MATCHES_IGLU(grade.hyper_percent, number(all_, "GRADE_hyper"));
  // iglu's defaults put hypo below 80 and eugly at 70..140 mg/dl: the 70..80 readings count twice, so the shares
  // sum to 100.10 % here (documented in analysis/grade.hpp).
  EXPECT_NEAR(grade.hypo_percent + grade.eugly_percent + grade.hyper_percent, 100.1026, 1e-4);
  EXPECT_MATCHES_IGLU(m_value(glucose_), number(all_, "M_value"));
  const RodbardControlIndices rodbard = rodbard_control_indices(glucose_);
  EXPECT_MATCHES_IGLU(rodbard.hyperglycemia_index, number(all_, "hyper_index"));
  EXPECT_MATCHES_IGLU(rodbard.hypoglycemia_index, number(all_, "hypo_index"));
  EXPECT_MATCHES_IGLU(rodbard.index_of_glycemic_control, number(all_, "IGC"));
  EXPECT_MATCHES_IGLU(continuous_glucose_monitoring_index(glucose_), number(all_, "COGI"));
  const GlycemiaRiskIndex gri = glycemia_risk_index(glucose_);
  EXPECT_MATCHES_IGLU(gri.gri, number(all_, "GRI"));
  EXPECT_EQ(gri.zone, 'A');  // 7.19 < 20
}

TEST_F(CgmReferenceMetrics, VariabilityOnTheRegularGridMatchesIglu) {
  EXPECT_EQ(grid_.step_min, 5.0);
  EXPECT_EQ(grid_.days, 14);
  EXPECT_MATCHES_IGLU(conga(grid_, 24.0), number(all_, "Conga"));
  EXPECT_MATCHES_IGLU(conga(grid_, 24.0), number(standalone_, "CONGA24"));
  EXPECT_MATCHES_IGLU(conga(grid_, 1.0), number(standalone_, "CONGA1"));
  EXPECT_MATCHES_IGLU(mean_of_daily_differences(grid_), number(all_, "MODD"));
  EXPECT_MATCHES_IGLU(mean_of_daily_differences(grid_), number(standalone_, "MODD"));
  EXPECT_MATCHES_IGLU(glycemic_variability_percentage(grid_), number(all_, "GVP"));
  EXPECT_MATCHES_IGLU(glycemic_variability_percentage(grid_), number(standalone_, "GVP"));
  EXPECT_MATCHES_IGLU(sd_of_rate_of_change(grid_), number(all_, "SD.Roc"));
  EXPECT_MATCHES_IGLU(sd_of_rate_of_change(grid_), number(standalone_, "sd_roc"));
  const SdPartition sd = sd_partition_measures(grid_);
  EXPECT_MATCHES_IGLU(sd.sd_within_days, number(all_, "SDw"));
  EXPECT_MATCHES_IGLU(sd.sd_time_of_day_means, number(all_, "SDhhmm"));
  EXPECT_MATCHES_IGLU(sd.sd_within_hour_series, number(all_, "SDwsh"));
  EXPECT_MATCHES_IGLU(sd.sd_daily_means, number(all_, "SDdm"));
  EXPECT_MATCHES_IGLU(sd.sd_between_days, number(all_, "SDb"));
  EXPECT_MATCHES_IGLU(sd.sd_between_days_corrected, number(all_, "SDbdm"));
  for (const char* key : {"SDw", "SDhhmm", "SDwsh", "SDdm", "SDb", "SDbdm"}) {
    EXPECT_EQ(all_[key], standalone_[key]) << key;
  }
  const DailyCv cv = daily_cv_measures(grid_);
  EXPECT_MATCHES_IGLU(cv.mean_percent, number(all_, "CV_Measures_Mean"));
  EXPECT_MATCHES_IGLU(cv.sd_percent, number(all_, "CV_Measures_SD"));
  EXPECT_MATCHES_IGLU(cv.mean_percent, number(standalone_, "CVmean"));
  EXPECT_MATCHES_IGLU(cv.sd_percent, number(standalone_, "CVsd"));
}

TEST_F(CgmReferenceMetrics, MeanAbsoluteGlucoseChangeMatchesIgluAndExplainsAllMetrics) {
  // Hermanides 2010: total |change| over the time it spans. Every 5 min (iglu 4.3.0 mag() default, n = dt0) and
  // every 60 min (mag(n = 60)) both match iglu.
  EXPECT_MATCHES_IGLU(mean_absolute_glucose_change(grid_), number(standalone_, "MAG_default_n_dt0"));
  EXPECT_MATCHES_IGLU(mean_absolute_glucose_change(grid_, 60.0), number(standalone_, "MAG_n60"));
  // iglu's all_metrics() reports 17.0108 instead: hourly differences as for MAG_n60 (sum 4575.9 mg/dl over 256
  // valid hourly differences = 17.87 mg/dl/h), but divided by the 269 hourly readings with data rather than by the
  // 256 hours the differences span -- an older denominator that counts readings, not intervals, so hours next to
  // gaps are counted as if glucose had not changed. We report Hermanides' definition; this checks we understand
  // iglu's number exactly.
  EXPECT_MATCHES_IGLU(mean_absolute_glucose_change_per_reading(grid_, 60.0), number(all_, "MAG"));
  EXPECT_GT(std::abs(mean_absolute_glucose_change(grid_, 60.0) - number(all_, "MAG")), 0.8);
}

TEST_F(CgmReferenceMetrics, EpisodesMatchIglu) {
  const ConsensusEpisodes episodes = consensus_episodes(grid_);
  EXPECT_DOUBLE_EQ(episodes.days_with_data, 3204 * 5.0 / 1440.0);  // 3204 grid points with data
  const CsvTable table = CsvTable::read(testing::reference_dir() / "cgm" / "iglu_episodes_subject1.csv");
  const std::map<std::string, const EpisodeSummary*> ours = {
      {"hypo/lv1", &episodes.hypo_level1},       {"hypo/lv2", &episodes.hypo_level2},
      {"hypo/extended", &episodes.hypo_extended}, {"hyper/lv1", &episodes.hyper_level1},
      {"hyper/lv2", &episodes.hyper_level2},      {"hypo/lv1_excl", &episodes.hypo_level1_exclusive},
      {"hyper/lv1_excl", &episodes.hyper_level1_exclusive}};
  ASSERT_EQ(table.row_count(), ours.size());
  for (std::size_t row = 0; row < table.row_count(); ++row) {
    const std::string key = table.text(row, table.column("type")) + "/" + table.text(row, table.column("level"));
    SCOPED_TRACE(key);
    const EpisodeSummary& summary = *ours.at(key);
    EXPECT_EQ(summary.total_episodes, static_cast<int>(table.number(row, table.column("total_episodes"))));
    EXPECT_MATCHES_IGLU(summary.episodes_per_day, table.number(row, table.column("avg_ep_per_day")));
    EXPECT_MATCHES_IGLU(summary.mean_duration_min, table.number(row, table.column("avg_ep_duration")));
    const std::string mean_glucose = table.text(row, table.column("avg_ep_gl"));
    if (mean_glucose == "NA") {
      EXPECT_TRUE(std::isnan(summary.mean_glucose_mg_dl));
    } else {
      EXPECT_MATCHES_IGLU(summary.mean_glucose_mg_dl, std::stod(mean_glucose));
    }
  }
  // all_metrics reports the same episodes per day.
  EXPECT_MATCHES_IGLU(episodes.hypo_level1.episodes_per_day, number(all_, "hypo_lv1"));
  EXPECT_MATCHES_IGLU(episodes.hyper_level1.episodes_per_day, number(all_, "hyper_lv1"));
  EXPECT_MATCHES_IGLU(episodes.hyper_level2.episodes_per_day, number(all_, "hyper_lv2"));
  EXPECT_MATCHES_IGLU(episodes.hyper_level1_exclusive.episodes_per_day, number(all_, "hyper_lv1_excl"));
  EXPECT_MATCHES_IGLU(episodes.hypo_level1_exclusive.episodes_per_day, number(all_, "hypo_lv1_excl"));
}

TEST_F(CgmReferenceMetrics, PersonalGlycemicStateMatchesIglu) {
  const PersonalGlycemicState pgs = personal_glycemic_state(trace_.samples, grid_);
  EXPECT_MATCHES_IGLU(pgs.pgs, number(all_, "PGS"));
  EXPECT_MATCHES_IGLU(pgs.episodes_below_70_per_week, 7.0 / 11.125);  // one episode over 11.125 days with data
}

TEST_F(CgmReferenceMetrics, NaiveMageMatchesIglu) {
  EXPECT_MATCHES_IGLU(mage_naive(glucose_), number(standalone_, "MAGE_naive"));
}

TEST_F(CgmReferenceMetrics, MovingAverageMageMatchesIglu) {
  // Our MAGE (analysis/mage.hpp) matches iglu 4.3.0 in all five directions. Earlier versions gave 1.5 % more
  // (avg 73.5253): they bridged gaps of 45-180 min inside a segment by linear interpolation, which adds made-up
  // crossings and turning points. iglu leaves those grid points missing (moving averages of the readings present,
  // crossings across a gap compared with the sign at the last crossing), searches each turning point from the
  // previous one, and weights segments by their duration. With the bridging alone our avg is 73.65; the other
  // choices move it by at most 0.12 mg/dl. One more detail matters: right after a gap the short and the long window
  // hold the same readings, their averages are equal and no crossing may be found there; a running sum's rounding
  // (1e-13) made up two extra crossings in one segment, so each window is now summed afresh.
  const MageResult mage = mean_amplitude_of_glycemic_excursions(grid_);
  EXPECT_NEAR(number(standalone_, "MAGE_avg"), 72.4243472420089, 1e-9);
  EXPECT_MATCHES_IGLU(mage.mage_average_mg_dl, number(standalone_, "MAGE_avg"));
  EXPECT_MATCHES_IGLU(mage.mage_average_mg_dl, number(all_, "MAGE"));
  EXPECT_MATCHES_IGLU(mage.mage_plus_mg_dl, number(standalone_, "MAGE_plus"));
  EXPECT_MATCHES_IGLU(mage.mage_minus_mg_dl, number(standalone_, "MAGE_minus"));
  EXPECT_MATCHES_IGLU(mage.mage_max_mg_dl, number(standalone_, "MAGE_max"));
  EXPECT_MATCHES_IGLU(mage.mage_service_mg_dl, number(standalone_, "MAGE_service"));
}

}  // namespace
}  // namespace isletsim

namespace isletsim {
namespace {

TEST_F(CgmReferenceMetrics, HourlyAucIsTheTimeWeightedValueNotIglus) {
  // Expected value derived independently of our C++ (a separate Python script over the same readings, building the
  // iglu-convention 5-min grid -- linear interpolation, no data inside gaps > 45 min, rows 00:05..24:00 -- and
  // summing (5/60) * (g[k] + g[k+1]) / 2 over neighbouring valid points of each row, divided by the hours summed):
  // 123.43142530736618 mg/dl, which the reference notes give as "a correct time-weighted 123.431".
  const double ours = hourly_average_auc_mg_dl(grid_);
  EXPECT_NEAR(ours, 123.43142530736618, kRelativeTolerance * 123.431);
  EXPECT_NEAR(ours, 123.431, 5e-4);  // the reference notes' three decimals
  // iglu 4.3.0's auc() reports 123.246. The reference notes attribute the 0.185 mg/dl (0.15 %) to how iglu groups the
  // grid into days. We could not reproduce 123.246 from the documented definition; variants we computed all differ
  // from it: every neighbouring pair including the row links 123.3647, calendar-day groups of the grid times
  // 123.4244, the unweighted mean of the daily averages 124.6156, area / (number of valid points * 5 min) 122.3913,
  // trapezoids also across gaps (missing points dropped first) 123.3905, day boundaries shifted by +-5 h 123.28-123.41.
  // So the test asserts only that ours is not iglu's number, by more than iglu's own rounding could explain.
  const double iglu = number(standalone_, "hourly_auc");
  EXPECT_NEAR(iglu, 123.246193497424, 1e-9);
  EXPECT_MATCHES_IGLU(number(all_, "AUC"), iglu);
  EXPECT_GT(ours - iglu, 0.18);
  EXPECT_LT(ours - iglu, 0.19);
}

}  // namespace
}  // namespace isletsim
