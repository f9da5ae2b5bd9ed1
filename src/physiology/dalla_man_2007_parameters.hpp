// Parameters of one subject of the Dalla Man, Rizza & Cobelli 2007 meal model *with* endogenous insulin secretion
// ("Meal simulation model of the glucose-insulin system", IEEE Trans Biomed Eng 54(10):1740-1749), the model of
// people who make their own insulin (normal, impaired glucose tolerance, type 2 diabetes).
//
// Symbols follow the paper; units are in the comments. The published average subjects are built in
// dalla_man_2007_subjects.cpp, the basal state in dalla_man_2007_steady_state.hpp, the tissue insulin-resistance
// knobs in insulin_resistance.hpp.
#pragma once

#include <array>
#include <string>

namespace isletsim {

inline constexpr int kMealModelStateCount = 12;
using MealModelState = std::array<double, kMealModelStateCount>;

namespace meal_model {
// Index of each state in MealModelState (Dalla Man 2007 notation in brackets).
enum StateIndex : int {
  kStomachSolid = 0,     // [Qsto1] glucose in the stomach, solid phase, mg
  kStomachLiquid = 1,    // [Qsto2] glucose in the stomach, liquid phase, mg
  kGut = 2,              // [Qgut] glucose in the intestine, mg
  kGlucosePlasma = 3,    // [Gp] plasma glucose mass, mg/kg
  kGlucoseTissue = 4,    // [Gt] glucose mass in slowly equilibrating tissue, mg/kg
  kInsulinPlasma = 5,    // [Ip] plasma insulin mass, pmol/kg
  kInsulinLiver = 6,     // [Il] liver insulin mass, pmol/kg
  kInsulinPortal = 7,    // [Ipo] insulin in the portal vein, pmol/kg
  kSecretionProvision = 8,  // [Y] static (glucose-driven) secretion above basal, pmol/kg/min
  kInsulinAction = 9,    // [X] insulin in the interstitial fluid acting on utilisation, pmol/l
  kInsulinDelay1 = 10,   // [I1] first delay compartment of insulin action on EGP, pmol/l
  kInsulinDelayed = 11,  // [Id] delayed insulin signal acting on EGP, pmol/l
};
}  // namespace meal_model

struct MealModelParameters {
  std::string name;
  double body_weight_kg = 0;  // BW
  // Glucose kinetics (Dalla Man 2007 eqs. 1-2)
  double Vg = 0;  // dl/kg, glucose distribution volume
  double k1 = 0;  // /min
  double k2 = 0;  // /min
  // Insulin kinetics (eqs. 3-6)
  double Vi = 0;   // l/kg, insulin distribution volume
  double m1 = 0;   // /min
  double m2 = 0;   // /min
  double m4 = 0;   // /min
  double m5 = 0;   // min*kg/pmol, slope of hepatic extraction on secretion, HE = -m5 S + m6 (eq. 6)
  double m6 = 0;   // dimensionless
  double HEb = 0;  // basal hepatic insulin extraction
  // Rate of appearance (eqs. 13-16; gastric emptying of Dalla Man, Camilleri & Cobelli 2006)
  double kmax = 0;  // /min
  double kmin = 0;  // /min
  double kabs = 0;  // /min
  double b = 0;
  double d = 0;
  double f = 0;
  // Endogenous glucose production (eq. 10): EGP = kp1 - kp2 Gp - kp3 Id - kp4 Ipo
  double kp1 = 0;  // mg/kg/min
  double kp2 = 0;  // /min
  double kp3 = 0;  // mg/kg/min per pmol/l
  double kp4 = 0;  // mg/kg/min per pmol/kg
  double ki = 0;   // /min
  // Utilisation (eqs. 23-26)
  double Fcns = 0;  // mg/kg/min, insulin-independent utilisation
  double Vm0 = 0;   // mg/kg/min
  double Vmx = 0;   // mg/kg/min per pmol/l
  double Km0 = 0;   // mg/kg
  double p2u = 0;   // /min
  // Secretion (eqs. 17-22)
  double K = 0;      // pmol/kg per mg/dl, dynamic responsivity (first phase, on dG/dt)
  double alpha = 0;  // /min, delay between the static glucose signal and secretion
  double beta = 0;   // pmol/kg/min per mg/dl, static responsivity (second phase, on G - h)
  double gamma = 0;  // /min, transfer rate between portal vein and liver
  // Renal excretion (eq. 27)
  double ke1 = 0;  // /min
  double ke2 = 0;  // mg/kg
  // Functional beta-cell mass as a fraction of the published subject's: multiplies all secretion (basal included).
  double beta_cell_mass = 1.0;
  // Basal state (dalla_man_2007_steady_state.hpp)
  double Gb = 0;  // mg/dl, basal glucose of the published subject = h, the secretion threshold (eq. 20)
  double Ib = 0;  // pmol/l, basal insulin of the published subject: the reference of insulin action X (eq. 26)
  double Sb = 0;  // pmol/kg/min, basal secretion of the published subject at G = h, S = Sb (eqs. 6, 18)
  MealModelState initial_state{};  // the resting state of *this* subject (its own fasting glucose and insulin)
};

}  // namespace isletsim
