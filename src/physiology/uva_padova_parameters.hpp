// Parameters of one virtual subject of the UVA/Padova 2008 type 1 diabetes model.
//
// Sources of the equations: Dalla Man, Rizza & Cobelli 2007, "Meal simulation model of the glucose-insulin system",
// IEEE Trans Biomed Eng 54(10):1740-1749 (glucose, insulin, meal and EGP subsystems); Dalla Man, Camilleri &
// Cobelli 2006, IEEE TBME 53(12):2472 (gastric emptying); Kovatchev, Breton, Dalla Man & Cobelli 2009,
// "In silico preclinical trials: a proof of concept in closed-loop control of type 1 diabetes",
// J Diabetes Sci Technol 3(1):44-55 (subcutaneous insulin and glucose). Names follow those papers; units are in
// the comments and in the field names where they are not the paper's symbol.
#pragma once

#include <array>
#include <string>

namespace isletsim {

inline constexpr int kUvaPadovaStateCount = 13;
using UvaPadovaState = std::array<double, kUvaPadovaStateCount>;

// Index of each state in UvaPadovaState (Dalla Man 2007 notation in brackets).
enum UvaPadovaStateIndex : int {
  kStomachSolid = 0,       // [Qsto1] glucose in the stomach, solid phase, mg
  kStomachLiquid = 1,      // [Qsto2] glucose in the stomach, liquid phase, mg
  kGut = 2,                // [Qgut] glucose in the intestine, mg
  kGlucosePlasma = 3,      // [Gp] plasma glucose mass, mg/kg
  kGlucoseTissue = 4,      // [Gt] glucose mass in slowly equilibrating tissue, mg/kg
  kInsulinPlasma = 5,      // [Ip] plasma insulin mass, pmol/kg
  kInsulinActionRemote = 6,  // [X] insulin in the interstitial fluid acting on utilisation, pmol/l
  kInsulinDelay1 = 7,      // [I1] first delay compartment of insulin action on EGP, pmol/l
  kInsulinDelayed = 8,     // [Id] delayed insulin signal acting on EGP, pmol/l
  kInsulinLiver = 9,       // [Il] liver insulin mass, pmol/kg
  kInsulinSubcut1 = 10,    // [Isc1] non-monomeric subcutaneous insulin, pmol/kg
  kInsulinSubcut2 = 11,    // [Isc2] monomeric subcutaneous insulin, pmol/kg
  kGlucoseSubcut = 12,     // [Gs] subcutaneous glucose mass, mg/kg (Gs/VG is the sensor's glucose)
};

struct UvaPadovaParameters {
  std::string name;
  double body_weight_kg = 0;  // BW
  // Rate of appearance (Dalla Man 2006, 2007)
  double kmax = 0;  // /min, maximal gastric emptying rate
  double kmin = 0;  // /min, minimal gastric emptying rate
  double kabs = 0;  // /min, intestinal absorption rate
  double b = 0;     // fraction of the dose at which kempt falls to (kmax+kmin)/2 (first flex)
  double d = 0;     // fraction of the dose at which kempt rises back (second flex)
  double f = 0;     // fraction of intestinal absorption appearing in plasma
  // Glucose kinetics and utilisation
  double Vg = 0;    // dl/kg, glucose distribution volume
  double k1 = 0;    // /min
  double k2 = 0;    // /min
  double Vm0 = 0;   // mg/kg/min
  double Vmx = 0;   // mg/kg/min per pmol/l
  double Km0 = 0;   // mg/kg
  double p2u = 0;   // /min, rate of insulin action on peripheral utilisation
  double Fsnc = 0;  // mg/kg/min, insulin-independent utilisation
  // Endogenous glucose production
  double kp1 = 0;   // mg/kg/min, extrapolated EGP at zero glucose and insulin
  double kp2 = 0;   // /min, liver glucose effectiveness
  double kp3 = 0;   // mg/kg/min per pmol/l, amplitude of insulin action on the liver
  double ki = 0;    // /min, rate of the delayed insulin signal
  // Renal excretion
  double ke1 = 0;   // /min, glomerular filtration rate
  double ke2 = 0;   // mg/kg, renal threshold of glucose
  // Insulin kinetics
  double Vi = 0;    // l/kg, insulin distribution volume
  double m1 = 0;    // /min
  double m2 = 0;    // /min
  double m30 = 0;   // /min, hepatic extraction rate constant at basal
  double m4 = 0;    // /min
  double Ib = 0;    // pmol/l, basal plasma insulin
  // Subcutaneous insulin (Kovatchev 2009)
  double kd = 0;    // /min, dissociation of hexameric to monomeric insulin
  double ka1 = 0;   // /min, absorption of non-monomeric insulin
  double ka2 = 0;   // /min, absorption of monomeric insulin
  // Subcutaneous glucose (Kovatchev 2009; Facchinetti et al. 2007 sensor lag)
  double ksc = 0;   // /min
  // Steady state
  double basal_insulin_pmol_per_kg_per_min = 0;  // u2ss: the infusion that holds initial_state at rest
  UvaPadovaState initial_state{};
  // Therapy settings that travel with the subject (clinician-chosen, not physiology)
  double carb_ratio_g_per_u = 0;           // CR
  double correction_factor_mg_dl_per_u = 0;  // CF

  double basal_insulin_u_per_min() const;
};

}  // namespace isletsim
