#include "physiology/beta_cell_adaptation.hpp"

#include <algorithm>
#include <cmath>

namespace isletsim {

double beta_cell_net_growth_per_day(const BetaCellAdaptationParameters& p, double g) {
  return -p.death_per_day + p.growth_r1_per_mg_dl_day * g - p.growth_r2_per_mg2_dl2_day * g * g;  // Topp eq. 3
}

double beta_cell_function_target(const BetaCellAdaptationParameters& p, double g) {
  const double excess = std::max(0.0, g - p.set_point_glucose_mg_dl);
  return 1.0 / (1.0 + std::pow(excess / p.function_excess_half_mg_dl, p.function_hill));
}

BetaCellState step_beta_cell_adaptation(const BetaCellAdaptationParameters& p, const BetaCellState& s, double g,
                                        double duration_day) {
  BetaCellState next;
  const double net = beta_cell_net_growth_per_day(p, g);
  if (net <= 0.0) {
    next.relative_mass = s.relative_mass * std::exp(net * duration_day);
  } else {
    // Topp's exponential growth below normal mass, until m reaches 1 ...
    double m = s.relative_mass;
    double left_day = duration_day;
    if (m < 1.0) {
      const double to_normal_day = std::log(1.0 / m) / net;
      const double grow_day = std::min(left_day, to_normal_day);
      m = grow_day == to_normal_day ? 1.0 : m * std::exp(net * grow_day);
      left_day -= grow_day;
    }
    // ... and logistic toward m_max above it (closed form).
    if (left_day > 0.0) {
      const double m_max = p.maximum_relative_mass;
      const double r = net * m_max / (m_max - 1.0);
      m = m_max / (1.0 + (m_max / m - 1.0) * std::exp(-r * left_day));
    }
    next.relative_mass = m;
  }
  const double target = beta_cell_function_target(p, g);
  const double tau =
      target < s.relative_function ? p.function_loss_time_constant_day : p.function_recovery_time_constant_day;
  next.relative_function = target + (s.relative_function - target) * std::exp(-duration_day / tau);
  return next;
}

}  // namespace isletsim
