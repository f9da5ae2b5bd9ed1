// The islet_graft arm: graft secretion from the Dalla Man 2007 submodel (hand-derived steady state), no insulin at
// F = 0, reproducible per participant, a short trial through the runner, and bad keys of its TOML table.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/input_error.hpp"
#include "core/random_stream.hpp"
#include "io/trial_toml.hpp"
#include "physiology/dalla_man_2007_subjects.hpp"
#include "physiology/published_subjects.hpp"
#include "therapy/graft_glucagon_counter_regulation.hpp"
#include "therapy/islet_graft.hpp"
#include "trial/daily_routine.hpp"
#include "trial/graft_insulin_secretion.hpp"
#include "trial/islet_graft_intervention.hpp"
#include "trial/standard_care_intervention.hpp"
#include "trial/trial_runner.hpp"
#include "test_support.hpp"

namespace isletsim {
namespace {

// What the therapy adds over the minute at t with this plasma glucose and insulin (the care loop's call).
TherapyMinuteInputs inputs_at(ParticipantTherapy& therapy, double t_min, double glucose_mg_dl, double insulin_pmol_l) {
  SubjectObservation now;
  now.plasma_glucose_mg_dl = glucose_mg_dl;
  now.subcutaneous_glucose_mg_dl = glucose_mg_dl;
  now.plasma_insulin_pmol_l = insulin_pmol_l;
  TherapyMinuteInputs add;
  therapy.minute_inputs(t_min, now, add);
  return add;
}

double value_of(const std::vector<EndpointValue>& values, const std::string& name) {
  for (const auto& v : values) {
    if (v.name == name) return v.value;
  }
  ADD_FAILURE() << "no endpoint " << name;
  return std::nan("");
}

IsletGraftDesign full_dose_design() {
  IsletGraftDesign design;  // portal vein, immunosuppression (the defaults)
  GraftInfusion infusion;
  infusion.dose_cells = 0.8e9;  // Reichman 2025 full dose
  design.infusions = {infusion};
  return design;
}

ControllerConfig basal_bolus() {
  ControllerConfig config;
  config.kind = ControllerKind::kBasalBolus;
  return config;
}

TEST(GraftInsulinSecretion, NoFunctionalMassNoInsulin) {
  GraftInsulinSecretion secretion(dalla_man_2007_average_normal(), 78.0);
  for (int minute = 0; minute < 300; ++minute) {
    const double glucose = 100.0 + 0.5 * minute;  // rising glucose: static and dynamic signals both on
    EXPECT_EQ(secretion.advance_u_per_min(minute, glucose), 0.0);
  }
}

// At glucose held at G, eqs. 17-20 of Dalla Man 2007 rest at Y = beta (G - h), Spo = F (Y + Sb), S = gamma Ipo = Spo.
// Average normal subject (Table 1 via dalla_man_2007_subjects.cpp): beta = 0.11 pmol/kg/min per mg/dl,
// Sb = (m6 - HEb) / m5 = (0.6471 - 0.6) / 0.0304 pmol/kg/min (eq. 6 at basal), h = Gb (its basal glucose).
// At G = 150 mg/dl, F = 0.5, 70 kg: S x 70 / 6000 U/min.
TEST(GraftInsulinSecretion, SteadySecretionMatchesTheSubmodelAtRest) {
  const MealModelParameters normal = dalla_man_2007_average_normal();
  const double Sb = (0.6471 - 0.6) / 0.0304;
  ASSERT_NEAR(normal.Sb, Sb, 1e-12);
  const double expected_u_per_min = 0.5 * (0.11 * (150.0 - normal.Gb) + Sb) * 70.0 / 6000.0;
  GraftInsulinSecretion secretion(normal, 70.0);
  secretion.set_functional_mass_fraction(0.5);
  double out = 0;
  // Start away from rest (at 90 mg/dl) and hold 150 mg/dl for 10 h: e^{-alpha 600} = e^{-30}, e^{-gamma 600} ~ 0.
  (void)secretion.advance_u_per_min(0, 90.0);
  for (int minute = 1; minute <= 600; ++minute) out = secretion.advance_u_per_min(minute, 150.0);
  EXPECT_NEAR(out, expected_u_per_min, 1e-12);
  EXPECT_NEAR(secretion.steady_u_per_min(150.0), expected_u_per_min, 1e-15);
}

TEST(GraftInsulinSecretion, RisesWithGlucoseAndWithFunctionalMass) {
  GraftInsulinSecretion secretion(dalla_man_2007_average_normal(), 78.0);
  secretion.set_functional_mass_fraction(0.4);
  const double at_100 = secretion.steady_u_per_min(100.0);
  const double at_150 = secretion.steady_u_per_min(150.0);
  const double at_200 = secretion.steady_u_per_min(200.0);
  EXPECT_GT(at_150, at_100);
  EXPECT_GT(at_200, at_150);
  // Linear in G above the threshold: equal steps of glucose give equal steps of secretion (slope F beta BW / 6000).
  EXPECT_NEAR(at_200 - at_150, 0.4 * 0.11 * 50.0 * 78.0 / 6000.0, 1e-15);
  secretion.set_functional_mass_fraction(0.8);
  EXPECT_NEAR(secretion.steady_u_per_min(150.0), 2.0 * at_150, 1e-15);  // proportional to F (eq. 19 x F)
  // First phase (K dG/dt, eq. 19): while glucose rises, secretion exceeds the static response at the same glucose.
  GraftInsulinSecretion rising(dalla_man_2007_average_normal(), 78.0);
  rising.set_functional_mass_fraction(0.8);
  double out = rising.advance_u_per_min(0, 100.0);
  for (int minute = 1; minute <= 20; ++minute) out = rising.advance_u_per_min(minute, 100.0 + 2.5 * minute);
  EXPECT_GT(out, rising.steady_u_per_min(150.0));
}

// Below the threshold Y rests at -Sb (eq. 20): no secretion at all, whatever F.
TEST(GraftInsulinSecretion, NoSecretionFarBelowTheThreshold) {
  const MealModelParameters normal = dalla_man_2007_average_normal();
  GraftInsulinSecretion secretion(normal, 78.0);
  secretion.set_functional_mass_fraction(1.0);
  const double far_below = normal.Gb - normal.Sb / normal.beta - 5.0;
  EXPECT_EQ(secretion.steady_u_per_min(far_below), 0.0);
}

TEST(IsletGraftIntervention, AddsNoInsulinBeforeTheGraftHasFunctionalMass) {
  const IsletGraftIntervention graft(full_dose_design(), basal_bolus());
  auto therapy = graft.start(average_adult_t1d(), 7, 3);
  ASSERT_NE(therapy->controller(), nullptr);  // usual care goes on
  // Maturation lag 58.89 days (islet_graft_design.hpp): F = 0 on days 0-57, so no graft insulin.
  for (int day = 0; day < 58; ++day) {
    for (int minute = 0; minute < 1440; minute += 60) {
      EXPECT_EQ(inputs_at(*therapy, day * 1440.0 + minute, 120.0 + (minute % 300) * 0.2, 20.0).endogenous_insulin_u_per_min,
                0.0);
    }
    therapy->end_of_day({});
  }
}

// The therapy's course is the graft course of islet_graft.hpp from the participant's own streams.
TEST(IsletGraftIntervention, ReproducesTheGraftCourseOfItsOwnStreams) {
  const IsletGraftDesign design = full_dose_design();
  const IsletGraftIntervention graft(design, basal_bolus());
  for (const std::uint64_t index : {0U, 5U}) {
    auto first = graft.start(average_adult_t1d(), 11, index);
    auto second = graft.start(average_adult_t1d(), 11, index);
    RandomStream engraftment(11, index, StreamPurpose::kGraftEngraftment);
    RandomStream adverse(11, index, StreamPurpose::kTherapyAdverseEvents);
    IsletGraftState state = start_islet_graft(design, draw_engraftment_multiplier(design.parameters, engraftment));
    IsletGraftDay course;
    int infections = 0;
    for (int day = 0; day < 200; ++day) {
      first->end_of_day({});
      second->end_of_day({});
      course = step_graft_day(design, state, adverse);
      infections += course.infections;
    }
    std::vector<EndpointValue> a, b;
    first->add_visit_endpoints(200, a);
    second->add_visit_endpoints(200, b);
    EXPECT_EQ(value_of(a, "stimulated_c_peptide_pmol_l"), course.stimulated_c_peptide_pmol_l);
    EXPECT_GT(course.stimulated_c_peptide_pmol_l, 0.0);
    EXPECT_EQ(value_of(a, "serious_infections"), static_cast<double>(infections));
    EXPECT_EQ(value_of(a, "fasting_c_peptide_pmol_l"), 500.0 * course.functional_mass_fraction);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].value, b[i].value);
    EXPECT_EQ(first->controller() == nullptr, course.insulin_independent);
  }
  // Two participants engraft differently (their own kGraftEngraftment streams).
  auto p0 = graft.start(average_adult_t1d(), 11, 0);
  auto p5 = graft.start(average_adult_t1d(), 11, 5);
  for (int day = 0; day < 120; ++day) {
    p0->end_of_day({});
    p5->end_of_day({});
  }
  std::vector<EndpointValue> v0, v5;
  p0->add_visit_endpoints(120, v0);
  p5->add_visit_endpoints(120, v5);
  EXPECT_NE(value_of(v0, "stimulated_c_peptide_pmol_l"), value_of(v5, "stimulated_c_peptide_pmol_l"));
}

