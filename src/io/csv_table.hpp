// CsvTable: a small reader for comma-separated files with a header row (RFC 4180 quoting, CRLF or LF).
//
// Hand-written because Debian 12 packages no maintained C++ CSV library; it is short, and every error it raises
// names the file, the line and the column, which is what our bad-input standard asks for.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace isletsim {

// Splits one CSV record into fields (handles "quoted, fields" and "" escapes).
std::vector<std::string> split_csv_record(const std::string& line, char separator = ',');

class CsvTable {
 public:
  // Reads the whole file. Throws InputError (with file and line) on unreadable files, ragged rows or an empty file.
  static CsvTable read(const std::filesystem::path& path);

  const std::vector<std::string>& header() const { return header_; }
  std::size_t row_count() const { return rows_.size(); }
  const std::string& file() const { return file_; }

  // Column index by exact name, or nothing.
  std::optional<std::size_t> find_column(const std::string& name) const;
  // Column index by exact name; throws InputError naming the file and the missing column.
  std::size_t column(const std::string& name) const;

  const std::string& text(std::size_t row, std::size_t column) const;
  // Parses a finite number; throws InputError naming file, line and column otherwise.
  double number(std::size_t row, std::size_t column) const;
  // 1-based line number of a data row in the file (for messages).
  int line_of_row(std::size_t row) const { return row_lines_[row]; }

 private:
  std::string file_;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<int> row_lines_;
};

// Parses a finite double from the whole of `text` (no trailing characters); nothing on failure.
std::optional<double> parse_finite_double(const std::string& text);

}  // namespace isletsim
