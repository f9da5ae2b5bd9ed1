// The trial runner: daily routine, endpoint definitions on hand-built records, the HbA1c drive, reproducibility
// across thread counts, eligibility and the screening log, and the ArmIntervention extension point.
#include <gtest/gtest.h>

#include "engine/reference_backend.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/trial_output.hpp"
#include "physiology/published_subjects.hpp"
#include "physiology/hba1c_glycation.hpp"
#include "trial/daily_routine.hpp"
#include "trial/standard_care_intervention.hpp"
#include "trial/trial_runner.hpp"
#include "io/patient_parameters_csv.hpp"
#include "trial/virtual_population.hpp"
#include "trial/visit_endpoints.hpp"
#include "test_support.hpp"

namespace isletsim {
namespace {

double value_of(const std::vector<EndpointValue>& values, const std::string& name) {
  for (const auto& v : values) {
    if (v.name == name) return v.value;
  }
  ADD_FAILURE() << "no endpoint " << name;
  return std::nan("");
}

TEST(DailyRoutine, WithoutVariationMealsSitAtTheirNominalTimes) {
  DailyRoutine routine{{{420, 50, 0, 0, 5}, {720, 70, 0, 0, 5}}};
  RandomStream behaviour(1, 0, StreamPurpose::kBehaviour);
  const auto meals = draw_meals(routine, 0, 3, behaviour);
  ASSERT_EQ(meals.size(), 6U);
  EXPECT_EQ(meals[0].t_min, 420);
  EXPECT_EQ(meals[3].t_min, 1440 + 720);
  EXPECT_EQ(meals[5].carbs_g, 70);
}

TEST(DailyRoutine, VariationIsDrawnFromTheBehaviourStream) {
  const DailyRoutine routine = default_daily_routine();
  RandomStream a(1, 4, StreamPurpose::kBehaviour);
  RandomStream b(1, 4, StreamPurpose::kBehaviour);
  RandomStream c(1, 5, StreamPurpose::kBehaviour);
  const auto meals_a = draw_meals(routine, 0, 30, a);
  const auto meals_b = draw_meals(routine, 0, 30, b);
  const auto meals_c = draw_meals(routine, 0, 30, c);
  ASSERT_EQ(meals_a.size(), meals_b.size());
  for (std::size_t i = 0; i < meals_a.size(); ++i) EXPECT_EQ(meals_a[i].t_min, meals_b[i].t_min);
  EXPECT_NE(meals_a[0].t_min, meals_c[0].t_min);
  // 90 meals with SD 10 g around 50/70/80 g: the mean is 66.7 g within a few standard errors (1.05 g).
  double total = 0;
  for (const auto& meal : meals_a) total += meal.carbs_g;
  EXPECT_NEAR(total / static_cast<double>(meals_a.size()), 200.0 / 3.0, 4.0);
}

// A 2-day record with 5-minute readings: day 0 at 100 mg/dl except two level 2 episodes, day 1 at 200 mg/dl.
ParticipantRecord two_day_record() {
  ParticipantRecord record;
  record.cgm_interval_min = 5;
  record.cgm_mg_dl.assign(2 * 288, 100.0);
  for (std::size_t k = 288; k < 576; ++k) record.cgm_mg_dl[k] = 200.0;
  // Episode 1: 4 readings (20 min) below 54 -> begins (>= 15 min). Then 3 readings back (15 min) end it.
  for (std::size_t k = 10; k < 14; ++k) record.cgm_mg_dl[k] = 50.0;
  // Episode 2 after the recovery: 3 readings (15 min) below 54.
  for (std::size_t k = 17; k < 20; ++k) record.cgm_mg_dl[k] = 40.0;
  // Not an episode: 2 readings (10 min) below 54.
  for (std::size_t k = 100; k < 102; ++k) record.cgm_mg_dl[k] = 45.0;
  // Plasma glucose at the same instants: none of the CGM's lows, one of its own (5 readings, 25 min, at 50 mg/dl).
  record.plasma_glucose_mg_dl.assign(2 * 288, 100.0);
  for (std::size_t k = 200; k < 205; ++k) record.plasma_glucose_mg_dl[k] = 50.0;
  record.days = {{.day = 0, .mean_plasma_glucose_mg_dl = 100, .min_plasma_glucose_mg_dl = 40, .exogenous_insulin_u = 30},
                 {.day = 1, .mean_plasma_glucose_mg_dl = 200, .min_plasma_glucose_mg_dl = 200, .exogenous_insulin_u = 40}};
  return record;
}

TEST(VisitEndpoints, HandBuiltRecordGivesTheClosedFormValues) {
  const ParticipantRecord record = two_day_record();
  const auto day1 = cgm_insulin_endpoints(record, 1, 0);
  // Day 0: 288 readings, 9 below 54 (4 + 3 + 2), none above 180.
  EXPECT_NEAR(value_of(day1, "tbr_below_54_percent"), 100.0 * 9 / 288, 1e-12);
  EXPECT_NEAR(value_of(day1, "tir_70_180_percent"), 100.0 * 279 / 288, 1e-12);
  EXPECT_EQ(value_of(day1, "cgm_level2_hypo_events"), 2);
  EXPECT_EQ(value_of(day1, "insulin_u_per_day"), 30.0);
  EXPECT_EQ(value_of(day1, "insulin_independent"), 0.0);
  EXPECT_EQ(value_of(day1, "min_plasma_glucose_mg_dl"), 40.0);  // day 0's minimum
  EXPECT_EQ(value_of(day1, "plasma_level2_hypo_events"), 1);    // the plasma episode, not the CGM's two
  const auto day2 = cgm_insulin_endpoints(record, 2, 1);
  // Window: both days (fewer than 14); hypoglycaemia counted since the visit at day 1 only.
  EXPECT_NEAR(value_of(day2, "tar_above_180_percent"), 50.0, 1e-12);
  EXPECT_EQ(value_of(day2, "cgm_level2_hypo_events"), 0);
  EXPECT_EQ(value_of(day2, "min_plasma_glucose_mg_dl"), 200.0);  // since the visit at day 1: day 1 only
  EXPECT_EQ(value_of(day2, "plasma_level2_hypo_events"), 0);
  EXPECT_EQ(value_of(day2, "insulin_u_per_day"), 35.0);
  const double mean = (279 * 100.0 + 4 * 50.0 + 3 * 40.0 + 2 * 45.0 + 288 * 200.0) / 576.0;
  EXPECT_NEAR(value_of(day2, "mean_glucose_mg_dl"), mean, 1e-9);
}

TEST(VisitEndpoints, HbA1cStaysAtItsSteadyStateWhenGlucoseDoesNot) {
  ParticipantRecord record;
  for (int d = 0; d < 30; ++d) record.days.push_back({.day = d, .mean_plasma_glucose_mg_dl = 154.0});
  const auto hba1c = hba1c_by_day(record, 154.0);
  ASSERT_EQ(hba1c.size(), 31U);
  // ADAG (Nathan 2008): 154 mg/dl <-> 7.0 %; the glycation model is calibrated to within 0.13 points of it.
  EXPECT_NEAR(hba1c[0], adag_hba1c_percent(154.0), 0.13);
  EXPECT_NEAR(hba1c[30], hba1c[0], 1e-12);
  // A step up in glucose raises HbA1c monotonically.
  const auto higher = hba1c_by_day(record, 120.0);
  EXPECT_GT(higher[30], higher[15]);
  EXPECT_GT(higher[15], higher[0]);
}

TrialDefinition small_trial(int participants, int days) {
  TrialDefinition trial;
  trial.name = "small";
  trial.source_file = "small.toml";
  trial.seed = 5;
  trial.duration_days = days;
  trial.participants = participants;
  trial.visit_days = {0, days};
  trial.cohort.run_in_days = 1;
  trial.routine = default_daily_routine();
  trial.sensor = published_cgm_sensor("Dexcom");
  trial.pump = *published_insulin_pump("Insulet");
  ControllerConfig basal_bolus;
  basal_bolus.kind = ControllerKind::kBasalBolus;
  ControllerConfig pid;
  pid.kind = ControllerKind::kPid;
  // PD gains that keep the average adult in a plausible range (as in trials/basal_bolus_vs_pid.toml).
  pid.pid_kp_u_per_min_per_mg_dl = 0.0005;
  pid.pid_ki_u_per_min_per_mg_dl_min = 0;
  pid.pid_kd_u_per_min_per_mg_dl_per_min = 0.005;
  trial.arms = {{"basal_bolus", 1, "bb", std::make_shared<StandardCareIntervention>(basal_bolus)},
                {"pid", 1, "pid", std::make_shared<StandardCareIntervention>(pid)}};
  for (const std::string name : {"hba1c_percent", "tir_70_180_percent", "insulin_u_per_day", "insulin_independent"}) {
    trial.endpoints.push_back({name, {0, days}});
  }
  return trial;
}

std::string run_to_csv(const TrialDefinition& trial, unsigned threads, const std::filesystem::path& dir) {
  std::filesystem::remove_all(dir);
  TrialOutputWriter writer(dir, trial);
  TrialRunOptions options;
  options.threads = threads;
  const auto log = run_trial(trial, options, [&](const ParticipantResult& r) { writer.add_participant(r); });
  writer.finish(log);
  std::ifstream in(dir / "subject_endpoints.csv");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(TrialRunner, PerSubjectCsvIsByteIdenticalWithOneAndTwoThreads) {
  const TrialDefinition trial = small_trial(4, 2);
  const auto base = testing::scratch_path("isletsim_trial_threads");
  const std::string one = run_to_csv(trial, 1, base / "one");
  const std::string two = run_to_csv(trial, 2, base / "two");
  EXPECT_EQ(one, two);
  EXPECT_EQ(one.substr(0, one.find('\n')), kSubjectEndpointsHeader);
  // 4 participants x 2 visits x 4 endpoints + header.
  EXPECT_EQ(std::count(one.begin(), one.end(), '\n'), 33);
  std::filesystem::remove_all(base);
}

TEST(TrialRunner, ScreeningLogCountsAndEligibility) {
  TrialDefinition trial = small_trial(2, 1);
  std::vector<std::string> ids;
  ScreeningLog log = run_trial(trial, {}, [&](const ParticipantResult& r) { ids.push_back(r.subject_id); });
  EXPECT_EQ(log.screened, 2);
  EXPECT_EQ(log.enrolled, 2);
  EXPECT_EQ((std::vector<std::string>{"s0001", "s0002"}), ids);
  // An HbA1c floor nobody reaches: everyone screened is excluded for it, and the runner stops at max_screened.
  trial.cohort.eligibility.hba1c_min_percent = 15.0;
  trial.cohort.max_screened = 3;
  try {
    (void)run_trial(trial, {}, [](const ParticipantResult&) {});
    ADD_FAILURE() << "expected a failed screening";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("only 0 of 2 participants eligible after screening 3"), std::string::npos)
        << error.what();
  }
}

TEST(TrialRunner, SampledAdultsScreeningLogAddsUpAndIsThreadIndependent) {
  ISLETSIM_REQUIRE_REFERENCE();
  const auto dir = testing::reference_dir() / "simglucose";
  TrialDefinition trial = small_trial(24, 1);
  trial.cohort.population = "adult";
  trial.cohort.reference_subjects = read_reference_group(dir / "vpatient_params.csv", dir / "Quest.csv", "adult");
  trial.cohort.eligibility.hba1c_max_percent = 7.0;
  std::vector<std::string> one_rows;
  std::vector<std::string> two_rows;
  auto row = [](const ParticipantResult& r) {
    return std::to_string(r.candidate_index) + ":" + std::to_string(r.arm) + ":" +
           std::to_string(r.visits.back().values.front().value);
  };
  TrialRunOptions one;
  one.threads = 1;
  const ScreeningLog log = run_trial(trial, one, [&](const ParticipantResult& r) { one_rows.push_back(row(r)); });
  TrialRunOptions two;
  two.threads = 2;
  const ScreeningLog log2 = run_trial(trial, two, [&](const ParticipantResult& r) { two_rows.push_back(row(r)); });
  EXPECT_EQ(one_rows, two_rows);
  EXPECT_EQ(log.screened, log2.screened);
  // Every screened candidate is either enrolled or excluded for exactly one reason.
  int excluded = 0;
  for (const auto& [reason, count] : log.exclusions) excluded += count;
  EXPECT_EQ(log.screened, log.eligible + excluded);
  EXPECT_EQ(log.enrolled, 24);
  EXPECT_GT(log.exclusions.count("hba1c_above_max"), 0U);  // some sampled adults run above 7 % on usual care
}

TEST(TrialRunner, ArmWithoutInsulinIsInsulinIndependent) {
  TrialDefinition trial = small_trial(2, 1);
  ControllerConfig no_insulin;
  no_insulin.kind = ControllerKind::kOpenLoop;
  no_insulin.basal = BasalSchedule::constant(0.0);
  trial.arms[1].intervention = std::make_shared<StandardCareIntervention>(no_insulin);
  std::vector<ParticipantResult> results;
  (void)run_trial(trial, {}, [&](const ParticipantResult& r) { results.push_back(r); });
  ASSERT_EQ(results.size(), 2U);
  for (const auto& r : results) {
    const auto& day1 = r.visits.back().values;
    if (r.arm == 1) {
      EXPECT_EQ(value_of(day1, "insulin_u_per_day"), 0.0);
      EXPECT_EQ(value_of(day1, "insulin_independent"), 1.0);
    } else {
      EXPECT_GT(value_of(day1, "insulin_u_per_day"), 10.0);
      EXPECT_EQ(value_of(day1, "insulin_independent"), 0.0);
    }
  }
}

TEST(ParticipantSimulation, LowCgmIsTreatedByTheFifteenFifteenRule) {
  // An open-loop double basal drives the average adult low; each reading < 70 mg/dl at least 15 min after the
  // previous treatment triggers 15 g, so the rescue carbohydrate is a whole multiple of 15 g and glucose is held.
  ParticipantSetup setup;
  setup.subject = average_adult_t1d();
  setup.days = 1;
  setup.pump = *published_insulin_pump("ideal");
  setup.hypo_treatment = HypoTreatment{};
  ControllerConfig overdose;
  overdose.kind = ControllerKind::kOpenLoop;
  overdose.basal = BasalSchedule::constant(3.0 * setup.subject.basal_insulin_u_per_min() * 60.0);
  auto therapy = StandardCareIntervention(overdose).start(setup.subject, 1, 0);
  const auto treated = simulate_participant(setup, *therapy, reference_backend());
  const double rescue_g = treated.days[0].rescue_carbs_g;
  EXPECT_GT(rescue_g, 0.0);
  EXPECT_EQ(std::fmod(rescue_g, 15.0), 0.0);
  EXPECT_EQ(treated.days[0].carbs_g, rescue_g);  // no meals: everything eaten was rescue carbohydrate
  setup.hypo_treatment.reset();
  auto untreated_therapy = StandardCareIntervention(overdose).start(setup.subject, 1, 0);
  const auto untreated = simulate_participant(setup, *untreated_therapy, reference_backend());
  EXPECT_EQ(untreated.days[0].rescue_carbs_g, 0.0);
  EXPECT_GT(treated.days[0].min_plasma_glucose_mg_dl, untreated.days[0].min_plasma_glucose_mg_dl);
}

TEST(TrialRunner, ParticipantWhoseGlucoseReachesZeroIsWithdrawn) {
  // The engine's PID with its default gains over-insulinises the average adult within two days (its integral is
  // frozen while the output is clipped, so it never unwinds); the UVA/Padova model has no counter-regulation and,
  // with nobody treating the lows, glucose reaches 0. Those participants are withdrawn: later visits are missing.
  TrialDefinition trial = small_trial(2, 5);
  ControllerConfig default_pid;
  default_pid.kind = ControllerKind::kPid;
  trial.arms[1].intervention = std::make_shared<StandardCareIntervention>(default_pid);
  trial.hypo_treatment.reset();
  trial.visit_days = {0, 1, 5};
  for (auto& request : trial.endpoints) request.visit_days = {0, 1, 5};
  std::vector<ParticipantResult> results;
  (void)run_trial(trial, {}, [&](const ParticipantResult& r) { results.push_back(r); });
  ASSERT_EQ(results.size(), 2U);
  for (const auto& r : results) {
    if (r.arm == 0) {
      EXPECT_FALSE(r.withdrawn_on_day.has_value());
      EXPECT_EQ(r.visits.size(), 3U);
    } else {
      ASSERT_TRUE(r.withdrawn_on_day.has_value());
      EXPECT_GE(*r.withdrawn_on_day, 1);  // day 0 still fine (the 1-day visit has values)
      EXPECT_LT(*r.withdrawn_on_day, 5);
      ASSERT_EQ(r.visits.size(), 2U);   // baseline and day 1; day 5 missing
      EXPECT_EQ(r.visits[1].visit_day, 1);
    }
  }
}

// A therapy written against the extension point only: no exogenous insulin, a constant "graft" secretion and
// a C-peptide it measures itself.
class ConstantSecretionTherapy : public ParticipantTherapy {
 public:
  ConstantSecretionTherapy(double rate, int* days_seen) : rate_(rate), days_seen_(days_seen) {}
  Controller* controller() override { return nullptr; }
  bool has_minute_inputs() const override { return true; }
  void minute_inputs(double, const SubjectObservation&, TherapyMinuteInputs& add) override {
    add.endogenous_insulin_u_per_min = rate_;
  }
  void end_of_day(const CareDaySummary& day) override {
    ++*days_seen_;
    endogenous_u_ = day.endogenous_insulin_u;
  }
  void add_visit_endpoints(int visit_day, std::vector<EndpointValue>& values) const override {
    values.push_back({"fasting_c_peptide_pmol_l", 100.0 * visit_day + endogenous_u_});
  }

