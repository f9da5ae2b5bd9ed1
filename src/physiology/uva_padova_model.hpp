// The UVA/Padova 2008 type 1 diabetes model as a pure right-hand side dx/dt = f(x, u).
//
// Equations: Dalla Man, Rizza & Cobelli 2007 (IEEE TBME 54:1740), eqs. 1-27 without the secretion submodel;
// gastric emptying with the meal-size dependent rate, Dalla Man, Camilleri & Cobelli 2006 (IEEE TBME 53:2472),
// eqs. 3-4; subcutaneous insulin and glucose, Kovatchev et al. 2009 (J Diabetes Sci Technol 3:44). Each line below
// names its equation. Two implementation choices follow the FDA-accepted reference implementation as published in
// simglucose 0.2.11 (Xie 2018) so that results are comparable with it: (1) the meal size D used by gastric emptying
// is the stomach content when eating starts plus what has been eaten since (it grows while eating, then is held);
// (2) the mass states Gp, Gt, Ip, Il, Isc1, Isc2, Gs do not move once they reach zero (their derivative is
// zeroed when the state is negative), which only matters for extreme inputs.
//
// The non-linear part (stomach, gut, glucose) is templated on the number type and branch-free, so the batched SIMD
// backend evaluates the very same equations on lanes of subjects (engine/batched_backend.hpp).
#pragma once

#include <cmath>
#include <type_traits>

#include "physiology/gastric_emptying.hpp"
#include "physiology/uva_padova_parameters.hpp"

