#include "physiology/dalla_man_2007_steady_state.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "physiology/dalla_man_2007_model.hpp"

namespace isletsim {

namespace {

// Everything at rest for a trial glucose (see the header for the equations).
struct RestingState {
  MealModelState x{};
  double residual = 0;  // dGp/dt at rest, mg/kg/min
};

RestingState resting_state(const MealModelParameters& p, double glucose_mg_dl, bool published_basal) {
  using namespace meal_model;
  RestingState r;
  const double Gp = glucose_mg_dl * p.Vg;
  const double Y = published_basal ? 0.0 : std::max(p.beta * (glucose_mg_dl - p.Gb), -p.Sb);
  const double S = std::max(0.0, (published_basal ? 1.0 : p.beta_cell_mass) * (Y + p.Sb));
  const double Ipo = S / p.gamma;
  const double HE = meal_model_hepatic_extraction(p, S);
  const double m3 = HE * p.m1 / (1.0 - HE);
  const double Ip = p.m1 * S / ((p.m2 + p.m4) * (p.m1 + m3) - p.m1 * p.m2);
  const double Il = (p.m2 + p.m4) * Ip / p.m1;
  const double I = Ip / p.Vi;
  const double X = published_basal ? 0.0 : I - p.Ib;
  const double Vm = p.Vm0 + p.Vmx * X;
  // k2 Gt^2 + (k2 Km0 + Vm - k1 Gp) Gt - k1 Gp Km0 = 0; positive root.
  const double qa = p.k2;
  const double qb = p.k2 * p.Km0 + Vm - p.k1 * Gp;
  const double qc = -p.k1 * Gp * p.Km0;
  const double Gt = (-qb + std::sqrt(qb * qb - 4.0 * qa * qc)) / (2.0 * qa);
  const double EGP = std::max(0.0, p.kp1 - p.kp2 * Gp - p.kp3 * I - p.kp4 * Ipo);
  const double E = Gp > p.ke2 ? p.ke1 * (Gp - p.ke2) : 0.0;
  r.residual = EGP - p.Fcns - E - p.k1 * Gp + p.k2 * Gt;
  r.x.fill(0.0);
  r.x[kGlucosePlasma] = Gp;
  r.x[kGlucoseTissue] = Gt;
  r.x[kInsulinPlasma] = Ip;
  r.x[kInsulinLiver] = Il;
  r.x[kInsulinPortal] = Ipo;
  r.x[kSecretionProvision] = Y;
  r.x[kInsulinAction] = X;
  r.x[kInsulinDelay1] = I;
  r.x[kInsulinDelayed] = I;
  return r;
}

double solve_resting_glucose(const MealModelParameters& p, bool published_basal) {
  double low = 10.0;
  double high = 1000.0;
  if (resting_state(p, low, published_basal).residual < 0 || resting_state(p, high, published_basal).residual > 0) {
    throw std::runtime_error("subject '" + p.name + "': no resting glucose in [10, 1000] mg/dl");
  }
  for (int i = 0; i < 200 && high - low > 1e-13 * high; ++i) {
    const double mid = 0.5 * (low + high);
    (resting_state(p, mid, published_basal).residual > 0 ? low : high) = mid;
  }
  return 0.5 * (low + high);
}

}  // namespace

void set_published_basal_state(MealModelParameters& p) {
  p.Sb = (p.m6 - p.HEb) / p.m5;  // Dalla Man 2007 eq. 6 at basal: HEb = -m5 Sb + m6
  const double Gb = solve_resting_glucose(p, /*published_basal=*/true);
  const RestingState r = resting_state(p, Gb, true);
  p.Gb = Gb;
  p.Ib = r.x[meal_model::kInsulinPlasma] / p.Vi;
  p.initial_state = r.x;
}

void settle_to_steady_state(MealModelParameters& p) {
  const double G = solve_resting_glucose(p, /*published_basal=*/false);
  p.initial_state = resting_state(p, G, false).x;
}

}  // namespace isletsim
