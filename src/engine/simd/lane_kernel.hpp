// The batched backend's step, for one instruction set (Arch: an xsimd architecture). Included only by the kernel
// translation units (lane_kernel_sse2.cpp, lane_kernel_avx2.cpp), each compiled for its instruction set; the
// backend picks one at run time (engine/batched_backend.cpp).
//
// The scheme is the fast backend's (engine/fast_subject_integrator.hpp): the insulin states advanced exactly by
// their propagator, the stomach, gut and glucose states by Runge-Kutta 4 or, once four derivatives with the same
// inputs are known, Adams-Bashforth-Moulton 4 in PECE mode (Hairer, Norsett & Wanner 1993, sec. III.1). Each lane
// chooses for itself; a register computes a method when any of its lanes needs it and every lane keeps its own
// choice (select), so a lane's numbers never depend on its neighbours. The right-hand side is the model's own
// template, uva_padova_glucose_gut_derivative (physiology/uva_padova_model.hpp), instantiated for lanes.
//
// Compiled with -ffp-contract=off and without FMA: every lane's arithmetic is the same IEEE operations in every
// instruction set, so SSE2 and AVX2 give the same bits (tests/engine/batched_backend_test.cpp).
#pragma once

#include <array>
#include <cstddef>

#include <xsimd/xsimd.hpp>

#include "engine/simd/wide_lanes.hpp"

#include "engine/simd/lane_block.hpp"
#include "physiology/uva_padova_model.hpp"

// tanh for lanes as 1 - 2 / (1 + e^{2x}): one exp and one division, where xsimd's tanh evaluates a rational
// polynomial and this formula and selects between them (about twice the instructions). Its absolute error is that
// of the exp, about 1e-16, which is all the gastric emptying rate needs (it adds 2 to the difference of two tanh;
// Dalla Man 2006 eq. 4); e^{2x} = inf gives the limit 1. The fast backend evaluates the same formula
// (fast_subject_integrator.cpp). Measured: docs/validation.md.
namespace isletsim::lane_math {
template <class Register, std::size_t N>
struct LaneFunctions<simd::Wide<Register, N>> {
  using B = simd::Wide<Register, N>;
  static B tanh(const B& x) { return B(1.0) - B(2.0) / (B(1.0) + exp(x + x)); }
};
}  // namespace isletsim::lane_math

namespace isletsim::simd {

template <class Arch>
struct LaneKernelOf {
  // The whole block as one lane type: kLanes / (doubles per register) registers side by side (wide_lanes.hpp).
  using Register = xsimd::batch<double, Arch>;
  using B = Wide<Register, kLanes / Register::size>;
  using Mask = typename B::Mask;
  using Slow = std::array<B, kSlowStates>;
  static_assert(B::size == kLanes);

  struct Parameters {
    B kmax, kmin, kabs, f, body_weight_kg, kp1, kp2, kp3, Fsnc, ke1, ke2, k1, k2, Vm0, Vmx, Km0, ksc, b, d;
  };
  struct Inputs {
    B carbs_mg_per_min, glucagon_egp_mg_per_kg_per_min;
  };

  static B load(const Lanes& lanes, std::size_t offset) { return B::load(lanes.data() + offset); }
  static void store(Lanes& lanes, std::size_t offset, const B& value) { value.store(lanes.data() + offset); }

  [[gnu::always_inline]] static Slow rhs(const Parameters& p, const Inputs& u, const GastricEmptyingShape<B>& meal, const Slow& y,
                  const B& X, const B& Id) {
    const UvaPadovaGlucoseGutState<B> x{y[0], y[1], y[2], y[3], y[4], y[5]};
    const auto d = uva_padova_glucose_gut_derivative(p, u, meal, x, X, Id);
    return {d.Qsto1, d.Qsto2, d.Qgut, d.Gp, d.Gt, d.Gs};
  }

