// Carbohydrate-counting error (trial/carb_counting_error.hpp): the distribution of the relative error against its
// closed form, the announced carbohydrate per meal, bit-identical trials with the knob off, and eligibility on
// plasma level 2 episodes in the run-in.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <sstream>

#include "io/trial_toml.hpp"
#include "trial/carb_counting_error.hpp"
#include "trial/trial_runner.hpp"
#include "test_support.hpp"

namespace isletsim {
namespace {

struct Moments {
  double mean = 0;
  double sd = 0;
  double min = 0;
};

Moments sample_moments(const CarbCountingError& error, int n) {
  RandomStream stream(7, 3, StreamPurpose::kCarbCountingError);
  double sum = 0, sum_sq = 0, min = 1e300;
  for (int i = 0; i < n; ++i) {
    const double e = draw_carb_count_relative_error(error, stream);
    sum += e;
    sum_sq += e * e;
    min = std::min(min, e);
  }
  const double mean = sum / n;
  return {mean, std::sqrt((sum_sq - n * mean * mean) / (n - 1)), min};
}

double normal_pdf(double x) { return std::exp(-0.5 * x * x) / std::sqrt(2 * std::numbers::pi); }
double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }

TEST(CarbCountingError, SampleMeanAndSdMatchTheConfiguredValuesWhereTruncationIsNegligible) {
  // bias 0.1, sd 0.2: P(e < -1) = Phi(-5.5) = 2e-8, so the draws are N(0.1, 0.04). Tolerances: 4 standard errors,
  // sd / sqrt(n) for the mean and sd / sqrt(2 (n - 1)) for the SD (normal sample).
  const int n = 200000;
  const Moments m = sample_moments({0.1, 0.2}, n);
  EXPECT_NEAR(m.mean, 0.1, 4 * 0.2 / std::sqrt(n));
  EXPECT_NEAR(m.sd, 0.2, 4 * 0.2 / std::sqrt(2.0 * (n - 1)));
}

TEST(CarbCountingError, PublishedValuesGiveTheTruncatedNormalMoments) {
  // bias -0.28, sd 0.371 (the values of trials/islet_graft_reichman_2025_hypoglycaemia.toml), truncated at e >= -1:
  // alpha = (-1 - mu) / sigma, lambda = phi(alpha) / (1 - Phi(alpha)); mean = mu + sigma lambda,
  // variance = sigma^2 (1 + alpha lambda - lambda^2) (Johnson, Kotz & Balakrishnan 1994, ch. 10.1).
  const double mu = -0.28, sigma = 0.371;
  const double alpha = (-1 - mu) / sigma;
  const double lambda = normal_pdf(alpha) / (1 - normal_cdf(alpha));
  const double mean = mu + sigma * lambda;
  const double sd = sigma * std::sqrt(1 + alpha * lambda - lambda * lambda);
  EXPECT_NEAR(mean, -0.2569, 1e-4);  // hand value: truncation moves the mean up by 0.023 (2.6 % of draws cut)
  const int n = 200000;
  const Moments m = sample_moments({mu, sigma}, n);
  EXPECT_GE(m.min, -1.0);
  EXPECT_NEAR(m.mean, mean, 4 * sd / std::sqrt(n));
  // SE of a sample SD: sd sqrt((kurtosis - 1) / (4 n)) (delta method), the kurtosis mu4 / sd^4 of the truncated
  // normal by quadrature (trapezoid, step sigma / 10^4 from -1 to mu + 12 sigma).
  double mu4 = 0, mass = 0;
  const double step = sigma * 1e-4;
  for (double x = -1.0; x < mu + 12 * sigma; x += step) {
    const double w = normal_pdf((x - mu) / sigma) * ((x == -1.0) ? 0.5 : 1.0);
    mass += w;
    mu4 += w * std::pow(x - mean, 4);
  }
  const double kurtosis = mu4 / mass / std::pow(sd, 4);
  EXPECT_NEAR(kurtosis, 3.0, 0.5);  // close to the normal's 3: a mild truncation
  EXPECT_NEAR(m.sd, sd, 4 * sd * std::sqrt((kurtosis - 1) / (4.0 * n)));
}

TEST(CarbCountingError, AnnouncedCarbsAreEatenTimesOnePlusTheDrawnErrorAndZeroWhenNotAnnounced) {
  const CarbCountingError error{-0.28, 0.371};
  const std::vector<Meal> meals = {{420, 50, 5, true}, {720, 70, 5, false}, {1080, 80, 5, true}};
  RandomStream a(1, 2, StreamPurpose::kCarbCountingError);
  RandomStream b(1, 2, StreamPurpose::kCarbCountingError);
  const auto announced = announced_carbs_g(error, meals, a);
  ASSERT_EQ(announced.size(), 3U);
  const double e0 = draw_carb_count_relative_error(error, b);
  (void)draw_carb_count_relative_error(error, b);  // the unannounced meal still uses its draw
  const double e2 = draw_carb_count_relative_error(error, b);
  EXPECT_DOUBLE_EQ(announced[0], 50 * (1 + e0));
  EXPECT_EQ(announced[1], 0.0);
  EXPECT_DOUBLE_EQ(announced[2], 80 * (1 + e2));
  EXPECT_NE(announced[0], 50.0);
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A 3-day, 4-participant trial; `cohort_extra` goes into [cohort] after `population`.
std::string small_trial(const std::string& cohort_extra,
                        const std::string& population = "population = \"average_adult\"\nrun_in_days = 2\n") {
  return "[trial]\nname = \"carb count\"\nseed = 3\nduration_days = 3\nparticipants = 4\nvisits = [0, 3]\n"
         "[cohort]\n" +
         population + cohort_extra +
         "[sensor]\nmodel = \"Dexcom\"\n[pump]\nmodel = \"Insulet\"\n"
         "[[arm]]\nname = \"a\"\n[arm.intervention]\ntype = \"standard_care\"\n"
         "[arm.intervention.controller]\ntype = \"basal_bolus\"\n"
         "[[arm]]\nname = \"b\"\n[arm.intervention]\ntype = \"standard_care\"\n"
         "[arm.intervention.controller]\ntype = \"basal_bolus\"\n"
         "[[endpoint]]\nname = \"insulin_u_per_day\"\n[[endpoint]]\nname = \"mean_glucose_mg_dl\"\n"
         "[[endpoint]]\nname = \"min_plasma_glucose_mg_dl\"\n";
}

std::string run_cli(const std::string& toml, const std::string& name) {
  const auto dir = testing::scratch_path(name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  { std::ofstream(dir / "trial.toml") << toml; }
  const auto result = testing::run_command(testing::cli_path().string() + " trial " + (dir / "trial.toml").string() +
                                           " --out " + (dir / "out").string() + " --threads 2 --quiet");
  EXPECT_EQ(result.exit_code, 0) << result.output;
  const std::string csv = read_text(dir / "out" / "subject_endpoints.csv");
  std::filesystem::remove_all(dir);
  return csv;
}

TEST(CarbCountingError, KnobAtZeroLeavesTheTrialBitIdenticalAndAnErrorChangesIt) {
  const std::string without = run_cli(small_trial(""), "isletsim_carb_none");
  const std::string zero = run_cli(
      small_trial("carb_count_error_bias_fraction = 0\ncarb_count_error_sd_fraction = 0\n"), "isletsim_carb_zero");
  const std::string with = run_cli(
      small_trial("carb_count_error_bias_fraction = -0.28\ncarb_count_error_sd_fraction = 0.371\n"),
      "isletsim_carb_on");
  ASSERT_FALSE(without.empty());
  EXPECT_EQ(without, zero);
  // Underestimated meals mean smaller boluses: the announcement reaches the controller.
  EXPECT_NE(without, with);
}

// The shipped average adult has no plasma level 2 episode in its run-in, with or without the published error (0
// of 2400 in trials/islet_graft_reichman_2025_hypoglycaemia.toml's first form), so the filter is tested on sampled
// adults, about 1 in 10 of whom has one in 14 days.
TEST(CarbCountingError, PlasmaLevel2EligibilityAdmitsOnlyCandidatesWithSuchEpisodesInTheRunIn) {
  ISLETSIM_REQUIRE_REFERENCE();
  const auto simglucose = testing::reference_dir() / "simglucose";
  const auto dir = testing::scratch_path("isletsim_carb_eligibility");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::string toml = small_trial(
      "max_screened = 400\ncarb_count_error_bias_fraction = -0.28\ncarb_count_error_sd_fraction = 0.371\n"
      "[cohort.eligibility]\nmin_plasma_level2_events_run_in = 1\n",
      "population = \"adult\"\nparams_csv = \"" + (simglucose / "vpatient_params.csv").string() +
          "\"\nquest_csv = \"" + (simglucose / "Quest.csv").string() + "\"\nrun_in_days = 14\n");
  toml += "[[endpoint]]\nname = \"plasma_level2_hypo_events\"\nvisits = [0]\n";
  { std::ofstream(dir / "trial.toml") << toml; }
  const TrialDefinition trial = read_trial_toml(dir / "trial.toml");
  EXPECT_EQ(trial.cohort.eligibility.min_plasma_level2_events_run_in, 1);
  EXPECT_DOUBLE_EQ(trial.cohort.carb_counting_error.bias_fraction, -0.28);
  std::vector<ParticipantResult> results;
  const ScreeningLog log = run_trial(trial, {}, [&](const ParticipantResult& r) { results.push_back(r); });
  ASSERT_EQ(results.size(), 4U);
  for (const auto& r : results) {
    ASSERT_EQ(r.visits.front().visit_day, 0);
    double episodes = -1;
    for (const auto& v : r.visits.front().values) {
      if (v.name == "plasma_level2_hypo_events") episodes = v.value;
    }
    EXPECT_GE(episodes, 1.0) << r.subject_id;
  }
  // Every screened candidate not enrolled failed this criterion (the only one set), and some did.
  EXPECT_EQ(log.eligible, 4);
  ASSERT_EQ(log.exclusions.size(), 1U);
  EXPECT_GT(log.exclusions.at("too_few_plasma_level2_events_in_run_in"), 0);
  EXPECT_EQ(log.exclusions.at("too_few_plasma_level2_events_in_run_in"), log.screened - log.eligible);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace isletsim
