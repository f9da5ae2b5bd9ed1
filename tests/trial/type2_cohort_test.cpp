#include "trial/type2_cohort.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "core/input_error.hpp"

namespace isletsim {
namespace {

TEST(Type2Cohort, ZeroSpreadIsThePublishedSubject) {
  Type2CohortSpread none{0, 0, 0, 0};
  const TissueInsulinResistance k = sample_type2_knobs(7, 3, none);
  EXPECT_EQ(k.muscle_fat_insulin_sensitivity, 1.0);
  EXPECT_EQ(k.liver_insulin_sensitivity, 1.0);
  EXPECT_EQ(k.beta_cell_function, 1.0);
  EXPECT_EQ(k.beta_cell_mass, 1.0);
}

TEST(Type2Cohort, PersonDependsOnlyOnSeedAndIndex) {
  const Type2CohortSpread s;
  const TissueInsulinResistance a = sample_type2_knobs(11, 42, s);
  (void)sample_type2_knobs(11, 41, s);
  const TissueInsulinResistance b = sample_type2_knobs(11, 42, s);
  EXPECT_EQ(a.muscle_fat_insulin_sensitivity, b.muscle_fat_insulin_sensitivity);
  EXPECT_EQ(a.beta_cell_mass, b.beta_cell_mass);
  EXPECT_NE(a.liver_insulin_sensitivity, sample_type2_knobs(12, 42, s).liver_insulin_sensitivity);
}

TEST(Type2Cohort, LogKnobsHaveTheSigmaOfTheRequestedCv) {
  // sigma = sqrt(ln(1 + 0.3^2)) = 0.29356; the log of a median-one lognormal has mean 0 and SD sigma. With n = 4000
  // the SE of the mean is 0.00464 and of the SD about sigma/sqrt(2n) = 0.00328: check within 4 SE. (The clamp at
  // [0.1, 5] lies 7.8 and 5.5 sigma out and changes nothing measurable.)
  const Type2CohortSpread s;
  const double sigma = lognormal_sigma_for_cv(0.3);
  EXPECT_NEAR(sigma, 0.293560, 1e-6);
  const int n = 4000;
  double sum = 0;
  double sum2 = 0;
  for (int i = 0; i < n; ++i) {
    const double l = std::log(sample_type2_knobs(2025, static_cast<std::uint64_t>(i), s).liver_insulin_sensitivity);
    sum += l;
    sum2 += l * l;
  }
  const double mean = sum / n;
  const double sd = std::sqrt((sum2 - n * mean * mean) / (n - 1));
  EXPECT_NEAR(mean, 0.0, 4 * sigma / std::sqrt(n));
  EXPECT_NEAR(sd, sigma, 4 * sigma / std::sqrt(2.0 * n));
}

TEST(Type2Cohort, NegativeOrNanCvIsAnInputErrorNamingTheField) {
  Type2CohortSpread s;
  s.beta_cell_mass_cv = -0.1;
  try {
    sample_type2_knobs(1, 0, s);
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.location().key, "beta_cell_mass_cv");
  }
  s = Type2CohortSpread{};
  s.liver_insulin_sensitivity_cv = NAN;
  EXPECT_THROW(sample_type2_knobs(1, 0, s), InputError);
}

}  // namespace
}  // namespace isletsim
