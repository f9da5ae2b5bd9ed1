#include "report/trial_report.hpp"
#include "report/html_escape.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "core/input_error.hpp"

namespace isletsim {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// ---------------------------------------------------------------------------------------------------------------
// Checking the JSON.

class JsonChecker {
 public:
  explicit JsonChecker(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
    throw InputError({file_, 0, key}, problem);
  }

  const nlohmann::json& member(const nlohmann::json& object, const std::string& path, const char* name) const {
    const std::string key = join(path, name);
    if (!object.is_object()) fail(path.empty() ? std::string("(top level)") : path, "is not a JSON object");
    const auto it = object.find(name);
    if (it == object.end()) fail(key, "is missing");
    return *it;
  }

  std::string string_member(const nlohmann::json& object, const std::string& path, const char* name) const {
    const auto& value = member(object, path, name);
    if (!value.is_string()) fail(join(path, name), fmt::format("must be a string, found {}", value.type_name()));
    return value.get<std::string>();
  }

  std::string optional_string_member(const nlohmann::json& object, const std::string& path, const char* name) const {
    if (!object.contains(name)) return {};
    return string_member(object, path, name);
  }

  // A finite number; `null_allowed` turns null into NaN, otherwise null is an error.
  double number_member(const nlohmann::json& object, const std::string& path, const char* name,
                       bool null_allowed = false, const char* why_null_is_wrong = "") const {
    return number_value(member(object, path, name), join(path, name), null_allowed, why_null_is_wrong);
  }

  double number_value(const nlohmann::json& value, const std::string& key, bool null_allowed = false,
                      const char* why_null_is_wrong = "") const {
    if (value.is_null()) {
      if (null_allowed) return kNaN;
      fail(key, fmt::format("is null (NaN when written?) {}", why_null_is_wrong));
    }
    if (!value.is_number()) fail(key, fmt::format("must be a number, found {}", value.type_name()));
    const double number = value.get<double>();
    if (!std::isfinite(number)) fail(key, "is not a finite number");
    return number;
  }

  long count_member(const nlohmann::json& object, const std::string& path, const char* name) const {
    const double value = number_member(object, path, name);
    if (value < 0 || value != std::floor(value) || value > 1e12) {
      fail(join(path, name), fmt::format("must be a whole number >= 0, found {}", value));
    }
    return static_cast<long>(value);
  }

  const nlohmann::json& array_member(const nlohmann::json& object, const std::string& path, const char* name) const {
    const auto& value = member(object, path, name);
    if (!value.is_array()) fail(join(path, name), fmt::format("must be an array, found {}", value.type_name()));
    return value;
  }

  static std::string join(const std::string& path, const char* name) {
    return path.empty() ? std::string(name) : path + "." + name;
  }
  static std::string index(const std::string& path, std::size_t i) { return fmt::format("{}[{}]", path, i); }

