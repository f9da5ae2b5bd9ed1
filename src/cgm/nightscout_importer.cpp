#include "cgm/nightscout_importer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/civil_time.hpp"
#include "core/input_error.hpp"
#include "io/csv_table.hpp"

namespace isletsim {

namespace {

constexpr int kMaxNestingDepth = 64;

int line_of_byte(std::string_view content, std::size_t byte) {
  byte = std::min(byte, content.size());
  return 1 + static_cast<int>(std::count(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(byte), '\n'));
}

// Depth of [ and { outside strings; stops early once too deep.
int nesting_depth(std::string_view content) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char c : content) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') deepest = std::max(deepest, ++depth);
    else if (c == ']' || c == '}') --depth;
    if (deepest > kMaxNestingDepth) break;
  }
  return deepest;
}

// Line of each element of the top-level entries array, found by scanning the text (parsed json values do not keep
// positions): the line where the element's first character is.
std::vector<int> element_lines(std::string_view content) {
  std::vector<int> lines;
  int depth = 0;
  int line = 1;
  int array_depth = -1;  // depth inside the entries array
  bool in_string = false;
  bool escaped = false;
  bool expecting_element = false;
  for (const char c : content) {
    if (c == '\n') ++line;
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (expecting_element && !space && c != ']') {
      lines.push_back(line);
      expecting_element = false;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      ++depth;
      if (c == '[' && array_depth < 0) {
        array_depth = depth;
        expecting_element = true;
      }
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (c == ',' && depth == array_depth) {
      expecting_element = true;
    }
  }
  return lines;
}

bool is_known_direction(const std::string& direction) {
  static const std::array<const char*, 10> kDirections = {"NONE",        "DoubleUp",       "SingleUp",
                                                          "FortyFiveUp", "Flat",           "FortyFiveDown",
                                                          "SingleDown",  "DoubleDown",     "NOT COMPUTABLE",
                                                          "RATE OUT OF RANGE"};
  return std::any_of(kDirections.begin(), kDirections.end(), [&](const char* d) { return direction == d; });
}

}  // namespace

