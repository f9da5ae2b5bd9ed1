#include "cgm/cgm_trace.hpp"

#include <algorithm>
#include <fstream>
#include <numeric>
#include <sstream>

#include <fmt/format.h>

#include "core/input_error.hpp"

namespace isletsim {

std::vector<TextLine> split_text_lines(std::string_view content) {
  std::vector<TextLine> lines;
  if (content.size() >= 3 && content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  std::size_t begin = 0;
  int number = 0;
  while (begin < content.size()) {
    const std::size_t end = content.find('\n', begin);
    ++number;
    TextLine line;
    line.number = number;
    if (end == std::string_view::npos) {
      line.text = std::string(content.substr(begin));
      line.terminated = false;
      begin = content.size();
    } else {
      line.text = std::string(content.substr(begin, end - begin));
      begin = end + 1;
    }
    if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
    lines.push_back(std::move(line));
  }
  return lines;
}

void finish_cgm_trace(CgmTrace& trace, std::vector<std::string> trend_arrows) {
  if (trace.samples.empty()) {
    throw InputError({trace.source_file, 0, ""}, fmt::format("no glucose readings found (read as {} format)",
                                                             trace.format.empty() ? "unknown" : trace.format));
  }
  const bool has_arrows = trend_arrows.size() == trace.samples.size();
  std::vector<std::size_t> order(trace.samples.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  trace.was_unsorted = !std::is_sorted(trace.samples.begin(), trace.samples.end(),
                                       [](const auto& a, const auto& b) { return a.time_min < b.time_min; });
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return trace.samples[a].time_min < trace.samples[b].time_min;
  });
  std::vector<GlucoseSample> kept;
  std::vector<std::string> kept_arrows;
  kept.reserve(order.size());
  for (const std::size_t index : order) {
    if (!kept.empty() && kept.back().time_min == trace.samples[index].time_min) {
      ++trace.duplicates_dropped;
      continue;
    }
    kept.push_back(trace.samples[index]);
    if (has_arrows) kept_arrows.push_back(std::move(trend_arrows[index]));
  }
  trace.samples = std::move(kept);
  trace.trend_arrows = std::move(kept_arrows);
  if (trace.was_unsorted) trace.notes.push_back("rows were not in time order; sorted by time");
  if (trace.duplicates_dropped > 0) {
    trace.notes.push_back(fmt::format("{} reading(s) with a time already seen were dropped (the first one is kept)",
                                      trace.duplicates_dropped));
  }
  if (trace.low_readings > 0) {
    trace.notes.push_back(fmt::format("{} 'Low' reading(s) set to the sensor's lower limit", trace.low_readings));
  }
  if (trace.high_readings > 0) {
    trace.notes.push_back(fmt::format("{} 'High' reading(s) set to the sensor's upper limit", trace.high_readings));
  }
  if (trace.truncated_last_line) trace.notes.push_back("the last line was cut short (truncated file) and was dropped");
}

std::string read_text_file(const std::string& path) {
  std::ifstream input(path, std::ios::binary);
  if (!input) throw InputError({path, 0, ""}, "cannot open the file for reading");
  std::ostringstream buffer;
  buffer << input.rdbuf();
  if (input.bad()) throw InputError({path, 0, ""}, "error while reading the file");
  return buffer.str();
}

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string lower_ascii(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lowered;
}

}  // namespace isletsim
