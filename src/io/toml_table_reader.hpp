// TomlTableReader: typed, validated access to one TOML table, with errors that name the file, line and full key,
// and a final check that every key in the table was understood (unknown keys are errors, never ignored: a
// misspelt key or a key in the wrong unit, such as `carbs_mg` for `carbs_g`, would otherwise silently fall back
// to a default).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "core/input_error.hpp"

namespace isletsim {

// Parses a TOML input file. Throws InputError naming the file when it does not exist ("<kind> file not found",
// kind e.g. "scenario") and naming the file and line of a syntax error.
toml::table parse_toml_file(const std::filesystem::path& path, const std::string& kind);

class TomlTableReader {
 public:
  TomlTableReader(const toml::table& table, std::string file, std::string key_prefix);

  bool has(const std::string& key) const;
  InputLocation location(const std::string& key) const;
  InputLocation table_location() const;
  [[noreturn]] void fail(const std::string& key, const std::string& problem) const;

  // Numbers accept TOML integers and floats; NaN and infinities are rejected.
  std::optional<double> optional_number(const std::string& key);
  double number(const std::string& key);  // required
  double number_or(const std::string& key, double fallback);
  std::optional<std::int64_t> optional_integer(const std::string& key);
  std::optional<std::string> optional_string(const std::string& key);
  std::string string(const std::string& key);  // required
  std::optional<bool> optional_boolean(const std::string& key);
  // A string, or an array of strings.
  std::optional<std::vector<std::string>> optional_string_list(const std::string& key);
  // A whole number, or an array of whole numbers.
  std::optional<std::vector<std::int64_t>> optional_integer_list(const std::string& key);
  // A sub-table, or nothing.
  std::optional<TomlTableReader> optional_table(const std::string& key);
  // An array of tables ([[name]]), possibly empty.
  std::vector<TomlTableReader> table_array(const std::string& key);

  // Throws for the first key not in `allowed_keys`, listing the keys this table accepts. Called before reading
  // values, so that a misspelt key is reported as such rather than as a missing one.
  void reject_unknown_keys(const std::vector<std::string>& allowed_keys) const;

  const std::string& file() const { return file_; }
  std::string full_key(const std::string& key) const;

 private:
  const toml::node& require(const std::string& key);
  const toml::node* find(const std::string& key);

  const toml::table* table_;
  std::string file_;
  std::string prefix_;
};

// Parses "HH:MM" (00:00 .. 23:59) into minutes of the day; nothing when malformed.
std::optional<double> parse_time_of_day_min(const std::string& text);

}  // namespace isletsim
