// Portal (pre-hepatic) insulin input of the UVA/Padova model: the steady state with a constant portal input S is the
// hand-derived closed form of Dalla Man 2007 eqs. 3-6, both integrators reach it, and the fast integrator follows
// the reference integrator with a portal input during a meal.
//
// Closed form (no s.c. insulin, portal S constant, pmol/kg/min). Eqs. 3-4 at rest:
//   0 = -(m1 + m3) Il + m2 Ip + S,   0 = -(m2 + m4) Ip + m1 Il,   m3 = m30 (constant in the 2008 T1D model)
//   => Ip = m1 S / (m2 m30 + m4 (m1 + m30)),   Il = (m2 Ip + S) / (m1 + m30),   I = Ip / VI (eq. 5);
// eq. 26: X = I - Ib; eqs. 11-12: I1 = Id = I. Hepatic extraction (eq. 6 solved for HE): HE = m30 / (m1 + m30),
// so the portal input that gives the basal plasma insulin is S_b = u_b / (1 - HE), u_b the s.c. basal rate;
// with it every insulin signal is basal and glucose rests at the subject's basal glucose.
#include <gtest/gtest.h>

#include <cmath>

#include "core/units.hpp"
#include "engine/fast_subject_integrator.hpp"
#include "engine/subject_integrator.hpp"
#include "physiology/published_subjects.hpp"

