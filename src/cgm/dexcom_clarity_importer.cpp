#include "cgm/dexcom_clarity_importer.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "core/civil_time.hpp"
#include "core/input_error.hpp"
#include "core/units.hpp"
#include "io/csv_table.hpp"

namespace isletsim {

namespace {

std::optional<std::size_t> find_column_starting(const std::vector<std::string>& header, std::string_view prefix) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (lower_ascii(trim_spaces(header[i])).rfind(lower_ascii(prefix), 0) == 0) return i;
  }
  return std::nullopt;
}

char detect_separator(std::string_view header_line) {
  return header_line.find('\t') != std::string_view::npos ? '\t' : ',';
}

}  // namespace

bool looks_like_dexcom_header(std::string_view first_line) {
  const std::string lowered = lower_ascii(first_line);
  const bool clarity = lowered.find("timestamp (yyyy-mm-ddthh:mm:ss)") != std::string::npos &&
                       lowered.find("event type") != std::string::npos;
  const bool legacy = lowered.find("glucosedisplaytime") != std::string::npos &&
                      lowered.find("glucosevalue") != std::string::npos;
  return clarity || legacy;
}

CgmTrace import_dexcom_clarity_csv(std::string_view content, const std::string& file_name,
                                   const CgmImportOptions& options) {
  CgmTrace trace;
  trace.source_file = file_name;
  trace.format = "dexcom";
  trace.utc_offset_min = options.utc_offset_min;
  const std::vector<TextLine> lines = split_text_lines(content);
  std::size_t header_index = 0;
  while (header_index < lines.size() && trim_spaces(lines[header_index].text).empty()) ++header_index;
  if (header_index == lines.size()) throw InputError({file_name, 0, ""}, "the file is empty (no header row)");
  const TextLine& header_line = lines[header_index];
  if (!looks_like_dexcom_header(header_line.text)) {
    throw InputError({file_name, header_line.number, ""},
                     "not a Dexcom export header (expected 'Timestamp (YYYY-MM-DDThh:mm:ss)' and 'Event Type', or "
                     "'GlucoseDisplayTime' and 'GlucoseValue')");
  }
  const char separator = detect_separator(header_line.text);
  const std::vector<std::string> header = split_csv_record(header_line.text, separator);
  const bool legacy = !find_column_starting(header, "Event Type").has_value();
  std::size_t time_column = 0;
  std::size_t glucose_column = 0;
  std::optional<std::size_t> event_column;
  if (legacy) {
    time_column = *find_column_starting(header, "GlucoseDisplayTime");
    glucose_column = *find_column_starting(header, "GlucoseValue");
    trace.file_units = GlucoseUnit::kMgDl;
  } else {
    time_column = *find_column_starting(header, "Timestamp");
    event_column = find_column_starting(header, "Event Type");
    const auto glucose = find_column_starting(header, "Glucose Value");
    if (!glucose) {
      throw InputError({file_name, header_line.number, "Glucose Value"}, "the header has no 'Glucose Value' column");
    }
    glucose_column = *glucose;
    const std::string name = lower_ascii(header[glucose_column]);
    if (name.find("mmol") != std::string::npos) trace.file_units = GlucoseUnit::kMmolL;
    else if (name.find("mg") != std::string::npos) trace.file_units = GlucoseUnit::kMgDl;
    else {
      throw InputError({file_name, header_line.number, header[glucose_column]},
                       "cannot tell the glucose units (expected '(mg/dL)' or '(mmol/L)' in the column name)");
    }
  }
  const bool mmol = trace.file_units == GlucoseUnit::kMmolL;
  const std::size_t needed_fields = std::max({time_column, glucose_column, event_column.value_or(0)}) + 1;
  for (std::size_t i = header_index + 1; i < lines.size(); ++i) {
    const TextLine& line = lines[i];
    if (trim_spaces(line.text).empty()) continue;
    const std::vector<std::string> fields = split_csv_record(line.text, separator);
    if (fields.size() < needed_fields || (!legacy && fields.size() != header.size())) {
      if (!line.terminated && fields.size() < header.size()) {
        trace.truncated_last_line = true;
        continue;
      }
      if (legacy && fields.size() < needed_fields) {  // legacy exports end rows early when a meter column is empty
        ++trace.rows_skipped;
        continue;
      }
      throw InputError({file_name, line.number, ""},
                       fmt::format("expected {} fields as in the header, found {} (truncated or malformed row)",
                                   header.size(), fields.size()));
    }
    if (event_column && trim_spaces(fields[*event_column]) != "EGV") {
      ++trace.rows_skipped;  // metadata, calibration, insulin, carbs, alerts...
      continue;
    }
    const std::string_view time_text = trim_spaces(fields[time_column]);
    if (time_text.empty()) {
      ++trace.rows_skipped;
      continue;
    }
    const auto time = parse_timestamp(time_text);
    if (!time) {
      throw InputError({file_name, line.number, header[time_column]},
                       fmt::format("'{}' is not a timestamp (expected YYYY-MM-DDThh:mm:ss)", time_text));
    }
    const std::string_view value_text = trim_spaces(fields[glucose_column]);
    double glucose_mg_dl = 0;
    if (lower_ascii(value_text) == "low") {
      glucose_mg_dl = kDexcomLowReadingMgDl;
      ++trace.low_readings;
    } else if (lower_ascii(value_text) == "high") {
      glucose_mg_dl = kDexcomHighReadingMgDl;
      ++trace.high_readings;
    } else {
      const auto value = parse_finite_double(std::string(value_text));
      if (!value || *value <= 0 || *value > (mmol ? 100.0 : 2000.0)) {
        throw InputError({file_name, line.number, header[glucose_column]},
                         fmt::format("'{}' is not a glucose value (a positive number, 'Low' or 'High')", value_text));
      }
      glucose_mg_dl = mmol ? units::mg_dl_from_mmol_l(*value) : *value;
    }
    trace.samples.push_back({time->wall_clock_min, glucose_mg_dl});
  }
  finish_cgm_trace(trace);
  return trace;
}

}  // namespace isletsim
