// Type 1 diabetes as a slow process: autoimmune loss of beta-cell mass, clinical onset below a residual-mass
// threshold, a honeymoon (partial remission) after insulin is started, and C-peptide as the readout.
//
// Model (a deliberately simple phenomenological description; each piece cites its source):
//  * Beta-cell mass, as a fraction m of the normal mass, is constant until autoimmunity starts at t_a and then
//    destroyed first order at rate r:  m(t) = exp(-r (t - t_a)) for t > t_a. (Exponential loss of beta-cell
//    function from diagnosis onwards is the usual description of C-peptide decline, e.g. Greenbaum et al. 2012,
//    Diabetes 61:2066; the pre-clinical rate is not observable and r is a setting.)
//  * Clinical onset when m falls below the residual fraction f_dx at diagnosis. Klinke 2011 (PLoS One 6:e19814)
//    re-analysed post-mortem pancreata and found the residual mass at onset to depend on age (lower in young
//    children than in adults, of the order of tens of percent rather than the older "90 % lost"); f_dx is a setting,
//    default 0.3. Onset: m(t_dx) = f_dx  =>  t_dx = t_a + ln(1/f_dx)/r.
//  * At diagnosis the surviving cells secrete only a fraction phi_dx of normal (glucotoxicity); once insulin
//    therapy starts at t_dx their function recovers, phi(s) = 1 - (1 - phi_dx) exp(-s/tau), s = t - t_dx. This is
//    the honeymoon or partial remission, which begins within weeks to months of insulin start in about half of
//    children and adults (Abdul-Rasoul et al. 2006, Pediatr Diabetes 7:101; Mortensen et al. 2009, Diabetes Care
//    32:1384). Functional mass F = m*phi; its maximum after onset (dF/ds = 0) is at
//      s* = tau * ln((1 - phi_dx)(1 + r tau)/(r tau)),  which exists when (1 - phi_dx)(1 + r tau) > r tau.
//  * C-peptide is proportional to functional mass: C = C_normal * F (fasting and meal-stimulated separately).
//    Normal values (representative, healthy adults): fasting ~0.5 nmol/l, mixed-meal-stimulated peak ~2 nmol/l
//    (Palmer et al. 2004, Diabetes 53:250, on C-peptide as the outcome of T1D trials). Readout thresholds:
//    stimulated C-peptide 0.2 nmol/l, below which DCCT found no protection from residual secretion (DCCT Research
//    Group 1998, Ann Intern Med 128:517); "undetectable" taken as < 0.03 nmol/l, a typical lower limit of standard
//    assays (Jones & Hattersley 2013, Diabet Med 30:803).
#pragma once

namespace isletsim {

struct T1dAutoimmunityParameters {
  double autoimmunity_start_day = 0;                 // t_a
  double destruction_rate_per_day = 0.5 / 365.25;    // r (setting; 0.5 /year)
  double mass_fraction_at_onset = 0.3;               // f_dx (Klinke 2011, see above)
  double function_fraction_at_onset = 0.5;           // phi_dx (setting)
  double function_recovery_time_day = 30;            // tau (honeymoon within weeks: Abdul-Rasoul 2006)
  double normal_fasting_c_peptide_nmol_l = 0.5;      // Palmer 2004 (representative)
  double normal_stimulated_c_peptide_nmol_l = 2.0;   // Palmer 2004 (representative)
};

// Clinically relevant C-peptide levels (see the header comment).
inline constexpr double kDcctStimulatedCPeptideThresholdNmolL = 0.2;
inline constexpr double kUndetectableCPeptideNmolL = 0.03;

class T1dAutoimmunity {
 public:
  explicit T1dAutoimmunity(const T1dAutoimmunityParameters& parameters);

  double residual_mass_fraction(double t_day) const;     // m(t)
  double onset_day() const;                              // t_dx
  double function_fraction(double t_day) const;          // phi(t); 1 before onset
  double functional_mass_fraction(double t_day) const;   // m * phi
  double fasting_c_peptide_nmol_l(double t_day) const;
  double stimulated_c_peptide_nmol_l(double t_day) const;
  // Day of the honeymoon maximum of functional mass (analytic, see above); onset_day() when there is none.
  double honeymoon_peak_day() const;

 private:
  T1dAutoimmunityParameters parameters_;
};

}  // namespace isletsim