// A 3-day trial: a graft that matures at once (lag 0, time constant 0.1 day) and engrafts the same in everyone
// (sigma 0) has F = 0.8e9 / 1560 / 8.21e5 x 0.5 x 2.324 ~ 0.73 > 0.3062 after day 0, so the graft arm stops
// exogenous insulin from day 1 while usual care goes on.
TEST(IsletGraftIntervention, GraftArmNeedsLessInsulinThanUsualCareThroughTheRunner) {
  IsletGraftDesign design = full_dose_design();
  design.parameters.maturation_lag_day = 0;
  design.parameters.maturation_time_constant_day = 0.1;
  design.parameters.engraftment_log_sd = 0;
  TrialDefinition trial;
  trial.name = "graft";
  trial.source_file = "graft.toml";
  trial.seed = 3;
  trial.duration_days = 3;
  trial.participants = 4;
  trial.visit_days = {0, 3};
  trial.cohort.run_in_days = 1;
  trial.routine = default_daily_routine();
  trial.sensor = published_cgm_sensor("Dexcom");
  trial.pump = *published_insulin_pump("Insulet");
  trial.arms = {{"usual_care", 1, "uc", std::make_shared<StandardCareIntervention>(basal_bolus())},
                {"graft", 1, "graft", std::make_shared<IsletGraftIntervention>(design, basal_bolus())}};
  trial.endpoints = {{"insulin_u_per_day", {3}}, {"stimulated_c_peptide_pmol_l", {3}}};
  std::vector<ParticipantResult> results;
  TrialRunOptions options;
  options.threads = 1;
  (void)run_trial(trial, options, [&](const ParticipantResult& r) { results.push_back(r); });
  ASSERT_EQ(results.size(), 4U);
  double usual_care_u = 0;
  double graft_u = 0;
  for (const auto& r : results) {
    ASSERT_FALSE(r.withdrawn_on_day.has_value());
    const auto& day3 = r.visits.back().values;
    if (r.arm == 0) {
      usual_care_u += value_of(day3, "insulin_u_per_day");
      EXPECT_EQ(value_of(day3, "stimulated_c_peptide_pmol_l"), 0.0);
    } else {
      graft_u += value_of(day3, "insulin_u_per_day");
      EXPECT_GT(value_of(day3, "stimulated_c_peptide_pmol_l"), 2000.0 * 0.3062);
    }
  }
  EXPECT_GT(usual_care_u, 0.0);
  // Graft arm: insulin on day 0 only, so at most a third of usual care's 3-day mean (same routine, same subject).
  EXPECT_LT(graft_u, usual_care_u / 2.0);
}

