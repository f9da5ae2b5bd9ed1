// The slow beta-cell layer of the multi-scale coupling: functional beta-cell mass and beta-cell function
// (differentiation) respond over weeks to months to the glucose the beta cells see.
//
// Mass (Topp, Promislow, deVries, Miura & Finegood 2000, J Theor Biol 206:605, eq. 3; Table 1 rates):
//   dm/dt = (-d0 + r1 Gb - r2 Gb^2) m,   d0 = 0.06 /d, r1 = 0.84e-3 /(mg/dl d), r2 = 0.24e-5 /((mg/dl)^2 d),
// with m the mass relative to the published subject's (Topp's equation is linear in mass, so relative mass obeys
// the same law). Net growth is zero at Gb = 100 mg/dl (stable: glucose above it grows the mass, which lowers
// glucose -- the compensation of insulin resistance) and at 250 mg/dl (above it glucotoxicity kills cells).
//
// Limited capacity (assumption of this project): in human autopsies relative beta-cell volume was only modestly
// larger in obese than in lean non-diabetic people (P = 0.05), with deficits of 40 % in impaired fasting glucose
// and 63 % in T2D (Butler et al. 2003, Diabetes 52:102), so adult human mass cannot grow without bound. Growth
// (net rate g > 0) above normal mass is therefore logistic toward a maximum relative mass m_max (1.5, our
// assumption),
//   m >= 1: dm/dt = r m (1 - m/m_max),  r = g m_max/(m_max - 1)   (so that dm/dt = g m at m = 1, Topp's rate),
// below normal mass growth is Topp's (dm/dt = g m), and net death (g < 0) is Topp's, unlimited. Without the limit,
// Topp's integral action compensates any insulin resistance by growing mass until glucose is back at the set point, and
// no one fails.
//
// Beta-cell glucose Gb (assumption of this project): Topp's rates were fitted with fasting glucose 100 mg/dl as
// the healthy set point. The minute-scale model has meals, so we map the subject's *own* healthy 24-h mean
// glucose under its daily routine (reference_mean_glucose_mg_dl) onto Topp's 100 mg/dl:
//   Gb = 100 mg/dl * (24-h mean glucose) / reference_mean_glucose_mg_dl.
// The healthy subject on its routine is then exactly at Topp's physiological fixed point.
//
// Function f (dedifferentiation; the concept from Talchai, Xuan, Lin, Sussel & Accili 2012, Cell 150:1223, and
// Bensellam, Jonas & Laybutt 2018, Diabetologia 61:1687; the glucose dependence from Jonas et al. 1999, J Biol
// Chem 274:14112, where chronic hyperglycaemia alone dedifferentiated beta cells in partially pancreatectomised
// rats and the change reversed when glucose was normalised): a fraction of normal that relaxes to
//   f_inf(Gb) = 1 / (1 + ((Gb - 100)+ / excess_half)^hill)
// with time constant tau_loss when f falls and tau_recovery when it rises. The shape, excess_half = 20 mg/dl and
// hill = 2 are assumptions of ours (no paper gives human rates), chosen so that the T2D course of
// docs/multiscale_coupling.md fails once mass compensation is exhausted. tau_loss = 250 d borrows the time scale
// of the secretory capacity sigma of Ha, Satin & Sherman 2016 (tau_sigma = 249.9 d in the authors' human.ode);
// tau_recovery = 20 d (assumption) is of the order of the weeks of intensive insulin therapy that restore beta-cell
// function in new type 2 diabetes (Weng et al. 2008, Lancet 371:1753).
// Function is lost without loss of mass and comes back when glucose is normalised; mass only changes through
// Topp's growth and death.
//
// Operator splitting: over one coupling interval Gb is held, so both equations have exact solutions:
//   g <= 0: m(t + h) = m exp(g h);   g > 0: m exp(g t) until m = 1 (at t = ln(1/m)/g), then for the rest s of the
//   interval m_max / (1 + (m_max/m - 1) exp(-r s)) (logistic);
//   f(t + h) = f_inf + (f - f_inf) exp(-h / tau).
#pragma once

namespace isletsim {

struct BetaCellAdaptationParameters {
  double death_per_day = 0.06;                      // d0, Topp 2000 Table 1
  double growth_r1_per_mg_dl_day = 0.84e-3;         // r1, Topp 2000 Table 1
  double growth_r2_per_mg2_dl2_day = 0.24e-5;       // r2, Topp 2000 Table 1
  double maximum_relative_mass = 1.5;               // m_max, assumption (see above; Butler 2003)
  double set_point_glucose_mg_dl = 100;             // Topp's physiological fixed point
  double function_excess_half_mg_dl = 20;           // assumption (see above)
  double function_hill = 2;                         // assumption
  double function_loss_time_constant_day = 250;     // HSS 2016 tau_sigma time scale (assumption)
  double function_recovery_time_constant_day = 20;  // assumption (order of Weng 2008)
};

struct BetaCellState {
  double relative_mass = 1;      // m, 1 = published subject
  double relative_function = 1;  // f, 1 = fully differentiated
};

// Net growth rate of mass at beta-cell glucose Gb, /day (Topp 2000 eq. 3 divided by m).
double beta_cell_net_growth_per_day(const BetaCellAdaptationParameters& p, double beta_cell_glucose_mg_dl);

// Steady function at beta-cell glucose Gb.
double beta_cell_function_target(const BetaCellAdaptationParameters& p, double beta_cell_glucose_mg_dl);

// One operator-splitting step of `duration_day` with Gb held (exact solutions above).
BetaCellState step_beta_cell_adaptation(const BetaCellAdaptationParameters& p, const BetaCellState& state,
                                        double beta_cell_glucose_mg_dl, double duration_day);

}  // namespace isletsim