 private:
  std::string file_;
};

void check_interval(const JsonChecker& check, const std::string& path, double estimate, double low, double high) {
  if (std::isnan(estimate) && std::isnan(low) && std::isnan(high)) return;
  if (std::isnan(estimate) || std::isnan(low) || std::isnan(high)) {
    check.fail(path, "an estimate and its CI must be all numbers or all null");
  }
  // A small slack for the rounding of the written numbers.
  const double slack = 1e-9 * std::max({1.0, std::abs(low), std::abs(high)});
  if (!(low <= estimate + slack && estimate <= high + slack)) {
    check.fail(path, fmt::format("the CI [{}, {}] does not contain the estimate {}", low, high, estimate));
  }
}

TrialEndpoint endpoint_from_json(const JsonChecker& check, const nlohmann::json& json, const std::string& path,
                                 const std::set<std::string>& arm_names) {
  TrialEndpoint endpoint;
  endpoint.name = check.string_member(json, path, "name");
  endpoint.unit = check.string_member(json, path, "unit");
  endpoint.visit_day = check.number_member(json, path, "visit_day");
  const std::string kind = check.string_member(json, path, "kind");
  if (kind == "continuous") endpoint.kind = EndpointKind::kContinuous;
  else if (kind == "proportion") endpoint.kind = EndpointKind::kProportion;
  else check.fail(JsonChecker::join(path, "kind"), fmt::format("'{}' is not 'continuous' or 'proportion'", kind));
  const bool continuous = endpoint.kind == EndpointKind::kContinuous;

  const std::string per_arm_path = JsonChecker::join(path, "per_arm");
  const auto& per_arm = check.array_member(json, path, "per_arm");
  std::map<std::string, long> n_of_arm;
  for (std::size_t i = 0; i < per_arm.size(); ++i) {
    const std::string p = JsonChecker::index(per_arm_path, i);
    EndpointArmStatistics stats;
    stats.arm = check.string_member(per_arm[i], p, "arm");
    if (arm_names.count(stats.arm) == 0) check.fail(JsonChecker::join(p, "arm"), fmt::format("'{}' is not one of the arms", stats.arm));
    if (n_of_arm.count(stats.arm) != 0) check.fail(JsonChecker::join(p, "arm"), fmt::format("arm '{}' is listed twice", stats.arm));
    stats.n = check.count_member(per_arm[i], p, "n");
    n_of_arm[stats.arm] = stats.n;
    const bool empty = stats.n == 0;
    if (continuous) {
      stats.mean = check.number_member(per_arm[i], p, "mean", empty, "but n > 0");
      stats.sd = check.number_member(per_arm[i], p, "sd", stats.n < 2, "but n >= 2");
      stats.median = check.number_member(per_arm[i], p, "median", empty, "but n > 0");
      stats.q1 = check.number_member(per_arm[i], p, "q1", empty, "but n > 0");
      stats.q3 = check.number_member(per_arm[i], p, "q3", empty, "but n > 0");
      if (!std::isnan(stats.sd) && stats.sd < 0) check.fail(JsonChecker::join(p, "sd"), "is negative");
      if (!std::isnan(stats.q1) && !(stats.q1 <= stats.median && stats.median <= stats.q3)) {
        check.fail(p, fmt::format("quartiles out of order: q1 {} median {} q3 {}", stats.q1, stats.median, stats.q3));
      }
    } else {
      stats.events = check.count_member(per_arm[i], p, "events");
      if (stats.events > stats.n) check.fail(JsonChecker::join(p, "events"), fmt::format("{} events but n = {}", stats.events, stats.n));
      stats.proportion = check.number_member(per_arm[i], p, "proportion", empty, "but n > 0");
      stats.ci_low = check.number_member(per_arm[i], p, "ci_low", empty, "but n > 0");
      stats.ci_high = check.number_member(per_arm[i], p, "ci_high", empty, "but n > 0");
      for (const double value : {stats.proportion, stats.ci_low, stats.ci_high}) {
        if (!std::isnan(value) && (value < 0 || value > 1)) check.fail(p, fmt::format("proportion {} outside [0, 1]", value));
      }
      check_interval(check, p, stats.proportion, stats.ci_low, stats.ci_high);
    }
    endpoint.per_arm.push_back(std::move(stats));
  }

  const std::string comparisons_path = JsonChecker::join(path, "comparisons");
  const auto& comparisons = check.array_member(json, path, "comparisons");
  for (std::size_t i = 0; i < comparisons.size(); ++i) {
    const std::string p = JsonChecker::index(comparisons_path, i);
    EndpointComparison comparison;
    comparison.arm = check.string_member(comparisons[i], p, "arm");
    comparison.reference = check.string_member(comparisons[i], p, "reference");
    for (const auto& [name, value] : {std::pair{"arm", comparison.arm}, std::pair{"reference", comparison.reference}}) {
      if (arm_names.count(value) == 0) check.fail(JsonChecker::join(p, name), fmt::format("'{}' is not one of the arms", value));
    }
    // Null is allowed only where the interval is undefined for the arm sizes of this endpoint.
    const long n_arm = n_of_arm.count(comparison.arm) != 0 ? n_of_arm[comparison.arm] : 0;
    const long n_reference = n_of_arm.count(comparison.reference) != 0 ? n_of_arm[comparison.reference] : 0;
    const long minimum_n = continuous ? 2 : 1;
    const bool undefined = std::min(n_arm, n_reference) < minimum_n;
    const std::string why = continuous ? "but both arms have n >= 2" : "but both arms have n > 0";
    comparison.difference = check.number_member(comparisons[i], p, "difference", undefined, why.c_str());
    comparison.ci_low = check.number_member(comparisons[i], p, "ci_low", undefined, why.c_str());
    comparison.ci_high = check.number_member(comparisons[i], p, "ci_high", undefined, why.c_str());
    check_interval(check, p, comparison.difference, comparison.ci_low, comparison.ci_high);
    comparison.p_value = comparisons[i].contains("p_value") ? check.number_member(comparisons[i], p, "p_value", true)
                                                             : kNaN;
    if (!std::isnan(comparison.p_value) && (comparison.p_value < 0 || comparison.p_value > 1)) {
      check.fail(JsonChecker::join(p, "p_value"), fmt::format("{} is not a probability", comparison.p_value));
    }
    comparison.method = check.string_member(comparisons[i], p, "method");
    endpoint.comparisons.push_back(std::move(comparison));
  }
  return endpoint;
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering.

std::string number_text(double value) {
  if (std::isnan(value)) return "NA";
  return fmt::format("{:.4g}", value);
}

std::string p_value_text(double p) {
  if (std::isnan(p)) return "&ndash;";
  if (p < 0.001) return "&lt;0.001";
  return fmt::format("{:.3f}", p);
}

const char* arm_colour(const TrialResults& results, const std::string& arm) {
  constexpr std::size_t kColours = std::size(trial_report_colors::kArm);
  for (std::size_t i = 0; i < results.arms.size(); ++i) {
    if (results.arms[i].name == arm) return trial_report_colors::kArm[i % kColours];
  }
  return "#999999";
}

// Round limits outwards to a "nice" step so the axis labels read well.
double nice_step(double range) {
  if (!(range > 0)) return 1.0;
  const double raw = range / 4.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (factor * magnitude >= raw) return factor * magnitude;
  }
  return 10.0 * magnitude;
}

// Forest plot: one row per endpoint/comparison. Endpoints have different units, so each endpoint gets its own
// horizontal scale (printed under its rows) that always includes zero; rows of one endpoint share the scale.
std::string forest_plot_svg(const TrialResults& results) {
  constexpr double kWidth = 1100;
  constexpr double kLabelWidth = 380;
  constexpr double kPlotWidth = 460;
  constexpr double kRowHeight = 26;
  constexpr double kAxisHeight = 22;
  constexpr double kTop = 24;
  double height = kTop + 6;
  for (const auto& endpoint : results.endpoints) {
    if (!endpoint.comparisons.empty()) height += kRowHeight * static_cast<double>(endpoint.comparisons.size()) + kAxisHeight;
  }
  std::string svg = fmt::format(
      "<svg class=\"forest\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1:.0f}\" "
      "viewBox=\"0 0 {0} {1:.0f}\">\n",
      kWidth, height);
  svg += fmt::format("<text x=\"0\" y=\"16\" font-size=\"13\" font-weight=\"bold\">Endpoint: arm vs reference</text>"
                     "<text x=\"{:.0f}\" y=\"16\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\">"
                     "Difference (95 % CI)</text>\n",
                     kLabelWidth + kPlotWidth / 2);
  double y = kTop;
  for (const auto& endpoint : results.endpoints) {
    if (endpoint.comparisons.empty()) continue;
    double low = 0, high = 0;
    for (const auto& c : endpoint.comparisons) {
      if (std::isnan(c.difference)) continue;
      low = std::min(low, c.ci_low);
      high = std::max(high, c.ci_high);
    }
    if (high - low <= 0) {
      low -= 1;
      high += 1;
    }
    const double step = nice_step(high - low);
    low = step * std::floor(low / step);
    high = step * std::ceil(high / step);
    const auto x_of = [&](double value) { return kLabelWidth + kPlotWidth * (value - low) / (high - low); };
    const double group_top = y;
    for (const auto& c : endpoint.comparisons) {
      const double row_y = y + kRowHeight / 2;
      svg += fmt::format("<text x=\"0\" y=\"{:.1f}\" font-size=\"12\">{} ({}, day {}): {} vs {}</text>\n", row_y + 4,
                         escape_html(endpoint.name), escape_html(endpoint.unit), number_text(endpoint.visit_day),
                         escape_html(c.arm), escape_html(c.reference));
      if (std::isnan(c.difference)) {
        svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"12\" text-anchor=\"middle\">not estimable"
                           "</text>\n",
                           kLabelWidth + kPlotWidth / 2, row_y + 4);
      } else {
        svg += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" "
                           "stroke-width=\"3\"/>\n",
                           x_of(c.ci_low), row_y, x_of(c.ci_high), row_y, trial_report_colors::kEstimate);
        for (const double end : {c.ci_low, c.ci_high}) {
          svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"{3}\" "
                             "stroke-width=\"3\"/>\n",
                             x_of(end), row_y - 6, row_y + 6, trial_report_colors::kEstimate);
        }
        svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"12\" height=\"12\" fill=\"{}\"/>\n",
                           x_of(c.difference) - 6, row_y - 6, trial_report_colors::kEstimate);
      }
      svg += fmt::format("<text x=\"{:.0f}\" y=\"{:.1f}\" font-size=\"12\">{} [{}, {}]  p {}  {}</text>\n",
                         kLabelWidth + kPlotWidth + 20, row_y + 4, number_text(c.difference), number_text(c.ci_low),
                         number_text(c.ci_high), p_value_text(c.p_value), escape_html(c.method));
      y += kRowHeight;
    }
    // Zero line over the rows of this endpoint, then its axis.
    svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"{3}\" "
                       "stroke-width=\"2\"/>\n",
                       x_of(0.0), group_top, y, trial_report_colors::kZeroLine);
    svg += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#888888\"/>\n",
                       kLabelWidth, y, kLabelWidth + kPlotWidth, y);
    for (double tick = low; tick <= high + step / 2; tick += step) {
      const double shown = std::abs(tick) < step * 1e-9 ? 0.0 : tick;
      svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#888888\"/>"
                         "<text x=\"{0:.1f}\" y=\"{3:.1f}\" font-size=\"10\" text-anchor=\"middle\">{4}</text>\n",
                         x_of(tick), y, y + 4, y + 15, number_text(shown));
    }
    y += kAxisHeight;
  }
  svg += "</svg>\n";
  return svg;
}

