#include "report/agp_report.hpp"
#include "report/html_escape.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include <fmt/format.h>

#include "core/civil_time.hpp"
#include "core/units.hpp"

namespace isletsim {

namespace {

constexpr double kChartMaxMgDl = 400.0;

std::string glucose_text(double glucose_mg_dl, bool mmol) {
  if (std::isnan(glucose_mg_dl)) return "NA";
  return mmol ? fmt::format("{:.1f}", units::mmol_l_from_mg_dl(glucose_mg_dl)) : fmt::format("{:.0f}", glucose_mg_dl);
}

const char* unit_name(bool mmol) { return mmol ? "mmol/l" : "mg/dl"; }

double metric_or_nan(const CgmMetricTable& metrics, const std::string& key) {
  const CgmMetric* metric = metrics.find(key);
  return metric != nullptr ? metric->value : std::nan("");
}

// The modal-day percentile chart.
std::string percentile_chart_svg(const TimeOfDayPercentiles& percentiles, bool mmol) {
  constexpr double kWidth = 1100;
  constexpr double kHeight = 340;
  constexpr double kLeft = 60;
  constexpr double kRight = 20;
  constexpr double kTop = 15;
  constexpr double kBottom = 35;
  const double plot_width = kWidth - kLeft - kRight;
  const double plot_height = kHeight - kTop - kBottom;
  const auto x_of = [&](double minute_of_day) { return kLeft + plot_width * minute_of_day / 1440.0; };
  const auto y_of = [&](double glucose_mg_dl) {
    return kTop + plot_height * (1.0 - std::clamp(glucose_mg_dl, 0.0, kChartMaxMgDl) / kChartMaxMgDl);
  };
  std::string svg = fmt::format(
      "<svg class=\"agp\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\">\n",
      kWidth, kHeight);
  svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#ffffff\" stroke=\"#888888\"/>\n", kLeft,
                     kTop, plot_width, plot_height);
  // Grid and labels.
  const std::vector<double> ticks_mg_dl = mmol ? std::vector<double>{54.0, 70.0, 180.0, 250.0, 18.0156 * 20}
                                               : std::vector<double>{54.0, 70.0, 180.0, 250.0, 350.0};
  for (const double tick : ticks_mg_dl) {
    svg += fmt::format("<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#dddddd\"/>\n", kLeft, y_of(tick),
                       kLeft + plot_width, y_of(tick));
    svg += fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"12\" text-anchor=\"end\">{}</text>\n", kLeft - 6,
                       y_of(tick) + 4, glucose_text(tick, mmol));
  }
  for (int hour = 0; hour <= 24; hour += 3) {
    const double x = x_of(hour * 60.0);
    svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#eeeeee\"/>\n", x, kTop,
                       kTop + plot_height);
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\">{:02}:00</text>\n", x,
                       kHeight - 12, hour % 24);
  }
  svg += fmt::format("<text x=\"14\" y=\"{}\" font-size=\"12\" transform=\"rotate(-90 14 {})\">{}</text>\n",
                     kTop + plot_height / 2, kTop + plot_height / 2, unit_name(mmol));
  // Bands: contiguous runs of points with data.
  const auto band = [&](int low_index, int high_index, const char* colour) {
    int start = 0;
    std::string out;
    while (start < TimeOfDayPercentiles::kPoints) {
      while (start < TimeOfDayPercentiles::kPoints && std::isnan(percentiles.mg_dl[start][2])) ++start;
      int end = start;
      while (end < TimeOfDayPercentiles::kPoints && !std::isnan(percentiles.mg_dl[end][2])) ++end;
      if (end - start >= 2) {
        std::string points;
        for (int i = start; i < end; ++i) {
          points += fmt::format("{:.1f},{:.1f} ", x_of(i * 15.0 + 7.5), y_of(percentiles.mg_dl[i][high_index]));
        }
        for (int i = end - 1; i >= start; --i) {
          points += fmt::format("{:.1f},{:.1f} ", x_of(i * 15.0 + 7.5), y_of(percentiles.mg_dl[i][low_index]));
        }
        out += fmt::format("<polygon points=\"{}\" fill=\"{}\" stroke=\"none\"/>\n", points, colour);
      }
      start = end;
    }
    return out;
  };
  svg += band(0, 4, agp_colors::kOuterBand);
  svg += band(1, 3, agp_colors::kInnerBand);
  std::string median;
  for (int i = 0; i < TimeOfDayPercentiles::kPoints; ++i) {
    if (std::isnan(percentiles.mg_dl[i][2])) continue;
    median += fmt::format("{:.1f},{:.1f} ", x_of(i * 15.0 + 7.5), y_of(percentiles.mg_dl[i][2]));
  }
  svg += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"3\"/>\n", median,
                     agp_colors::kMedian);
  for (const double target : {70.0, 180.0}) {
    svg += fmt::format("<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"{}\" stroke-width=\"2\"/>\n",
                       kLeft, y_of(target), kLeft + plot_width, y_of(target), agp_colors::kTarget);
  }
  svg += "</svg>\n";
  return svg;
}

