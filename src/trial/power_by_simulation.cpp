#include "trial/power_by_simulation.hpp"

#include <cmath>
#include <vector>

#include "trial/trial_statistics.hpp"

namespace isletsim {

PowerEstimate simulated_power(const EndpointSampler& sample, int participants_per_arm, int replicates, double alpha,
                              std::uint64_t seed) {
  int rejections = 0;
  std::vector<double> control(static_cast<std::size_t>(participants_per_arm));
  std::vector<double> treatment(static_cast<std::size_t>(participants_per_arm));
  for (int replicate = 0; replicate < replicates; ++replicate) {
    RandomStream random(seed, static_cast<std::uint64_t>(replicate), StreamPurpose::kPowerReplicate);
    for (int i = 0; i < participants_per_arm; ++i) {
      control[static_cast<std::size_t>(i)] = sample(0, random);
      treatment[static_cast<std::size_t>(i)] = sample(1, random);
    }
    if (welch_t_test_p_value(treatment, control) < alpha) ++rejections;
  }
  PowerEstimate estimate;
  estimate.participants_per_arm = participants_per_arm;
  estimate.replicates = replicates;
  estimate.power = static_cast<double>(rejections) / replicates;
  estimate.standard_error = std::sqrt(estimate.power * (1 - estimate.power) / replicates);
  return estimate;
}

PowerEstimate participants_needed(const EndpointSampler& sample, double target_power, double alpha, int replicates,
                                  std::uint64_t seed, int max_per_arm) {
  int low = 2;  // largest size known to fall short (or the minimum)
  int high = 2;
  PowerEstimate at_high = simulated_power(sample, high, replicates, alpha, seed);
  if (at_high.power >= target_power) return at_high;
  while (at_high.power < target_power) {
    if (high >= max_per_arm) return at_high;
    low = high;
    high = std::min(2 * high, max_per_arm);
    at_high = simulated_power(sample, high, replicates, alpha, seed);
  }
  while (high - low > 1) {
    const int middle = (low + high) / 2;
    const PowerEstimate at_middle = simulated_power(sample, middle, replicates, alpha, seed);
    if (at_middle.power >= target_power) {
      high = middle;
      at_high = at_middle;
    } else {
      low = middle;
    }
  }
  return at_high;
}

}  // namespace isletsim