// One line chart of CGM glucose against time per example participant, with the 70-180 mg/dl target band
// (Battelino et al. 2019, Diabetes Care 42:1593).
std::string trace_svg(const TrialResults& results, const ExampleTrace& trace) {
  constexpr double kWidth = 520;
  constexpr double kHeight = 200;
  constexpr double kLeft = 44;
  constexpr double kRight = 10;
  constexpr double kTop = 8;
  constexpr double kBottom = 26;
  constexpr double kMaxMgDl = 400;
  const double plot_width = kWidth - kLeft - kRight;
  const double plot_height = kHeight - kTop - kBottom;
  double t_first = 0, t_last = 1;
  if (!trace.t_min.empty()) {
    t_first = *std::min_element(trace.t_min.begin(), trace.t_min.end());
    t_last = *std::max_element(trace.t_min.begin(), trace.t_min.end());
    if (t_last <= t_first) t_last = t_first + 60;
  }
  const auto x_of = [&](double t) { return kLeft + plot_width * (t - t_first) / (t_last - t_first); };
  const auto y_of = [&](double g) { return kTop + plot_height * (1.0 - std::clamp(g, 0.0, kMaxMgDl) / kMaxMgDl); };
  std::string svg = fmt::format(
      "<svg class=\"trace\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\">\n",
      kWidth, kHeight);
  svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#ffffff\" stroke=\"#999999\"/>\n",
                     kLeft, kTop, plot_width, plot_height);
  svg += fmt::format("<rect x=\"{}\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" fill=\"{}\"/>\n", kLeft, y_of(180),
                     plot_width, y_of(70) - y_of(180), trial_report_colors::kTargetBand);
  for (const double tick : {70.0, 180.0, 300.0}) {
    svg += fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"10\" text-anchor=\"end\">{:.0f}</text>\n", kLeft - 4,
                       y_of(tick) + 3, tick);
  }
  // Time axis in hours from the first sample.
  const double hours = (t_last - t_first) / 60.0;
  const double step_h = nice_step(hours);
  for (double h = 0; h <= hours + 1e-9; h += step_h) {
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\">{}</text>\n",
                       x_of(t_first + 60 * h), kHeight - 12, number_text(h));
  }
  svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\">hours from t = {} min"
                     "</text>\n",
                     kLeft + plot_width / 2, kHeight - 1, number_text(t_first));
  std::string points;
  for (std::size_t i = 0; i < trace.t_min.size(); ++i) {
    points += fmt::format("{:.1f},{:.1f} ", x_of(trace.t_min[i]), y_of(trace.cgm_mg_dl[i]));
  }
  svg += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>\n", points,
                     arm_colour(results, trace.arm));
  svg += "</svg>\n";
  return svg;
}

}  // namespace