 private:
  double rate_;
  int* days_seen_;
  double endogenous_u_ = 0;
};

class ConstantSecretion : public ArmIntervention {
 public:
  ConstantSecretion(double rate, int* days_seen) : rate_(rate), days_seen_(days_seen) {}
  std::string description() const override { return "test graft"; }
  std::vector<std::string> provided_endpoints() const override { return {"fasting_c_peptide_pmol_l"}; }
  std::unique_ptr<ParticipantTherapy> start(const UvaPadovaParameters&, std::uint64_t, std::uint64_t) const override {
    return std::make_unique<ConstantSecretionTherapy>(rate_, days_seen_);
  }

 private:
  double rate_;
  int* days_seen_;
};

TEST(TrialRunner, TherapyPluggedInThroughArmInterventionReportsItsOwnEndpoints) {
  TrialDefinition trial = small_trial(2, 2);
  int days_seen = 0;
  // 0.01 U/min = 14.4 U/day of the therapy's own insulin (single-threaded: days_seen is not shared).
  trial.arms[1].intervention = std::make_shared<ConstantSecretion>(0.01, &days_seen);
  trial.visit_days = {1, 2};
  trial.endpoints = {{"fasting_c_peptide_pmol_l", {1, 2}}, {"insulin_u_per_day", {2}}};
  std::vector<ParticipantResult> results;
  TrialRunOptions options;
  options.threads = 1;
  (void)run_trial(trial, options, [&](const ParticipantResult& r) { results.push_back(r); });
  for (const auto& r : results) {
    if (r.arm != 1) continue;
    EXPECT_NEAR(value_of(r.visits[0].values, "fasting_c_peptide_pmol_l"), 100.0 + 14.4, 1e-9);
    EXPECT_NEAR(value_of(r.visits[1].values, "fasting_c_peptide_pmol_l"), 200.0 + 14.4, 1e-9);
    EXPECT_EQ(value_of(r.visits[1].values, "insulin_u_per_day"), 0.0);  // the therapy's insulin is not a dose
  }
  EXPECT_EQ(days_seen, 2);  // one participant in arm 1 (permuted blocks of 2), two days
}

}  // namespace
}  // namespace isletsim