namespace isletsim {
namespace {

struct PortalSteadyState {
  double Ip, Il, I;
};

PortalSteadyState closed_form(const UvaPadovaParameters& p, double S) {
  PortalSteadyState s{};
  s.Ip = p.m1 * S / (p.m2 * p.m30 + p.m4 * (p.m1 + p.m30));
  s.Il = (p.m2 * s.Ip + S) / (p.m1 + p.m30);
  s.I = s.Ip / p.Vi;
  return s;
}

double u_per_min(const UvaPadovaParameters& p, double pmol_per_kg_per_min) {
  return pmol_per_kg_per_min * p.body_weight_kg / units::kPmolPerInsulinUnit;
}

template <typename Integrator>
void expect_insulin_steady_state(const Integrator& integrator, const UvaPadovaParameters& p, double S) {
  const PortalSteadyState expected = closed_form(p, S);
  const UvaPadovaState& x = integrator.state();
  EXPECT_NEAR(x[kInsulinPlasma], expected.Ip, 1e-6 * expected.Ip);
  EXPECT_NEAR(x[kInsulinLiver], expected.Il, 1e-6 * expected.Il);
  EXPECT_NEAR(x[kInsulinActionRemote], expected.I - p.Ib, 1e-5 * expected.I);
  EXPECT_NEAR(x[kInsulinDelay1], expected.I, 1e-6 * expected.I);
  EXPECT_NEAR(x[kInsulinDelayed], expected.I, 1e-6 * expected.I);
  EXPECT_NEAR(x[kInsulinSubcut1], 0.0, 1e-9);  // the s.c. depot has drained
  EXPECT_NEAR(x[kInsulinSubcut2], 0.0, 1e-9);
}

// Twice the basal portal input, no s.c. insulin, 6 days: the slowest insulin time constant, 1/ki ~ 1/0.0079 min,
// and the s.c. depot's, 1/ka1, are far shorter than that.
TEST(UvaPadovaPortalInsulin, SteadyStateMatchesTheClosedFormOfEqs3To6) {
  const UvaPadovaParameters p = average_adult_t1d();
  const double hepatic_extraction = p.m30 / (p.m1 + p.m30);
  const double S = 2.0 * p.basal_insulin_pmol_per_kg_per_min / (1.0 - hepatic_extraction);
  SubjectIntegrator reference(p);
  FastSubjectIntegrator fast(p);
  for (int minute = 0; minute < 6 * 1440; ++minute) {
    reference.advance_with_portal_insulin(0.0, 0.0, u_per_min(p, S), 1.0);
    fast.advance_with_portal_insulin(0.0, 0.0, u_per_min(p, S), 1.0);
  }
  expect_insulin_steady_state(reference, p, S);
  expect_insulin_steady_state(fast, p, S);
  // Plasma insulin at twice the basal rate is twice basal (the insulin subsystem is linear).
  EXPECT_NEAR(reference.state()[kInsulinPlasma] / p.Vi, 2.0 * p.Ib, 1e-6 * p.Ib);
}

// The portal input S_b = u_b / (1 - HE) holds the subject at its basal state: same plasma insulin as the s.c. basal
// rate u_b, so the same glucose; only the liver holds more insulin, Il = (m2 Ip_b + S_b) / (m1 + m30).
TEST(UvaPadovaPortalInsulin, PortalBasalRateIsTheSubcutaneousOneOverOneMinusHepaticExtraction) {
  const UvaPadovaParameters p = average_adult_t1d();
  const double hepatic_extraction = p.m30 / (p.m1 + p.m30);
  ASSERT_GT(hepatic_extraction, 0.0);
  ASSERT_LT(hepatic_extraction, 1.0);
  const double S = p.basal_insulin_pmol_per_kg_per_min / (1.0 - hepatic_extraction);
  SubjectIntegrator reference(p);
  for (int minute = 0; minute < 6 * 1440; ++minute) reference.advance_with_portal_insulin(0.0, 0.0, u_per_min(p, S), 1.0);
  expect_insulin_steady_state(reference, p, S);
  EXPECT_NEAR(reference.state()[kInsulinPlasma], p.initial_state[kInsulinPlasma],
              1e-6 * p.initial_state[kInsulinPlasma]);
  EXPECT_NEAR(reference.state()[kInsulinLiver],
              (p.m2 * p.initial_state[kInsulinPlasma] + S) / (p.m1 + p.m30), 1e-6 * S);
  EXPECT_GT(reference.state()[kInsulinLiver], p.initial_state[kInsulinLiver]);
  EXPECT_NEAR(reference.plasma_glucose_mg_dl(), p.initial_state[kGlucosePlasma] / p.Vg, 1e-3);
}

// A meal with a portal insulin pulse: the fast integrator's exact propagator (portal column) against the adaptive
// reference solver, within the fast engine's acceptance (0.02 mg/dl, tests/engine/fast_engine_test.cpp).
TEST(UvaPadovaPortalInsulin, FastIntegratorFollowsTheReferenceWithPortalInput) {
  const UvaPadovaParameters p = average_adult_t1d();
  SubjectIntegrator reference(p);
  FastSubjectIntegrator fast(p);
  double worst = 0;
  for (int minute = 0; minute < 600; ++minute) {
    const double carbs = (minute >= 60 && minute < 70) ? 5.0 : 0.0;  // 50 g at 5 g/min
    const double portal = (minute >= 60 && minute < 180) ? 0.02 : 0.005;
    const double subcutaneous = p.basal_insulin_u_per_min() * 0.5;
    reference.advance_with_portal_insulin(carbs, subcutaneous, portal, 1.0);
    fast.advance_with_portal_insulin(carbs, subcutaneous, portal, 1.0);
    worst = std::max(worst, std::abs(reference.plasma_glucose_mg_dl() - fast.plasma_glucose_mg_dl()));
  }
  EXPECT_LT(worst, 0.02);
  // And the portal insulin did something: more than with the s.c. basal alone.
  SubjectIntegrator without(p);
  for (int minute = 0; minute < 600; ++minute) {
    without.advance((minute >= 60 && minute < 70) ? 5.0 : 0.0, p.basal_insulin_u_per_min() * 0.5, 1.0);
  }
  EXPECT_GT(reference.state()[kInsulinPlasma], without.state()[kInsulinPlasma]);
}

TEST(UvaPadovaPortalInsulin, FastIntegratorRejectsNegativeOrNanPortalInsulin) {
  FastSubjectIntegrator fast(average_adult_t1d());
  EXPECT_THROW(fast.advance_with_portal_insulin(0.0, 0.0, -0.01, 1.0), std::invalid_argument);
  EXPECT_THROW(fast.advance_with_portal_insulin(0.0, 0.0, std::nan(""), 1.0), std::invalid_argument);
}

}  // namespace
}  // namespace isletsim
