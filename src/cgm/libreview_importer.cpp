#include "cgm/libreview_importer.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "core/civil_time.hpp"
#include "core/input_error.hpp"
#include "core/units.hpp"
#include "io/csv_table.hpp"

namespace isletsim {

namespace {

std::optional<std::size_t> find_column_containing(const std::vector<std::string>& header, std::string_view part) {
  const std::string wanted = lower_ascii(part);
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (lower_ascii(header[i]).find(wanted) != std::string::npos) return i;
  }
  return std::nullopt;
}

char detect_separator(std::string_view header_line) {
  const auto count = [&](char c) { return std::count(header_line.begin(), header_line.end(), c); };
  if (count('\t') > count(',') && count('\t') > count(';')) return '\t';
  if (count(';') > count(',')) return ';';
  return ',';
}

// Splits a numeric date "a-b-yyyy ..." into its first two fields, when it has that shape.
std::optional<std::pair<int, int>> leading_date_fields(std::string_view text, char* separator) {
  text = trim_spaces(text);
  int first = 0;
  int second = 0;
  std::size_t i = 0;
  int digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9' && digits < 4) {
    first = first * 10 + (text[i] - '0');
    ++i;
    ++digits;
  }
  if (digits == 0 || digits > 2 || i >= text.size()) return std::nullopt;
  *separator = text[i];
  ++i;
  digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9' && digits < 3) {
    second = second * 10 + (text[i] - '0');
    ++i;
    ++digits;
  }
  if (digits == 0 || digits > 2) return std::nullopt;
  return std::pair{first, second};
}

}  // namespace

namespace {
bool is_libreview_header(std::string_view line) {
  const std::string header = lower_ascii(line);
  return header.find("device timestamp") != std::string::npos ||
         (header.find("record type") != std::string::npos && header.find("historic") != std::string::npos) ||
         header.find("ger\xc3\xa4tezeitstempel") != std::string::npos;
}
}  // namespace

bool looks_like_libreview(std::string_view first_line, std::string_view second_line) {
  return is_libreview_header(second_line) || is_libreview_header(first_line);
}

