// Exponential of a small dense square matrix, exp(A) = sum_k A^k / k!, by scaling and squaring with a truncated
// Taylor series (Moler & Van Loan 2003, "Nineteen dubious ways to compute the exponential of a matrix, twenty-five
// years later", SIAM Review 45:3-49, method 3 with the scaling and squaring of section 4).
//
// A is scaled by 2^-s so that its infinity norm is at most 1/2; the Taylor series is then summed until the next term
// no longer changes any entry (at most 30 terms; for ||A/2^s|| <= 1/2 the remainder after k terms is below
// 2^-k/k!, so 20 terms already reach 1e-25), and the result is squared s times. Meant for the small (< 16 states)
// linear subsystems of the physiology models, computed once per subject, so clarity beats speed here.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

namespace isletsim {

template <std::size_t N>
using SquareMatrix = std::array<std::array<double, N>, N>;

template <std::size_t N>
SquareMatrix<N> matrix_product(const SquareMatrix<N>& a, const SquareMatrix<N>& b) {
  SquareMatrix<N> c{};
  for (std::size_t i = 0; i < N; ++i) {
    for (std::size_t k = 0; k < N; ++k) {
      for (std::size_t j = 0; j < N; ++j) c[i][j] += a[i][k] * b[k][j];
    }
  }
  return c;
}

template <std::size_t N>
SquareMatrix<N> matrix_exponential(SquareMatrix<N> a) {
  double norm = 0;  // infinity norm: largest absolute row sum
  for (const auto& row : a) {
    double sum = 0;
    for (const double v : row) sum += std::abs(v);
    norm = std::max(norm, sum);
  }
  int squarings = 0;
  while (norm > 0.5) {
    norm /= 2;
    ++squarings;
  }
  const double scale = std::ldexp(1.0, -squarings);
  for (auto& row : a) {
    for (double& v : row) v *= scale;
  }
  SquareMatrix<N> result{};
  SquareMatrix<N> term{};
  for (std::size_t i = 0; i < N; ++i) result[i][i] = term[i][i] = 1.0;
  for (int k = 1; k <= 30; ++k) {
    term = matrix_product(term, a);
    bool changed = false;
    for (std::size_t i = 0; i < N; ++i) {
      for (std::size_t j = 0; j < N; ++j) {
        term[i][j] /= k;
        const double before = result[i][j];
        result[i][j] += term[i][j];
        changed = changed || result[i][j] != before;
      }
    }
    if (!changed) break;
  }
  for (int s = 0; s < squarings; ++s) result = matrix_product(result, result);
  return result;
}

}  // namespace isletsim
