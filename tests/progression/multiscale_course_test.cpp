// The coupled multi-scale course: operator-splitting convergence, the healthy fixed point, C-peptide, everyday
// care, adherence and the T2D milestones.
#include "progression/multiscale_course.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/input_error.hpp"
#include "physiology/c_peptide_kinetics.hpp"
#include "physiology/dalla_man_2007_subjects.hpp"
#include "physiology/hba1c_glycation.hpp"
#include "progression/t2d_course.hpp"

namespace isletsim {
namespace {

double relative_difference(double a, double b) { return std::abs(a - b) / std::abs(b); }

// One reference glucose for all runs of a test (the same subject and routine give the same value anyway).
MultiscaleOptions healthy_options(double days) {
  MultiscaleOptions o;
  o.duration_day = days;
  o.reference_mean_glucose_mg_dl = reference_mean_glucose_mg_dl(dalla_man_2007_average_normal(), o.routine);
  return o;
}

TEST(MultiscaleCourse, HealthySubjectOnItsRoutineStaysAtToppSetPoint) {
  // With no change of sensitivity the subject's 24-h mean is the reference, which maps onto Topp's fixed point
  // (net growth 0), so mass and function stay at 1 and HbA1c at the steady value for the reference glucose.
  const auto o = healthy_options(365);
  const auto r = run_multiscale_course(dalla_man_2007_average_normal(), o);
  ASSERT_EQ(r.size(), 365u);
  EXPECT_NEAR(r.back().relative_beta_cell_mass, 1.0, 1e-3);
  EXPECT_NEAR(r.back().relative_beta_cell_function, 1.0, 1e-3);
  EXPECT_NEAR(r.back().beta_cell_glucose_mg_dl, 100.0, 0.01);
  const HbA1cGlycation steady(HbA1cGlycationParameters{}, *o.reference_mean_glucose_mg_dl);
  EXPECT_NEAR(r.back().hba1c_percent, steady.hba1c_percent(), 0.005);
  EXPECT_LT(r.back().fasting_glucose_mg_dl, 100.0);  // normal fasting glucose (ADA)
}

TEST(MultiscaleCourse, HalvingTheCouplingIntervalChangesOneYearEndpointsByUnderOnePercent) {
  MultiscaleOptions daily = t2d_progression_options(365);
  daily.reference_mean_glucose_mg_dl = reference_mean_glucose_mg_dl(dalla_man_2007_average_normal(), daily.routine);
  MultiscaleOptions half_daily = daily;
  half_daily.coupling_interval_min = 720;
  const auto a = run_multiscale_course(dalla_man_2007_average_normal(), daily).back();
  const auto b = run_multiscale_course(dalla_man_2007_average_normal(), half_daily).back();
  // The year is not trivial: mass and HbA1c have moved.
  EXPECT_GT(a.relative_beta_cell_mass, 1.3);
  EXPECT_GT(a.hba1c_percent, 5.6);
  EXPECT_LT(relative_difference(a.hba1c_percent, b.hba1c_percent), 0.01);
  EXPECT_LT(relative_difference(a.relative_beta_cell_mass, b.relative_beta_cell_mass), 0.01);
  EXPECT_LT(relative_difference(a.fasting_glucose_mg_dl, b.fasting_glucose_mg_dl), 0.01);
  EXPECT_LT(relative_difference(a.relative_beta_cell_function, b.relative_beta_cell_function), 0.01);
}

TEST(MultiscaleCourse, FastingCPeptideIsSecretionOverClearance) {
  // Equimolar co-secretion (Van Cauter 1992): at rest plasma C-peptide = secretion rate / clearance. By hand for
  // the average normal subject with no meals (it stays at its basal state): Sb = (m6 - HEb)/m5 =
  // (0.6471 - 0.6)/0.0304 = 1.549342 pmol/kg/min (Dalla Man 2007 eq. 6, Table 1), SR = 78 kg * Sb =
  // 120.8487 pmol/min; default person 45 y, 172 cm, man: BSA = 1.911017 m^2, V = 1.92 BSA + 0.64 = 4.309154 l,
  // k01 = 0.0564360 /min; C-peptide = SR / (V k01) = 496.928 pmol/l.
  const auto subject = dalla_man_2007_average_normal();
  auto fasting = healthy_options(2);
  fasting.routine.meals.clear();
  fasting.reference_mean_glucose_mg_dl.reset();  // the reference of this routine (no meals): the basal glucose
  const auto rest = run_multiscale_course(subject, fasting);
  EXPECT_NEAR(rest[1].fasting_secretion_pmol_kg_min, 1.549342, 1e-5);
  EXPECT_NEAR(rest[1].fasting_c_peptide_pmol_l, 496.928, 0.01);
  EXPECT_NEAR(rest[1].peak_c_peptide_pmol_l, 496.928, 0.01);

  // On the routine, meals stimulate secretion: the day's peak is well above fasting, and at 06:59 (12 h after
  // dinner) C-peptide is back within 2 % of the quasi-steady secretion/clearance (it lags the still slowly falling
  // secretion by its ~50 min slow time constant 1/b).
  const auto r = run_multiscale_course(subject, healthy_options(3));
  CPeptidePerson person;
  person.body_weight_kg = subject.body_weight_kg;
  const auto k = van_cauter_1992_standard_parameters(person);
  for (std::size_t i = 1; i < r.size(); ++i) {  // day 0 starts at rest, with no dinner before it
    const auto& day = r[i];
    const double quasi_steady =
        day.fasting_secretion_pmol_kg_min * subject.body_weight_kg / (k.volume_l * k.k01_per_min);
    EXPECT_NEAR(day.fasting_c_peptide_pmol_l / quasi_steady, 1.0, 0.02) << "day " << day.day;
    EXPECT_GE(day.fasting_c_peptide_pmol_l, quasi_steady) << "secretion is still falling at 06:59";
    EXPECT_GT(day.peak_c_peptide_pmol_l, 2.0 * day.fasting_c_peptide_pmol_l);
  }
}

TEST(MultiscaleCourse, ExerciseLowersGlucoseDuringTheBoutAndRaisesSensitivityForTheNextDays) {
  const auto subject = dalla_man_2007_average_normal();
  auto control = healthy_options(5);
  control.record_minute_glucose = true;
  auto exercise = control;
  exercise.exercise = {{2, 900, 60, 1.0}};  // day 2, 15:00-16:00, 1 mg/kg/min net
  const auto c = run_multiscale_course(subject, control);
  const auto e = run_multiscale_course(subject, exercise);
  // Acute: at the end of the bout glucose is lower, by less than the 60 min * 1 mg/kg/min / VG that would leave
  // plasma with no counter-regulation at all (insulin secretion falls, production rises).
  const double drop = c[2].glucose_by_minute_mg_dl[959] - e[2].glucose_by_minute_mg_dl[959];
  const double no_feedback_bound = 60.0 * 1.0 / subject.Vg;
  EXPECT_GT(drop, 0.25 * no_feedback_bound);
  EXPECT_LT(drop, no_feedback_bound);
  // Lasting: the knob for day 3 (set at 00:00, 8 h after the bout) is 1 + 0.40 (1 - 8/72) (Ross 2003,
  // Mikines 1988), and day 3's mean glucose is lower than the control's.
  EXPECT_NEAR(e[2].muscle_sensitivity, 1.0 + 0.40 * (1.0 - 8.0 / 72.0), 1e-12);
  EXPECT_LT(e[3].mean_glucose_mg_dl, c[3].mean_glucose_mg_dl);
  EXPECT_DOUBLE_EQ(e[0].muscle_sensitivity, 1.0);
}

TEST(MultiscaleCourse, AShortNightLowersSensitivityForTheDayAfterAndRaisesGlucose) {
  const auto subject = dalla_man_2007_average_normal();
  const auto control = healthy_options(4);
  auto short_night = control;
  short_night.sleep = {{2, 4.0}};  // 4 h before day 2 (Donga 2010: ~-25 %)
  const auto c = run_multiscale_course(subject, control);
  const auto s = run_multiscale_course(subject, short_night);
  EXPECT_NEAR(s[1].muscle_sensitivity, 0.75, 1e-12);  // knob set at the start of day 2
  EXPECT_NEAR(s[1].liver_sensitivity, 0.75, 1e-12);
  EXPECT_DOUBLE_EQ(s[2].muscle_sensitivity, 1.0);  // back for day 3
  EXPECT_GT(s[2].mean_glucose_mg_dl, c[2].mean_glucose_mg_dl);
}

TEST(MultiscaleCourse, WeightLossRaisesSensitivityByVitolaAndLowersGlucose) {
  const auto subject = dalla_man_2007_average_normal();
  const auto control = healthy_options(4);
  auto loss = control;
  loss.weight = {{1, -8.2}};
  const auto c = run_multiscale_course(subject, control);
  const auto w = run_multiscale_course(subject, loss);
  EXPECT_NEAR(w[2].muscle_sensitivity, 1.97, 1e-12);
  EXPECT_NEAR(w[2].liver_sensitivity, 1.56, 1e-12);
  EXPECT_LT(w[3].mean_glucose_mg_dl, c[3].mean_glucose_mg_dl);
}

TEST(MultiscaleCourse, MissedDosesFollowTheAdherenceProbabilityReproducibly) {
  const auto subject = dalla_man_2007_average_normal();
  auto o = healthy_options(365);
  o.basal_insulin = BasalInsulinTherapy{0, 0.1, 0.7, 42, 3};
  const auto a = run_multiscale_course(subject, o);
  const auto taken = std::count_if(a.begin(), a.end(), [](const DailyRecord& d) { return d.basal_dose_taken; });
  // Binomial(365, 0.7): mean 255.5, sd 8.75; +-4 sd.
  EXPECT_GT(taken, 255.5 - 4 * 8.75);
  EXPECT_LT(taken, 255.5 + 4 * 8.75);
  // Same seed and subject: same days missed; another subject index: another pattern (first 60 days).
  auto short_run = o;
  short_run.duration_day = 60;
  const auto again = run_multiscale_course(subject, short_run);
  auto other = short_run;
  other.basal_insulin->subject_index = 4;
  const auto b = run_multiscale_course(subject, other);
  int same = 0;
  int differ = 0;
  for (std::size_t i = 0; i < again.size(); ++i) {
    same += a[i].basal_dose_taken == again[i].basal_dose_taken;
    differ += a[i].basal_dose_taken != b[i].basal_dose_taken;
  }
  EXPECT_EQ(same, 60);
  EXPECT_GT(differ, 0);
  // Missing doses leaves glucose higher than taking them all.
  auto full = short_run;
  full.basal_insulin->adherence = 1.0;
  const auto f = run_multiscale_course(subject, full);
  double mean_missed = 0;
  double mean_full = 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    mean_missed += a[i].mean_glucose_mg_dl;
    mean_full += f[i].mean_glucose_mg_dl;
  }
  EXPECT_GT(mean_missed, mean_full);
}

TEST(MultiscaleCourse, T2DCourseGoesFromCompensationThroughImpairedFastingGlucoseToDiabetes) {
  // HSS 2016 decline of insulin sensitivity on the average normal subject (docs/multiscale_coupling.md).
  MultiscaleOptions o = t2d_progression_options(1500);
  const auto r = run_multiscale_course(dalla_man_2007_average_normal(), o);
  // Phase 1, compensation: in the first year mass rises by a third or more while fasting glucose stays < 100.
  EXPECT_GT(r[364].relative_beta_cell_mass, 1.33);
  for (int day = 0; day < 365; ++day) EXPECT_LT(r[static_cast<std::size_t>(day)].fasting_glucose_mg_dl, 100.0);
  // Phase 2 and 3: first impaired fasting glucose (100-125 mg/dl, ADA), later diabetes (>= 126 mg/dl).
  auto first_day = [&](auto predicate) {
    const auto it = std::find_if(r.begin(), r.end(), predicate);
    return it == r.end() ? -1 : it->day;
  };
  const int ifg = first_day([](const DailyRecord& d) { return d.fasting_glucose_mg_dl >= 100.0; });
  const int diabetes = first_day([](const DailyRecord& d) { return d.fasting_glucose_mg_dl >= 126.0; });
  ASSERT_GT(ifg, 365);
  ASSERT_GT(diabetes, ifg);
  EXPECT_GE(r[static_cast<std::size_t>(diabetes)].hba1c_percent, 6.5);  // ADA HbA1c threshold reached by then
  // Failure is loss of function first: at diagnosis mass is still at its compensated maximum while more than
  // half of the function is gone (dedifferentiation, not death).
  EXPECT_GT(r[static_cast<std::size_t>(diabetes)].relative_beta_cell_mass, 1.45);
  EXPECT_LT(r[static_cast<std::size_t>(diabetes)].relative_beta_cell_function, 0.5);
}

TEST(MultiscaleCourse, InsulinThatNormalisesGlucoseRestoresFunctionButNotMass) {
  // A subject who has lost 40 % of mass and 70 % of function (dedifferentiated). A daily basal insulin (IV
  // stand-in, 1 pmol/kg/min, every dose taken) brings the 24-h mean back to the set point within weeks: function
  // recovers with the 20-d recovery constant, mass does not regrow (Topp's growth is zero at the set point and the
  // glucose never stays far above it).
  auto o = healthy_options(90);
  o.initial_beta_cells = {0.6, 0.3};
  o.basal_insulin = BasalInsulinTherapy{0, 1.0, 1.0, 1, 0};
  const auto treated = run_multiscale_course(dalla_man_2007_average_normal(), o);
  EXPECT_GT(treated.back().relative_beta_cell_function, 0.95);
  EXPECT_NEAR(treated.back().relative_beta_cell_mass, 0.6, 0.06);
  EXPECT_NEAR(treated.back().mean_glucose_mg_dl / *o.reference_mean_glucose_mg_dl, 1.0, 0.03);
  // Untreated, the same subject is still dedifferentiated a month later (function below 0.35).
  o.basal_insulin.reset();
  const auto untreated = run_multiscale_course(dalla_man_2007_average_normal(), o);
  EXPECT_LT(untreated[29].relative_beta_cell_function, 0.35);
  EXPECT_GT(treated[29].relative_beta_cell_function, 0.7);
}

TEST(MultiscaleCourse, RejectsBadOptionsNamingTheKey) {
  const auto subject = dalla_man_2007_average_normal();
  auto expect_key = [&](const MultiscaleOptions& o, const std::string& key) {
    try {
      (void)run_multiscale_course(subject, o);
      ADD_FAILURE() << "expected InputError for " << key;
    } catch (const InputError& e) {
      EXPECT_EQ(e.location().key, key);
    }
  };
  auto o = healthy_options(2);
  o.coupling_interval_min = 1000;
  expect_key(o, "coupling_interval_min");
  o = healthy_options(2);
  o.duration_day = 0;
  expect_key(o, "duration_day");
  o = healthy_options(2);
  o.duration_day = std::nan("");
  expect_key(o, "duration_day");
  o = healthy_options(2);
  o.routine.meals[1].carbs_g = -5;
  expect_key(o, "routine.meals[1].carbs_g");
  o = healthy_options(2);
  o.routine.meals[0].start_min_of_day = 1430;
  expect_key(o, "routine.meals[0].start_min_of_day");
  o = healthy_options(2);
  o.exercise = {{0, 600, 0, 1.0}};
  expect_key(o, "exercise[0].duration_min");
  o = healthy_options(2);
  o.sleep = {{1, -1}};
  expect_key(o, "sleep_hours");
  o = healthy_options(2);
  o.weight = {{1, 20}};
  expect_key(o, "weight_change_percent");
  o = healthy_options(2);
  o.basal_insulin = BasalInsulinTherapy{0, 0.1, 1.5, 1, 0};
  expect_key(o, "basal_insulin.adherence");
  o = healthy_options(2);
  o.basal_insulin = BasalInsulinTherapy{0, -0.1, 1.0, 1, 0};
  expect_key(o, "basal_insulin.rate_pmol_per_kg_per_min");
  o = healthy_options(2);
  o.sensitivity.muscle_target = 0;
  expect_key(o, "sensitivity.muscle_target");
}

}  // namespace
}  // namespace isletsim