// The route reaches the physiology through the runner: the same mature graft (F ~ 0.73, insulin withdrawn from day
// 1) secreting into the s.c. depot drives glucose below 70 mg/dl after meals; into the portal vein it does not
// (the standard-day figures of tests/trial/t1d_graft_standard_day_test.cpp, here through run_trial; measured: time
// below 70 mg/dl 5.7 % by the s.c. route, 0 by the portal route).
TEST(IsletGraftIntervention, PortalRouteAvoidsTheLowsOfTheSubcutaneousRouteThroughTheRunner) {
  IsletGraftDesign design = full_dose_design();
  design.parameters.maturation_lag_day = 0;
  design.parameters.maturation_time_constant_day = 0.1;
  design.parameters.engraftment_log_sd = 0;
  auto graft_arm_tbr_below_70 = [&](EndogenousInsulinRoute route) {
    TrialDefinition trial;
    trial.name = "route";
    trial.source_file = "route.toml";
    trial.seed = 3;
    trial.duration_days = 3;
    trial.participants = 2;
    trial.visit_days = {0, 3};
    trial.cohort.run_in_days = 1;
    trial.routine = default_daily_routine();
    trial.pump = *published_insulin_pump("Insulet");
    trial.arms = {{"usual_care", 1, "uc", std::make_shared<StandardCareIntervention>(basal_bolus())},
                  {"graft", 1, "graft", std::make_shared<IsletGraftIntervention>(design, basal_bolus(), route)}};
    trial.endpoints = {{"tbr_below_70_percent", {3}}};
    double tbr = std::nan("");
    TrialRunOptions options;
    options.threads = 1;
    (void)run_trial(trial, options, [&](const ParticipantResult& r) {
      if (r.arm == 1) tbr = value_of(r.visits.back().values, "tbr_below_70_percent");
    });
    return tbr;
  };
  const double subcutaneous = graft_arm_tbr_below_70(EndogenousInsulinRoute::kSubcutaneous);
  const double portal = graft_arm_tbr_below_70(EndogenousInsulinRoute::kPortal);
  EXPECT_GT(subcutaneous, 1.0);
  EXPECT_EQ(portal, 0.0);
}