  static void advance_chunk(LaneBlock& k, std::size_t o) {
    enum : std::size_t { kIsc1 = 0, kIsc2, kIp, kIl, kX, kI1, kId };
    const B steps = load(k.steps, o);
    const Parameters p{load(k.kmax, o), load(k.kmin, o), load(k.kabs, o), load(k.f, o), load(k.body_weight_kg, o),
                       load(k.kp1, o),  load(k.kp2, o),  load(k.kp3, o),  load(k.Fsnc, o), load(k.ke1, o),
                       load(k.ke2, o),  load(k.k1, o),   load(k.k2, o),   load(k.Vm0, o), load(k.Vmx, o),
                       load(k.Km0, o),  load(k.ksc, o),  load(k.b, o),    load(k.d, o)};
    const Inputs u{load(k.carbs_mg_per_min, o), load(k.glucagon_egp_mg_per_kg_per_min, o)};
    const GastricEmptyingShape<B> meal{load(k.meal_size_mg, o), load(k.alpha, o), load(k.beta, o), load(k.bD, o),
                                       load(k.dD, o)};
    const B h = load(k.step_min, o);
    const Mask multistep_allowed = load(k.multistep_allowed, o) != B(0.0);
    const auto phi = [&](std::size_t i, std::size_t j) { return load(k.phi[i][j], o); };

    for (int pass = 0;; ++pass) {
      const Mask active = B(static_cast<double>(pass)) < steps;
      if (!any(active)) break;
      const B count = load(k.history_count, o);
      const Mask need_f0 = count == B(0.0);
      const Mask multistep = multistep_allowed & (count == B(4.0));
      const Mask runge_kutta = active & !multistep;

      // Exact insulin state at t + h; only the structurally non-zero entries of exp(A h) (FastSubjectIntegrator).
      std::array<B, kInsulinStates> z;
      for (std::size_t i = 0; i < kInsulinStates; ++i) z[i] = load(k.insulin[i], o);
      const B X1 = phi(kX, kIsc1) * z[kIsc1] + phi(kX, kIsc2) * z[kIsc2] + phi(kX, kIp) * z[kIp] +
                   phi(kX, kIl) * z[kIl] + phi(kX, kX) * z[kX] + load(k.forcing[kX], o);
      const B Id1 = phi(kId, kIsc1) * z[kIsc1] + phi(kId, kIsc2) * z[kIsc2] + phi(kId, kIp) * z[kIp] +
                    phi(kId, kIl) * z[kIl] + phi(kId, kI1) * z[kI1] + phi(kId, kId) * z[kId] +
                    load(k.forcing[kId], o);
      const B I11 = phi(kI1, kIsc1) * z[kIsc1] + phi(kI1, kIsc2) * z[kIsc2] + phi(kI1, kIp) * z[kIp] +
                    phi(kI1, kIl) * z[kIl] + phi(kI1, kI1) * z[kI1] + load(k.forcing[kI1], o);
      const B Il1 = phi(kIl, kIsc1) * z[kIsc1] + phi(kIl, kIsc2) * z[kIsc2] + phi(kIl, kIp) * z[kIp] +
                    phi(kIl, kIl) * z[kIl] + load(k.forcing[kIl], o);
      const B Ip1 = phi(kIp, kIsc1) * z[kIsc1] + phi(kIp, kIsc2) * z[kIsc2] + phi(kIp, kIp) * z[kIp] +
                    phi(kIp, kIl) * z[kIl] + load(k.forcing[kIp], o);
      const B Isc21 = phi(kIsc2, kIsc1) * z[kIsc1] + phi(kIsc2, kIsc2) * z[kIsc2] + load(k.forcing[kIsc2], o);
      const B Isc11 = phi(kIsc1, kIsc1) * z[kIsc1] + load(k.forcing[kIsc1], o);
      const std::array<B, kInsulinStates> z1 = {Isc11, Isc21, Ip1, Il1, X1, I11, Id1};

      // The history is read where it is used, not held in registers across the step (they would spill).
      const auto history = [&](std::size_t j) {
        Slow f;
        for (std::size_t i = 0; i < kSlowStates; ++i) f[i] = load(k.history[j][i], o);
        return f;
      };
      Slow y0;
      for (std::size_t i = 0; i < kSlowStates; ++i) y0[i] = load(k.slow[i], o);
      Slow f0 = history(0);
      if (any(need_f0 & active)) {
        const Slow fresh = rhs(p, u, meal, y0, z[kX], z[kId]);
        for (std::size_t i = 0; i < kSlowStates; ++i) f0[i] = select(need_f0, fresh[i], f0[i]);
      }

      Slow y1 = y0;
      if (any(multistep & active)) {
        // Adams-Bashforth 4 predictor, one evaluation, Adams-Moulton 4 corrector (PECE).
        const Slow f1 = history(1);
        const Slow f2 = history(2);
        const Slow f3 = history(3);
        const B h24 = h / B(24.0);
        Slow predicted, corrector_known;
        for (std::size_t i = 0; i < kSlowStates; ++i) {
          predicted[i] = (y0[i] + h24 * (B(-59.0) * f1[i] + B(37.0) * f2[i] - B(9.0) * f3[i])) +
                         (B(55.0) * h24) * f0[i];
          corrector_known[i] = y0[i] + h24 * (B(19.0) * f0[i] - B(5.0) * f1[i] + f2[i]);
        }
        const Slow f_predicted = rhs(p, u, meal, predicted, X1, Id1);
        for (std::size_t i = 0; i < kSlowStates; ++i) y1[i] = corrector_known[i] + (B(9.0) * h24) * f_predicted[i];
      }
      if (any(runge_kutta)) {
        // Classical Runge-Kutta 4 (Kutta 1901), X and Id at t + h/2 from the half-step propagator.
        B Xm = load(k.forcing_half_x, o), Idm = load(k.forcing_half_id, o);
        for (std::size_t j = 0; j < kInsulinStates; ++j) {
          Xm = Xm + load(k.phi_half_x[j], o) * z[j];
          Idm = Idm + load(k.phi_half_id[j], o) * z[j];
        }
        const B half_h = B(0.5) * h;
        Slow y;
        for (std::size_t i = 0; i < kSlowStates; ++i) y[i] = y0[i] + half_h * f0[i];
        const Slow k2 = rhs(p, u, meal, y, Xm, Idm);
        for (std::size_t i = 0; i < kSlowStates; ++i) y[i] = y0[i] + half_h * k2[i];
        const Slow k3 = rhs(p, u, meal, y, Xm, Idm);
        for (std::size_t i = 0; i < kSlowStates; ++i) y[i] = y0[i] + h * k3[i];
        const Slow k4 = rhs(p, u, meal, y, X1, Id1);
        const B sixth_h = h / B(6.0);
        for (std::size_t i = 0; i < kSlowStates; ++i) {
          const B rk = y0[i] + sixth_h * (f0[i] + B(2.0) * k2[i] + B(2.0) * k3[i] + k4[i]);
          y1[i] = select(multistep, y1[i], rk);
        }
      }
      // f at the new state: the next step's start and the newest multistep derivative.
      const Slow f_new = rhs(p, u, meal, y1, X1, Id1);

      for (std::size_t i = 0; i < kInsulinStates; ++i) store(k.insulin[i], o, select(active, z1[i], z[i]));
      for (std::size_t i = 0; i < kSlowStates; ++i) {
        store(k.slow[i], o, select(active, y1[i], y0[i]));
        const B h1 = load(k.history[1][i], o), h2 = load(k.history[2][i], o);
        store(k.history[3][i], o, select(active, h2, load(k.history[3][i], o)));
        store(k.history[2][i], o, select(active, h1, h2));
        store(k.history[1][i], o, select(active, f0[i], h1));
        store(k.history[0][i], o, select(active, f_new[i], load(k.history[0][i], o)));
      }
      // A fresh start counts its first derivative and the new one: 0 -> 2; otherwise one more, at most 4.
      const B counted = min(select(need_f0, B(1.0), count) + B(1.0), B(4.0));
      store(k.history_count, o, select(active, counted, count));
    }
  }

  static void advance(LaneBlock& block) { advance_chunk(block, 0); }
};

}  // namespace isletsim::simd