// The stacked time-in-ranges bar.
std::string time_in_ranges_svg(const CgmMetricTable& metrics, bool mmol) {
  struct Band {
    const char* key;
    const char* colour;
    std::string label;
  };
  const std::vector<Band> bands = {
      {"time_above_250", agp_colors::kVeryHigh, fmt::format("Very high &gt;{}", glucose_text(250, mmol))},
      {"time_181_250", agp_colors::kHigh, fmt::format("High {}-{}", glucose_text(181, mmol), glucose_text(250, mmol))},
      {"time_in_range_70_180", agp_colors::kTarget,
       fmt::format("Target range {}-{}", glucose_text(70, mmol), glucose_text(180, mmol))},
      {"time_54_69", agp_colors::kLow, fmt::format("Low {}-{}", glucose_text(54, mmol), glucose_text(69, mmol))},
      {"time_below_54", agp_colors::kVeryLow, fmt::format("Very low &lt;{}", glucose_text(54, mmol))},
  };
  constexpr double kBarHeight = 300;
  constexpr double kTop = 10;
  std::string svg =
      "<svg class=\"tir\" xmlns=\"http://www.w3.org/2000/svg\" width=\"380\" height=\"320\" viewBox=\"0 0 380 320\">\n";
  double y = kTop;
  for (const auto& band : bands) {
    const double percent = metric_or_nan(metrics, band.key);
    const double height = std::isnan(percent) ? 0 : kBarHeight * percent / 100.0;
    svg += fmt::format("<rect x=\"10\" y=\"{:.1f}\" width=\"70\" height=\"{:.1f}\" fill=\"{}\"/>\n", y, height,
                       band.colour);
    y += height;
  }
  double label_y = kTop + 20;
  for (const auto& band : bands) {
    svg += fmt::format("<rect x=\"95\" y=\"{:.0f}\" width=\"12\" height=\"12\" fill=\"{}\"/>\n", label_y - 10,
                       band.colour);
    svg += fmt::format("<text x=\"115\" y=\"{:.0f}\" font-size=\"14\">{} {}: <tspan font-weight=\"bold\">{:.1f} %"
                       "</tspan></text>\n",
                       label_y, band.label, unit_name(mmol), metric_or_nan(metrics, band.key));
    label_y += 60;
  }
  svg += "</svg>\n";
  return svg;
}

// One small chart per calendar day.
std::string daily_traces_html(std::span<const GlucoseSample> samples, bool mmol, std::string* note) {
  std::map<std::int64_t, std::vector<GlucoseSample>> days;
  for (const auto& sample : samples) {
    days[static_cast<std::int64_t>(std::floor(sample.time_min / 1440.0))].push_back(sample);
  }
  constexpr std::size_t kMaxDays = 28;
  auto first = days.begin();
  if (days.size() > kMaxDays) {
    std::advance(first, static_cast<std::ptrdiff_t>(days.size() - kMaxDays));
    *note = fmt::format("The last {} of {} days are shown.", kMaxDays, days.size());
  }
  constexpr double kWidth = 150;
  constexpr double kHeight = 90;
  const auto y_of = [&](double g) { return kHeight * (1.0 - std::clamp(g, 0.0, kChartMaxMgDl) / kChartMaxMgDl); };
  std::string html = "<div class=\"days\">\n";
  for (auto it = first; it != days.end(); ++it) {
    const double midnight = static_cast<double>(it->first) * 1440.0;
    html += fmt::format("<figure><svg class=\"day\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" "
                        "height=\"{1}\" viewBox=\"0 0 {0} {1}\">",
                        kWidth, kHeight);
    html += fmt::format("<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\" stroke=\"#999999\"/>",
                        kWidth, kHeight);
    html += fmt::format("<rect x=\"0\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" fill=\"#e3f2e6\"/>", y_of(180),
                        kWidth, y_of(70) - y_of(180));
    std::string points;
    double previous_time = -1e300;
    const auto flush = [&]() {
      if (!points.empty()) {
        html += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>", points,
                            agp_colors::kDailyTrace);
      }
      points.clear();
    };
    for (const auto& sample : it->second) {
      if (sample.time_min - previous_time > 45.0) flush();  // do not draw across gaps
      points += fmt::format("{:.1f},{:.1f} ", kWidth * (sample.time_min - midnight) / 1440.0,
                            y_of(sample.glucose_mg_dl));
      previous_time = sample.time_min;
    }
    flush();
    html += fmt::format("</svg><figcaption>{}</figcaption></figure>\n", format_date(midnight));
  }
  html += "</div>\n";
  (void)mmol;
  return html;
}

}  // namespace