CgmTrace import_nightscout_json(std::string_view content, const std::string& file_name,
                                const CgmImportOptions& options) {
  CgmTrace trace;
  trace.source_file = file_name;
  trace.format = "nightscout";
  trace.file_units = GlucoseUnit::kMgDl;
  if (nesting_depth(content) > kMaxNestingDepth) {
    throw InputError({file_name, 0, ""}, fmt::format("JSON nested deeper than {} levels", kMaxNestingDepth));
  }
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(content.begin(), content.end());
  } catch (const nlohmann::json::parse_error& error) {
    const int line = line_of_byte(content, error.byte > 0 ? error.byte - 1 : 0);
    throw InputError({file_name, line, ""}, fmt::format("not valid JSON (truncated or malformed): {}", error.what()));
  } catch (const nlohmann::json::exception& error) {  // e.g. a number too large for a double (found by fuzzing)
    throw InputError({file_name, 0, ""}, fmt::format("not valid JSON: {}", error.what()));
  }
  const nlohmann::json* entries = &document;
  if (document.is_object() && document.contains("result")) entries = &document["result"];
  if (!entries->is_array()) {
    throw InputError({file_name, 1, ""}, "expected a JSON array of Nightscout entries (or {\"result\": [...]})");
  }
  const std::vector<int> lines = element_lines(content);
  std::vector<std::string> arrows;
  bool any_arrow = false;
  int unknown_directions = 0;
  int error_codes = 0;
  bool offset_unknown = false;
  std::optional<int> first_offset;
  bool offsets_vary = false;
  for (std::size_t index = 0; index < entries->size(); ++index) {
    const nlohmann::json& entry = (*entries)[index];
    const int line = index < lines.size() ? lines[index] : 0;
    const auto key = [&](const char* name) { return fmt::format("[{}].{}", index, name); };
    if (!entry.is_object()) throw InputError({file_name, line, fmt::format("[{}]", index)}, "entry is not an object");
    if (entry.contains("type") && !(entry["type"].is_string() && entry["type"].get<std::string>() == "sgv")) {
      ++trace.rows_skipped;
      continue;
    }
    if (!entry.contains("sgv")) {
      if (entry.contains("type")) throw InputError({file_name, line, key("sgv")}, "sgv entry has no 'sgv' value");
      ++trace.rows_skipped;  // no type and no sgv: not a sensor reading
      continue;
    }
    const nlohmann::json& sgv = entry["sgv"];
    std::optional<double> glucose;
    if (sgv.is_number()) glucose = sgv.get<double>();
    else if (sgv.is_string()) glucose = parse_finite_double(sgv.get<std::string>());
    if (!glucose || !std::isfinite(*glucose) || *glucose < 0 || *glucose > 2000) {
      throw InputError({file_name, line, key("sgv")},
                       fmt::format("'{}' is not a glucose value in mg/dl", sgv.dump()));
    }
    if (*glucose <= 12) {  // Dexcom sensor error codes stored as sgv by Nightscout
      ++error_codes;
      continue;
    }
    double utc_min = 0;
    std::optional<int> text_offset;
    if (entry.contains("date") && entry["date"].is_number()) {
      const double date_ms = entry["date"].get<double>();
      if (!std::isfinite(date_ms) || date_ms < 0 || date_ms > 7.3e12) {  // 1970 .. 2200
        throw InputError({file_name, line, key("date")}, fmt::format("'{}' is not a time in ms", entry["date"].dump()));
      }
      utc_min = date_ms / 60000.0;
      if (entry.contains("dateString") && entry["dateString"].is_string()) {
        if (const auto parsed = parse_timestamp(entry["dateString"].get<std::string>())) {
          text_offset = parsed->utc_offset_min;
        }
      }
    } else if (entry.contains("dateString") && entry["dateString"].is_string()) {
      const auto parsed = parse_timestamp(entry["dateString"].get<std::string>());
      if (!parsed) {
        throw InputError({file_name, line, key("dateString")},
                         fmt::format("'{}' is not an ISO 8601 time", entry["dateString"].get<std::string>()));
      }
      text_offset = parsed->utc_offset_min;
      utc_min = parsed->wall_clock_min - static_cast<double>(parsed->utc_offset_min.value_or(0));
    } else {
      throw InputError({file_name, line, key("date")}, "entry has neither a numeric 'date' nor a 'dateString'");
    }
    std::optional<int> offset = options.utc_offset_min;
    if (!offset && entry.contains("utcOffset") && entry["utcOffset"].is_number()) {
      const double value = entry["utcOffset"].get<double>();
      if (!std::isfinite(value) || std::abs(value) > 18 * 60) {
        throw InputError({file_name, line, key("utcOffset")},
                         fmt::format("'{}' is not a UTC offset in minutes", entry["utcOffset"].dump()));
      }
      offset = static_cast<int>(value);
    }
    if (!offset) offset = text_offset;
    if (!offset) offset_unknown = true;
    const int offset_min = offset.value_or(0);
    if (!first_offset) first_offset = offset_min;
    else if (*first_offset != offset_min) offsets_vary = true;
    std::string direction;
    if (entry.contains("direction") && entry["direction"].is_string()) {
      direction = entry["direction"].get<std::string>();
      any_arrow = true;
      if (!is_known_direction(direction)) ++unknown_directions;
    }
    trace.samples.push_back({utc_min + offset_min, *glucose});
    arrows.push_back(std::move(direction));
  }
  trace.utc_offset_min = first_offset;
  if (offset_unknown) trace.notes.push_back("no UTC offset known for some entries: their times are shown as UTC");
  if (offsets_vary) trace.notes.push_back("the UTC offset changes within the file (daylight saving time?)");
  if (error_codes > 0) trace.notes.push_back(fmt::format("{} sensor error code(s) (sgv <= 12) skipped", error_codes));
  if (unknown_directions > 0) {
    trace.notes.push_back(fmt::format("{} unknown trend direction name(s) kept as they are", unknown_directions));
  }
  finish_cgm_trace(trace, any_arrow ? std::move(arrows) : std::vector<std::string>{});
  return trace;
}

}  // namespace isletsim
