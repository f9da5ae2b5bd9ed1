#include "physiology/published_subjects.hpp"

#include <stdexcept>

#include "physiology/uva_padova_steady_state.hpp"

namespace isletsim {

UvaPadovaParameters average_adult_t1d() {
  UvaPadovaParameters p;
  p.name = "average_adult";
  // Design choice: 78 kg, the mean body weight of the normal subjects of Dalla Man 2007 (section II.A).
  p.body_weight_kg = 78.0;
  // Dalla Man 2007 Table 1, "normal" column (values as listed in shared/reference/physiology/CHECKS.md,
  // where two secondary sources agree). Gastric emptying: Dalla Man 2006 parameterisation.
  p.Vg = 1.88;     // dl/kg
  p.k1 = 0.065;    // /min
  p.k2 = 0.079;    // /min
  p.Vi = 0.05;     // l/kg
  p.m1 = 0.190;    // /min
  p.m2 = 0.484;    // /min
  p.m4 = 0.194;    // /min
  const double HEb = 0.6;             // basal hepatic insulin extraction
  p.m30 = HEb * p.m1 / (1.0 - HEb);   // Dalla Man 2007 eq. 6 at basal: m3(0) = HEb m1 / (1 - HEb)
  p.kmax = 0.0558;  // /min
  p.kmin = 0.0080;  // /min
  p.kabs = 0.057;   // /min
  p.f = 0.90;
  p.b = 0.82;
  p.d = 0.010;
  p.kp2 = 0.0021;  // /min
  p.kp3 = 0.009;   // mg/kg/min per pmol/l
  p.ki = 0.0079;   // /min
  p.Fsnc = 1.0;    // mg/kg/min
  p.Vm0 = 2.50;    // mg/kg/min
  p.Vmx = 0.047;   // mg/kg/min per pmol/l
  p.Km0 = 225.59;  // mg/kg
  p.p2u = 0.0331;  // /min
  // Renal excretion: Dalla Man 2007 Table 1 (ke1 0.0005 /min, ke2 339 mg/kg).
  p.ke1 = 0.0005;
  p.ke2 = 339.0;
  // Subcutaneous insulin: Dalla Man, Raimondo, Rizza & Cobelli 2007, "GIM, simulation software of meal
  // glucose-insulin model", J Diabetes Sci Technol 1:323 (kd 0.0164, ka1 0.0018, ka2 0.0182 /min).
  p.kd = 0.0164;
  p.ka1 = 0.0018;
  p.ka2 = 0.0182;
  // Subcutaneous glucose: first-order lag with a 10-min time constant (Breton & Kovatchev 2008,
  // J Diabetes Sci Technol 2:853, blood-to-interstitial delay of the sensor model).
  p.ksc = 0.1;
  // Basal state (design choice): 120 mg/dl, a usual fasting target, with the normal basal plasma insulin of
  // Dalla Man 2007 (Ib = 25.49 pmol/l) supplied by the basal infusion.
  set_basal_steady_state(p, 120.0, 25.49);
  // Therapy settings from the rules of thumb of Walsh & Roberts 2006 ("Pumping Insulin", 4th ed.): total daily
  // insulin 0.55 U/kg; carb ratio = 500 / TDI g/U; correction factor = 1800 / TDI mg/dl/U.
  const double total_daily_insulin_u = 0.55 * p.body_weight_kg;
  p.carb_ratio_g_per_u = 500.0 / total_daily_insulin_u;
  p.correction_factor_mg_dl_per_u = 1800.0 / total_daily_insulin_u;
  return p;
}

std::vector<std::string> published_subject_names() { return {"average_adult"}; }

UvaPadovaParameters published_subject(const std::string& name) {
  if (name == "average_adult") return average_adult_t1d();
  throw std::out_of_range("unknown built-in subject '" + name + "'");
}

}  // namespace isletsim
