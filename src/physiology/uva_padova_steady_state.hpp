// Basal steady state of the UVA/Padova 2008 model for a chosen basal glucose and plasma insulin.
//
// Follows the basal constraints of Dalla Man, Rizza & Cobelli 2007 (IEEE TBME 54:1740, section II and the
// Appendix): at rest without a meal every derivative is zero, X = 0, I1 = Id = Ib, so
//   Gp_b = Gb * VG;  Gt_b solves k1 Gp_b - k2 Gt_b = Vm0 Gt_b / (Km0 + Gt_b);
//   EGP_b = Fsnc + Uid_b + E_b;  kp1 = EGP_b + kp2 Gp_b + kp3 Ib;
//   Ip_b = Ib * VI;  Il_b = m2 Ip_b / (m1 + m30);  u_b = (m2 + m4) Ip_b - m1 Il_b (s.c. absorption = infusion);
//   Isc1_b = u_b / (kd + ka1);  Isc2_b = kd Isc1_b / ka2;  Gs_b = Gp_b.
#pragma once

#include "physiology/uva_padova_parameters.hpp"

namespace isletsim {

// Sets initial_state, basal_insulin_pmol_per_kg_per_min, Ib and kp1 of `subject` so that it rests at
// basal glucose `basal_glucose_mg_dl` with basal plasma insulin `basal_insulin_pmol_l`.
void set_basal_steady_state(UvaPadovaParameters& subject, double basal_glucose_mg_dl, double basal_insulin_pmol_l);

}  // namespace isletsim