// counter_regulation: the therapy's extra EGP is the glucagon submodel (therapy/graft_glucagon_counter_regulation.hpp)
// with the recipient's parameters (Gth = Dalla Man 2007 average normal Gb, Ith = the recipient's Ib) at the graft
// course's functional mass; without the switch it is zero.
TEST(IsletGraftIntervention, CounterRegulationIsTheGlucagonSubmodelAtTheGraftsMass) {
  IsletGraftDesign design = full_dose_design();
  design.parameters.maturation_lag_day = 0;
  design.parameters.maturation_time_constant_day = 0.1;
  design.parameters.engraftment_log_sd = 0;
  const UvaPadovaParameters subject = average_adult_t1d();
  const GlucagonCounterRegulationParameters p = graft_glucagon_parameters(subject);
  EXPECT_EQ(p.threshold_glucose_mg_dl, dalla_man_2007_average_normal().Gb);
  EXPECT_EQ(p.threshold_insulin_pmol_l, subject.Ib);
  const IsletGraftIntervention on(design, basal_bolus(), EndogenousInsulinRoute::kPortal, 0.2, true);
  const IsletGraftIntervention off(design, basal_bolus(), EndogenousInsulinRoute::kPortal, 0.2, false);
  EXPECT_TRUE(on.counter_regulation());
  EXPECT_FALSE(off.counter_regulation());
  EXPECT_FALSE(IsletGraftIntervention(design, basal_bolus()).counter_regulation());  // the default
  auto with = on.start(subject, 5, 2);
  auto without = off.start(subject, 5, 2);
  for (int day = 0; day < 3; ++day) {
    with->end_of_day({});
    without->end_of_day({});
  }
  std::vector<EndpointValue> values;
  with->add_visit_endpoints(3, values);
  const double F = value_of(values, "fasting_c_peptide_pmol_l") / 500.0;  // 500 pmol/l x F (the .cpp)
  EXPECT_GT(F, 0.5);
  GraftGlucagonCounterRegulation reference(p);
  reference.set_functional_mass_fraction(F);
  double peak = 0;
  for (int minute = 0; minute < 240; ++minute) {
    const double t = 3 * 1440.0 + minute;
    const double glucose = std::max(110.0 - 0.5 * minute, 50.0);  // falls below Gth, then held at 50 mg/dl
    const double insulin = 20.0;
    const double egp = inputs_at(*with, t, glucose, insulin).glucagon_egp_mg_per_kg_per_min;
    EXPECT_EQ(egp, reference.advance_mg_per_kg_per_min(t, glucose, insulin)) << minute;
    EXPECT_EQ(inputs_at(*without, t, glucose, insulin).glucagon_egp_mg_per_kg_per_min, 0.0);
    peak = std::max(peak, egp);
  }
  EXPECT_GT(peak, 0.5);
}