CgmTrace import_libreview_csv(std::string_view content, const std::string& file_name,
                              const CgmImportOptions& options) {
  CgmTrace trace;
  trace.source_file = file_name;
  trace.format = "libre";
  trace.utc_offset_min = options.utc_offset_min;
  const std::vector<TextLine> lines = split_text_lines(content);
  // Exports have a metadata line, then the header; files re-saved without the metadata line start with the header.
  const std::size_t header_index = !lines.empty() && is_libreview_header(lines[0].text) ? 0 : 1;
  if (lines.size() < header_index + 1) {
    throw InputError({file_name, static_cast<int>(lines.size()), ""},
                     "a LibreView export needs a metadata line and a header line");
  }
  const TextLine& header_line = lines[header_index];
  const char separator = detect_separator(header_line.text);
  const std::vector<std::string> header = split_csv_record(header_line.text, separator);
  // English names; the German export uses "Gerätezeitstempel", "Aufzeichnungstyp", "Glukosewert-Verlauf", "Glukose-
  // Scan" -- matched by position-independent parts below.
  auto time_column = find_column_containing(header, "timestamp");
  if (!time_column) time_column = find_column_containing(header, "zeitstempel");
  auto type_column = find_column_containing(header, "record type");
  if (!type_column) type_column = find_column_containing(header, "aufzeichnungstyp");
  auto historic_column = find_column_containing(header, "historic glucose");
  if (!historic_column) historic_column = find_column_containing(header, "glukosewert-verlauf");
  auto scan_column = find_column_containing(header, "scan glucose");
  if (!scan_column) scan_column = find_column_containing(header, "glukose-scan");
  if (!time_column || !type_column || !historic_column) {
    const char* missing = !time_column ? "Device Timestamp" : !type_column ? "Record Type" : "Historic Glucose";
    throw InputError({file_name, header_line.number, missing},
                     "required LibreView column is missing from the header");
  }
  const std::string glucose_name = lower_ascii(header[*historic_column]);
  if (glucose_name.find("mmol") != std::string::npos) trace.file_units = GlucoseUnit::kMmolL;
  else if (glucose_name.find("mg") != std::string::npos) trace.file_units = GlucoseUnit::kMgDl;
  else {
    throw InputError({file_name, header_line.number, header[*historic_column]},
                     "cannot tell the glucose units (expected 'mg/dL' or 'mmol/L' in the column name)");
  }
  const bool mmol = trace.file_units == GlucoseUnit::kMmolL;

  struct PendingReading {
    std::string time_text;
    double glucose_mg_dl;
    int line;
  };
  std::vector<PendingReading> pending;
  bool day_first_seen = false;
  bool month_first_seen = false;
  bool dotted_dates = false;
  bool year_first = false;
  for (std::size_t i = header_index + 1; i < lines.size(); ++i) {
    const TextLine& line = lines[i];
    if (trim_spaces(line.text).empty()) continue;
    const std::vector<std::string> fields = split_csv_record(line.text, separator);
    const std::size_t needed = std::max({*time_column, *type_column, *historic_column, scan_column.value_or(0)}) + 1;
    if (fields.size() < needed) {
      if (!line.terminated) {
        trace.truncated_last_line = true;
        continue;
      }
      throw InputError({file_name, line.number, ""},
                       fmt::format("expected {} fields as in the header, found {} (truncated or malformed row)",
                                   header.size(), fields.size()));
    }
    const std::string_view type_text = trim_spaces(fields[*type_column]);
    std::optional<std::size_t> value_column;
    if (type_text == "0") value_column = historic_column;
    else if (type_text == "1") value_column = scan_column;
    else if (type_text.empty() || !parse_finite_double(std::string(type_text))) {
      throw InputError({file_name, line.number, header[*type_column]},
                       fmt::format("'{}' is not a LibreView record type (a number 0..7)", type_text));
    }
    if (!value_column) {
      ++trace.rows_skipped;
      continue;
    }
    std::string value_text(trim_spaces(fields[*value_column]));
    double glucose_mg_dl = 0;
    const std::string lowered = lower_ascii(value_text);
    if (lowered == "lo" || lowered == "low") {
      glucose_mg_dl = kLibreLowReadingMgDl;
      ++trace.low_readings;
    } else if (lowered == "hi" || lowered == "high") {
      glucose_mg_dl = kLibreHighReadingMgDl;
      ++trace.high_readings;
    } else {
      if (separator != ',') std::replace(value_text.begin(), value_text.end(), ',', '.');
      const auto value = parse_finite_double(value_text);
      if (!value || *value <= 0 || *value > (mmol ? 100.0 : 2000.0)) {
        throw InputError({file_name, line.number, header[*value_column]},
                         fmt::format("'{}' is not a glucose value (a positive number, 'LO' or 'HI')", value_text));
      }
      glucose_mg_dl = mmol ? units::mg_dl_from_mmol_l(*value) : *value;
    }
    const std::string time_text(trim_spaces(fields[*time_column]));
    char date_separator = '-';
    if (const auto date_fields = leading_date_fields(time_text, &date_separator)) {
      if (date_fields->first > 12) day_first_seen = true;
      if (date_fields->second > 12) month_first_seen = true;
      if (date_separator == '.') dotted_dates = true;
    } else {
      year_first = true;
    }
    pending.push_back({time_text, glucose_mg_dl, line.number});
  }
  if (day_first_seen && month_first_seen) {
    throw InputError({file_name, 0, header[*time_column]},
                     "the dates mix day-first and month-first order (some have a first field > 12, others a second "
                     "field > 12)");
  }
  DateOrder order = DateOrder::kMonthDayYear;
  if (year_first) {
    order = DateOrder::kYearMonthDay;
  } else if (day_first_seen || (!month_first_seen && dotted_dates)) {
    order = DateOrder::kDayMonthYear;
  }
  if (!year_first && !day_first_seen && !month_first_seen && !pending.empty()) {
    trace.notes.push_back(fmt::format("every date is ambiguous (day and month <= 12): read as {}",
                                      order == DateOrder::kDayMonthYear ? "day-month-year" : "month-day-year"));
  }
  for (const auto& reading : pending) {
    const auto time = parse_timestamp(reading.time_text, order);
    if (!time) {
      throw InputError({file_name, reading.line, header[*time_column]},
                       fmt::format("'{}' is not a date and time in the export's format ({})", reading.time_text,
                                   order == DateOrder::kDayMonthYear   ? "DD-MM-YYYY hh:mm"
                                   : order == DateOrder::kMonthDayYear ? "MM-DD-YYYY hh:mm"
                                                                       : "YYYY-MM-DD hh:mm"));
    }
    trace.samples.push_back({time->wall_clock_min, reading.glucose_mg_dl});
  }
  finish_cgm_trace(trace);
  return trace;
}

}  // namespace isletsim
