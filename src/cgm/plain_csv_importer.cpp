#include "cgm/plain_csv_importer.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/civil_time.hpp"
#include "core/input_error.hpp"
#include "core/units.hpp"
#include "io/csv_table.hpp"

namespace isletsim {

namespace {

bool is_time_column(const std::string& name) {
  const std::string n = lower_ascii(trim_spaces(name));
  return n == "time" || n == "timestamp" || n == "datetime" || n == "date_time" || n == "date";
}

bool is_glucose_column(const std::string& name) {
  const std::string n = lower_ascii(trim_spaces(name));
  return n == "gl" || n == "sgv" || n == "value" || n == "bg" || n.rfind("glucose", 0) == 0;
}

}  // namespace

CgmTrace import_plain_csv(std::string_view content, const std::string& file_name, const CgmImportOptions& options) {
  CgmTrace trace;
  trace.source_file = file_name;
  trace.format = "plain";
  trace.utc_offset_min = options.utc_offset_min;
  const std::vector<TextLine> lines = split_text_lines(content);
  std::size_t header_index = 0;
  while (header_index < lines.size() && trim_spaces(lines[header_index].text).empty()) ++header_index;
  if (header_index == lines.size()) throw InputError({file_name, 0, ""}, "the file is empty (no header row)");
  std::vector<std::string> header = split_csv_record(lines[header_index].text);
  const int header_line = lines[header_index].number;
  // A file without a header: two columns whose first row already is a reading ("2023-01-02 00:05,112").
  const bool headerless = header.size() == 2 && parse_timestamp(header[0]).has_value() &&
                          parse_finite_double(std::string(trim_spaces(header[1]))).has_value();
  std::size_t first_data_line = header_index + 1;
  if (headerless) {
    header = {"time", "glucose"};
    first_data_line = header_index;
    trace.notes.push_back("no header row: read as two columns, time and glucose");
  }
  const auto time_it = std::find_if(header.begin(), header.end(), is_time_column);
  const auto glucose_it = std::find_if(header.begin(), header.end(), is_glucose_column);
  if (time_it == header.end()) {
    throw InputError({file_name, header_line, "time"},
                     "no time column in the header (expected one named time, timestamp, datetime or date)");
  }
  if (glucose_it == header.end()) {
    throw InputError({file_name, header_line, "glucose"},
                     "no glucose column in the header (expected one named gl, glucose..., sgv, value or bg)");
  }
  const auto time_column = static_cast<std::size_t>(time_it - header.begin());
  const auto glucose_column = static_cast<std::size_t>(glucose_it - header.begin());
  const std::string glucose_name = lower_ascii(*glucose_it);
  std::optional<GlucoseUnit> units = options.plain_units;
  if (glucose_name.find("mmol") != std::string::npos) units = GlucoseUnit::kMmolL;
  else if (glucose_name.find("mg") != std::string::npos) units = GlucoseUnit::kMgDl;

  std::vector<double> raw_values;
  for (std::size_t i = first_data_line; i < lines.size(); ++i) {
    const TextLine& line = lines[i];
    if (trim_spaces(line.text).empty()) continue;
    const std::vector<std::string> fields = split_csv_record(line.text);
    if (fields.size() != header.size()) {
      if (!line.terminated && fields.size() < header.size()) {
        trace.truncated_last_line = true;
        continue;
      }
      throw InputError({file_name, line.number, ""},
                       fmt::format("expected {} fields as in the header, found {} (truncated or malformed row)",
                                   header.size(), fields.size()));
    }
    const std::string_view glucose_text = trim_spaces(fields[glucose_column]);
    if (glucose_text.empty() || glucose_text == "NA") {
      ++trace.rows_skipped;
      continue;
    }
    const auto parsed_time = parse_timestamp(fields[time_column]);
    if (!parsed_time) {
      throw InputError({file_name, line.number, header[time_column]},
                       fmt::format("'{}' is not a timestamp (expected YYYY-MM-DD HH:MM[:SS] or ISO 8601)",
                                   fields[time_column]));
    }
    if (parsed_time->utc_offset_min && !trace.utc_offset_min) trace.utc_offset_min = parsed_time->utc_offset_min;
    const auto value = parse_finite_double(std::string(glucose_text));
    if (!value || *value <= 0 || *value > 2000) {
      throw InputError({file_name, line.number, header[glucose_column]},
                       fmt::format("'{}' is not a glucose value (a positive number is expected)", glucose_text));
    }
    trace.samples.push_back({parsed_time->wall_clock_min, *value});
    raw_values.push_back(*value);
  }
  if (!units) {
    const bool all_small = !raw_values.empty() &&
                           std::all_of(raw_values.begin(), raw_values.end(), [](double v) { return v <= 35.0; });
    units = all_small ? GlucoseUnit::kMmolL : GlucoseUnit::kMgDl;
    if (all_small) trace.notes.push_back("the header does not give units and every value is <= 35: read as mmol/l");
  }
  trace.file_units = *units;
  if (*units == GlucoseUnit::kMmolL) {
    for (auto& sample : trace.samples) sample.glucose_mg_dl = units::mg_dl_from_mmol_l(sample.glucose_mg_dl);
  }
  finish_cgm_trace(trace);
  return trace;
}

}  // namespace isletsim
