// GraftGlucagonCounterRegulation: the glucagon response to falling glucose of an islet graft's alpha cells, and the
// extra endogenous glucose production (EGP) it causes, advanced once a minute beside the UVA/Padova T1D model.
//
// Structure: the glucagon submodel of the UVA/Padova S2013 simulator, Dalla Man, Micheletto, Lv, Breton, Kovatchev &
// Cobelli 2014, "The UVA/PADOVA Type 1 Diabetes Simulator: New Features", J Diabetes Sci Technol 8(1):26-34
// (appendix; the same equations are reprinted in the appendix of Visentin et al. 2018, J Diabetes Sci Technol
// 12(2):273):
//   dH/dt    = -n H + SRH                                         glucagon kinetics (one compartment), H(0) = Hb
//   SRH      = SRsH + SRdH
//   dSRsH/dt = -rho [SRsH - max(sigma (Gth - G) + SRHb, 0)]                  if G >= Gth   (static secretion)
//   dSRsH/dt = -rho [SRsH - max(sigma (Gth - G) / (1 + max(I - Ith, 0)) + SRHb, 0)]   if G < Gth (insulin inhibits)
//   SRdH     = delta max(-dG/dt, 0)                                           (dynamic secretion)
//   EGP      = kp1 - kp2 Gp - kp3 Id + xi X^H,   dX^H/dt = -kH X^H + kH max(H - Hb, 0)     (action on EGP)
// with SRHb = n Hb (steady state at basal).
//
// Graft and recipient (assumptions of this project, docs/trial.md):
//   - A graft of functional mass F (fraction of a normal pancreas, islet_graft.hpp; normal pancreas = F 1) secretes
//     F times the glucagon of a normal subject's alpha cells *above or below basal*: the state is the deviation
//     h = H - Hb of the recipient's glucagon from its basal value, dh/dt = -n h + F (SRsH - SRHb + SRdH). With F = 1
//     this is exactly the S2013 equations for H - Hb. The recipient's own alpha cells keep a constant basal output
//     and have no response to hypoglycaemia: the glucagon response is lost in type 1 diabetes (Gerich, Langlois,
//     Noacco, Karam & Forsham 1973, Science 182:171; Cryer 2002, Diabetologia 45:937). Their basal glucagon is
//     part of the UVA/Padova 2008 EGP parameters, so only the graft's deviation enters EGP.
//   - Threshold Gth = the basal glucose of the normal subject whose islets the graft copies (Dalla Man 2007 average
//     normal, as for the graft's insulin secretion, trial/graft_insulin_secretion.hpp); Ith = the recipient's
//     basal plasma insulin Ib (S2013 uses the subject's own basal values for both).
//   - Extra EGP = xi max(X^H, 0); the recipient's EGP (uva_padova_model.hpp) stays >= 0 as in Dalla Man 2007 eq. 10.
//
// Numerics: over the interval from the previous call to the current one, glucose and insulin are held at the
// current call's values and dG/dt is the difference quotient of the last two calls (the convention of
// graft_insulin_secretion.hpp). SRsH and h then follow linear equations that
// are advanced exactly (sums of exponentials). X^H is driven by max(h, 0): exact on every sub-interval where h keeps
// its sign; a sign change within the minute is located by bisection on h's closed form (1e-12 min).
#pragma once

namespace isletsim {

struct GlucagonCounterRegulationParameters {
  // Published structure, parameter values from a public re-implementation of S2013 (see the .cpp: provenance).
  double n_per_min = 0.15;                         // glucagon clearance rate
  double rho_per_min = 0.57;                       // rate at which static secretion follows its target
  double sigma_pg_ml_per_min_per_mg_dl = 1.093;    // alpha-cell responsivity to glucose below Gth
  double delta_pg_ml_per_mg_dl = 0.682;            // dynamic secretion per mg/dl/min of glucose fall
  double kh_per_min = 0.16;                        // rate of glucagon action on EGP
  double xi_mg_per_kg_per_min_per_pg_ml = 0.009;   // EGP per pg/ml of glucagon action
  double basal_glucagon_pg_ml = 93.0;              // Hb
  // Subject-specific (set by the caller): threshold glucose and threshold insulin.
  double threshold_glucose_mg_dl = 0;              // Gth
  double threshold_insulin_pmol_l = 0;             // Ith
};

// Throws InputError naming the parameter when a value is not finite, not positive (rates, Hb, Gth) or negative
// (sigma, delta, xi, Ith), or when two of the rates n, rho, kH coincide (the exact solution divides by their
// differences).
void validate_glucagon_counter_regulation(const GlucagonCounterRegulationParameters& p);

class GraftGlucagonCounterRegulation {
 public:
  explicit GraftGlucagonCounterRegulation(const GlucagonCounterRegulationParameters& parameters);

  // Functional mass F >= 0 from now on (changes once a day from the graft course).
  void set_functional_mass_fraction(double fraction);
  double functional_mass_fraction() const { return mass_fraction_; }

  // Advances to t_min with plasma glucose G (mg/dl) and plasma insulin I (pmol/l) of t_min, and returns
  // the extra EGP xi X^H at t_min (mg/kg/min), to be held over the next minute. The first call starts at the
  // steady state of its glucose and insulin (dG/dt = 0).
  double advance_mg_per_kg_per_min(double t_min, double plasma_glucose_mg_dl, double plasma_insulin_pmol_l);

  // Glucagon above or below the recipient's basal (H - Hb, pg/ml), the static secretion's deviation from basal
  // (SRsH - SRHb, pg/ml/min) and the action state X^H (pg/ml), at the last call.
  double glucagon_above_basal_pg_ml() const { return h_; }
  double static_secretion_above_basal_pg_ml_per_min() const { return s_; }
  double glucagon_action_pg_ml() const { return x_; }

  // Target of the static secretion's deviation from basal at constant G and I (the rest value of SRsH - SRHb).
  double static_target_above_basal(double glucose_mg_dl, double insulin_pmol_l) const;
  // Steady extra EGP at constant G and I (dG/dt = 0): xi max(F target / n, 0).
  double steady_extra_egp_mg_per_kg_per_min(double glucose_mg_dl, double insulin_pmol_l) const;

 private:
  void advance_states(double duration_min, double s_target, double dynamic);

  GlucagonCounterRegulationParameters p_;
  double mass_fraction_ = 0;
  bool started_ = false;
  double last_t_min_ = 0;
  double last_glucose_mg_dl_ = 0;
  double s_ = 0;  // SRsH - SRHb, pg/ml/min
  double h_ = 0;  // H - Hb, pg/ml
  double x_ = 0;  // X^H, pg/ml
};

}  // namespace isletsim
