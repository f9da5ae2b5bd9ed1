#include "trial/trial_statistics.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

namespace isletsim {

namespace {

double mean_of(std::span<const double> v) {
  return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

double variance_of(std::span<const double> v, double mean) {
  double sum = 0;
  for (const double x : v) sum += (x - mean) * (x - mean);
  return sum / static_cast<double>(v.size() - 1);
}

// Type-7 sample quantile of sorted values (Hyndman & Fan 1996): linear interpolation at (n - 1) p.
double quantile_sorted(const std::vector<double>& sorted, double p) {
  const double position = (static_cast<double>(sorted.size()) - 1.0) * p;
  const auto below = static_cast<std::size_t>(std::floor(position));
  const auto above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (position - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

double normal_quantile_two_sided(double confidence) {
  return boost::math::quantile(boost::math::normal(), 0.5 + confidence / 2.0);
}

struct WelchParts {
  double difference;
  double standard_error;
  double degrees_of_freedom;
};

WelchParts welch_parts(std::span<const double> a, std::span<const double> b) {
  if (a.size() < 2 || b.size() < 2) throw std::invalid_argument("Welch statistics need at least 2 values per arm");
  const double mean_a = mean_of(a);
  const double mean_b = mean_of(b);
  const double va = variance_of(a, mean_a) / static_cast<double>(a.size());
  const double vb = variance_of(b, mean_b) / static_cast<double>(b.size());
  // Welch-Satterthwaite: df = (va + vb)^2 / (va^2/(na-1) + vb^2/(nb-1)).
  const double df = (va + vb) * (va + vb) /
                    (va * va / static_cast<double>(a.size() - 1) + vb * vb / static_cast<double>(b.size() - 1));
  return {mean_a - mean_b, std::sqrt(va + vb), df};
}

}  // namespace

ArmSummary summarise_arm(std::span<const double> values) {
  if (values.empty()) throw std::invalid_argument("an arm needs at least one value");
  ArmSummary s;
  s.n = static_cast<int>(values.size());
  s.mean = mean_of(values);
  s.standard_deviation = values.size() > 1 ? std::sqrt(variance_of(values, s.mean)) : std::nan("");
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  s.median = quantile_sorted(sorted, 0.5);
  s.quartile_1 = quantile_sorted(sorted, 0.25);
  s.quartile_3 = quantile_sorted(sorted, 0.75);
  return s;
}

Interval welch_mean_difference(std::span<const double> treatment, std::span<const double> control,
                               double confidence) {
  const WelchParts w = welch_parts(treatment, control);
  if (w.standard_error == 0) return {w.difference, w.difference, w.difference};
  const double t = boost::math::quantile(boost::math::students_t(w.degrees_of_freedom), 0.5 + confidence / 2.0);
  return {w.difference, w.difference - t * w.standard_error, w.difference + t * w.standard_error};
}

double welch_t_test_p_value(std::span<const double> treatment, std::span<const double> control) {
  const WelchParts w = welch_parts(treatment, control);
  if (w.standard_error == 0) return w.difference == 0 ? 1.0 : 0.0;
  const double statistic = std::abs(w.difference / w.standard_error);
  return 2.0 * boost::math::cdf(boost::math::complement(boost::math::students_t(w.degrees_of_freedom), statistic));
}

Interval wilson_interval(int successes, int trials, double confidence) {
  if (trials <= 0 || successes < 0 || successes > trials) {
    throw std::invalid_argument("a proportion needs 0 <= successes <= trials and trials > 0");
  }
  // Wilson 1927: (p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n).
  const double z = normal_quantile_two_sided(confidence);
  const double n = trials;
  const double p = successes / n;
  const double centre = p + z * z / (2 * n);
  const double half_width = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n));
  const double denominator = 1 + z * z / n;
  return {p, std::max(0.0, (centre - half_width) / denominator), std::min(1.0, (centre + half_width) / denominator)};
}

Interval newcombe_difference(int successes_treatment, int trials_treatment, int successes_control,
                             int trials_control, double confidence) {
  // Newcombe 1998 method 10: with Wilson limits (l1, u1) and (l2, u2),
  //   lower = d - sqrt((p1 - l1)^2 + (u2 - p2)^2),  upper = d + sqrt((u1 - p1)^2 + (p2 - l2)^2).
  const Interval one = wilson_interval(successes_treatment, trials_treatment, confidence);
  const Interval two = wilson_interval(successes_control, trials_control, confidence);
  const double d = one.estimate - two.estimate;
  const double lower = d - std::sqrt((one.estimate - one.lower) * (one.estimate - one.lower) +
                                     (two.upper - two.estimate) * (two.upper - two.estimate));
  const double upper = d + std::sqrt((one.upper - one.estimate) * (one.upper - one.estimate) +
                                     (two.estimate - two.lower) * (two.estimate - two.lower));
  return {d, lower, upper};
}

}  // namespace isletsim