// Through the runner: the mature graft of the test above secreting by the s.c. route (which drives glucose low after
// meals) with counter_regulation on spends less time below 70 mg/dl than without it.
TEST(IsletGraftIntervention, CounterRegulationShortensLowsThroughTheRunner) {
  IsletGraftDesign design = full_dose_design();
  design.parameters.maturation_lag_day = 0;
  design.parameters.maturation_time_constant_day = 0.1;
  design.parameters.engraftment_log_sd = 0;
  auto graft_arm_tbr_below_70 = [&](bool counter_regulation) {
    TrialDefinition trial;
    trial.name = "glucagon";
    trial.source_file = "glucagon.toml";
    trial.seed = 3;
    trial.duration_days = 3;
    trial.participants = 2;
    trial.visit_days = {0, 3};
    trial.cohort.run_in_days = 1;
    trial.routine = default_daily_routine();
    trial.pump = *published_insulin_pump("Insulet");
    trial.arms = {{"usual_care", 1, "uc", std::make_shared<StandardCareIntervention>(basal_bolus())},
                  {"graft", 1, "graft",
                   std::make_shared<IsletGraftIntervention>(design, basal_bolus(), EndogenousInsulinRoute::kSubcutaneous,
                                                            0.2, counter_regulation)}};
    trial.endpoints = {{"tbr_below_70_percent", {3}}};
    double tbr = std::nan("");
    TrialRunOptions options;
    options.threads = 1;
    (void)run_trial(trial, options, [&](const ParticipantResult& r) {
      if (r.arm == 1) tbr = value_of(r.visits.back().values, "tbr_below_70_percent");
    });
    return tbr;
  };
  const double without = graft_arm_tbr_below_70(false);
  const double with = graft_arm_tbr_below_70(true);
  EXPECT_GT(without, 1.0);
  EXPECT_LT(with, without);
}

// Bad keys of [arm.intervention] type = "islet_graft": file, line and key in the error.
const char* kGraftTrial = R"([trial]
name = "t"
duration_days = 2
participants = 2
visits = [2]
[cohort]
population = "average_adult"
run_in_days = 1
[[arm]]
name = "a"
[arm.intervention]
type = "standard_care"
[arm.intervention.controller]
type = "basal_bolus"
[[arm]]
name = "b"
[arm.intervention]
type = "islet_graft"
dose_cells = 0.8e9
site = "portal_vein"
immune_protection = "immunosuppression"
infusion_days = [0]
[arm.intervention.controller]
type = "basal_bolus"
[[endpoint]]
name = "stimulated_c_peptide_pmol_l"
)";

struct BadGraftCase {
  const char* from;
  const char* to;
  int line;
  const char* key;
  const char* text;
};

