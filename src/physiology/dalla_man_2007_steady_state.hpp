// Resting (fasting) state of the Dalla Man 2007 meal model with secretion.
//
// At rest every derivative of dalla_man_2007_model.hpp is zero. For a trial plasma glucose G (mg/dl):
//   Gp = G VG;  Y = max(beta (G - h), -Sb);  S = Spo = mass (Y + Sb);  Ipo = S / gamma      (eqs. 17-20)
//   HE = m6 - m5 S, m3 = HE m1 / (1 - HE);  Ip = m1 S / ((m2 + m4)(m1 + m3) - m1 m2);  Il = (m2 + m4) Ip / m1
//   I = Ip / VI;  I1 = Id = I;  X = I - Ib                                                  (eqs. 3-6, 11-12, 26)
//   Gt solves k1 Gp - k2 Gt = (Vm0 + Vmx X) Gt / (Km0 + Gt)                                 (eqs. 2, 24-25)
// and G is the root of  EGP(Gp, Id, Ipo) - Fcns - E(Gp) - k1 Gp + k2 Gt = 0               (eqs. 1, 10, 27),
// found by bisection (the residual falls with G: EGP falls and uptake rises).
#pragma once

#include "physiology/dalla_man_2007_parameters.hpp"

namespace isletsim {

// Basal state of a *published* subject from its Table 1 parameters alone: at basal Y = 0, so S = Sb with
// Sb = (m6 - HEb) / m5 (eq. 6 at t = 0), h = Gb (eq. 20), X = 0 (Ib = I). Sets Sb, Gb, Ib and initial_state.
// Throws std::runtime_error when no basal glucose in [10, 1000] mg/dl balances the table.
void set_published_basal_state(MealModelParameters& subject);

// Resting state of a subject whose parameters were changed after its basal state was set (insulin resistance,
// beta-cell loss): keeps h = Gb, Sb and Ib of the published subject, and finds the new fasting glucose at which
// the changed secretion, production and uptake balance. Sets initial_state only.
void settle_to_steady_state(MealModelParameters& subject);

}  // namespace isletsim
