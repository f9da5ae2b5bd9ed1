// Power of a two-arm trial by simulation: the share of simulated trials, n participants per arm, in which the
// Welch test rejects equal means at level alpha (Arnold et al. 2011, "Simulation methods to estimate design power:
// an overview for applied research", BMC Med Res Methodol 11:94). Replicate r draws from its own random stream
// keyed by (seed, r), so estimates are reproducible, and every sample size reuses the same replicate streams
// (common random numbers), which keeps the power curve nearly monotone for the sample-size search.
#pragma once

#include <cstdint>
#include <functional>

#include "core/random_stream.hpp"

namespace isletsim {

// Draws one participant's endpoint in arm 0 (control) or arm 1 (treatment).
using EndpointSampler = std::function<double(int arm, RandomStream& random)>;

struct PowerEstimate {
  int participants_per_arm = 0;
  double power = 0;
  double standard_error = 0;  // binomial: sqrt(p (1 - p) / replicates)
  int replicates = 0;
};

PowerEstimate simulated_power(const EndpointSampler& sample, int participants_per_arm, int replicates, double alpha,
                              std::uint64_t seed);

// Smallest participants per arm (2..max_per_arm) whose simulated power reaches target_power: doubling, then
// bisection. Returns the estimate at max_per_arm if even that falls short.
PowerEstimate participants_needed(const EndpointSampler& sample, double target_power, double alpha, int replicates,
                                  std::uint64_t seed, int max_per_arm);

}  // namespace isletsim
