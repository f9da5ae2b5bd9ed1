// Ha, Satin & Sherman 2016, "A mathematical model of the pathogenesis, prevention, and reversal of type 2
// diabetes", Endocrinology 157:624-635: the human model (time in days).
//
// Equations and parameters are those of the authors' own XPPAUT files (supplementary material, published at
// https://github.com/artielbm/artielbm.github.io, Models/Pathogenesis/human.ode, with the parameter values of the
// figure-7 set file fig7_human_prevention.set, which differ from the .ode defaults in Amax = 9 and ISRI_bar = 600.
// The early/late set files were not available to us; they differ from the prevention one in the S_i kinetics
// after t_on (0.014 /d toward 0.468, CHECKS.md), and with these values the day-1800 results agree with the ones
// CHECKS.md quotes from them to within 0.2 %):
//   G'     = R0 - (EG0 + S_i*I)*G                              glucose (mg/dl)
//   I'     = beta*ISR/BV - k*I                                 insulin (uU/ml)
//   beta'  = (P(ISR) - A(M))*beta/tau_b                        beta-cell mass (mg)
//   gamma' = (gamma_inf(G) - gamma)/tau_g                      K(ATP)-channel shift of the glucose dose-response
//   sigma' = (sigma_inf - sigma)/tau_sigma                     beta-cell secretory capacity
//   S_i'   = -t_Si*(S_i - target_Si) before t_on, -t_Si2*(S_i - target_Si2) after   (forced insulin sensitivity)
// with M = Mmax G^kM/(alpha_M^kM + G^kM), ISR = sigma (M+gamma)^kISR/(alpha_ISR^kISR + (M+gamma)^kISR),
// P = Pmax ISR^kP/(alpha_P^kP + ISR^kP), A = Amax M^kA/(alpha_A^kA + M^kA) + A_b,
// gamma_inf = G_bar/(1 + exp(-(G - Gs)/Gn)) - Gshft,
// sigma_inf = sigma_MI * sigma_ISRI + sigma_b, where, with the glucose shifted by sigma_Gsh (M_Gsh, ISR_Gsh as M, ISR
// at G - sigma_Gsh): sigma_ISRI = ISRI_bar/(1 + ISRI_k exp(-(ISR_Gsh - ISRI_s)/ISRI_n)),
// sigma_MI = 1 - MI_bar/(1 + MI_k exp(-(M_Gsh - MI_s)/MI_n)).
// (The .ode file also holds switches for sigma and R0 used in the bariatric-surgery figure; they are off in the
// insulin-sensitivity scenarios and are not modelled here.)
//
// Integration: k = 700 /d against tau_b = 8570 d makes the system stiff (ratio ~10^6-10^7). Boost.Odeint's
// rosenbrock4 needs Boost.uBLAS, which does not compile under C++20 with the Boost we use, so the run uses the
// adaptive Dormand-Prince 5(4) stepper with the authors' tolerances (1e-10 abs and rel, as in their CVODE runs):
// it stays at its stability limit (~0.004 d), about half a million cheap steps for 1800 days. The switch of S_i
// kinetics at t_on is a discontinuity of the right-hand side, so the run is restarted there.
#pragma once

#include <vector>

namespace isletsim {

struct HaSatinSherman2016Parameters {
  // Authors' human.ode and fig7_human_prevention.set.
  double glucose_effectiveness_per_day = 1.44;      // Eg0
  double insulin_clearance_per_day = 700;           // k
  double glucose_production_mg_dl_per_day = 864;    // R0
  double blood_volume_l = 5;                        // BV
  double m_max = 1, alpha_m_mg_dl = 150, k_m = 2;   // metabolic rate M(G)
  double alpha_isr = 1.2, k_isr = 2;                // ISR(M + gamma)
  double p_max = 4.55, k_p = 4, alpha_p = 41.77;    // proliferation P(ISR)
  double a_max = 9, alpha_a = 0.44, k_a = 6, a_b = 0.8;  // apoptosis A(M) (Amax 9 in the fig7 set file)
  double tau_beta_day = 8570;
  double gamma_bar = 0.2, gamma_glucose_mg_dl = 99.9, gamma_slope_mg_dl = 1, gamma_shift = 0.1;
  double tau_gamma_day = 2.14;
  double sigma_glucose_shift_mg_dl = 75;                         // sigma_Gsh
  double isri_bar = 600, isri_s = 0.1, isri_n = 0.1, isri_k = 1;  // ISRI_bar 600 in the fig7 set file
  double sigma_b = 3;
  double mi_bar = 1, mi_k = 0.2, mi_s = 0.2, mi_n = 0.02;
  double tau_sigma_day = 249.9;
  // Forced insulin sensitivity (CHECKS.md; t_Si, target_Si of the fig7 set file): decline toward 0.18,
  // then after t_on toward 0.468.
  double si_rate_per_day = 0.00756, si_target_ml_per_uU_day = 0.18;
  double si_rate_after_per_day = 0.014, si_target_after_ml_per_uU_day = 0.468;
  double intervention_day = 1100;  // t_on
};

struct HaSatinSherman2016State {
  double glucose_mg_dl = 99.7664;        // initial conditions of human.ode
  double insulin_uU_ml = 9.025;
  double beta_cell_mass_mg = 1000.423;
  double gamma = -0.00666;
  double sigma = 536.67;
  double insulin_sensitivity = 0.8;      // S_i
};

struct HaSatinSherman2016Sample {
  double t_day = 0;
  HaSatinSherman2016State state;
};

// Integrates from `initial` (default: the authors' initial conditions) for `duration_day`, sampling every
// `sample_interval_day`; the first sample is the initial state.
std::vector<HaSatinSherman2016Sample> simulate_ha_satin_sherman_2016(const HaSatinSherman2016Parameters& p,
                                                                     const HaSatinSherman2016State& initial,
                                                                     double duration_day,
                                                                     double sample_interval_day);

}  // namespace isletsim
