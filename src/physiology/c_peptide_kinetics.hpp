// C-peptide kinetics: the two-compartment model with the standard parameters of Van Cauter, Mestrez, Sturis,
// Henry & Polonsky 1992, "Estimation of insulin secretion rates from C-peptide levels. Comparison of individual and
// standard kinetic parameters for C-peptide clearance", Diabetes 41:368-377.
//
// C-peptide is cleaved from proinsulin and secreted equimolar with insulin, and the liver does not extract it
// (Polonsky et al. 1984, Diabetes 33:486), so the secretion rate of the meal model (S, pmol/kg/min, Dalla Man 2007
// eq. 17) times body weight is the C-peptide secretion rate SR (pmol/min). With C1 (plasma, accessible) and C2
// (peripheral) concentrations in pmol/l and V the volume of the accessible compartment (l):
//   dC1/dt = -(k01 + k21) C1 + k12 C2 + SR / V,      dC2/dt = k21 C1 - k12 C2.
// Standard parameters (Van Cauter 1992, Results and Table 3):
//   short half-life 4.95 min; fraction of the short component F = 0.76 (non-obese), 0.78 (obese, and T2D);
//   long half-life 0.14 * age(years) + 29.2 min; V = 1.92 BSA + 0.64 l (men), 1.11 BSA + 2.04 l (women).
// From the half-lives a = ln2/t_short, b = ln2/t_long:  k12 = F b + (1-F) a,  k01 = a b / k12,
// k21 = a + b - k12 - k01  (the bi-exponential decay A e^-at + B e^-bt written as compartment rates).
// Body surface area: Du Bois & Du Bois 1916, Arch Intern Med 17:863, BSA = 0.007184 W^0.425 H^0.725 (kg, cm).
//
// At steady secretion SR the plasma concentration is SR / (V k01): the metabolic clearance rate is V k01 (l/min).
// The system is linear with constant rates, so each interval of constant secretion is integrated exactly
// (eigenvalues -a and -b).
#pragma once

namespace isletsim {

struct CPeptidePerson {
  double age_years = 45;   // assumption: a middle-aged adult when the subject has no age
  double height_cm = 172;  // assumption: a typical adult height when the subject has none
  double body_weight_kg = 78;
  bool male = true;
  bool obese_or_type2 = false;  // selects F = 0.78 instead of 0.76
};

struct CPeptideKineticsParameters {
  double volume_l = 0;  // V, accessible compartment
  double k01_per_min = 0;
  double k12_per_min = 0;
  double k21_per_min = 0;
  double short_half_life_min = 0;
  double long_half_life_min = 0;
};

// Du Bois & Du Bois 1916 body surface area, m^2.
double du_bois_body_surface_area_m2(double body_weight_kg, double height_cm);

// Van Cauter 1992 standard parameters for one person. Throws InputError (key names the field) when age is outside
// 0-120 years, height outside 50-250 cm or weight outside 10-400 kg, or any is not finite.
CPeptideKineticsParameters van_cauter_1992_standard_parameters(const CPeptidePerson& person);

class CPeptideKinetics {
 public:
  // Starts at the steady state of a constant secretion (pmol/min).
  CPeptideKinetics(const CPeptideKineticsParameters& parameters, double steady_secretion_pmol_per_min);

  // Secretion held at `secretion_pmol_per_min` for `duration_min` (exact solution of the linear system).
  void advance(double secretion_pmol_per_min, double duration_min);

  double plasma_pmol_l() const { return plasma_pmol_l_; }
  double peripheral_pmol_l() const { return peripheral_pmol_l_; }
  // Plasma concentration at steady secretion: SR / (V k01).
  double steady_plasma_pmol_l(double secretion_pmol_per_min) const;
  const CPeptideKineticsParameters& parameters() const { return parameters_; }

 private:
  CPeptideKineticsParameters parameters_;
  double plasma_pmol_l_ = 0;
  double peripheral_pmol_l_ = 0;
};

}  // namespace isletsim
