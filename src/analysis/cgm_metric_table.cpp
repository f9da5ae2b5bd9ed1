#include "analysis/cgm_metric_table.hpp"

#include <cmath>
#include <string>

#include "analysis/cgm_episodes.hpp"
#include "analysis/cgm_summary_metrics.hpp"
#include "analysis/cgm_variability_metrics.hpp"
#include "analysis/glycemic_control_indices.hpp"
#include "analysis/glycemic_risk.hpp"
#include "analysis/grade.hpp"
#include "analysis/gri.hpp"
#include "analysis/hourly_auc.hpp"
#include "analysis/mage.hpp"
#include "analysis/personal_glycemic_state.hpp"
#include "analysis/regular_glucose_grid.hpp"
#include "analysis/sd_partition_measures.hpp"
#include "analysis/time_in_ranges.hpp"
#include "core/units.hpp"

namespace isletsim {

const CgmMetric* CgmMetricTable::find(const std::string& key) const {
  for (const auto& metric : metrics) {
    if (metric.key == key) return &metric;
  }
  return nullptr;
}

double metric_value_in(const CgmMetric& metric, bool mmol_per_litre) {
  if (!mmol_per_litre || metric.scale == MetricScale::kNone) return metric.value;
  return units::mmol_l_from_mg_dl(metric.value);
}

std::string metric_unit_in(const CgmMetric& metric, bool mmol_per_litre) {
  if (!mmol_per_litre || metric.scale == MetricScale::kNone) return metric.unit;
  std::string unit = metric.unit;
  const std::string from = "mg/dl";
  if (const auto at = unit.find(from); at != std::string::npos) unit.replace(at, from.size(), "mmol/l");
  return unit;
}

CgmMetricTable compute_cgm_metrics(std::span<const GlucoseSample> samples) {
  CgmMetricTable table;
  auto add = [&](std::string key, std::string label, double value, std::string unit, MetricScale scale,
                 std::string source) {
    table.metrics.push_back({std::move(key), std::move(label), value, std::move(unit), scale, std::move(source)});
  };
  const std::vector<double> glucose = glucose_values_mg_dl(samples);
  const CgmSummary summary = summarize_cgm(samples);
  const RegularGlucoseGrid grid = make_regular_glucose_grid(samples);
  constexpr auto kNone = MetricScale::kNone;
  constexpr auto kGlucose = MetricScale::kGlucose;
  constexpr auto kRate = MetricScale::kGlucoseRate;

  add("reading_count", "Readings", summary.reading_count, "", kNone, "");
  add("days_worn", "Days of data (span)", summary.ndays_rounded, "days", kNone, "Battelino 2019");
  add("active_percent", "Sensor active", summary.active_percent, "%", kNone, "Battelino 2019, Table 1");

  add("mean_glucose", "Mean glucose", summary.mean_mg_dl, "mg/dl", kGlucose, "Battelino 2019");
  add("gmi", "Glucose management indicator (GMI)", summary.gmi_percent, "%", kNone, "Bergenstal 2018");
  add("ea1c", "Estimated A1C (ADAG)", summary.ea1c_percent, "%", kNone, "Nathan 2008");
  add("sd", "Standard deviation", summary.sd_mg_dl, "mg/dl", kGlucose, "Battelino 2019");
  add("cv", "Coefficient of variation", summary.cv_percent, "%", kNone, "Battelino 2019 (target <= 36 %)");
  add("median", "Median", summary.median_mg_dl, "mg/dl", kGlucose, "");
  add("q25", "25th percentile", summary.q25_mg_dl, "mg/dl", kGlucose, "Hyndman & Fan 1996, type 7");
  add("q75", "75th percentile", summary.q75_mg_dl, "mg/dl", kGlucose, "Hyndman & Fan 1996, type 7");
  add("iqr", "Interquartile range", summary.iqr_mg_dl, "mg/dl", kGlucose, "");
  add("min", "Minimum", summary.min_mg_dl, "mg/dl", kGlucose, "");
  add("max", "Maximum", summary.max_mg_dl, "mg/dl", kGlucose, "");
  add("mad", "Median absolute deviation (x1.4826)", summary.mad_mg_dl, "mg/dl", kGlucose, "Rousseeuw 1993");

  const TimeInRanges ranges = time_in_ranges(glucose);
  add("time_below_54", "Time below 54 mg/dl (level 2)", 100 * ranges.below_54, "%", kNone, "Battelino 2019");
  add("time_below_70", "Time below 70 mg/dl (level 1 + 2)", 100 * ranges.below_70, "%", kNone, "Battelino 2019");
  add("time_54_69", "Time 54-69 mg/dl (level 1)", 100 * (ranges.below_70 - ranges.below_54), "%", kNone,
      "Battelino 2019");
  add("time_in_range_70_180", "Time in range 70-180 mg/dl", 100 * ranges.in_70_180, "%", kNone, "Battelino 2019");
  add("time_in_tight_range_70_140", "Time in tight range 70-140 mg/dl", 100 * ranges.in_70_140, "%", kNone,
      "Battelino 2023");
  add("time_above_140", "Time above 140 mg/dl", 100 * ranges.above_140, "%", kNone, "Battelino 2023");
  add("time_181_250", "Time 181-250 mg/dl (level 1)", 100 * (ranges.above_180 - ranges.above_250), "%", kNone,
      "Battelino 2019");
  add("time_above_180", "Time above 180 mg/dl (level 1 + 2)", 100 * ranges.above_180, "%", kNone, "Battelino 2019");
  add("time_above_250", "Time above 250 mg/dl (level 2)", 100 * ranges.above_250, "%", kNone, "Battelino 2019");

  const GlycemiaRiskIndex gri = glycemia_risk_index(glucose);
  add("gri", std::string("Glycemia risk index (zone ") + gri.zone + ")", gri.gri, "", kNone, "Klonoff 2023");
  add("gri_hypo_component", "GRI hypoglycaemia component", gri.hypo_component, "", kNone, "Klonoff 2023");
  add("gri_hyper_component", "GRI hyperglycaemia component", gri.hyper_component, "", kNone, "Klonoff 2023");
  add("lbgi", "Low blood glucose index (LBGI)",
      low_blood_glucose_index(glucose, RiskFunctionForm::kClarkeKovatchev2009), "", kNone,
      "Kovatchev 2006; Clarke & Kovatchev 2009");
  add("hbgi", "High blood glucose index (HBGI)",
      high_blood_glucose_index(glucose, RiskFunctionForm::kClarkeKovatchev2009), "", kNone,
      "Kovatchev 2006; Clarke & Kovatchev 2009");
  add("adrr", "Average daily risk range (ADRR)", average_daily_risk_range(samples), "", kNone, "Kovatchev 2006");
  const GradeScore grade = grade_score(glucose);
  add("grade", "GRADE", grade.grade, "", kNone, "Hill 2007");
  add("grade_hypo", "GRADE from hypoglycaemia (< 80 mg/dl)", grade.hypo_percent, "%", kNone, "Hill 2007");
  add("grade_eugly", "GRADE from euglycaemia (70-140 mg/dl)", grade.eugly_percent, "%", kNone, "Hill 2007");
  add("grade_hyper", "GRADE from hyperglycaemia (> 140 mg/dl)", grade.hyper_percent, "%", kNone, "Hill 2007");
  add("j_index", "J-index", summary.j_index, "", kNone, "Wojcicki 1995");
  add("m_value", "M-value (IGV 90 mg/dl)", m_value(glucose), "", kNone, "Schlichtkrull 1965");
  const RodbardControlIndices rodbard = rodbard_control_indices(glucose);
  add("hyper_index", "Hyperglycaemia index", rodbard.hyperglycemia_index, "", kNone, "Rodbard 2009");
  add("hypo_index", "Hypoglycaemia index", rodbard.hypoglycemia_index, "", kNone, "Rodbard 2009");
  add("igc", "Index of glycaemic control", rodbard.index_of_glycemic_control, "", kNone, "Rodbard 2009");
  add("cogi", "COGI", continuous_glucose_monitoring_index(glucose), "", kNone, "Leelarathna 2020");

  const bool grid_ok = grid.days > 0;
  const double nan = std::nan("");
  const MageResult mage = grid_ok ? mean_amplitude_of_glycemic_excursions(grid) : MageResult{nan, nan, nan, nan, nan, 0};
  add("mage", "MAGE (moving averages, avg of +/-)", mage.mage_average_mg_dl, "mg/dl", kGlucose,
      "Service 1970; Fernandes 2022");
  add("mage_plus", "MAGE+ (nadir to peak)", mage.mage_plus_mg_dl, "mg/dl", kGlucose, "Service 1970");
  add("mage_minus", "MAGE- (peak to nadir)", mage.mage_minus_mg_dl, "mg/dl", kGlucose, "Service 1970");
  add("conga1", "CONGA-1", grid_ok ? conga(grid, 1.0) : nan, "mg/dl", kGlucose, "McDonnell 2005");
  add("conga24", "CONGA-24", grid_ok ? conga(grid, 24.0) : nan, "mg/dl", kGlucose, "McDonnell 2005");
  add("modd", "MODD", grid_ok ? mean_of_daily_differences(grid) : nan, "mg/dl", kGlucose, "Service & Nelson 1980");
  add("hourly_auc", "Hourly average AUC (trapezoid rule)", grid_ok ? hourly_average_auc_mg_dl(grid) : nan, "mg/dl",
      kGlucose, "Danne 2017; Broll 2021");
  add("mag", "MAG (every 5 min)", grid_ok ? mean_absolute_glucose_change(grid) : nan, "mg/dl/h", kRate,
      "Hermanides 2010");
  add("mag_hourly", "MAG (hourly)", grid_ok ? mean_absolute_glucose_change(grid, 60.0) : nan, "mg/dl/h", kRate,
      "Hermanides 2010");
  add("gvp", "Glycaemic variability percentage", grid_ok ? glycemic_variability_percentage(grid) : nan, "%", kNone,
      "Peyser 2018");
  add("sd_roc", "SD of rate of change", grid_ok ? sd_of_rate_of_change(grid) : nan, "mg/dl/min", kRate,
      "Rodbard 2009");
  const SdPartition sd = grid_ok ? sd_partition_measures(grid) : SdPartition{nan, nan, nan, nan, nan, nan};
  add("sd_within_days", "SDw (within days)", sd.sd_within_days, "mg/dl", kGlucose, "Rodbard 2009");
  add("sd_time_of_day", "SDhh:mm (between times of day)", sd.sd_time_of_day_means, "mg/dl", kGlucose,
      "Rodbard 2009");
  add("sd_within_hour", "SDws,1h (within 1-h windows)", sd.sd_within_hour_series, "mg/dl", kGlucose,
      "Rodbard 2009");
  add("sd_daily_means", "SDdm (between daily means)", sd.sd_daily_means, "mg/dl", kGlucose, "Rodbard 2009");
  add("sd_between_days", "SDb,hh:mm (between days)", sd.sd_between_days, "mg/dl", kGlucose, "Rodbard 2009");
  add("sd_between_days_dm", "SDb,hh:mm+dm (corrected for daily means)", sd.sd_between_days_corrected, "mg/dl",
      kGlucose, "Rodbard 2009");
  const DailyCv daily_cv = grid_ok ? daily_cv_measures(grid) : DailyCv{nan, nan};
  add("cv_daily_mean", "Mean of daily CVs", daily_cv.mean_percent, "%", kNone, "Umpierrez & Kovatchev 2018");
  add("cv_daily_sd", "SD of daily CVs", daily_cv.sd_percent, "%", kNone, "Umpierrez & Kovatchev 2018");

  if (grid_ok) {
    const ConsensusEpisodes episodes = consensus_episodes(grid);
    const auto add_episodes = [&](const std::string& key, const std::string& label, const EpisodeSummary& e) {
      add(key + "_episodes_per_day", label + " episodes per day", e.episodes_per_day, "episodes/day", kNone,
          "Battelino 2023, Table 3");
      add(key + "_episodes", label + " episodes", e.total_episodes, "", kNone, "Battelino 2023, Table 3");
      add(key + "_mean_duration", label + " mean episode duration", e.mean_duration_min, "min", kNone,
          "Battelino 2023, Table 3");
    };
    add_episodes("hypo_level1", "Hypoglycaemia level 1 (< 70)", episodes.hypo_level1);
    add_episodes("hypo_level2", "Hypoglycaemia level 2 (< 54)", episodes.hypo_level2);
    add_episodes("hypo_extended", "Extended hypoglycaemia (< 70, >= 120 min)", episodes.hypo_extended);
    add_episodes("hyper_level1", "Hyperglycaemia level 1 (> 180)", episodes.hyper_level1);
    add_episodes("hyper_level2", "Hyperglycaemia level 2 (> 250)", episodes.hyper_level2);
    const PersonalGlycemicState pgs = personal_glycemic_state(samples, grid);
    add("pgs", "Personal glycemic state", pgs.pgs, "", kNone, "Hirsch 2017");
  }
  return table;
}

}  // namespace isletsim