namespace isletsim {

// Inputs held constant over one integration interval.
struct UvaPadovaInputs {
  double carbs_mg_per_min = 0;              // ingested carbohydrate rate (d in Dalla Man 2007)
  double insulin_pmol_per_kg_per_min = 0;   // subcutaneous insulin infusion (basal + bolus)
  // Pre-hepatic (portal) insulin, e.g. an intraportal islet graft's secretion: S of Dalla Man 2007 eq. 3, entering
  // the liver compartment Il before hepatic extraction (m3 = m30 of the 2008 T1D model, see below).
  double portal_insulin_pmol_per_kg_per_min = 0;
  double meal_size_mg = 0;                  // D: size of the meal being digested, for gastric emptying
  // Extra endogenous glucose production from glucagon, xi X^H of the S2013 EGP (Dalla Man et al. 2014, J Diabetes
  // Sci Technol 8:26): an islet graft's counter-regulation (therapy/graft_glucagon_counter_regulation.hpp). The 2008
  // model has none; 0 keeps it unchanged.
  double glucagon_egp_mg_per_kg_per_min = 0;
  bool operator==(const UvaPadovaInputs&) const = default;
};

// The stomach, gut and glucose states with the insulin signals they read (X, Id): the part of the model that is
// non-linear. Real: double or a lane type (physiology/lane_math.hpp); Parameters and Inputs: any types with the
// members used below, of number type Real or double (UvaPadovaParameters and UvaPadovaInputs for one subject, lanes of
// them in engine/batched_backend.cpp). Written once, branch-free: the reference, the batched backend and the tests
// evaluate these very operations.
template <typename Real>
struct UvaPadovaGlucoseGutState {
  Real Qsto1{}, Qsto2{}, Qgut{}, Gp{}, Gt{}, Gs{};
};

// A mass state that reached zero does not move (see the header: simglucose 0.2.11's rule).
template <typename Real>
inline Real zero_if_negative_state(const Real& state, const Real& derivative) {
  using lane_math::select;
  return select(state >= Real(0), derivative, Real(0));
}

template <typename Parameters, typename Inputs, typename Real>
inline UvaPadovaGlucoseGutState<Real> uva_padova_glucose_gut_derivative(const Parameters& p, const Inputs& u,
                                                                         const GastricEmptyingShape<Real>& meal,
                                                                         const UvaPadovaGlucoseGutState<Real>& x,
                                                                         const Real& X, const Real& Id) {
  using lane_math::select;
  UvaPadovaGlucoseGutState<Real> d;
  // Gastric emptying rate kempt(Qsto) -- Dalla Man 2006 eq. 4 (gastric_emptying.hpp), for the meal size D of `meal`.
  const Real kempt = gastric_emptying_rate_per_min(p, meal, Real(x.Qsto1 + x.Qsto2));
  // Stomach and gut -- Dalla Man 2007 eqs. 13-15.
  d.Qsto1 = -p.kmax * x.Qsto1 + u.carbs_mg_per_min;
  d.Qsto2 = p.kmax * x.Qsto1 - kempt * x.Qsto2;
  d.Qgut = kempt * x.Qsto2 - p.kabs * x.Qgut;
  // Rate of appearance -- eq. 16.
  const Real Ra = p.f * p.kabs * x.Qgut / p.body_weight_kg;

  // Endogenous glucose production -- eq. 10, kept >= 0 (eq. 10 is defined non-negative), plus glucagon's action
  // xi X^H inside the same bound as in S2013 (Dalla Man et al. 2014): EGP = max(kp1 - kp2 Gp - kp3 Id + xi X^H, 0).
  const Real EGP_unbounded = p.kp1 - p.kp2 * x.Gp - p.kp3 * Id + u.glucagon_egp_mg_per_kg_per_min;
  const Real EGP = select(EGP_unbounded < Real(0), Real(0), EGP_unbounded);
  // Renal excretion -- eq. 27.
  const Real E = select(x.Gp > Real(p.ke2), p.ke1 * (x.Gp - p.ke2), Real(0));
  // Glucose kinetics -- eqs. 1-2 with insulin-independent utilisation Uii = Fsnc (eq. 23).
  d.Gp = zero_if_negative_state(x.Gp, Real(EGP + Ra - p.Fsnc - E - p.k1 * x.Gp + p.k2 * x.Gt));
  // Insulin-dependent utilisation -- eqs. 24-25 (Vm(X) = Vm0 + Vmx X; Km(X) = Km0 in the 2008 simulator).
  const Real Uid = (p.Vm0 + p.Vmx * X) * x.Gt / (p.Km0 + x.Gt);
  d.Gt = zero_if_negative_state(x.Gt, Real(-Uid + p.k1 * x.Gp - p.k2 * x.Gt));
  // Subcutaneous glucose, first-order lag behind plasma -- Kovatchev 2009.
  d.Gs = zero_if_negative_state(x.Gs, Real(-p.ksc * x.Gs + p.ksc * x.Gp));
  return d;
}

// The whole model, dx/dt = f(x, u), for one subject.
template <typename StateArray>
inline void uva_padova_derivative(const UvaPadovaParameters& p, const UvaPadovaInputs& u, const StateArray& x,
                                  StateArray& dxdt) {
  using Real = std::remove_cvref_t<decltype(x[0])>;
  const auto Ip = x[kInsulinPlasma];
  const auto X = x[kInsulinActionRemote];
  const auto I1 = x[kInsulinDelay1];
  const auto Id = x[kInsulinDelayed];
  const auto Il = x[kInsulinLiver];
  const auto Isc1 = x[kInsulinSubcut1];
  const auto Isc2 = x[kInsulinSubcut2];

  const UvaPadovaGlucoseGutState<Real> glucose_gut{x[kStomachSolid], x[kStomachLiquid], x[kGut],
                                                   x[kGlucosePlasma], x[kGlucoseTissue], x[kGlucoseSubcut]};
  const auto d = uva_padova_glucose_gut_derivative(p, u, gastric_emptying_shape(p, Real(u.meal_size_mg)),
                                                   glucose_gut, Real(X), Real(Id));
  dxdt[kStomachSolid] = d.Qsto1;
  dxdt[kStomachLiquid] = d.Qsto2;
  dxdt[kGut] = d.Qgut;
  dxdt[kGlucosePlasma] = d.Gp;
  dxdt[kGlucoseTissue] = d.Gt;
  dxdt[kGlucoseSubcut] = d.Gs;

  // Insulin kinetics -- eqs. 3-4 (Dalla Man 2007): dIl/dt = -(m1 + m3) Il + m2 Ip + S, dIp/dt = -(m2 + m4) Ip +
  // m1 Il, with s.c. absorption as a further plasma input (Kovatchev 2009) and the portal input S in the liver.
  // Hepatic extraction: the 2008 T1D model has S = 0 and a constant m3 = m30; with a portal input we keep m3 = m30
  // (assumption: the secretion-dependent extraction HE = -m5 S + m6 of eq. 6 is not applied), so the extracted
  // fraction of insulin leaving the liver is HE = m30 / (m1 + m30) (eq. 6 solved for HE).
  dxdt[kInsulinPlasma] =
      zero_if_negative_state(Real(Ip), Real(-(p.m2 + p.m4) * Ip + p.m1 * Il + p.ka1 * Isc1 + p.ka2 * Isc2));
  const auto I = Ip / p.Vi;  // plasma insulin, pmol/l
  dxdt[kInsulinLiver] =
      zero_if_negative_state(Real(Il), Real(-(p.m1 + p.m30) * Il + p.m2 * Ip + u.portal_insulin_pmol_per_kg_per_min));
  // Insulin action on utilisation -- eq. 26.
  dxdt[kInsulinActionRemote] = -p.p2u * X + p.p2u * (I - p.Ib);
  // Delayed insulin signal on EGP -- eqs. 11-12.
  dxdt[kInsulinDelay1] = -p.ki * (I1 - I);
  dxdt[kInsulinDelayed] = -p.ki * (Id - I1);
  // Subcutaneous insulin -- Kovatchev 2009 (Dalla Man, Raimondo et al. 2007 GIM).
  dxdt[kInsulinSubcut1] =
      zero_if_negative_state(Real(Isc1), Real(u.insulin_pmol_per_kg_per_min - (p.ka1 + p.kd) * Isc1));
  dxdt[kInsulinSubcut2] = zero_if_negative_state(Real(Isc2), Real(p.kd * Isc1 - p.ka2 * Isc2));
}

// The model as the engine's ModelIntegrator takes it.
struct UvaPadovaModel {
  using Parameters = UvaPadovaParameters;
  using State = UvaPadovaState;
  using Inputs = UvaPadovaInputs;
  static void derivative(const Parameters& p, const Inputs& u, const State& x, State& dxdt) {
    uva_padova_derivative(p, u, x, dxdt);
  }
};

// Plasma glucose concentration, mg/dl (G = Gp/VG, Dalla Man 2007 eq. 1).
inline double plasma_glucose_mg_dl(const UvaPadovaParameters& p, const UvaPadovaState& x) {
  return x[kGlucosePlasma] / p.Vg;
}
// Subcutaneous (interstitial) glucose concentration, mg/dl: what a CGM sensor sees before its own error.
inline double subcutaneous_glucose_mg_dl(const UvaPadovaParameters& p, const UvaPadovaState& x) {
  return x[kGlucoseSubcut] / p.Vg;
}

}  // namespace isletsim
