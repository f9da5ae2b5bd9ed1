// Statistics for in-silico trials: per-arm summaries, differences of means and of proportions with 95 %
// confidence intervals, and the Welch t-test.
//   - Mean difference: Welch 1947 (Biometrika 34:28) t interval with Welch-Satterthwaite degrees of freedom.
//   - Single proportion: Wilson 1927 (JASA 22:209) score interval, the method Newcombe 1998 (Stat Med 17:857,
//     "method 3") and Brown, Cai & DasGupta 2001 (Stat Sci 16:101) recommend over the Wald interval.
//   - Difference of two independent proportions: Newcombe 1998 (Stat Med 17:873) hybrid score interval, "method 10".
// Student-t quantiles and distribution functions come from Boost.Math.
#pragma once

#include <span>

namespace isletsim {

struct ArmSummary {
  int n = 0;
  double mean = 0;
  double standard_deviation = 0;  // sample SD (n - 1)
  double median = 0;
  double quartile_1 = 0;          // type-7 quantiles (Hyndman & Fan 1996)
  double quartile_3 = 0;
};
ArmSummary summarise_arm(std::span<const double> values);

struct Interval {
  double estimate = 0;
  double lower = 0;
  double upper = 0;
};

// Mean of `treatment` minus mean of `control`, Welch 95 % (or `confidence`) interval. Needs n >= 2 per arm.
Interval welch_mean_difference(std::span<const double> treatment, std::span<const double> control,
                               double confidence = 0.95);
// Two-sided p-value of Welch's t-test of equal means.
double welch_t_test_p_value(std::span<const double> treatment, std::span<const double> control);

// Wilson score interval for `successes` out of `trials`.
Interval wilson_interval(int successes, int trials, double confidence = 0.95);
// Newcombe hybrid score interval for p_treatment - p_control.
Interval newcombe_difference(int successes_treatment, int trials_treatment, int successes_control,
                             int trials_control, double confidence = 0.95);

}  // namespace isletsim
