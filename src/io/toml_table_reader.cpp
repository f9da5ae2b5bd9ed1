#include "io/toml_table_reader.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace isletsim {

namespace {
const char* type_name(const toml::node& node) {
  if (node.is_table()) return "a table";
  if (node.is_array()) return "an array";
  if (node.is_string()) return "a string";
  if (node.is_integer()) return "an integer";
  if (node.is_floating_point()) return "a number";
  if (node.is_boolean()) return "a boolean";
  return "a date or time";
}
}  // namespace

TomlTableReader::TomlTableReader(const toml::table& table, std::string file, std::string key_prefix)
    : table_(&table), file_(std::move(file)), prefix_(std::move(key_prefix)) {}

std::string TomlTableReader::full_key(const std::string& key) const {
  return prefix_.empty() ? key : prefix_ + "." + key;
}

bool TomlTableReader::has(const std::string& key) const { return table_->contains(key); }

InputLocation TomlTableReader::location(const std::string& key) const {
  const toml::node* node = table_->get(key);
  const int line = node != nullptr ? static_cast<int>(node->source().begin.line) : 0;
  return {file_, line > 0 ? line : static_cast<int>(table_->source().begin.line), full_key(key)};
}

InputLocation TomlTableReader::table_location() const {
  return {file_, static_cast<int>(table_->source().begin.line), prefix_};
}

void TomlTableReader::fail(const std::string& key, const std::string& problem) const {
  throw InputError(location(key), problem);
}

const toml::node* TomlTableReader::find(const std::string& key) {
  return table_->get(key);
}

const toml::node& TomlTableReader::require(const std::string& key) {
  const toml::node* node = find(key);
  if (node == nullptr) throw InputError(table_location(), fmt::format("required key '{}' is missing", full_key(key)));
  return *node;
}

std::optional<double> TomlTableReader::optional_number(const std::string& key) {
  const toml::node* node = find(key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_number()) fail(key, fmt::format("must be a number, found {}", type_name(*node)));
  const double value = node->value<double>().value_or(std::nan(""));
  if (!std::isfinite(value)) fail(key, "must be a finite number (NaN and infinity are not allowed)");
  return value;
}

double TomlTableReader::number(const std::string& key) {
  require(key);
  return *optional_number(key);
}

double TomlTableReader::number_or(const std::string& key, double fallback) {
  return optional_number(key).value_or(fallback);
}

std::optional<std::int64_t> TomlTableReader::optional_integer(const std::string& key) {
  const toml::node* node = find(key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_integer()) fail(key, fmt::format("must be a whole number, found {}", type_name(*node)));
  return node->value<std::int64_t>();
}

std::optional<std::string> TomlTableReader::optional_string(const std::string& key) {
  const toml::node* node = find(key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_string()) fail(key, fmt::format("must be a string, found {}", type_name(*node)));
  return node->value<std::string>();
}

std::string TomlTableReader::string(const std::string& key) {
  require(key);
  return *optional_string(key);
}

std::optional<bool> TomlTableReader::optional_boolean(const std::string& key) {
  const toml::node* node = find(key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_boolean()) fail(key, fmt::format("must be true or false, found {}", type_name(*node)));
  return node->value<bool>();
}

std::optional<std::vector<std::string>> TomlTableReader::optional_string_list(const std::string& key) {
  const toml::node* node = find(key);
  if (node == nullptr) return std::nullopt;
  if (node->is_string()) return std::vector<std::string>{*node->value<std::string>()};
  if (!node->is_array()) fail(key, fmt::format("must be a string or an array of strings, found {}", type_name(*node)));
  std::vector<std::string> values;
  for (const toml::node& element : *node->as_array()) {
    if (!element.is_string()) fail(key, fmt::format("every element must be a string, found {}", type_name(element)));
    values.push_back(*element.value<std::string>());
  }
  return values;
}

std::optional<std::vector<std::int64_t>> TomlTableReader::optional_integer_list(const std::string& key) {
  const toml::node* node = find(key);
  if (node == nullptr) return std::nullopt;
  if (node->is_integer()) return std::vector<std::int64_t>{*node->value<std::int64_t>()};
  if (!node->is_array()) fail(key, fmt::format("must be a whole number or an array of them, found {}", type_name(*node)));
  std::vector<std::int64_t> values;
  for (const toml::node& element : *node->as_array()) {
    if (!element.is_integer()) fail(key, fmt::format("every element must be a whole number, found {}", type_name(element)));
    values.push_back(*element.value<std::int64_t>());
  }
  return values;
}

std::optional<TomlTableReader> TomlTableReader::optional_table(const std::string& key) {
  const toml::node* node = find(key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_table()) fail(key, fmt::format("must be a table ([{}]), found {}", full_key(key), type_name(*node)));
  return TomlTableReader(*node->as_table(), file_, full_key(key));
}

std::vector<TomlTableReader> TomlTableReader::table_array(const std::string& key) {
  std::vector<TomlTableReader> tables;
  const toml::node* node = find(key);
  if (node == nullptr) return tables;
  if (!node->is_array_of_tables()) {
    fail(key, fmt::format("must be an array of tables ([[{}]]), found {}", full_key(key), type_name(*node)));
  }
  std::size_t index = 0;
  for (const toml::node& element : *node->as_array()) {
    tables.emplace_back(*element.as_table(), file_, fmt::format("{}[{}]", full_key(key), index++));
  }
  return tables;
}

void TomlTableReader::reject_unknown_keys(const std::vector<std::string>& allowed_keys) const {
  for (const auto& [key_node, value] : *table_) {
    const std::string key(key_node.str());
    if (std::find(allowed_keys.begin(), allowed_keys.end(), key) != allowed_keys.end()) continue;
    std::string hint;
    // Same quantity, other unit? ("carbs_mg" vs "carbs_g": everything before the last underscore matches.)
    const auto stem_end = key.rfind('_');
    for (const auto& candidate : allowed_keys) {
      if (stem_end != std::string::npos && candidate.rfind('_') == stem_end &&
          candidate.compare(0, stem_end, key, 0, stem_end) == 0) {
        hint = fmt::format(" -- did you mean '{}'? (the unit is part of the key name)", candidate);
      }
    }
    const int line = static_cast<int>(key_node.source().begin.line);
    throw InputError({file_, line > 0 ? line : static_cast<int>(value.source().begin.line), full_key(key)},
                     fmt::format("unknown key{}; allowed keys here: {}", hint, fmt::join(allowed_keys, ", ")));
  }
}

std::optional<double> parse_time_of_day_min(const std::string& text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  if (!digit(0) || !digit(1) || !digit(3) || !digit(4)) return std::nullopt;
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 23 || minutes > 59) return std::nullopt;
  return hours * 60.0 + minutes;
}

toml::table parse_toml_file(const std::filesystem::path& path, const std::string& kind) {
  const std::string file = path.string();
  if (!std::filesystem::is_regular_file(path)) throw InputError({file, 0, ""}, kind + " file not found");
  try {
    return toml::parse_file(file);
  } catch (const toml::parse_error& error) {
    throw InputError({file, static_cast<int>(error.source().begin.line), ""},
                     fmt::format("TOML syntax error: {}", error.description()));
  }
}

}  // namespace isletsim
