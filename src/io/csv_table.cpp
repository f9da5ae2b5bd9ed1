#include "io/csv_table.hpp"

#include <charconv>
#include <cmath>
#include <fstream>

#include <fmt/format.h>

#include "core/input_error.hpp"

namespace isletsim {

std::vector<std::string> split_csv_record(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::string field;
  bool in_quotes = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        field += c;
      }
    } else if (c == '"') {
      in_quotes = true;
    } else if (c == separator) {
      fields.push_back(std::move(field));
      field.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  fields.push_back(std::move(field));
  return fields;
}

std::optional<double> parse_finite_double(const std::string& text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  if (begin == end) return std::nullopt;
  if (text[begin] == '+') ++begin;
  double value = 0;
  const auto result = std::from_chars(text.data() + begin, text.data() + end, value);
  if (result.ec != std::errc() || result.ptr != text.data() + end || !std::isfinite(value)) return std::nullopt;
  return value;
}

CsvTable CsvTable::read(const std::filesystem::path& path) {
  CsvTable table;
  table.file_ = path.string();
  std::ifstream input(path, std::ios::binary);
  if (!input) throw InputError({table.file_, 0, ""}, "cannot open the file for reading");
  std::string line;
  int line_number = 0;
  bool have_header = false;
  while (std::getline(input, line)) {
    ++line_number;
    if (line_number == 1 && line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
    if (line.empty() || line == "\r") continue;
    auto fields = split_csv_record(line);
    if (!have_header) {
      table.header_ = std::move(fields);
      have_header = true;
      continue;
    }
    if (fields.size() != table.header_.size()) {
      throw InputError({table.file_, line_number, ""},
                       fmt::format("expected {} fields as in the header, found {} (truncated or malformed row)",
                                   table.header_.size(), fields.size()));
    }
    table.rows_.push_back(std::move(fields));
    table.row_lines_.push_back(line_number);
  }
  if (!have_header) throw InputError({table.file_, 0, ""}, "the file is empty (no header row)");
  return table;
}

std::optional<std::size_t> CsvTable::find_column(const std::string& name) const {
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == name) return i;
  }
  return std::nullopt;
}

std::size_t CsvTable::column(const std::string& name) const {
  if (auto index = find_column(name)) return *index;
  throw InputError({file_, 1, name}, "required column is missing from the header");
}

const std::string& CsvTable::text(std::size_t row, std::size_t column_index) const {
  return rows_.at(row).at(column_index);
}

double CsvTable::number(std::size_t row, std::size_t column_index) const {
  const std::string& cell = text(row, column_index);
  if (auto value = parse_finite_double(cell)) return *value;
  if (cell.find_first_not_of(" \t") == std::string::npos) {
    throw InputError({file_, row_lines_[row], header_[column_index]}, "the value is empty; a number is required");
  }
  throw InputError({file_, row_lines_[row], header_[column_index]},
                   fmt::format("'{}' is not a finite number", cell));
}

}  // namespace isletsim
