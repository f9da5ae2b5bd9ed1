// Reader for measured glucose-test data (fasting samples, OGTT, IVGTT, clamp) in one CSV file.
//
// Layout (header row, any column order, extra columns ignored):
//   t_min            required  minutes from the glucose load / injection / clamp start (basal samples at t <= 0)
//   glucose_mg_dl    required  plasma glucose, mg/dl, > 0
//   insulin_uU_ml    required  plasma insulin, uU/ml, >= 0 (may be left empty on clamp rows only)
//   test             optional  fasting | ogtt | ivgtt | clamp; without the column every row is of the type the
//                              caller names (it is an error when the caller names none)
//   gir_mg_kg_min    clamp     glucose infusion rate, mg/kg/min, >= 0; required (column and value) on clamp rows
// Within one test the times must increase from row to row. Every error is an InputError naming the file, the line
// and the column.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "analysis/glucose_test_samples.hpp"

namespace isletsim {

enum class GlucoseTestType { kFasting, kOgtt, kIvgtt, kClamp };

// "fasting", "ogtt", "ivgtt", "clamp" (exact, lower case); nothing otherwise.
std::optional<GlucoseTestType> parse_glucose_test_type(std::string_view name);
std::string glucose_test_type_name(GlucoseTestType type);

// Reads the file. Without a `test` column every row is of type_when_no_test_column; when that is absent too,
// throws InputError asking for the test type.
GlucoseTestSet read_glucose_test_csv(const std::filesystem::path& path,
                                     std::optional<GlucoseTestType> type_when_no_test_column);

}  // namespace isletsim