TimeOfDayPercentiles time_of_day_percentiles(std::span<const GlucoseSample> samples) {
  TimeOfDayPercentiles result;
  std::array<std::vector<double>, TimeOfDayPercentiles::kPoints> windows;
  for (const auto& sample : samples) {
    const double minute = sample.time_min - 1440.0 * std::floor(sample.time_min / 1440.0);
    for (int point = 0; point < TimeOfDayPercentiles::kPoints; ++point) {
      const double centre = point * 15.0 + 7.5;
      double distance = std::abs(minute - centre);
      distance = std::min(distance, 1440.0 - distance);
      if (distance <= 30.0) windows[static_cast<std::size_t>(point)].push_back(sample.glucose_mg_dl);
    }
  }
  constexpr std::array<double, 5> kProbabilities = {0.05, 0.25, 0.5, 0.75, 0.95};
  for (std::size_t point = 0; point < windows.size(); ++point) {
    for (std::size_t p = 0; p < kProbabilities.size(); ++p) {
      result.mg_dl[point][p] = windows[point].size() >= 5 ? quantile_type7(windows[point], kProbabilities[p])
                                                          : std::nan("");
    }
  }
  return result;
}

std::string render_agp_report_html(const CgmTrace& trace, const CgmMetricTable& metrics, bool mmol) {
  std::string days_note;
  const std::string daily = daily_traces_html(trace.samples, mmol, &days_note);
  std::string html = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>CGM report (AGP)</title>
<style>
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 20px; color: #222222; background: #ffffff; }
h1 { font-size: 22px; margin: 0 0 4px 0; } h2 { font-size: 16px; margin: 18px 0 6px 0; }
.meta { font-size: 13px; color: #555555; }
.top { display: flex; gap: 30px; align-items: flex-start; }
table { border-collapse: collapse; font-size: 12px; }
td, th { border-bottom: 1px solid #dddddd; padding: 2px 8px; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.days { display: flex; flex-wrap: wrap; gap: 6px; }
figure { margin: 0; } figcaption { font-size: 11px; text-align: center; }
.disclaimer { font-size: 11px; color: #777777; margin-top: 14px; }
</style></head><body>
)";
  html += "<h1>Continuous glucose monitoring report (AGP)</h1>\n";
  html += fmt::format("<div class=\"meta\">{} &middot; {} export &middot; {} readings &middot; {} to {}{} &middot; "
                      "units {}</div>\n",
                      escape_html(trace.source_file), escape_html(trace.format), trace.samples.size(),
                      trace.samples.empty() ? std::string("-") : format_wall_clock(trace.samples.front().time_min),
                      trace.samples.empty() ? std::string("-") : format_wall_clock(trace.samples.back().time_min),
                      trace.utc_offset_min ? fmt::format(" (UTC{:+03d}:{:02d})", *trace.utc_offset_min / 60,
                                                         std::abs(*trace.utc_offset_min) % 60)
                                           : std::string(" (local time)"),
                      unit_name(mmol));
  for (const auto& note : trace.notes) html += fmt::format("<div class=\"meta\">Note: {}</div>\n", escape_html(note));

  html += "<div class=\"top\"><div><h2>Glucose statistics and targets</h2><table>\n";
  for (const char* key : {"days_worn", "active_percent", "mean_glucose", "gmi", "cv", "sd", "gri", "mage"}) {
    const CgmMetric* metric = metrics.find(key);
    if (metric == nullptr) continue;
    const double value = metric_value_in(*metric, mmol);
    html += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n", escape_html(metric->label),
                        std::isnan(value) ? std::string("NA") : fmt::format("{:.4g}", value),
                        escape_html(metric_unit_in(*metric, mmol)));
  }
  html += "</table></div>\n<div><h2>Time in ranges</h2>\n" + time_in_ranges_svg(metrics, mmol) + "</div></div>\n";
  html += "<h2>Ambulatory glucose profile (5, 25, 50, 75, 95 % by time of day)</h2>\n";
  html += percentile_chart_svg(time_of_day_percentiles(trace.samples), mmol);
  html += "<h2>Daily glucose profiles</h2>\n";
  if (!days_note.empty()) html += fmt::format("<div class=\"meta\">{}</div>\n", days_note);
  html += daily;
  html += "<h2>All metrics</h2>\n<table><tr><th>Metric</th><th>Value</th><th>Unit</th><th>Source</th></tr>\n";
  for (const auto& metric : metrics.metrics) {
    const double value = metric_value_in(metric, mmol);
    html += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>\n",
                        escape_html(metric.label), std::isnan(value) ? std::string("NA") : fmt::format("{:.6g}", value),
                        escape_html(metric_unit_in(metric, mmol)), escape_html(metric.source));
  }
  html += "</table>\n<div class=\"disclaimer\">Generated by isletsim (research software). Not for diagnosis or "
          "treatment decisions; never dosing advice.</div>\n</body></html>\n";
  return html;
}

}  // namespace isletsim
