// The Dalla Man, Rizza & Cobelli 2007 meal model with endogenous insulin secretion as a pure right-hand side
// dx/dt = f(x, u) (IEEE Trans Biomed Eng 54:1740, eqs. 1-27; gastric emptying with the meal-size dependent rate of
// Dalla Man, Camilleri & Cobelli 2006, IEEE TBME 53:2472, eqs. 3-4). Each line names its equation.
//
// Beside the meal, two intravenous inputs make the clinical protocols possible (protocols/): a glucose infusion into
// the plasma glucose pool Gp (IVGTT bolus, clamp) and an insulin infusion into the plasma insulin pool Ip (clamp,
// insulin-modified IVGTT). Functional beta-cell mass multiplies the whole pre-hepatic secretion (design choice of
// this project: the paper has one average beta-cell mass per subject).
//
// Templated on the state container like uva_padova_model.hpp.
#pragma once

#include <algorithm>
#include <cmath>
#include <type_traits>

#include "physiology/dalla_man_2007_parameters.hpp"
#include "physiology/gastric_emptying.hpp"

namespace isletsim {

// Inputs held constant over one integration interval.
struct MealModelInputs {
  double carbs_mg_per_min = 0;                 // ingested glucose rate
  double meal_size_mg = 0;                     // D: size of the meal being digested, for gastric emptying
  double glucose_iv_mg_per_kg_per_min = 0;     // intravenous glucose into Gp
  double insulin_iv_pmol_per_kg_per_min = 0;   // intravenous insulin into Ip
  bool operator==(const MealModelInputs&) const = default;
};

// Hepatic insulin extraction HE = -m5 S + m6 (Dalla Man 2007 eq. 6), kept in [0, 0.95] so that
// m3 = HE m1 / (1 - HE) stays finite for extreme secretion (the paper's range is HE ~ 0.4-0.7).
inline double meal_model_hepatic_extraction(const MealModelParameters& p, double secretion_pmol_kg_min) {
  return std::clamp(p.m6 - p.m5 * secretion_pmol_kg_min, 0.0, 0.95);
}

template <typename StateArray>
inline void meal_model_derivative(const MealModelParameters& p, const MealModelInputs& u, const StateArray& x,
                                  StateArray& dxdt) {
  namespace mm = meal_model;  // (the UVA/Padova state names are the same words)
  using Real = std::remove_cvref_t<decltype(x[0])>;
  const auto Qsto1 = x[mm::kStomachSolid];
  const auto Qsto2 = x[mm::kStomachLiquid];
  const auto Qgut = x[mm::kGut];
  const auto Gp = x[mm::kGlucosePlasma];
  const auto Gt = x[mm::kGlucoseTissue];
  const auto Ip = x[mm::kInsulinPlasma];
  const auto Il = x[mm::kInsulinLiver];
  const auto Ipo = x[mm::kInsulinPortal];
  const auto Y = x[mm::kSecretionProvision];
  const auto X = x[mm::kInsulinAction];
  const auto I1 = x[mm::kInsulinDelay1];
  const auto Id = x[mm::kInsulinDelayed];

  // Gastric emptying rate kempt(Qsto) -- Dalla Man 2006 eq. 4 (gastric_emptying.hpp).
  const Real kempt =
      gastric_emptying_rate_per_min(p, gastric_emptying_shape(p, Real(u.meal_size_mg)), Real(Qsto1 + Qsto2));
  // Stomach and gut -- Dalla Man 2007 eqs. 13-15; rate of appearance -- eq. 16.
  dxdt[mm::kStomachSolid] = -p.kmax * Qsto1 + u.carbs_mg_per_min;
  dxdt[mm::kStomachLiquid] = p.kmax * Qsto1 - kempt * Qsto2;
  dxdt[mm::kGut] = kempt * Qsto2 - p.kabs * Qgut;
  const auto Ra = p.f * p.kabs * Qgut / p.body_weight_kg;

  // Endogenous glucose production -- eq. 10, with portal insulin (kp4 Ipo), kept >= 0.
  Real EGP = p.kp1 - p.kp2 * Gp - p.kp3 * Id - p.kp4 * Ipo;
  if (EGP < 0) EGP = 0;
  // Renal excretion -- eq. 27.
  Real E = 0;
  if (Gp > p.ke2) E = p.ke1 * (Gp - p.ke2);
  // Insulin-dependent utilisation -- eqs. 24-25 (Vm(X) = Vm0 + Vmx X, Km(X) = Km0).
  const auto Uid = (p.Vm0 + p.Vmx * X) * Gt / (p.Km0 + Gt);
  // Glucose kinetics -- eqs. 1-2 (Uii = Fcns, eq. 23), plus intravenous glucose.
  dxdt[mm::kGlucosePlasma] = EGP + Ra - p.Fcns - E - p.k1 * Gp + p.k2 * Gt + u.glucose_iv_mg_per_kg_per_min;
  dxdt[mm::kGlucoseTissue] = -Uid + p.k1 * Gp - p.k2 * Gt;
  const auto G = Gp / p.Vg;                        // eq. 1 output, mg/dl
  const auto dG_dt = dxdt[mm::kGlucosePlasma] / p.Vg;  // mg/dl/min

  // Secretion -- eqs. 17-22. Spo = Y + K dG/dt + Sb when dG/dt > 0, else Y + Sb (eq. 19);
  // Y' = -alpha (Y - beta (G - h)) when beta (G - h) >= -Sb, else Y' = -alpha Y - alpha Sb (eq. 20); h = Gb.
  // Functional beta-cell mass multiplies the whole pre-hepatic secretion (this project).
  const Real dynamic = dG_dt > 0 ? Real(p.K * dG_dt) : Real(0);
  Real Spo = p.beta_cell_mass * (Y + dynamic + p.Sb);
  if (Spo < 0) Spo = 0;
  const auto static_signal = p.beta * (G - p.Gb);
  dxdt[mm::kSecretionProvision] =
      static_signal >= -p.Sb ? -p.alpha * (Y - static_signal) : -p.alpha * Y - p.alpha * p.Sb;
  dxdt[mm::kInsulinPortal] = -p.gamma * Ipo + Spo;  // eq. 18
  const auto S = p.gamma * Ipo;                 // eq. 17, secretion into the liver, pmol/kg/min

  // Insulin kinetics -- eqs. 3-6, plus intravenous insulin into plasma.
  const auto HE = meal_model_hepatic_extraction(p, S);
  const auto m3 = HE * p.m1 / (1.0 - HE);
  dxdt[mm::kInsulinPlasma] = -(p.m2 + p.m4) * Ip + p.m1 * Il + u.insulin_iv_pmol_per_kg_per_min;
  dxdt[mm::kInsulinLiver] = -(p.m1 + m3) * Il + p.m2 * Ip + S;
  const auto I = Ip / p.Vi;  // plasma insulin, pmol/l
  // Insulin action on utilisation -- eq. 26; delayed insulin signal on EGP -- eqs. 11-12.
  dxdt[mm::kInsulinAction] = -p.p2u * X + p.p2u * (I - p.Ib);
  dxdt[mm::kInsulinDelay1] = -p.ki * (I1 - I);
  dxdt[mm::kInsulinDelayed] = -p.ki * (Id - I1);
}

// The model as the engine's ModelIntegrator takes it.
struct MealModel {
  using Parameters = MealModelParameters;
  using State = MealModelState;
  using Inputs = MealModelInputs;
  static void derivative(const Parameters& p, const Inputs& u, const State& x, State& dxdt) {
    meal_model_derivative(p, u, x, dxdt);
  }
};

// Plasma glucose, mg/dl (G = Gp/VG, eq. 1) and plasma insulin, pmol/l (I = Ip/VI, eq. 3).
inline double meal_model_glucose_mg_dl(const MealModelParameters& p, const MealModelState& x) {
  return x[meal_model::kGlucosePlasma] / p.Vg;
}
inline double meal_model_insulin_pmol_l(const MealModelParameters& p, const MealModelState& x) {
  return x[meal_model::kInsulinPlasma] / p.Vi;
}
// Secretion into the liver S = gamma Ipo, pmol/kg/min (eq. 17).
inline double meal_model_secretion_pmol_kg_min(const MealModelParameters& p, const MealModelState& x) {
  return p.gamma * x[meal_model::kInsulinPortal];
}

}  // namespace isletsim
