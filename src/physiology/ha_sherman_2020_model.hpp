// Ha & Sherman 2020, "Type 2 diabetes: one disease, many pathways", Am J Physiol Endocrinol Metab 319:E410-E426
// (doi 10.1152/ajpendo.00512.2019): the pathways model, time in minutes.
//
// Equations and parameter values are those of the authors' own XPPAUT files (supplementary material published at
// https://github.com/artielbm/Pathways: pathway_xpp/pathway.ode, the model of all figures except 9, S10 and S11, with
// the set files FIG1.set (IGT-first pathway) and FIG3.set (IFG-first pathway), whose "Ending ICs" are the authors'
// state after 5 years; the OGTT protocol is that of the MATLAB run files pathway_matlab/FIG1.m and FIG3.m, whose
// pathway.m is the same model rescaled: sigma / 285.2, time in minutes). It extends Ha, Satin & Sherman 2016
// (ha_satin_sherman_2016_model.hpp) with
//   * three meals a day (a time-of-day input) and a simulated 75 g OGTT, so fasting and 2-h glucose are resolved;
//   * hepatic glucose production that depends on hepatic insulin sensitivity hepa_Si and on peripheral S_i:
//       HGP = hepa_max(S_i) / (alpha_HGP(S_i) + hepa_Si * I) + HGP_b,
//       hepa_max = hepa_bar/(hepa_k + S_i) + hepa_b,  alpha_HGP = alpha_max/(alpha_k + S_i) + alpha_b;
//   * a beta cell with vesicle pools (docked N5, reserve N6; the primed pools N1..N4 and the fused/released ones in
//     quasi-steady state, the authors' fast-slow reduction) driven by cytosolic and micro-domain calcium, so that
//     first-phase (readily releasable pool) and second-phase (resupply r3 ~ sigma * GF(G)) secretion are separate.
// State (pathway.ode order; time in minutes, slow rates per day times t_min = 0.00069444 day/min): G (mg/dl),
// I (uU/ml), beta-cell mass b (mg), gamma (K(ATP) shift), sigma (secretory capacity), S_i (ml/uU/day;
// 0.8 = 5.6e-4 ml/uU/min), hepa_Si (1 = normal), N5, N6 (vesicles).
//   G'     = HGP + meal(t) + OGTT(t) - (Eg0 + S_i I) G t_min
//   I'     = t_min (b ISR / BV - k I)
//   b'     = t_min (P(ISR) - A(M)) b / tau_b
//   gamma' = t_min (gamma_inf(G) - gamma) / tau_g
//   sigma' = t_min (sigma_inf(ISR, M) - sigma) / tau_sigma
//   S_i'   = t_min (S_i,target - S_i) / tau_Si,  hepa_Si' = t_min (hepa_Si,target - hepa_Si) / tau_hepaSi  (forced)
//   N5'    = ts (rm1 CN1 N5 - (r1 + rm2) N5 + r2 N6),   N6' = ts (r3 + rm2 N5 - (rm3 + r2) N6)
// with ISR = ts * 9 * u1 * N4 (N4 = CN4 CN3 CN2 CN1 N5). The intravenous GTT input of the .ode is not modelled.
//
// A pathway is a choice of the targets of the forced insulin-sensitivity decline (FIG1.set, FIG3.set): peripheral
// S_i falls to 0.1 with hepatic sensitivity kept at 0.85 -> IGT first; hepatic sensitivity falls to 0.1 with S_i
// only to 0.5 -> IFG first. Both carry the same beta-cell defect, ISRI_bar = 150 (.ode default 400).
//
// Integration: the docked pool relaxes at up to ts (r1 + rm2) = 36 /min when glucose is high while beta-cell mass
// changes over years, so the system is stiff (an explicit Dormand-Prince run stalls at its stability limit once
// glucose is high). The authors used CVODE (XPPAUT) and MATLAB's ode15s. Here the
// two-stage L-stable Rosenbrock method ROS2 (Verwer, Spee, Blom & Hundsdorfer 1999, SIAM J Sci Comput 20:1456)
// with a finite-difference Jacobian and an embedded first-order error estimate; ROS2 keeps order 2 with any
// Jacobian approximation (a W-method), so the Jacobian is refreshed only every few steps.
#pragma once

#include <array>
#include <vector>

namespace isletsim {

struct HaSherman2020Parameters {
  // Set per pathway in the authors' set files (FIG1.set, FIG3.set); the others as in pathway.ode.
  double si_target = 0.1;                 // tar_Si, ml/uU/day
  double si_tau_day = 250;                // tau_Si
  double hepatic_si_target = 0.85;        // tar_hepaSi
  double hepatic_si_tau_day = 250;        // tau_hepaSi
  double isri_bar = 150;                  // ISRI_bar: the beta-cell defect of both pathways (.ode default 400)
  double gamma_glucose_mg_dl = 100;       // Gs
  double r20_per_s = 0.006;               // r20, priming rate (resupply of the readily releasable pool)
  double insulin_clearance_per_day = 700;     // k
  double meal_scale_mg_dl_per_min = 11.055;   // mealbar
  double body_weight_kg = 75;                 // BW (OGTT glucose per distribution volume)
};

// The two pathways of the paper's Figures 1 and 3.
HaSherman2020Parameters ha_sherman_2020_igt_first_pathway();  // FIG1.set
HaSherman2020Parameters ha_sherman_2020_ifg_first_pathway();  // FIG3.set

inline constexpr int kHaSherman2020StateCount = 9;
using HaSherman2020State = std::array<double, kHaSherman2020StateCount>;
namespace ha_sherman_2020 {
enum StateIndex : int { kGlucose = 0, kInsulin, kBetaCellMass, kGamma, kSigma, kSi, kHepaticSi, kN5, kN6 };
}  // namespace ha_sherman_2020

// The authors' initial conditions (FIG1.set, FIG3.set).
HaSherman2020State ha_sherman_2020_initial_state();

// Hepatic glucose production, mg/dl/min (pathway.ode, "HGP").
double ha_sherman_2020_hepatic_glucose_production(double si, double hepatic_si, double insulin_uU_ml);

// One OGTT, as the run files do it every OGTT_period: from the current state, meals off, 75 g glucose flux on,
// 120 min, sampled at 0 and 120 min (the longitudinal run continues from the state before the OGTT).
struct HaSherman2020Ogtt {
  double t_min = 0;  // time of the OGTT on the longitudinal run
  double fasting_glucose_mg_dl = 0;
  double two_hour_glucose_mg_dl = 0;
  double fasting_insulin_uU_ml = 0;
  double two_hour_insulin_uU_ml = 0;
  double si = 0;
  double hepatic_si = 0;
  double sigma = 0;
  double beta_cell_mass_mg = 0;
};
HaSherman2020Ogtt run_ha_sherman_2020_ogtt(const HaSherman2020Parameters& p, const HaSherman2020State& state,
                                           double t_min);

// The longitudinal run of FIG1.m/FIG3.m: three meals a day, an OGTT at t = 0 and every ogtt_interval_min
// (7200 in the run files), up to duration_min. The first entry is the OGTT at t = 0.
std::vector<HaSherman2020Ogtt> simulate_ha_sherman_2020_pathway(const HaSherman2020Parameters& p,
                                                                double duration_min, double ogtt_interval_min);

}  // namespace isletsim
