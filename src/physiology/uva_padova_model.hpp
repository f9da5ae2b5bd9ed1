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
// Templated on the number type so batched and SIMD engines can evaluate the very same equations.
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

namespace detail {
template <typename Real>
inline Real zero_if_negative_state(const Real& state, const Real& derivative) {
  return state >= Real(0) ? derivative : Real(0);
}
}  // namespace detail

template <typename StateArray>
inline void uva_padova_derivative(const UvaPadovaParameters& p, const UvaPadovaInputs& u, const StateArray& x,
                                  StateArray& dxdt) {
  using detail::zero_if_negative_state;
  using Real = std::remove_cvref_t<decltype(x[0])>;
  const auto Qsto1 = x[kStomachSolid];
  const auto Qsto2 = x[kStomachLiquid];
  const auto Qgut = x[kGut];
  const auto Gp = x[kGlucosePlasma];
  const auto Gt = x[kGlucoseTissue];
  const auto Ip = x[kInsulinPlasma];
  const auto X = x[kInsulinActionRemote];
  const auto I1 = x[kInsulinDelay1];
  const auto Id = x[kInsulinDelayed];
  const auto Il = x[kInsulinLiver];
  const auto Isc1 = x[kInsulinSubcut1];
  const auto Isc2 = x[kInsulinSubcut2];
  const auto Gs = x[kGlucoseSubcut];

  // Gastric emptying rate kempt(Qsto) -- Dalla Man 2006 eq. 4 (gastric_emptying.hpp).
  const Real kempt = gastric_emptying_rate_per_min(p, Real(Qsto1 + Qsto2), u.meal_size_mg);
  // Stomach and gut -- Dalla Man 2007 eqs. 13-15.
  dxdt[kStomachSolid] = -p.kmax * Qsto1 + u.carbs_mg_per_min;
  dxdt[kStomachLiquid] = p.kmax * Qsto1 - kempt * Qsto2;
  dxdt[kGut] = kempt * Qsto2 - p.kabs * Qgut;
  // Rate of appearance -- eq. 16.
  const auto Ra = p.f * p.kabs * Qgut / p.body_weight_kg;

  // Endogenous glucose production -- eq. 10, kept >= 0 (eq. 10 is defined non-negative), plus glucagon's action
  // xi X^H inside the same bound as in S2013 (Dalla Man et al. 2014): EGP = max(kp1 - kp2 Gp - kp3 Id + xi X^H, 0).
  Real EGP = p.kp1 - p.kp2 * Gp - p.kp3 * Id + u.glucagon_egp_mg_per_kg_per_min;
  if (EGP < 0) EGP = 0;
  // Renal excretion -- eq. 27.
  Real E = 0;
  if (Gp > p.ke2) E = p.ke1 * (Gp - p.ke2);
  // Glucose kinetics -- eqs. 1-2 with insulin-independent utilisation Uii = Fsnc (eq. 23).
  dxdt[kGlucosePlasma] = zero_if_negative_state(Gp, EGP + Ra - p.Fsnc - E - p.k1 * Gp + p.k2 * Gt);
  // Insulin-dependent utilisation -- eqs. 24-25 (Vm(X) = Vm0 + Vmx X; Km(X) = Km0 in the 2008 simulator).
  const auto Uid = (p.Vm0 + p.Vmx * X) * Gt / (p.Km0 + Gt);
  dxdt[kGlucoseTissue] = zero_if_negative_state(Gt, -Uid + p.k1 * Gp - p.k2 * Gt);

  // Insulin kinetics -- eqs. 3-4 (Dalla Man 2007): dIl/dt = -(m1 + m3) Il + m2 Ip + S, dIp/dt = -(m2 + m4) Ip +
  // m1 Il, with s.c. absorption as a further plasma input (Kovatchev 2009) and the portal input S in the liver.
  // Hepatic extraction: the 2008 T1D model has S = 0 and a constant m3 = m30; with a portal input we keep m3 = m30
  // (assumption: the secretion-dependent extraction HE = -m5 S + m6 of eq. 6 is not applied), so the extracted
  // fraction of insulin leaving the liver is HE = m30 / (m1 + m30) (eq. 6 solved for HE).
  dxdt[kInsulinPlasma] =
      zero_if_negative_state(Ip, -(p.m2 + p.m4) * Ip + p.m1 * Il + p.ka1 * Isc1 + p.ka2 * Isc2);
  const auto I = Ip / p.Vi;  // plasma insulin, pmol/l
  dxdt[kInsulinLiver] =
      zero_if_negative_state(Il, -(p.m1 + p.m30) * Il + p.m2 * Ip + u.portal_insulin_pmol_per_kg_per_min);
  // Insulin action on utilisation -- eq. 26.
  dxdt[kInsulinActionRemote] = -p.p2u * X + p.p2u * (I - p.Ib);
  // Delayed insulin signal on EGP -- eqs. 11-12.
  dxdt[kInsulinDelay1] = -p.ki * (I1 - I);
  dxdt[kInsulinDelayed] = -p.ki * (Id - I1);
  // Subcutaneous insulin -- Kovatchev 2009 (Dalla Man, Raimondo et al. 2007 GIM).
  dxdt[kInsulinSubcut1] = zero_if_negative_state(Isc1, u.insulin_pmol_per_kg_per_min - (p.ka1 + p.kd) * Isc1);
  dxdt[kInsulinSubcut2] = zero_if_negative_state(Isc2, p.kd * Isc1 - p.ka2 * Isc2);
  // Subcutaneous glucose, first-order lag behind plasma -- Kovatchev 2009.
  dxdt[kGlucoseSubcut] = zero_if_negative_state(Gs, -p.ksc * Gs + p.ksc * Gp);
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