TrialResults trial_results_from_json(const nlohmann::json& json, const std::string& source_file) {
  const JsonChecker check(source_file);
  if (!json.is_object()) check.fail("(top level)", "must be a JSON object");
  TrialResults results;

  const auto& trial = check.member(json, "", "trial");
  results.trial.name = check.string_member(trial, "trial", "name");
  results.trial.file = check.optional_string_member(trial, "trial", "file");
  results.trial.seed = fmt::format("{}", static_cast<long long>(check.count_member(trial, "trial", "seed")));
  results.trial.participants = check.count_member(trial, "trial", "participants");
  results.trial.duration_days = check.number_member(trial, "trial", "duration_days");
  results.trial.isletsim_version = check.optional_string_member(trial, "trial", "isletsim_version");

  const auto& arms = check.array_member(json, "", "arms");
  if (arms.empty()) check.fail("arms", "is empty: a trial needs at least one arm");
  std::set<std::string> arm_names;
  for (std::size_t i = 0; i < arms.size(); ++i) {
    const std::string p = JsonChecker::index("arms", i);
    TrialArmInfo arm;
    arm.name = check.string_member(arms[i], p, "name");
    if (arm.name.empty()) check.fail(JsonChecker::join(p, "name"), "is empty");
    if (!arm_names.insert(arm.name).second) check.fail(JsonChecker::join(p, "name"), fmt::format("arm '{}' is listed twice", arm.name));
    arm.participants = check.count_member(arms[i], p, "participants");
    arm.description = check.optional_string_member(arms[i], p, "description");
    results.arms.push_back(std::move(arm));
  }

  const auto& endpoints = check.array_member(json, "", "endpoints");
  for (std::size_t i = 0; i < endpoints.size(); ++i) {
    results.endpoints.push_back(endpoint_from_json(check, endpoints[i], JsonChecker::index("endpoints", i), arm_names));
  }

  if (json.contains("example_traces")) {
    const auto& traces = check.array_member(json, "", "example_traces");
    for (std::size_t i = 0; i < traces.size(); ++i) {
      const std::string p = JsonChecker::index("example_traces", i);
      ExampleTrace trace;
      trace.subject_id = check.string_member(traces[i], p, "subject_id");
      trace.arm = check.string_member(traces[i], p, "arm");
      if (arm_names.count(trace.arm) == 0) check.fail(JsonChecker::join(p, "arm"), fmt::format("'{}' is not one of the arms", trace.arm));
      trace.day = check.number_member(traces[i], p, "day");
      const auto& t_min = check.array_member(traces[i], p, "t_min");
      const auto& cgm = check.array_member(traces[i], p, "cgm_mg_dl");
      if (t_min.size() != cgm.size()) {
        check.fail(p, fmt::format("t_min has {} values but cgm_mg_dl has {}", t_min.size(), cgm.size()));
      }
      for (std::size_t k = 0; k < t_min.size(); ++k) {
        const double t = check.number_value(t_min[k], fmt::format("{}.t_min[{}]", p, k));
        const double g = check.number_value(cgm[k], fmt::format("{}.cgm_mg_dl[{}]", p, k));
        if (k > 0 && !(t > trace.t_min.back())) {
          check.fail(fmt::format("{}.t_min[{}]", p, k), "times must increase");
        }
        if (g < 0) check.fail(fmt::format("{}.cgm_mg_dl[{}]", p, k), "is negative");
        trace.t_min.push_back(t);
        trace.cgm_mg_dl.push_back(g);
      }
      results.example_traces.push_back(std::move(trace));
    }
  }
  return results;
}

