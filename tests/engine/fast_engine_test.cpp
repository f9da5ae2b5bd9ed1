// The fast engine against closed forms, the analytic steady state and the reference engine (no external data
// needed; the comparisons with the simglucose traces are in simglucose_reference_test.cpp).
#include "engine/fast_backend.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "core/input_error.hpp"
#include "engine/simulation.hpp"
#include "io/patient_parameters_csv.hpp"
#include "test_support.hpp"
#include "engine/fast_subject_integrator.hpp"
#include "engine/reference_backend.hpp"
#include "engine/subject_integrator.hpp"
#include "io/scenario_toml.hpp"
#include "physiology/published_subjects.hpp"

namespace isletsim {
namespace {

using Fast = FastSubjectIntegrator;

// The scenario's subject with its own controller on the fast backend.
SubjectTimeSeries simulate_fast(const Scenario& scenario, const UvaPadovaParameters& subject, std::uint64_t index) {
  auto controller = make_controller(scenario.controller, subject, scenario.seed, index);
  return simulate_subject(scenario, subject, index, *controller, fast_backend());
}

// Stated agreement of the fast engine with the reference engine (its default tolerances) over a full day with
// three meals, controller, sensor and pump: 0.01 mg/dl, ten times inside the 0.1 mg/dl acceptance against simglucose.
constexpr double kFastVsReferenceMgDl = 0.01;

Scenario one_day(ControllerKind kind) {
  Scenario scenario;
  scenario.duration_min = 1440;
  scenario.subjects = {average_adult_t1d()};
  scenario.meals = {{420, 50, 5, true}, {720, 70, 5, true}, {1080, 80, 5, true}};
  scenario.controller.kind = kind;
  scenario.sensor = published_cgm_sensor("Dexcom");
  scenario.pump = *published_insulin_pump("Insulet");
  return scenario;
}

double max_abs_difference(const std::vector<double>& a, const std::vector<double>& b) {
  double worst = 0;
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) worst = std::max(worst, std::abs(a[i] - b[i]));
  return worst;
}

// Subcutaneous insulin (Kovatchev 2009) in closed form: with Isc1(0) = 1, Isc2(0) = 0 and no input,
// Isc1(h) = e^{-a h} (a = ka1 + kd) and Isc2(h) = kd (e^{-a h} - e^{-ka2 h}) / (ka2 - a), whose limit for
// ka2 = a is kd h e^{-a h} (the average adult has ka2 = ka1 + kd exactly); a constant input u adds
// u (1 - e^{-a h}) / a to Isc1. Tolerance 1e-14: the series is summed to machine precision and squared once.
void expect_subcutaneous_closed_form(const UvaPadovaParameters& p, double h) {
  const auto propagator = Fast::insulin_propagator(p, h);
  const double a = p.ka1 + p.kd;
  const double isc2_from_isc1 = p.ka2 == a ? p.kd * h * std::exp(-a * h)
                                            : p.kd * (std::exp(-a * h) - std::exp(-p.ka2 * h)) / (p.ka2 - a);
  EXPECT_NEAR(propagator.phi[Fast::kIsc1][Fast::kIsc1], std::exp(-a * h), 1e-14);
  EXPECT_NEAR(propagator.phi[Fast::kIsc2][Fast::kIsc1], isc2_from_isc1, 1e-14);
  EXPECT_NEAR(propagator.phi[Fast::kIsc2][Fast::kIsc2], std::exp(-p.ka2 * h), 1e-14);
  EXPECT_NEAR(propagator.input[Fast::kIsc1], -std::expm1(-a * h) / a, 1e-14);
  EXPECT_EQ(propagator.phi[Fast::kIsc1][Fast::kIp], 0.0);  // nothing flows back into the s.c. depot
  // The delay chain I1 -> Id (eqs. 11-12): Id(h) from Id(0) = 1 alone is e^{-ki h}; from I1(0) = 1, ki h e^{-ki h}.
  EXPECT_NEAR(propagator.phi[Fast::kId][Fast::kId], std::exp(-p.ki * h), 1e-14);
  EXPECT_NEAR(propagator.phi[Fast::kId][Fast::kI1], p.ki * h * std::exp(-p.ki * h), 1e-14);
}

TEST(FastSubjectIntegrator, InsulinPropagatorMatchesTheSubcutaneousClosedForm) {
  const auto p = average_adult_t1d();
  ASSERT_EQ(p.ka2, p.ka1 + p.kd);  // the degenerate branch of the closed form
  expect_subcutaneous_closed_form(p, 1.0);
  expect_subcutaneous_closed_form(p, 0.25);
  auto distinct = p;
  distinct.ka2 = 2.0 * (p.ka1 + p.kd);  // and the general branch
  expect_subcutaneous_closed_form(distinct, 1.0);
}

// At the basal infusion the subject's initial state is an equilibrium (uva_padova_steady_state), so a day of exact
// propagation and Runge-Kutta steps must leave every state where it started.
TEST(FastSubjectIntegrator, RestsAtTheBasalSteadyStateForADay) {
  const auto p = average_adult_t1d();
  Fast integrator(p);
  for (int minute = 0; minute < 1440; ++minute) integrator.advance(0.0, p.basal_insulin_u_per_min());
  for (std::size_t i = 0; i < p.initial_state.size(); ++i) {
    EXPECT_NEAR(integrator.state()[i], p.initial_state[i], 1e-9 * std::max(1.0, std::abs(p.initial_state[i])))
        << "state " << i;
  }
  EXPECT_DOUBLE_EQ(integrator.time_min(), 1440.0);
}

// Calls of other lengths than one minute take steps of their own length, with their own propagator and insulin
// forcing (both cached between calls): a sequence of 1, 0.3, 2.5 and 1-minute calls with a meal and changing insulin,
// and the same insulin rate across a change of step length, must follow the reference integrator (Dormand-Prince,
// tolerance 1e-11) as closely as the one-minute calls do (0.01 mg/dl, the engine's stated agreement).
TEST(FastSubjectIntegrator, CallsOfOtherLengthsFollowTheReferenceIntegrator) {
  const auto p = average_adult_t1d();
  IntegratorTolerances tight;
  tight.absolute = tight.relative = 1e-11;
  SubjectIntegrator reference(p, tight);
  Fast fast(p);
  const double basal = p.basal_insulin_u_per_min();
  const double durations[] = {1.0, 0.3, 0.3, 2.5, 1.0, 0.3, 1.0};
  double worst = 0;
  for (int minute = 0; minute < 300; ++minute) {
    const double duration = durations[minute % 7];
    const double carbs = minute >= 60 && minute < 70 ? 5.0 : 0.0;
    const double insulin = minute == 60 ? basal + 5.0 : (minute % 20 < 10 ? basal : 2.0 * basal);
    reference.advance(carbs, insulin, duration);
    fast.advance(carbs, insulin, duration);
    worst = std::max(worst, std::abs(fast.plasma_glucose_mg_dl() - reference.plasma_glucose_mg_dl()));
  }
  EXPECT_DOUBLE_EQ(fast.time_min(), reference.time_min());
  EXPECT_LT(worst, kFastVsReferenceMgDl);
  std::cout << "fast vs tight reference integrator, mixed call lengths: max |difference| plasma " << worst
            << " mg/dl\n";
}

TEST(FastSubjectIntegrator, RejectsNegativeOrNanInsulin) {
  Fast integrator(average_adult_t1d());
  EXPECT_THROW(integrator.advance(0.0, -0.01), std::invalid_argument);
  EXPECT_THROW(integrator.advance(0.0, std::nan("")), std::invalid_argument);
  FastIntegratorOptions zero_steps;
  zero_steps.substeps_per_minute = 0;
  EXPECT_THROW(Fast(average_adult_t1d(), zero_steps), std::invalid_argument);
}

TEST(FastEngine, MatchesTheReferenceEngineOnABasalBolusDayWithSensorAndPump) {
  const Scenario scenario = one_day(ControllerKind::kBasalBolus);
  const auto reference = simulate_subject(scenario, scenario.subjects[0], 0);
  const auto fast = simulate_fast(scenario, scenario.subjects[0], 0);
  ASSERT_EQ(fast.size(), reference.size());
  EXPECT_EQ(fast.t_min, reference.t_min);
  EXPECT_EQ(fast.carbs_g_per_min, reference.carbs_g_per_min);
  EXPECT_EQ(fast.insulin_u_per_min, reference.insulin_u_per_min);  // same controller decisions and pump steps
  const double plasma = max_abs_difference(fast.glucose_plasma_mg_dl, reference.glucose_plasma_mg_dl);
  const double subcutaneous = max_abs_difference(fast.glucose_sc_mg_dl, reference.glucose_sc_mg_dl);
  const double cgm = max_abs_difference(fast.cgm_mg_dl, reference.cgm_mg_dl);
  EXPECT_LT(plasma, kFastVsReferenceMgDl);
  EXPECT_LT(subcutaneous, kFastVsReferenceMgDl);
  EXPECT_LT(cgm, kFastVsReferenceMgDl);
  std::cout << "fast vs reference engine, basal-bolus day: max |difference| plasma " << plasma
            << " mg/dl, subcutaneous " << subcutaneous << " mg/dl, CGM " << cgm << " mg/dl\n";
}

TEST(FastEngine, MatchesTheReferenceEngineOnAnOpenLoopDay) {
  Scenario scenario = one_day(ControllerKind::kOpenLoop);
  scenario.sensor.reset();
  scenario.pump = *published_insulin_pump("ideal");
  const auto reference = simulate_subject(scenario, scenario.subjects[0], 0);
  const auto fast = simulate_fast(scenario, scenario.subjects[0], 0);
  ASSERT_EQ(fast.size(), reference.size());
  EXPECT_EQ(fast.insulin_u_per_min, reference.insulin_u_per_min);
  const double plasma = max_abs_difference(fast.glucose_plasma_mg_dl, reference.glucose_plasma_mg_dl);
  EXPECT_LT(plasma, kFastVsReferenceMgDl);
  EXPECT_LT(max_abs_difference(fast.glucose_sc_mg_dl, reference.glucose_sc_mg_dl), kFastVsReferenceMgDl);
  std::cout << "fast vs reference engine, open-loop day: max |difference| plasma " << plasma << " mg/dl\n";
}

// The fast engine's minute loop takes the time of day without fmod (TimeOfDay in fast_engine.cpp, exact by
// Sterbenz's lemma): over three days from 16:40:30 (1000.5 min) with a day-part basal schedule, the open-loop
// controller must switch rates at the same minutes as in the reference engine, which uses fmod. By hand: the time of
// day at minute t is 1000.5 + t minus whole days, so 22:00 (1320) is first reached at t = 320, 00:00 at t = 440 and
// 06:00 (360) at t = 800, and again 1440 minutes later.
TEST(FastEngine, DayPartBasalSwitchesAtTheSameMinutesAcrossMidnight) {
  Scenario scenario = one_day(ControllerKind::kOpenLoop);
  scenario.duration_min = 3 * 1440;
  scenario.start_time_of_day_min = 1000.5;
  scenario.sensor.reset();
  scenario.pump = *published_insulin_pump("ideal");
  const double night_u_per_h = 0.8, day_u_per_h = 1.1, late_u_per_h = 0.9;
  scenario.controller.basal = BasalSchedule({{0, night_u_per_h}, {360, day_u_per_h}, {1320, late_u_per_h}});
  const auto reference = simulate_subject(scenario, scenario.subjects[0], 0);
  const auto fast = simulate_fast(scenario, scenario.subjects[0], 0);
  ASSERT_EQ(fast.size(), reference.size());
  EXPECT_EQ(fast.insulin_u_per_min, reference.insulin_u_per_min);
  for (const std::size_t day_offset : {std::size_t{0}, std::size_t{1440}}) {
    EXPECT_DOUBLE_EQ(fast.insulin_u_per_min[319 + day_offset], day_u_per_h / 60.0);
    EXPECT_DOUBLE_EQ(fast.insulin_u_per_min[320 + day_offset], late_u_per_h / 60.0);
    EXPECT_DOUBLE_EQ(fast.insulin_u_per_min[439 + day_offset], late_u_per_h / 60.0);
    EXPECT_DOUBLE_EQ(fast.insulin_u_per_min[440 + day_offset], night_u_per_h / 60.0);
    EXPECT_DOUBLE_EQ(fast.insulin_u_per_min[799 + day_offset], night_u_per_h / 60.0);
    EXPECT_DOUBLE_EQ(fast.insulin_u_per_min[800 + day_offset], day_u_per_h / 60.0);
  }
}

// The fast engine's Runge-Kutta 4 (multistep off) converges to the same solution as the reference engine with its
// tolerance tightened to 1e-11, at the rate of a fourth-order method: halving the step divides the error by about
// 2^4 = 16. This shows that the two integrate the same equations (a mismatch would leave an error that does not
// shrink), and the multistep/Runge-Kutta switch is tested separately below. Eating minutes take 16 steps a minute here so that the one-minute steps' error dominates.
TEST(FastEngine, RungeKuttaConvergesToTheTightReferenceAtFourthOrder) {
  Scenario scenario = one_day(ControllerKind::kOpenLoop);
  scenario.sensor.reset();
  scenario.pump = *published_insulin_pump("ideal");
  auto controller = make_controller(scenario.controller, scenario.subjects[0], scenario.seed, 0);
  IntegratorTolerances tight;
  tight.absolute = tight.relative = 1e-11;
  const auto truth = simulate_subject(scenario, scenario.subjects[0], 0, *controller, ReferenceBackend(tight));
  double error[3] = {};
  for (int k = 0; k < 3; ++k) {
    FastIntegratorOptions options;
    options.multistep_between_meals = false;
    options.substeps_per_minute = 1 << k;
    options.eating_substeps_per_minute = 16 << k;
    auto c = make_controller(scenario.controller, scenario.subjects[0], scenario.seed, 0);
    const auto fast = simulate_subject(scenario, scenario.subjects[0], 0, *c, FastBackend(options));
    error[k] = max_abs_difference(fast.glucose_plasma_mg_dl, truth.glucose_plasma_mg_dl);
  }
  std::cout << "fast engine (RK4 only) error vs tight reference, 1/2/4 steps a minute: " << error[0] << ", "
            << error[1] << ", " << error[2] << " mg/dl\n";
  EXPECT_GT(error[0] / error[1], 8.0);
  EXPECT_LT(error[0] / error[1], 32.0);
  // At 4 steps a minute the error (about 7e-7 mg/dl) reaches the tolerance floor of the tight reference itself, so
  // only the first halving measures the order; the second must still not make things worse.
  EXPECT_LT(error[2], error[1]);
}

// All 30 subjects of the reference simulator, basal-bolus day with Dexcom sensor and Insulet pump: the fast engine
// makes the same controller decisions (identical insulin series) and stays within 0.02 mg/dl of the reference engine
// (largest measured: 0.0126 mg/dl, child#007, at minute 462, half an hour after breakfast; it comes from the
// Adams-Bashforth-Moulton steps: with Runge-Kutta 4 everywhere child#007 is within 0.0012 mg/dl).
// Why 0.02: the engine's accuracy budget is the 0.1 mg/dl against simglucose; the reference engine uses
// about 1e-4 of it, and 0.02 keeps the fast engine at a fifth of the budget with room for the sensor's rounding.
TEST(FastEngine, All30ReferenceSubjectsWithinTwoHundredthsMgDlOfTheReferenceEngine) {
  ISLETSIM_REQUIRE_REFERENCE();
  const auto params = testing::reference_dir() / "simglucose" / "vpatient_params.csv";
  const auto names = list_patient_names(params);
  ASSERT_EQ(names.size(), 30U);
  double worst = 0;
  for (const auto& name : names) {
    Scenario scenario = one_day(ControllerKind::kBasalBolus);
    scenario.subjects = {read_patient_parameters(params, name)};
    read_therapy_settings(params.parent_path() / "Quest.csv", scenario.subjects[0]);
    const auto reference = simulate_subject(scenario, scenario.subjects[0], 0);
    const auto fast = simulate_fast(scenario, scenario.subjects[0], 0);
    EXPECT_EQ(fast.insulin_u_per_min, reference.insulin_u_per_min) << name;
    const double plasma = max_abs_difference(fast.glucose_plasma_mg_dl, reference.glucose_plasma_mg_dl);
    EXPECT_LT(plasma, 0.02) << name;
    EXPECT_LT(max_abs_difference(fast.glucose_sc_mg_dl, reference.glucose_sc_mg_dl), 0.02) << name;
    worst = std::max(worst, plasma);
  }
  std::cout << "fast vs reference engine, 30 subjects: largest max |difference| plasma " << worst << " mg/dl\n";
}

// [simulation] engine = "fast" reaches the cohort runner: its results are the fast backend's, in subject order.
TEST(FastEngine, CohortRunnerUsesTheEngineTheScenarioNames) {
  Scenario scenario = one_day(ControllerKind::kBasalBolus);
  scenario.subjects = {average_adult_t1d(), average_adult_t1d()};
  scenario.backend = "fast";
  std::vector<SubjectTimeSeries> results;
  run_cohort(scenario, {"", 2, 1}, [&](std::size_t, const SubjectTimeSeries& series) { results.push_back(series); });
  ASSERT_EQ(results.size(), 2U);
  for (std::size_t i = 0; i < 2; ++i) {
    const auto fast = simulate_fast(scenario, scenario.subjects[i], i);
    EXPECT_EQ(results[i].glucose_plasma_mg_dl, fast.glucose_plasma_mg_dl);
    EXPECT_EQ(results[i].cgm_mg_dl, fast.cgm_mg_dl);
  }
}

std::filesystem::path write_scenario(const std::string& name, const std::string& simulation_lines) {
  const auto path = testing::scratch_path("isletsim_fast_engine_" + name + ".toml");
  std::ofstream out(path);
  out << "[simulation]\nduration_min = 60\n" << simulation_lines << "\n[subjects]\nbuiltin = [\"average_adult\"]\n";
  return path;
}

TEST(ScenarioEngineKey, SelectsTheEngineAndDefaultsToReference) {
  EXPECT_EQ(read_scenario_toml(write_scenario("default", "")).backend, "reference");
  EXPECT_EQ(read_scenario_toml(write_scenario("reference", "engine = \"reference\"")).backend, "reference");
  EXPECT_EQ(read_scenario_toml(write_scenario("fast", "engine = \"fast\"")).backend, "fast");
}

TEST(ScenarioEngineKey, UnknownEngineOrWrongTypeNamesFileLineAndKey) {
  for (const char* line : {"engine = \"turbo\"", "engine = 2"}) {
    const auto path = write_scenario("bad", line);
    try {
      read_scenario_toml(path);
      ADD_FAILURE() << "no error for " << line;
    } catch (const InputError& error) {
      EXPECT_EQ(error.location().file, path.string()) << error.what();
      EXPECT_EQ(error.location().line, 3) << error.what();  // the engine line
      EXPECT_EQ(error.location().key, "simulation.engine") << error.what();
    }
  }
}

}  // namespace
}  // namespace isletsim