TEST(IsletGraftToml, ValidTableReads) {
  const auto path = testing::scratch_path("isletsim_graft_valid.toml");
  std::ofstream(path) << kGraftTrial;
  const TrialDefinition trial = read_trial_toml(path);
  ASSERT_EQ(trial.arms.size(), 2U);
  const auto* graft = dynamic_cast<const IsletGraftIntervention*>(trial.arms[1].intervention.get());
  ASSERT_NE(graft, nullptr);
  ASSERT_EQ(graft->design().infusions.size(), 1U);
  EXPECT_EQ(graft->design().infusions[0].dose_cells, 0.8e9);
  EXPECT_EQ(graft->design().site, GraftSite::kPortalVein);
  EXPECT_EQ(graft->design().protection, ImmuneProtection::kSystemicImmunosuppression);
  // No insulin_route key: a portal-vein graft secretes into the portal vein (the liver compartment).
  EXPECT_EQ(graft->insulin_route(), EndogenousInsulinRoute::kPortal);
  // No hypo_dose_reduction_fraction key: the dose reduction is on with the default r.
  EXPECT_EQ(graft->hypo_dose_reduction_fraction(), kDefaultHypoDoseReductionFraction);
  // No counter_regulation key: off (trial/islet_graft_intervention.hpp says why).
  EXPECT_FALSE(graft->counter_regulation());
}

// counter_regulation = true | false sets the switch.
TEST(IsletGraftToml, CounterRegulationKeySetsTheSwitch) {
  const auto path = testing::scratch_path("isletsim_graft_counter_regulation.toml");
  for (const bool on : {true, false}) {
    std::string text = kGraftTrial;
    text.replace(text.find("infusion_days = [0]"), 19,
                 std::string("infusion_days = [0]\ncounter_regulation = ") + (on ? "true" : "false"));
    std::ofstream(path) << text;
    const TrialDefinition trial = read_trial_toml(path);
    const auto* graft = dynamic_cast<const IsletGraftIntervention*>(trial.arms[1].intervention.get());
    ASSERT_NE(graft, nullptr);
    EXPECT_EQ(graft->counter_regulation(), on);
  }
}

// hypo_dose_reduction_fraction sets r; 0 turns the reduction off.
TEST(IsletGraftToml, DoseReductionKeySetsR) {
  const auto path = testing::scratch_path("isletsim_graft_dose_reduction.toml");
  for (const double r : {0.0, 0.1}) {
    std::string text = kGraftTrial;
    text.replace(text.find("infusion_days = [0]"), 19,
                 "infusion_days = [0]\nhypo_dose_reduction_fraction = " + std::to_string(r));
    std::ofstream(path) << text;
    const TrialDefinition trial = read_trial_toml(path);
    const auto* graft = dynamic_cast<const IsletGraftIntervention*>(trial.arms[1].intervention.get());
    ASSERT_NE(graft, nullptr);
    EXPECT_EQ(graft->hypo_dose_reduction_fraction(), r);
  }
  // Built in code, the intervention checks r itself.
  for (const double bad : {-0.1, 1.0, std::nan("")}) {
    EXPECT_THROW(IsletGraftIntervention(full_dose_design(), basal_bolus(), EndogenousInsulinRoute::kPortal, bad),
                 InputError);
  }
}

// insulin_route overrides the site's default; other sites default to the s.c. route.
TEST(IsletGraftToml, InsulinRouteKeyAndSiteDefaults) {
  const auto path = testing::scratch_path("isletsim_graft_route.toml");
  std::string text = kGraftTrial;
  text.replace(text.find("infusion_days = [0]"), 19, "infusion_days = [0]\ninsulin_route = \"subcutaneous\"");
  std::ofstream(path) << text;
  const TrialDefinition trial = read_trial_toml(path);
  const auto* graft = dynamic_cast<const IsletGraftIntervention*>(trial.arms[1].intervention.get());
  ASSERT_NE(graft, nullptr);
  EXPECT_EQ(graft->insulin_route(), EndogenousInsulinRoute::kSubcutaneous);
  EXPECT_EQ(default_graft_insulin_route(GraftSite::kPortalVein), EndogenousInsulinRoute::kPortal);
  EXPECT_EQ(default_graft_insulin_route(GraftSite::kSubcutaneousDevice), EndogenousInsulinRoute::kSubcutaneous);
  EXPECT_EQ(default_graft_insulin_route(GraftSite::kIntramuscular), EndogenousInsulinRoute::kSubcutaneous);
  const IsletGraftIntervention portal(full_dose_design(), basal_bolus());
  EXPECT_EQ(portal.start(average_adult_t1d(), 1, 0)->endogenous_insulin_route(), EndogenousInsulinRoute::kPortal);
}