TrialResults read_trial_results(const std::filesystem::path& file) {
  const std::string name = file.string();
  std::ifstream stream(file, std::ios::binary);
  if (!stream) throw InputError({name, 0, ""}, "cannot open the file (is this a trial output directory?)");
  std::stringstream buffer;
  buffer << stream.rdbuf();
  const std::string text = buffer.str();
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    // error.byte is 1-based; count the lines up to it.
    const std::size_t end = std::min(text.size(), error.byte > 0 ? error.byte - 1 : 0);
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
    std::string message = error.what();
    const auto colon = message.find(": ");
    if (colon != std::string::npos) message = message.substr(colon + 2);
    throw InputError({name, line, ""}, "malformed JSON (NaN and Infinity are not JSON): " + message);
  }
  return trial_results_from_json(json, name);
}

std::string render_trial_report(const nlohmann::json& arm_results) {
  return render_trial_report(trial_results_from_json(arm_results, ""));
}

std::string render_trial_report(const TrialResults& results) {
  std::string html = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>)" + escape_html("Virtual trial report: " + results.trial.name) + R"(</title>
<style>
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 20px; color: #222222; background: #ffffff; }
h1 { font-size: 22px; margin: 0 0 4px 0; } h2 { font-size: 16px; margin: 18px 0 6px 0; }
h3 { font-size: 14px; margin: 12px 0 4px 0; }
.meta { font-size: 13px; color: #555555; }
table { border-collapse: collapse; font-size: 12px; margin-bottom: 6px; }
td, th { border-bottom: 1px solid #dddddd; padding: 2px 8px; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.traces { display: flex; flex-wrap: wrap; gap: 10px; }
figure { margin: 0; } figcaption { font-size: 11px; text-align: center; }
.swatch { display: inline-block; width: 12px; height: 12px; margin-right: 4px; }
.disclaimer { font-size: 11px; color: #777777; margin-top: 14px; }
</style></head><body>
)";
  const auto& trial = results.trial;
  html += fmt::format("<h1>Virtual trial report: {}</h1>\n", escape_html(trial.name));
  html += fmt::format("<div class=\"meta\">{}seed {} &middot; {} participants &middot; {} days{}</div>\n",
                      trial.file.empty() ? std::string() : escape_html(trial.file) + " &middot; ", escape_html(trial.seed),
                      trial.participants, number_text(trial.duration_days),
                      trial.isletsim_version.empty() ? std::string()
                                                     : " &middot; isletsim " + escape_html(trial.isletsim_version));

  html += "<h2>Arms</h2>\n<table><tr><th>Arm</th><th>Participants</th><th>Description</th></tr>\n";
  for (std::size_t i = 0; i < results.arms.size(); ++i) {
    const auto& arm = results.arms[i];
    html += fmt::format("<tr><td><span class=\"swatch\" style=\"background:{}\"></span>{}{}</td><td class=\"num\">{}"
                        "</td><td>{}</td></tr>\n",
                        arm_colour(results, arm.name), escape_html(arm.name), i == 0 ? " (reference)" : "",
                        arm.participants, escape_html(arm.description));
  }
  html += "</table>\n";

  html += "<h2>Comparisons (forest plot)</h2>\n";
  bool any_comparison = false;
  for (const auto& endpoint : results.endpoints) any_comparison = any_comparison || !endpoint.comparisons.empty();
  if (any_comparison) {
    html += "<div class=\"meta\">Point estimate and 95 % confidence interval of each arm minus its reference; each "
            "endpoint has its own scale (in its unit), the vertical line marks no difference.</div>\n";
    html += forest_plot_svg(results);
  } else {
    html += "<div class=\"meta\">No comparisons in this trial.</div>\n";
  }

  html += "<h2>Endpoints</h2>\n";
  if (results.endpoints.empty()) html += "<div class=\"meta\">No endpoints in this trial.</div>\n";
  for (const auto& endpoint : results.endpoints) {
    html += fmt::format("<h3>{} ({}) at day {}</h3>\n", escape_html(endpoint.name), escape_html(endpoint.unit),
                        number_text(endpoint.visit_day));
    if (endpoint.kind == EndpointKind::kContinuous) {
      html += "<table><tr><th>Arm</th><th>n</th><th>Mean</th><th>SD</th><th>Median</th><th>Q1</th><th>Q3</th></tr>\n";
      for (const auto& s : endpoint.per_arm) {
        html += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                            "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                            escape_html(s.arm), s.n, number_text(s.mean), number_text(s.sd), number_text(s.median),
                            number_text(s.q1), number_text(s.q3));
      }
    } else {
      html += "<table><tr><th>Arm</th><th>n</th><th>Events</th><th>Proportion</th><th>95 % CI</th></tr>\n";
      for (const auto& s : endpoint.per_arm) {
        html += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                            "<td class=\"num\">{} to {}</td></tr>\n",
                            escape_html(s.arm), s.n, s.events, number_text(s.proportion), number_text(s.ci_low),
                            number_text(s.ci_high));
      }
    }
    html += "</table>\n";
    if (!endpoint.comparisons.empty()) {
      html += "<table><tr><th>Comparison</th><th>Difference</th><th>95 % CI</th><th>p</th><th>Method</th></tr>\n";
      for (const auto& c : endpoint.comparisons) {
        html += fmt::format("<tr><td>{} vs {}</td><td class=\"num\">{}</td><td class=\"num\">{} to {}</td>"
                            "<td class=\"num\">{}</td><td>{}</td></tr>\n",
                            escape_html(c.arm), escape_html(c.reference), number_text(c.difference),
                            number_text(c.ci_low), number_text(c.ci_high), p_value_text(c.p_value),
                            escape_html(c.method));
      }
      html += "</table>\n";
    }
  }

  html += "<h2>Example participants (CGM, mg/dl)</h2>\n";
  if (results.example_traces.empty()) {
    html += "<div class=\"meta\">No example traces in this trial output.</div>\n";
  } else {
    html += "<div class=\"traces\">\n";
    for (const auto& trace : results.example_traces) {
      html += "<figure>" + trace_svg(results, trace) +
              fmt::format("<figcaption>{} &middot; arm {} &middot; day {}</figcaption></figure>\n",
                          escape_html(trace.subject_id), escape_html(trace.arm), number_text(trace.day));
    }
    html += "</div>\n";
  }
  html += "<div class=\"disclaimer\">Generated by isletsim (research software): simulated participants, not "
          "patients. Not for diagnosis or treatment decisions; never dosing advice.</div>\n</body></html>\n";
  return html;
}

}  // namespace isletsim
