// Wide<B, N>: N SIMD registers of type B used as one lane type of N * B::size lanes (a block of eight subjects:
// two AVX2 registers, four SSE2 ones). Each operation applies to the N registers in turn, so the N independent
// dependency chains of a right-hand side interleave in the instruction stream: the step is latency-bound (exp,
// divisions), and one register at a time left the processor waiting (docs/validation.md has the measurement).
#pragma once

#include <array>
#include <cstddef>

#include <xsimd/xsimd.hpp>

namespace isletsim::simd {

template <class M, std::size_t N>
struct WideMask {
  std::array<M, N> r;
  friend WideMask operator&(const WideMask& a, const WideMask& b) {
    WideMask c;
    for (std::size_t i = 0; i < N; ++i) c.r[i] = a.r[i] & b.r[i];
    return c;
  }
  friend WideMask operator!(const WideMask& a) {
    WideMask c;
    for (std::size_t i = 0; i < N; ++i) c.r[i] = !a.r[i];
    return c;
  }
  friend bool any(const WideMask& a) {
    bool result = false;
    for (std::size_t i = 0; i < N; ++i) result = result || xsimd::any(a.r[i]);
    return result;
  }
};

template <class B, std::size_t N>
struct Wide {
  using Mask = WideMask<typename B::batch_bool_type, N>;
  static constexpr std::size_t size = B::size * N;
  std::array<B, N> r;

  Wide() = default;
  Wide(double value) {  // NOLINT(google-explicit-constructor): a broadcast, like the SIMD library's
    for (auto& x : r) x = B(value);
  }
  static Wide load(const double* p) {
    Wide w;
    for (std::size_t i = 0; i < N; ++i) w.r[i] = B::load_unaligned(p + i * B::size);
    return w;
  }
  void store(double* p) const {
    for (std::size_t i = 0; i < N; ++i) r[i].store_unaligned(p + i * B::size);
  }

#define ISLETSIM_WIDE_BINARY(op)                                \
  friend Wide operator op(const Wide& a, const Wide& b) {       \
    Wide c;                                                     \
    for (std::size_t i = 0; i < N; ++i) c.r[i] = a.r[i] op b.r[i]; \
    return c;                                                   \
  }
  ISLETSIM_WIDE_BINARY(+)
  ISLETSIM_WIDE_BINARY(-)
  ISLETSIM_WIDE_BINARY(*)
  ISLETSIM_WIDE_BINARY(/)
#undef ISLETSIM_WIDE_BINARY
#define ISLETSIM_WIDE_COMPARE(op)                               \
  friend Mask operator op(const Wide& a, const Wide& b) {       \
    Mask c;                                                     \
    for (std::size_t i = 0; i < N; ++i) c.r[i] = a.r[i] op b.r[i]; \
    return c;                                                   \
  }
  ISLETSIM_WIDE_COMPARE(<)
  ISLETSIM_WIDE_COMPARE(>)
  ISLETSIM_WIDE_COMPARE(>=)
  ISLETSIM_WIDE_COMPARE(==)
  ISLETSIM_WIDE_COMPARE(!=)
#undef ISLETSIM_WIDE_COMPARE
  friend Wide operator-(const Wide& a) {
    Wide c;
    for (std::size_t i = 0; i < N; ++i) c.r[i] = -a.r[i];
    return c;
  }
  friend Wide select(const Mask& m, const Wide& a, const Wide& b) {
    Wide c;
    for (std::size_t i = 0; i < N; ++i) c.r[i] = xsimd::select(m.r[i], a.r[i], b.r[i]);
    return c;
  }
  friend Wide min(const Wide& a, const Wide& b) {
    Wide c;
    for (std::size_t i = 0; i < N; ++i) c.r[i] = xsimd::min(a.r[i], b.r[i]);
    return c;
  }
  friend Wide exp(const Wide& a) {
    Wide c;
    for (std::size_t i = 0; i < N; ++i) c.r[i] = xsimd::exp(a.r[i]);
    return c;
  }
  double get(std::size_t lane) const { return r[lane / B::size].get(lane % B::size); }
};

}  // namespace isletsim::simd
