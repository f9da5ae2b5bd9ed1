#include "physiology/uva_padova_steady_state.hpp"

#include <cmath>

namespace isletsim {

void set_basal_steady_state(UvaPadovaParameters& p, double basal_glucose_mg_dl, double basal_insulin_pmol_l) {
  const double Gpb = basal_glucose_mg_dl * p.Vg;
  // k1 Gp - k2 Gt = Vm0 Gt/(Km0 + Gt)  <=>  k2 Gt^2 + (k2 Km0 + Vm0 - k1 Gp) Gt - k1 Gp Km0 = 0; positive root.
  const double qa = p.k2;
  const double qb = p.k2 * p.Km0 + p.Vm0 - p.k1 * Gpb;
  const double qc = -p.k1 * Gpb * p.Km0;
  const double Gtb = (-qb + std::sqrt(qb * qb - 4.0 * qa * qc)) / (2.0 * qa);
  const double Uidb = p.Vm0 * Gtb / (p.Km0 + Gtb);
  const double Eb = Gpb > p.ke2 ? p.ke1 * (Gpb - p.ke2) : 0.0;
  const double EGPb = p.Fsnc + Uidb + Eb;
  p.Ib = basal_insulin_pmol_l;
  p.kp1 = EGPb + p.kp2 * Gpb + p.kp3 * p.Ib;

  const double Ipb = p.Ib * p.Vi;
  const double Ilb = p.m2 * Ipb / (p.m1 + p.m30);
  const double ub = (p.m2 + p.m4) * Ipb - p.m1 * Ilb;
  p.basal_insulin_pmol_per_kg_per_min = ub;

  UvaPadovaState& x = p.initial_state;
  x.fill(0.0);
  x[kGlucosePlasma] = Gpb;
  x[kGlucoseTissue] = Gtb;
  x[kInsulinPlasma] = Ipb;
  x[kInsulinActionRemote] = 0.0;
  x[kInsulinDelay1] = p.Ib;
  x[kInsulinDelayed] = p.Ib;
  x[kInsulinLiver] = Ilb;
  x[kInsulinSubcut1] = ub / (p.kd + p.ka1);
  x[kInsulinSubcut2] = p.kd * x[kInsulinSubcut1] / p.ka2;
  x[kGlucoseSubcut] = Gpb;
}

}  // namespace isletsim