// [arm.intervention.parameters] sets the graft course's parameters (e.g. a calibration's fitted values).
TEST(IsletGraftToml, ParametersTableSetsTheGraftCourse) {
  const auto path = testing::scratch_path("isletsim_graft_parameters.toml");
  std::string text = kGraftTrial;
  text.replace(text.find("infusion_days = [0]"), 19,
               "infusion_days = [0]\n[arm.intervention.parameters]\npotency = 1.72\nmaturation_lag_day = 89\n"
               "maturation_time_constant_day = 1.93\nengraftment_log_sd = 0.478");
  std::ofstream(path) << text;
  const TrialDefinition trial = read_trial_toml(path);
  const auto* graft = dynamic_cast<const IsletGraftIntervention*>(trial.arms[1].intervention.get());
  ASSERT_NE(graft, nullptr);
  const IsletGraftParameters& p = graft->design().parameters;
  EXPECT_EQ(p.potency, 1.72);
  EXPECT_EQ(p.maturation_lag_day, 89.0);
  EXPECT_EQ(p.maturation_time_constant_day, 1.93);
  EXPECT_EQ(p.engraftment_log_sd, 0.478);
  EXPECT_EQ(p.attrition_rate_per_year, default_islet_graft_parameters().attrition_rate_per_year);  // not given
}

// The shipped trial reads: Reichman 2025 full dose (0.8e9 cells, portal vein, immunosuppression) against usual care.
TEST(IsletGraftToml, ShippedReichmanTrialReads) {
  const TrialDefinition trial = read_trial_toml(testing::source_path("trials/islet_graft_reichman_2025.toml"));
  ASSERT_EQ(trial.arms.size(), 2U);
  EXPECT_EQ(trial.arms[0].name, "usual_care");
  EXPECT_EQ(trial.participants, 24);
  EXPECT_EQ(trial.duration_days, 365);
  const auto* graft = dynamic_cast<const IsletGraftIntervention*>(trial.arms[1].intervention.get());
  ASSERT_NE(graft, nullptr);
  ASSERT_EQ(graft->design().infusions.size(), 1U);
  EXPECT_EQ(graft->design().infusions[0].dose_cells, 0.8e9);
  EXPECT_EQ(graft->design().infusions[0].day, 0.0);
  EXPECT_EQ(graft->design().site, GraftSite::kPortalVein);
  EXPECT_EQ(graft->design().protection, ImmuneProtection::kSystemicImmunosuppression);
}

// The calibrated trial files read, with the calibration's parameters and the portal route (docs/calibration.md).
TEST(IsletGraftToml, ShippedCalibratedTrialsRead) {
  for (const char* name :
       {"trials/islet_graft_reichman_2025_calibrated.toml", "trials/islet_graft_reichman_2025_predictive.toml",
        "trials/islet_graft_reichman_2025_cohort_120.toml", "trials/islet_graft_reichman_2025_fourteen.toml"}) {
    const TrialDefinition trial = read_trial_toml(testing::source_path(name));
    ASSERT_GE(trial.arms.size(), 2U) << name;
    const auto* graft = dynamic_cast<const IsletGraftIntervention*>(trial.arms[1].intervention.get());
    ASSERT_NE(graft, nullptr) << name;
    EXPECT_EQ(graft->insulin_route(), EndogenousInsulinRoute::kPortal) << name;
    EXPECT_EQ(graft->design().parameters.insulin_independence_mass_fraction, 0.4554) << name;
  }
  const TrialDefinition cohort =
      read_trial_toml(testing::source_path("trials/islet_graft_reichman_2025_cohort_120.toml"));
  EXPECT_EQ(cohort.participants, 132);
  EXPECT_EQ(cohort.arms[1].allocation_ratio, 10);
}

