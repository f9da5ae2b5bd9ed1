#include "io/glucose_test_csv.hpp"

#include <fmt/format.h>

#include "core/input_error.hpp"
#include "io/csv_table.hpp"

namespace isletsim {

std::optional<GlucoseTestType> parse_glucose_test_type(std::string_view name) {
  if (name == "fasting") return GlucoseTestType::kFasting;
  if (name == "ogtt") return GlucoseTestType::kOgtt;
  if (name == "ivgtt") return GlucoseTestType::kIvgtt;
  if (name == "clamp") return GlucoseTestType::kClamp;
  return std::nullopt;
}

std::string glucose_test_type_name(GlucoseTestType type) {
  switch (type) {
    case GlucoseTestType::kFasting: return "fasting";
    case GlucoseTestType::kOgtt: return "ogtt";
    case GlucoseTestType::kIvgtt: return "ivgtt";
    case GlucoseTestType::kClamp: return "clamp";
  }
  return "unknown";
}

namespace {

std::string trimmed(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  const auto end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

class RowReader {
 public:
  RowReader(const CsvTable& table, std::size_t row) : table_(table), row_(row) {}

  InputError error(std::size_t column, const std::string& problem) const {
    return InputError({table_.file(), table_.line_of_row(row_), table_.header()[column]}, problem);
  }
  bool is_empty(std::size_t column) const { return trimmed(table_.text(row_, column)).empty(); }
  double number(std::size_t column) const { return table_.number(row_, column); }  // names file, line, column
  double positive(std::size_t column, const char* units) const {
    const double value = number(column);
    if (value <= 0) throw error(column, fmt::format("must be > 0 {} (got {})", units, value));
    return value;
  }
  double non_negative(std::size_t column, const char* units) const {
    const double value = number(column);
    if (value < 0) throw error(column, fmt::format("must be >= 0 {} (got {})", units, value));
    return value;
  }

 private:
  const CsvTable& table_;
  std::size_t row_;
};

// Times within one test must increase.
void check_increasing(const RowReader& row, std::size_t column, double t_min, double* previous_t_min,
                      GlucoseTestType type) {
  if (previous_t_min != nullptr && t_min <= *previous_t_min) {
    throw row.error(column, fmt::format("time {} min is not after the previous {} sample ({} min); times must "
                                        "increase within a test", t_min, glucose_test_type_name(type),
                                        *previous_t_min));
  }
}

}  // namespace

GlucoseTestSet read_glucose_test_csv(const std::filesystem::path& path,
                                     std::optional<GlucoseTestType> type_when_no_test_column) {
  const CsvTable table = CsvTable::read(path);
  const std::size_t t_column = table.column("t_min");
  const std::size_t glucose_column = table.column("glucose_mg_dl");
  const std::size_t insulin_column = table.column("insulin_uU_ml");
  const auto test_column = table.find_column("test");
  const auto gir_column = table.find_column("gir_mg_kg_min");
  if (!test_column && !type_when_no_test_column) {
    throw InputError({table.file(), 1, "test"}, "the file has no 'test' column and no test type was given for its "
                                                "rows (fasting, ogtt, ivgtt or clamp)");
  }

  GlucoseTestSet set;
  for (std::size_t row = 0; row < table.row_count(); ++row) {
    const RowReader reader(table, row);
    std::optional<GlucoseTestType> type = type_when_no_test_column;
    if (test_column) {
      const std::string name = trimmed(table.text(row, *test_column));
      type = parse_glucose_test_type(name);
      if (!type) {
        throw reader.error(*test_column, fmt::format("unknown test type '{}' (expected fasting, ogtt, ivgtt or clamp)",
                                                     name));
      }
    }
    const GlucoseTestType test = *type;
    const double t_min = reader.number(t_column);
    const double glucose_mg_dl = reader.positive(glucose_column, "mg/dl");
    if (test == GlucoseTestType::kClamp) {
      if (!gir_column) {
        throw InputError({table.file(), table.line_of_row(row), "gir_mg_kg_min"},
                         "clamp rows need a 'gir_mg_kg_min' column (glucose infusion rate, mg/kg/min)");
      }
      if (!reader.is_empty(insulin_column)) reader.non_negative(insulin_column, "uU/ml");  // checked, not used
      check_increasing(reader, t_column, t_min, set.clamp.empty() ? nullptr : &set.clamp.back().t_min, test);
      set.clamp.push_back({t_min, reader.non_negative(*gir_column, "mg/kg/min"), glucose_mg_dl});
      continue;
    }
    const double insulin_uU_ml = reader.non_negative(insulin_column, "uU/ml");
    const GlucoseInsulinSample sample{t_min, glucose_mg_dl, insulin_uU_ml};
    if (test == GlucoseTestType::kFasting) {
      set.fasting.push_back(sample);
      continue;
    }
    auto& samples = (test == GlucoseTestType::kOgtt) ? set.ogtt : set.ivgtt;
    check_increasing(reader, t_column, t_min, samples.empty() ? nullptr : &samples.back().t_min, test);
    samples.push_back(sample);
  }
  if (table.row_count() == 0) throw InputError({table.file(), 1, ""}, "the file has a header but no data rows");
  return set;
}

}  // namespace isletsim
