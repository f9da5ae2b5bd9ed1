#include "core/random_stream.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace isletsim {
namespace {

// Normals must carry double precision: a float-valued Box-Muller (Random123's 32-bit overload) would make every draw
// exactly representable as a float.
TEST(RandomStream, NormalsHaveDoublePrecision) {
  RandomStream random(7, 3, StreamPurpose::kSensorNoise);
  int not_float_representable = 0;
  for (int i = 0; i < 1000; ++i) {
    const double z = random.standard_normal();
    if (static_cast<double>(static_cast<float>(z)) != z) ++not_float_representable;
  }
  EXPECT_GE(not_float_representable, 999);
}

// Moments of 400,000 standard normals: mean 0 (SE 1/sqrt(n) = 0.0016) and variance 1 (SE sqrt(2/n) = 0.0022); the
// bounds are 4 standard errors.
TEST(RandomStream, NormalMomentsMatchTheStandardNormal) {
  RandomStream random(11, 0, StreamPurpose::kCohortSampling);
  const int n = 400000;
  double sum = 0, sum_squares = 0;
  for (int i = 0; i < n; ++i) {
    const double z = random.standard_normal();
    sum += z;
    sum_squares += z * z;
  }
  const double mean = sum / n;
  const double variance = sum_squares / n - mean * mean;
  EXPECT_NEAR(mean, 0.0, 4.0 / std::sqrt(double(n)));
  EXPECT_NEAR(variance, 1.0, 4.0 * std::sqrt(2.0 / n));
}

// The same (seed, subject, purpose) gives the same numbers; another subject or purpose gives other numbers.
TEST(RandomStream, StreamsAreKeyedBySeedSubjectAndPurpose) {
  RandomStream a(5, 9, StreamPurpose::kBehaviour), b(5, 9, StreamPurpose::kBehaviour);
  RandomStream other_subject(5, 10, StreamPurpose::kBehaviour), other_purpose(5, 9, StreamPurpose::kSensorNoise);
  for (int i = 0; i < 10; ++i) {
    const double x = a.uniform();
    EXPECT_EQ(x, b.uniform());
    EXPECT_NE(x, other_subject.uniform());
    EXPECT_NE(x, other_purpose.uniform());
  }
}

}  // namespace
}  // namespace isletsim
