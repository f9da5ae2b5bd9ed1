// LaneBlock: the state, parameters and per-call plan of kLanes UVA/Padova subjects side by side (structure of
// arrays), as the batched backend's SIMD kernel reads them (engine/simd/lane_kernel.hpp). Plain doubles only: the
// bookkeeping (engine/batched_backend.cpp) writes single lanes with scalar code, the kernel loads whole registers.
//
// The insulin indices and the slow-state order are FastSubjectIntegrator's (engine/fast_subject_integrator.hpp),
// whose exact insulin propagator the batched scheme shares.
#pragma once

#include <array>
#include <cstddef>

namespace isletsim::simd {

// Eight doubles: one AVX-512 register, two AVX2 ones, four SSE2 ones. A block's lanes are independent whatever the
// register width, so the width changes only the speed (tests/engine/batched_backend_test.cpp).
inline constexpr std::size_t kLanes = 8;
using Lanes = std::array<double, kLanes>;

inline constexpr std::size_t kInsulinStates = 7;  // Isc1, Isc2, Ip, Il, X, I1, Id
inline constexpr std::size_t kSlowStates = 6;     // Qsto1, Qsto2, Qgut, Gp, Gt, Gs
inline constexpr std::size_t kHistory = 4;        // Adams-Bashforth-Moulton 4 needs four derivatives

struct alignas(64) LaneBlock {
  // State.
  std::array<Lanes, kSlowStates> slow{};
  std::array<Lanes, kInsulinStates> insulin{};
  // Right-hand sides of the slow states at the last steps, newest first, history_count of them valid (0 to 4).
  std::array<std::array<Lanes, kSlowStates>, kHistory> history{};
  Lanes history_count{};

  // The subject's parameters that the glucose-gut right-hand side reads (physiology/uva_padova_model.hpp).
  Lanes kmax{}, kmin{}, kabs{}, f{}, body_weight_kg{}, kp1{}, kp2{}, kp3{}, Fsnc{}, ke1{}, ke2{}, k1{}, k2{}, Vm0{},
      Vmx{}, Km0{}, ksc{}, b{}, d{};
  // The current meal's gastric emptying shape (physiology/gastric_emptying.hpp).
  Lanes meal_size_mg{}, alpha{}, beta{}, bD{}, dD{};

  // This call's plan per lane: inputs held over it, step length, number of steps (0: the lane is not advanced),
  // whether the multistep method may take its steps.
  Lanes carbs_mg_per_min{}, glucagon_egp_mg_per_kg_per_min{};
  Lanes step_min{}, steps{}, multistep_allowed{};
  // The exact insulin propagator over step_min and the inputs' share of a step (FastSubjectIntegrator's
  // InsulinPropagator and InsulinForcing): phi[i][j], and rows X and Id over half a step for Runge-Kutta's midpoint.
  std::array<std::array<Lanes, kInsulinStates>, kInsulinStates> phi{};
  std::array<Lanes, kInsulinStates> phi_half_x{}, phi_half_id{};
  std::array<Lanes, kInsulinStates> forcing{};
  Lanes forcing_half_x{}, forcing_half_id{};
};

// One instruction set's kernel: advances every lane of the block by its planned steps.
using LaneKernel = void (*)(LaneBlock& block);

}  // namespace isletsim::simd
