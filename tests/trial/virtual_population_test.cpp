// Virtual populations: the fitted mean and covariance equal their closed forms, samples reproduce them, every
// sampled subject is physiologically valid and rests at its steady state, and subject i's parameters depend only
// on (seed, i).
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "engine/subject_integrator.hpp"
#include "physiology/published_subjects.hpp"
#include "physiology/uva_padova_steady_state.hpp"
#include "test_support.hpp"
#include "io/patient_parameters_csv.hpp"
#include "trial/virtual_population.hpp"

namespace isletsim {
namespace {

// Two valid subjects that differ in body weight, Vmx and basal glucose (a hand-checkable population).
std::vector<UvaPadovaParameters> two_subjects() {
  UvaPadovaParameters a = average_adult_t1d();
  UvaPadovaParameters b = average_adult_t1d();
  a.body_weight_kg = 60;
  b.body_weight_kg = 90;
  a.Vmx = 0.040;
  b.Vmx = 0.060;
  set_basal_steady_state(a, 110, a.Ib);
  set_basal_steady_state(b, 140, b.Ib);
  return {a, b};
}

std::size_t index_of(const std::string& name) {
  const auto names = VirtualPopulation::transformed_parameter_names();
  return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

TEST(VirtualPopulation, MeanAndCovarianceOfTwoSubjectsMatchTheClosedForm) {
  const auto subjects = two_subjects();
  const VirtualPopulation population("test", subjects);
  const std::size_t bw = index_of("BW");
  const std::size_t vmx = index_of("Vmx");
  const std::size_t gb = index_of("Gb");
  const std::size_t dim = VirtualPopulation::transformed_parameter_names().size();
  // n = 2: mean = (x1 + x2)/2, covariance = (x1 - x2)(x1 - x2)^T / 2.
  EXPECT_NEAR(population.transformed_mean()[bw], 0.5 * (std::log(60.0) + std::log(90.0)), 1e-12);
  EXPECT_NEAR(population.transformed_mean()[gb], 0.5 * (std::log(110.0) + std::log(140.0)), 1e-9);
  const auto cov = population.transformed_covariance();
  const double d_bw = std::log(60.0) - std::log(90.0);
  const double d_vmx = std::log(0.040) - std::log(0.060);
  EXPECT_NEAR(cov[bw * dim + bw], d_bw * d_bw / 2, 1e-12);
  EXPECT_NEAR(cov[bw * dim + vmx], d_bw * d_vmx / 2, 1e-12);
  // A parameter equal in both subjects has zero variance.
  EXPECT_EQ(cov[index_of("kabs") * dim + index_of("kabs")], 0.0);
}

TEST(VirtualPopulation, SampleMomentsReproduceTheFittedDistribution) {
  const auto subjects = two_subjects();
  const VirtualPopulation population("test", subjects);
  const std::size_t bw = index_of("BW");
  const std::size_t vmx = index_of("Vmx");
  const std::size_t dim = VirtualPopulation::transformed_parameter_names().size();
  const double mu = population.transformed_mean()[bw];
  const double var = population.transformed_covariance()[bw * dim + bw];
  constexpr int kDraws = 4000;
  double sum = 0;
  double sum_sq = 0;
  double sum_sq_vmx = 0;
  double sum_cross = 0;
  const double mu_vmx = population.transformed_mean()[vmx];
  for (int i = 0; i < kDraws; ++i) {
    const auto draw = population.sample(11, static_cast<std::uint64_t>(i));
    const double x = std::log(draw.subject.body_weight_kg) - mu;
    const double y = std::log(draw.subject.Vmx) - mu_vmx;
    sum += x;
    sum_sq += x * x;
    sum_sq_vmx += y * y;
    sum_cross += x * y;
  }
  // Mean within 4 standard errors; variance within 4 SE of a normal variance estimate (SE = var sqrt(2/N)).
  EXPECT_LT(std::abs(sum / kDraws), 4 * std::sqrt(var / kDraws));
  EXPECT_NEAR(sum_sq / kDraws, var, 4 * var * std::sqrt(2.0 / kDraws));
  // Body weight and Vmx rise together in the two reference subjects; with n = 2 the covariance has rank 1, so
  // every draw lies on that line: correlation exactly +1 (up to rounding).
  EXPECT_NEAR(sum_cross / std::sqrt(sum_sq * sum_sq_vmx), 1.0, 1e-9);
}

TEST(VirtualPopulation, SubjectDependsOnlyOnSeedAndIndex) {
  const auto subjects = two_subjects();
  const VirtualPopulation population("test", subjects);
  const auto forward_5 = population.sample(3, 5).subject;
  for (std::uint64_t i = 0; i < 5; ++i) (void)population.sample(3, i);
  const auto again_5 = population.sample(3, 5).subject;
  EXPECT_EQ(forward_5.body_weight_kg, again_5.body_weight_kg);
  EXPECT_EQ(forward_5.initial_state, again_5.initial_state);
  EXPECT_NE(population.sample(4, 5).subject.body_weight_kg, forward_5.body_weight_kg);
}

TEST(VirtualPopulation, InvalidSubjectsAreNamed) {
  UvaPadovaParameters subject = average_adult_t1d();
  EXPECT_EQ(physiological_invalidity(subject), "");
  UvaPadovaParameters swapped = subject;
  std::swap(swapped.b, swapped.d);
  EXPECT_NE(physiological_invalidity(swapped).find("must be below b"), std::string::npos);
  UvaPadovaParameters hyperglycaemic = subject;
  set_basal_steady_state(hyperglycaemic, 300, subject.Ib);
  EXPECT_NE(physiological_invalidity(hyperglycaemic).find("basal glucose"), std::string::npos);
  UvaPadovaParameters no_weight = subject;
  no_weight.body_weight_kg = 0;
  EXPECT_NE(physiological_invalidity(no_weight).find("BW"), std::string::npos);
}

TEST(VirtualPopulation, InvalidDrawsAreRedrawnAndCounted) {
  // Basal glucose 200 and 245 mg/dl: about half of the draws fall above the 250 mg/dl limit and are redrawn.
  auto subjects = two_subjects();
  set_basal_steady_state(subjects[0], 200, subjects[0].Ib);
  set_basal_steady_state(subjects[1], 245, subjects[1].Ib);
  const VirtualPopulation population("edge", subjects);
  long redraws = 0;
  for (std::uint64_t i = 0; i < 200; ++i) {
    const auto draw = population.sample(1, i);
    EXPECT_EQ(physiological_invalidity(draw.subject), "");
    redraws += draw.redraws;
  }
  EXPECT_GT(redraws, 20);
  bool limit_reached = false;
  for (std::uint64_t i = 0; i < 50 && !limit_reached; ++i) {
    try {
      (void)population.sample(1, i, 0);
    } catch (const std::runtime_error&) {
      limit_reached = true;
    }
  }
  EXPECT_TRUE(limit_reached);
}

TEST(VirtualPopulation, SampledSimglucoseAdultsAreValidAndRestAtSteadyState) {
  ISLETSIM_REQUIRE_REFERENCE();
  const auto dir = testing::reference_dir() / "simglucose";
  for (const std::string group : {"adult", "adolescent", "child"}) {
    const auto reference = read_reference_group(dir / "vpatient_params.csv", dir / "Quest.csv", group);
    ASSERT_EQ(reference.size(), 10U) << group;
    const VirtualPopulation population(group, reference);
    for (std::uint64_t i = 0; i < 100; ++i) {
      const auto draw = population.sample(2026, i);
      ASSERT_EQ(physiological_invalidity(draw.subject), "") << group << " " << i;
    }
    // Steady state: on its basal infusion without meals the subject stays at its basal glucose.
    const auto subject = population.sample(2026, 0).subject;
    SubjectIntegrator integrator(subject);
    const double start = integrator.plasma_glucose_mg_dl();
    for (int minute = 0; minute < 240; ++minute) integrator.advance(0.0, subject.basal_insulin_u_per_min(), 1.0);
    EXPECT_NEAR(integrator.plasma_glucose_mg_dl(), start, 1e-4) << group;
  }
}

}  // namespace
}  // namespace isletsim
