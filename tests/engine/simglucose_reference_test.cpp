// The reference engine against the published reference implementation of the UVA/Padova 2008 model
// (simglucose 0.2.11 outputs in ../shared/reference/simglucose; see its README for the protocols).
// Acceptance (issue 2): plasma and subcutaneous glucose within 0.1 mg/dl at every minute.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "engine/fast_subject_integrator.hpp"
#include "engine/subject_integrator.hpp"
#include "io/csv_table.hpp"
#include "io/patient_parameters_csv.hpp"
#include "test_support.hpp"

namespace isletsim {
namespace {

constexpr double kAcceptanceMgDl = 0.1;

std::filesystem::path simglucose_file(const std::string& name) {
  return testing::reference_dir() / "simglucose" / name;
}

struct ReplayError {
  double max_plasma_mg_dl = 0;
  double max_subcutaneous_mg_dl = 0;
  std::size_t minutes = 0;
};

// The two file layouts: in the open-loop files row i holds the state at t and the inputs applied over [t, t+1)
// (the last row closes the window); in the one-day files row 0 is the initial state and row i >= 1 holds the inputs
// over [t-1, t) and the state at t.
struct ReferenceLayout {
  const char* plasma_column;
  const char* subcutaneous_column;
  const char* carbs_column;
  const char* insulin_column;
  bool inputs_lead_state;  // true: row i's inputs move the state from row i to row i+1
};
constexpr ReferenceLayout kOpenLoopLayout = {"BG_plasma_mgdl", "Gsub_mgdl", "CHO_eaten_g_per_min_next",
                                             "insulin_U_per_min_next", true};
constexpr ReferenceLayout kDayLayout = {"Gp_plasma_mgdl_end", "Gsub_mgdl_end", "CHO_eaten_g_per_min",
                                        "insulin_U_per_min", false};

// Integrator: SubjectIntegrator (reference engine) or FastSubjectIntegrator (fast engine).
template <typename Integrator = SubjectIntegrator>
ReplayError replay(const std::string& patient, const std::string& file, const ReferenceLayout& layout) {
  const auto subject = read_patient_parameters(simglucose_file("vpatient_params.csv"), patient);
  const CsvTable table = CsvTable::read(simglucose_file(file));
  const auto plasma = table.column(layout.plasma_column);
  const auto subcutaneous = table.column(layout.subcutaneous_column);
  const auto carbs = table.column(layout.carbs_column);
  const auto insulin = table.column(layout.insulin_column);
  Integrator integrator(subject);
  ReplayError error;
  for (std::size_t row = 0; row < table.row_count(); ++row) {
    if (!layout.inputs_lead_state && row > 0) {
      integrator.advance(table.number(row, carbs), table.number(row, insulin));
    }
    error.max_plasma_mg_dl =
        std::max(error.max_plasma_mg_dl, std::abs(integrator.plasma_glucose_mg_dl() - table.number(row, plasma)));
    error.max_subcutaneous_mg_dl = std::max(
        error.max_subcutaneous_mg_dl,
        std::abs(integrator.subcutaneous_glucose_mg_dl() - table.number(row, subcutaneous)));
    ++error.minutes;
    if (layout.inputs_lead_state && row + 1 < table.row_count()) {
      integrator.advance(table.number(row, carbs), table.number(row, insulin));
    }
  }
  return error;
}

TEST(SimglucoseReference, Adult001OpenLoop600MinutesWithinTenthMgDlEveryMinute) {
  ISLETSIM_REQUIRE_REFERENCE();
  const auto error = replay("adult#001", "ref_patient_only_adult001.csv", kOpenLoopLayout);
  EXPECT_EQ(error.minutes, 601U);
  EXPECT_LT(error.max_plasma_mg_dl, kAcceptanceMgDl);
  EXPECT_LT(error.max_subcutaneous_mg_dl, kAcceptanceMgDl);
  RecordProperty("max_plasma_error_mg_dl", std::to_string(error.max_plasma_mg_dl));
  std::cout << "adult#001 open loop: max |error| plasma " << error.max_plasma_mg_dl << " mg/dl, subcutaneous "
            << error.max_subcutaneous_mg_dl << " mg/dl\n";
}

TEST(SimglucoseReference, Adolescent001OpenLoop600MinutesWithinTenthMgDlEveryMinute) {
  ISLETSIM_REQUIRE_REFERENCE();
  const auto error = replay("adolescent#001", "ref_patient_only_adolescent001.csv", kOpenLoopLayout);
  EXPECT_EQ(error.minutes, 601U);
  EXPECT_LT(error.max_plasma_mg_dl, kAcceptanceMgDl);
  EXPECT_LT(error.max_subcutaneous_mg_dl, kAcceptanceMgDl);
  std::cout << "adolescent#001 open loop: max |error| plasma " << error.max_plasma_mg_dl << " mg/dl, subcutaneous "
            << error.max_subcutaneous_mg_dl << " mg/dl\n";
}

TEST(SimglucoseReference, Adult001BasalBolusDayReplayWithinTenthMgDl) {
  ISLETSIM_REQUIRE_REFERENCE();
  const auto error = replay("adult#001", "ref_adult001_day.csv", kDayLayout);
  EXPECT_EQ(error.minutes, 1441U);
  EXPECT_LT(error.max_plasma_mg_dl, kAcceptanceMgDl);
  EXPECT_LT(error.max_subcutaneous_mg_dl, kAcceptanceMgDl);
  std::cout << "adult#001 day replay: max |error| plasma " << error.max_plasma_mg_dl << " mg/dl, subcutaneous "
            << error.max_subcutaneous_mg_dl << " mg/dl\n";
}

TEST(SimglucoseReference, Adolescent001BasalBolusDayReplayWithinTenthMgDl) {
  ISLETSIM_REQUIRE_REFERENCE();
  const auto error = replay("adolescent#001", "ref_adolescent001_day.csv", kDayLayout);
  EXPECT_EQ(error.minutes, 1441U);
  EXPECT_LT(error.max_plasma_mg_dl, kAcceptanceMgDl);
  EXPECT_LT(error.max_subcutaneous_mg_dl, kAcceptanceMgDl);
  std::cout << "adolescent#001 day replay: max |error| plasma " << error.max_plasma_mg_dl
            << " mg/dl, subcutaneous " << error.max_subcutaneous_mg_dl << " mg/dl\n";
}

// The fast engine's integrator (exact insulin propagation, one-minute Runge-Kutta 4 steps) on the same traces,
// against the same acceptance.
struct FastCase {
  const char* name;  // test name suffix
  const char* patient;
  const char* file;
  const ReferenceLayout* layout;
  std::size_t minutes;
};

class FastEngineSimglucoseReference : public ::testing::TestWithParam<FastCase> {};

TEST_P(FastEngineSimglucoseReference, WithinTenthMgDlEveryMinute) {
  ISLETSIM_REQUIRE_REFERENCE();
  const FastCase c = GetParam();
  const auto error = replay<FastSubjectIntegrator>(c.patient, c.file, *c.layout);
  EXPECT_EQ(error.minutes, c.minutes);
  EXPECT_LT(error.max_plasma_mg_dl, kAcceptanceMgDl);
  EXPECT_LT(error.max_subcutaneous_mg_dl, kAcceptanceMgDl);
  std::cout << c.patient << " " << c.file << " (fast engine): max |error| plasma " << error.max_plasma_mg_dl
            << " mg/dl, subcutaneous " << error.max_subcutaneous_mg_dl << " mg/dl\n";
}

INSTANTIATE_TEST_SUITE_P(
    Traces, FastEngineSimglucoseReference,
    ::testing::Values(
        FastCase{"Adult001OpenLoop600Minutes", "adult#001", "ref_patient_only_adult001.csv", &kOpenLoopLayout, 601U},
        FastCase{"Adolescent001OpenLoop600Minutes", "adolescent#001", "ref_patient_only_adolescent001.csv",
                 &kOpenLoopLayout, 601U},
        FastCase{"Adult001BasalBolusDayReplay", "adult#001", "ref_adult001_day.csv", &kDayLayout, 1441U},
        FastCase{"Adolescent001BasalBolusDayReplay", "adolescent#001", "ref_adolescent001_day.csv", &kDayLayout,
                 1441U}),
    [](const ::testing::TestParamInfo<FastCase>& param_info) { return std::string(param_info.param.name); });

// All 30 reference subjects rest at their initial state under basal insulin: |dx/dt| < 1e-6 at t = 0.
TEST(SimglucoseReference, All30PatientsStartAtSteadyState) {
  ISLETSIM_REQUIRE_REFERENCE();
  const auto names = list_patient_names(simglucose_file("vpatient_params.csv"));
  ASSERT_EQ(names.size(), 30U);
  for (const auto& name : names) {
    const auto subject = read_patient_parameters(simglucose_file("vpatient_params.csv"), name);
    UvaPadovaInputs basal;
    basal.insulin_pmol_per_kg_per_min = subject.basal_insulin_pmol_per_kg_per_min;
    UvaPadovaState derivative{};
    uva_padova_derivative(subject, basal, subject.initial_state, derivative);
    for (int i = 0; i < kUvaPadovaStateCount; ++i) {
      EXPECT_LT(std::abs(derivative[static_cast<std::size_t>(i)]), 1e-6) << name << " state x" << i;
    }
  }
}

}  // namespace
}  // namespace isletsim