TEST(IsletGraftToml, BadKeysNameFileLineAndKey) {
  const std::vector<BadGraftCase> cases = {
      {"dose_cells = 0.8e9", "dose_ieq = 5e5", 19, "arm[1].intervention.dose_ieq", "unknown key"},
      {"dose_cells = 0.8e9", "dose_cells = -0.8e9", 19, "arm[1].intervention.dose_cells", "positive"},
      {"dose_cells = 0.8e9", "dose_cells = nan", 19, "arm[1].intervention.dose_cells", "finite"},
      {"site = \"portal_vein\"", "site = \"liver\"", 20, "arm[1].intervention.site", "unknown graft site"},
      {"immune_protection = \"immunosuppression\"", "immune_protection = \"steroids\"", 21,
       "arm[1].intervention.immune_protection", "unknown immune protection"},
      {"infusion_days = [0]", "infusion_days = [0, 5]", 22, "arm[1].intervention.infusion_days", "not within"},
      {"infusion_days = [0]", "infusion_days = [1, 0]", 22, "arm[1].intervention.infusion_days", "increasing"},
      {"infusion_days = [0]", "infusion_days = [0]\ninsulin_route = \"intravenous\"", 23,
       "arm[1].intervention.insulin_route", "unknown insulin route"},
      {"infusion_days = [0]", "infusion_days = [0]\ninsulin_route = 1", 23, "arm[1].intervention.insulin_route",
       "string"},
      {"infusion_days = [0]", "infusion_days = [0]\n[arm.intervention.parameters]\npotency = -1", 24,
       "arm[1].intervention.parameters.potency", "must be > 0"},
      {"infusion_days = [0]", "infusion_days = [0]\n[arm.intervention.parameters]\nlag_days = 50", 24,
       "arm[1].intervention.parameters.lag_days", "unknown key"},
      {"infusion_days = [0]", "infusion_days = [0]\nhypo_dose_reduction_fraction = -0.1", 23,
       "arm[1].intervention.hypo_dose_reduction_fraction", "[0, 1)"},
      {"infusion_days = [0]", "infusion_days = [0]\nhypo_dose_reduction_fraction = 1", 23,
       "arm[1].intervention.hypo_dose_reduction_fraction", "[0, 1)"},
      {"infusion_days = [0]", "infusion_days = [0]\nhypo_dose_reduction_fraction = nan", 23,
       "arm[1].intervention.hypo_dose_reduction_fraction", "finite"},
      {"infusion_days = [0]", "infusion_days = [0]\ncounter_regulation = \"yes\"", 23,
       "arm[1].intervention.counter_regulation", "true or false"},
      {"infusion_days = [0]", "infusion_days = [0]\ncounter_regulation = 1", 23,
       "arm[1].intervention.counter_regulation", "true or false"},
      {"infusion_days = [0]", "infusion_days = [0]\ncounter_regulations = true", 23,
       "arm[1].intervention.counter_regulations", "unknown key"},
  };
  const auto path = testing::scratch_path("isletsim_graft_bad.toml");
  for (const auto& c : cases) {
    std::string text = kGraftTrial;
    const auto at = text.find(c.from);
    ASSERT_NE(at, std::string::npos) << c.from;
    text.replace(at, std::string(c.from).size(), c.to);
    std::ofstream(path) << text;
    try {
      (void)read_trial_toml(path);
      ADD_FAILURE() << "no error for " << c.to;
    } catch (const InputError& error) {
      EXPECT_EQ(error.location().file, path.string()) << c.to;
      EXPECT_EQ(error.location().line, c.line) << c.to;
      EXPECT_EQ(error.location().key, c.key) << c.to;
      EXPECT_NE(error.problem().find(c.text), std::string::npos) << c.to << ": " << error.problem();
    }
  }
}

}  // namespace
}  // namespace isletsim
