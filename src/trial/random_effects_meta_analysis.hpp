// Random-effects meta-analysis of mean differences: DerSimonian & Laird 1986 (Control Clin Trials 7:177) with
// Higgins & Thompson 2002 (Stat Med 21:1539) heterogeneity measures.
//
// Trial i reports an effect y_i (here a mean difference, treatment minus control) with standard error s_i.
// Fixed-effect weights w_i = 1/s_i^2, y_F = sum w_i y_i / sum w_i;
// Cochran's Q = sum w_i (y_i - y_F)^2 with k - 1 degrees of freedom;
// between-trial variance (DerSimonian & Laird, method of moments)
//   tau^2 = max(0, (Q - (k - 1)) / (sum w_i - sum w_i^2 / sum w_i));
// random-effects weights w*_i = 1/(s_i^2 + tau^2), pooled y_R = sum w*_i y_i / sum w*_i with SE 1/sqrt(sum w*_i)
// and the normal (Wald) 95 % interval y_R -+ 1.959964 SE, as in RevMan and in the meta-analyses compared against;
// I^2 = max(0, (Q - (k - 1))/Q) (Higgins & Thompson 2002), the share of variation due to heterogeneity.
#pragma once

#include <span>

namespace isletsim {

struct TrialEffect {
  double estimate = 0;        // y_i
  double standard_error = 0;  // s_i > 0
};

struct RandomEffectsPooled {
  int trials = 0;
  double estimate = 0;        // y_R
  double standard_error = 0;  // 1/sqrt(sum w*)
  double lower = 0;           // 95 % interval
  double upper = 0;
  double fixed_effect_estimate = 0;  // y_F
  double cochran_q = 0;
  double tau_squared = 0;
  double i_squared = 0;  // fraction, 0..1 (0 when Q <= k - 1 or Q = 0)
};

// Throws std::invalid_argument for fewer than one trial or a standard error that is not positive and finite.
RandomEffectsPooled dersimonian_laird(std::span<const TrialEffect> trials);

}  // namespace isletsim
