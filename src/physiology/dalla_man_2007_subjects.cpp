#include "physiology/dalla_man_2007_subjects.hpp"

#include <stdexcept>

#include "physiology/dalla_man_2007_steady_state.hpp"

namespace isletsim {

// Every value below is from Dalla Man, Rizza & Cobelli 2007, Table 1, *as listed in the secondary sources* collected
// in shared/reference/physiology/CHECKS.md (two independent secondary sources agree), pending confirmation against
// the paper itself, which this project has not been able to read. The kp1 of the table fixes the basal state
// (dalla_man_2007_steady_state.hpp), so Gb and Ib are derived, not typed in.

MealModelParameters dalla_man_2007_average_normal() {
  MealModelParameters p;
  p.name = "dalla_man_normal";
  // Design choice: 78 kg, the mean body weight of the normal subjects of Dalla Man 2007 (section II.A), as in
  // average_adult_t1d(). All model equations are per kg except the meal's rate of appearance.
  p.body_weight_kg = 78.0;
  // Glucose kinetics -- Table 1 (CHECKS.md).
  p.Vg = 1.88;   // dl/kg
  p.k1 = 0.065;  // /min
  p.k2 = 0.079;  // /min
  // Insulin kinetics -- Table 1 (CHECKS.md).
  p.Vi = 0.05;     // l/kg
  p.m1 = 0.190;    // /min
  p.m2 = 0.484;    // /min
  p.m4 = 0.194;    // /min
  p.m5 = 0.0304;   // min*kg/pmol
  p.m6 = 0.6471;
  p.HEb = 0.6;
  // Rate of appearance -- Table 1 (CHECKS.md), gastric emptying of Dalla Man 2006.
  p.kmax = 0.0558;  // /min
  p.kmin = 0.0080;  // /min
  p.kabs = 0.057;   // /min
  p.f = 0.90;
  p.b = 0.82;
  p.d = 0.010;
  // Endogenous production -- Table 1 (CHECKS.md).
  p.kp1 = 2.70;     // mg/kg/min
  p.kp2 = 0.0021;   // /min
  p.kp3 = 0.009;    // mg/kg/min per pmol/l
  p.kp4 = 0.0618;   // mg/kg/min per pmol/kg
  p.ki = 0.0079;    // /min
  // Utilisation -- Table 1 (CHECKS.md).
  p.Fcns = 1.0;     // mg/kg/min
  p.Vm0 = 2.50;     // mg/kg/min
  p.Vmx = 0.047;    // mg/kg/min per pmol/l
  p.Km0 = 225.59;   // mg/kg
  p.p2u = 0.0331;   // /min
  // Secretion -- Table 1 (CHECKS.md).
  p.K = 2.30;       // pmol/kg per mg/dl
  p.alpha = 0.050;  // /min
  p.beta = 0.11;    // pmol/kg/min per mg/dl
  p.gamma = 0.5;    // /min
  // Renal excretion -- Table 1 (ke1 0.0005 /min, ke2 339 mg/kg; as in average_adult_t1d()).
  p.ke1 = 0.0005;
  p.ke2 = 339.0;
  set_published_basal_state(p);
  return p;
}

MealModelParameters dalla_man_2007_average_type2() {
  MealModelParameters p;
  p.name = "dalla_man_type2";
  // Design choice: the same 78 kg as the normal subject (the body weight of the type 2 group has not been
  // confirmed here), so that both subjects take the same meal per kg.
  p.body_weight_kg = 78.0;
  // Glucose kinetics -- Table 1, type 2 column (CHECKS.md).
  p.Vg = 1.49;
  p.k1 = 0.042;
  p.k2 = 0.071;
  // Insulin kinetics -- Table 1, type 2 column (CHECKS.md).
  p.Vi = 0.04;
  p.m1 = 0.379;
  p.m2 = 0.673;
  p.m4 = 0.269;
  p.m5 = 0.0526;
  p.m6 = 0.8118;
  p.HEb = 0.6;
  // Rate of appearance -- Table 1, type 2 column (CHECKS.md).
  p.kmax = 0.0465;
  p.kmin = 0.0076;
  p.kabs = 0.023;
  p.f = 0.90;
  p.b = 0.68;
  p.d = 0.09;
  // Endogenous production -- Table 1, type 2 column (CHECKS.md).
  p.kp1 = 3.09;
  p.kp2 = 0.0007;
  p.kp3 = 0.005;
  p.kp4 = 0.0786;
  p.ki = 0.0066;
  // Utilisation -- Table 1, type 2 column (CHECKS.md).
  p.Fcns = 1.0;
  p.Vm0 = 4.65;
  p.Vmx = 0.034;
  p.Km0 = 466.21;
  p.p2u = 0.0840;
  // Secretion -- Table 1, type 2 column (CHECKS.md).
  p.K = 0.99;
  p.alpha = 0.013;
  p.beta = 0.05;
  p.gamma = 0.5;
  // Renal excretion -- type 2 column as listed by ONE secondary source only (a public re-implementation's parameter
  // file: ke1 0.0007 /min, ke2 269 mg/kg); not in CHECKS.md, not confirmed against Table 1.
  p.ke1 = 0.0007;
  p.ke2 = 269.0;
  set_published_basal_state(p);
  return p;
}

std::vector<std::string> meal_model_subject_names() { return {"dalla_man_normal", "dalla_man_type2"}; }

MealModelParameters meal_model_subject(const std::string& name) {
  if (name == "dalla_man_normal") return dalla_man_2007_average_normal();
  if (name == "dalla_man_type2") return dalla_man_2007_average_type2();
  throw std::out_of_range("unknown meal-model subject '" + name + "'");
}

}  // namespace isletsim
