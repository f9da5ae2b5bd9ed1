// matrix_exponential against closed forms.
#include "core/matrix_exponential.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace isletsim {
namespace {

TEST(MatrixExponential, DiagonalGivesExponentialsOfTheDiagonal) {
  const auto e = matrix_exponential<3>({{{-0.54, 0, 0}, {0, 2.0, 0}, {0, 0, 0}}});
  EXPECT_NEAR(e[0][0], std::exp(-0.54), 1e-15);
  EXPECT_NEAR(e[1][1], std::exp(2.0), 1e-14);
  EXPECT_DOUBLE_EQ(e[2][2], 1.0);
  EXPECT_EQ(e[0][1], 0.0);
  EXPECT_EQ(e[2][0], 0.0);
}

// exp([[0, w], [-w, 0]]) is the rotation by w radians: [[cos w, sin w], [-sin w, cos w]].
TEST(MatrixExponential, SkewSymmetricGivesRotation) {
  const double w = 7.3;  // large enough to need scaling and squaring
  const auto e = matrix_exponential<2>({{{0, w}, {-w, 0}}});
  EXPECT_NEAR(e[0][0], std::cos(w), 1e-13);
  EXPECT_NEAR(e[0][1], std::sin(w), 1e-13);
  EXPECT_NEAR(e[1][0], -std::sin(w), 1e-13);
  EXPECT_NEAR(e[1][1], std::cos(w), 1e-13);
}

// A 2x2 Jordan block: exp([[a, 1], [0, a]]) = e^a [[1, 1], [0, 1]].
TEST(MatrixExponential, JordanBlockGivesTheSecularTerm) {
  const double a = -1.7;
  const auto e = matrix_exponential<2>({{{a, 1}, {0, a}}});
  EXPECT_NEAR(e[0][0], std::exp(a), 1e-15);
  EXPECT_NEAR(e[0][1], std::exp(a), 1e-15);
  EXPECT_EQ(e[1][0], 0.0);
  EXPECT_NEAR(e[1][1], std::exp(a), 1e-15);
}

}  // namespace
}  // namespace isletsim
