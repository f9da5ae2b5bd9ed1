// The glucagon input of the UVA/Padova EGP (UvaPadovaInputs::glucagon_egp_mg_per_kg_per_min, S2013 form of Dalla
// Man et al. 2014): EGP = max(kp1 - kp2 Gp - kp3 Id + xi X^H, 0), so the input adds to dGp/dt one for one while EGP
// is positive, and the bound of Dalla Man 2007 eq. 10 still holds when insulin suppresses EGP below zero.
#include <gtest/gtest.h>

#include "engine/subject_integrator.hpp"
#include "physiology/published_subjects.hpp"
#include "physiology/uva_padova_model.hpp"

namespace isletsim {
namespace {

double plasma_glucose_derivative(const UvaPadovaParameters& p, const UvaPadovaState& x, double glucagon_egp) {
  UvaPadovaInputs u;
  u.insulin_pmol_per_kg_per_min = p.basal_insulin_pmol_per_kg_per_min;
  u.glucagon_egp_mg_per_kg_per_min = glucagon_egp;
  UvaPadovaState dxdt{};
  uva_padova_derivative(p, u, x, dxdt);
  return dxdt[kGlucosePlasma];
}

TEST(UvaPadovaGlucagonEgp, AddsToPlasmaGlucoseOneForOneAtBasal) {
  const UvaPadovaParameters p = average_adult_t1d();
  const double basal = plasma_glucose_derivative(p, p.initial_state, 0.0);
  EXPECT_NEAR(basal, 0.0, 1e-9);  // the basal steady state
  for (const double e : {0.25, 1.0, 2.6}) {
    EXPECT_NEAR(plasma_glucose_derivative(p, p.initial_state, e) - basal, e, 1e-12) << e;
  }
}

TEST(UvaPadovaGlucagonEgp, EgpStaysNonNegativeUnderHighInsulin) {
  const UvaPadovaParameters p = average_adult_t1d();
  UvaPadovaState x = p.initial_state;
  // Delayed insulin so high that kp1 - kp2 Gp - kp3 Id = -1 mg/kg/min: EGP is 0 (eq. 10's bound).
  x[kInsulinDelayed] = (p.kp1 - p.kp2 * x[kGlucosePlasma] + 1.0) / p.kp3;
  const double clipped = plasma_glucose_derivative(p, x, 0.0);
  EXPECT_EQ(plasma_glucose_derivative(p, x, 0.4), clipped);          // -0.6 -> still 0
  EXPECT_NEAR(plasma_glucose_derivative(p, x, 1.5), clipped + 0.5, 1e-12);  // +0.5 above the bound
}

// Through the reference integrator: a constant extra EGP e from the basal state for a short tau raises Gp by
// e tau - (k1 + kp2) e tau^2 / 2 + [(k1 + kp2)^2 + k1 k2] e tau^3 / 6 + O(tau^4) (Taylor expansion of eqs. 1-2 and
// 10: the extra Gp leaks to Gt at k1 and suppresses EGP at kp2, the extra Gt returns at k2; utilisation and insulin
// enter only at fourth order). Zero input stays at basal.
TEST(UvaPadovaGlucagonEgp, SubjectIntegratorPassesTheInput) {
  const UvaPadovaParameters p = average_adult_t1d();
  SubjectIntegrator with(p), without(p);
  const double e = 1.0;     // mg/kg/min
  const double tau = 0.01;  // min
  with.advance_with_portal_insulin_and_glucagon(0.0, p.basal_insulin_u_per_min(), 0.0, e, tau);
  without.advance_with_portal_insulin_and_glucagon(0.0, p.basal_insulin_u_per_min(), 0.0, 0.0, tau);
  EXPECT_NEAR(without.state()[kGlucosePlasma], p.initial_state[kGlucosePlasma], 1e-9);
  const double rise = with.state()[kGlucosePlasma] - without.state()[kGlucosePlasma];
  const double a = p.k1 + p.kp2;
  const double taylor = e * tau - a * e * tau * tau / 2.0 + (a * a + p.k1 * p.k2) * e * tau * tau * tau / 6.0;
  EXPECT_NEAR(rise, taylor, 1e-9);
}

}  // namespace
}  // namespace isletsim
