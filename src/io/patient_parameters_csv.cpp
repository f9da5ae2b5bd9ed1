#include "io/patient_parameters_csv.hpp"

#include <fmt/format.h>

#include "core/input_error.hpp"
#include "io/csv_table.hpp"

namespace isletsim {

namespace {

std::size_t find_row_by_name(const CsvTable& table, const std::string& name) {
  const std::size_t name_column = table.column("Name");
  for (std::size_t row = 0; row < table.row_count(); ++row) {
    if (table.text(row, name_column) == name) return row;
  }
  throw InputError({table.file(), 0, "Name"}, fmt::format("no subject named '{}' in this file", name));
}

}  // namespace

UvaPadovaParameters read_patient_parameters(const std::filesystem::path& params_csv, const std::string& name) {
  const CsvTable table = CsvTable::read(params_csv);
  const std::size_t row = find_row_by_name(table, name);
  auto value = [&](const char* column_name) { return table.number(row, table.column(column_name)); };

  UvaPadovaParameters p;
  p.name = name;
  p.body_weight_kg = value("BW");
  p.kmax = value("kmax");
  p.kmin = value("kmin");
  p.kabs = value("kabs");
  p.b = value("b");
  p.d = value("d");
  p.f = value("f");
  p.Vg = value("Vg");
  p.k1 = value("k1");
  p.k2 = value("k2");
  p.Vm0 = value("Vm0");
  p.Vmx = value("Vmx");
  p.Km0 = value("Km0");
  p.p2u = value("p2u");
  p.Fsnc = value("Fsnc");
  p.kp1 = value("kp1");
  p.kp2 = value("kp2");
  p.kp3 = value("kp3");
  p.ki = value("ki");
  p.ke1 = value("ke1");
  p.ke2 = value("ke2");
  p.Vi = value("Vi");
  p.m1 = value("m1");
  p.m2 = value("m2");
  p.m30 = value("m30");
  p.m4 = value("m4");
  p.Ib = value("Ib");
  p.kd = value("kd");
  p.ka1 = value("ka1");
  p.ka2 = value("ka2");
  p.ksc = value("ksc");
  p.basal_insulin_pmol_per_kg_per_min = value("u2ss");
  for (int i = 0; i < kUvaPadovaStateCount; ++i) {
    // simglucose names the initial states "x0_ 1" .. "x0_ 9", "x0_10" .. "x0_13".
    const std::string column_name = i < 9 ? fmt::format("x0_ {}", i + 1) : fmt::format("x0_{}", i + 1);
    p.initial_state[static_cast<std::size_t>(i)] = value(column_name.c_str());
  }
  if (p.body_weight_kg <= 0) {
    throw InputError({table.file(), table.line_of_row(row), "BW"}, "body weight must be > 0 kg");
  }
  return p;
}

std::vector<std::string> list_patient_names(const std::filesystem::path& params_csv) {
  const CsvTable table = CsvTable::read(params_csv);
  const std::size_t name_column = table.column("Name");
  std::vector<std::string> names;
  for (std::size_t row = 0; row < table.row_count(); ++row) names.push_back(table.text(row, name_column));
  return names;
}

void read_therapy_settings(const std::filesystem::path& quest_csv, UvaPadovaParameters& subject) {
  const CsvTable table = CsvTable::read(quest_csv);
  const std::size_t row = find_row_by_name(table, subject.name);
  subject.carb_ratio_g_per_u = table.number(row, table.column("CR"));
  subject.correction_factor_mg_dl_per_u = table.number(row, table.column("CF"));
}

std::vector<UvaPadovaParameters> read_reference_group(const std::filesystem::path& params_csv,
                                                      const std::filesystem::path& quest_csv,
                                                      const std::string& group) {
  std::vector<UvaPadovaParameters> subjects;
  const std::string prefix = group + "#";
  for (const auto& name : list_patient_names(params_csv)) {
    if (name.rfind(prefix, 0) != 0) continue;
    UvaPadovaParameters subject = read_patient_parameters(params_csv, name);
    read_therapy_settings(quest_csv, subject);
    subjects.push_back(std::move(subject));
  }
  return subjects;
}

}  // namespace isletsim
