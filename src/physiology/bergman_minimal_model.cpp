#include "physiology/bergman_minimal_model.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <boost/numeric/odeint.hpp>
#include <fmt/format.h>

#include "core/input_error.hpp"

namespace isletsim {

std::array<double, kMinimalModelParameterCount> to_array(const MinimalModelParameters& parameters) {
  return {parameters.glucose_effectiveness_per_min, parameters.insulin_sensitivity_per_min_per_uU_ml,
          parameters.p2_per_min, parameters.glucose0_mg_dl};
}

MinimalModelParameters minimal_model_parameters_from_array(const std::array<double, kMinimalModelParameterCount>& values) {
  return {values[kSG], values[kSI], values[kP2], values[kG0]};
}

PiecewiseLinearInsulin::PiecewiseLinearInsulin(std::vector<double> t_min, std::vector<double> insulin_uU_ml)
    : t_min_(std::move(t_min)), insulin_uU_ml_(std::move(insulin_uU_ml)) {
  if (t_min_.empty() || t_min_.size() != insulin_uU_ml_.size()) {
    throw InputError({"", 0, "insulin"}, fmt::format("needs at least one sample and as many times as values (got {} "
                                                     "times, {} values)", t_min_.size(), insulin_uU_ml_.size()));
  }
  for (std::size_t i = 0; i < t_min_.size(); ++i) {
    if (!std::isfinite(t_min_[i]) || (i > 0 && t_min_[i] <= t_min_[i - 1])) {
      throw InputError({"", 0, fmt::format("insulin[{}].t_min", i)}, "sample times must be finite and increasing");
    }
    if (!std::isfinite(insulin_uU_ml_[i]) || insulin_uU_ml_[i] < 0) {
      throw InputError({"", 0, fmt::format("insulin[{}].insulin_uU_ml", i)},
                       fmt::format("must be a finite number >= 0 uU/ml (got {})", insulin_uU_ml_[i]));
    }
  }
}

double PiecewiseLinearInsulin::at(double t_min) const {
  if (t_min <= t_min_.front()) return insulin_uU_ml_.front();
  if (t_min >= t_min_.back()) return insulin_uU_ml_.back();
  const auto upper = std::upper_bound(t_min_.begin(), t_min_.end(), t_min);
  const auto i = static_cast<std::size_t>(upper - t_min_.begin());  // t_min_[i-1] <= t < t_min_[i]
  const double fraction = (t_min - t_min_[i - 1]) / (t_min_[i] - t_min_[i - 1]);
  return insulin_uU_ml_[i - 1] + fraction * (insulin_uU_ml_[i] - insulin_uU_ml_[i - 1]);
}

namespace {

// State: G, X, then dG/d(theta_k) for k = S_G, S_I, p2, G0, then dX/d(theta_k).
constexpr std::size_t kStateSize = 2 + 2 * kMinimalModelParameterCount;
using State = std::array<double, kStateSize>;
constexpr std::size_t kGlucoseSensitivity = 2;
constexpr std::size_t kRemoteSensitivity = 2 + kMinimalModelParameterCount;

// Integration tolerances: tight enough that the sensitivities, and so the fit's Jacobian, are accurate to ~1e-8.
constexpr double kAbsoluteTolerance = 1e-12;
constexpr double kRelativeTolerance = 1e-10;

struct MinimalModelWithSensitivities {
  const MinimalModelParameters& p;
  const MinimalModelBasal& basal;
  const PiecewiseLinearInsulin& insulin;

  void operator()(const State& x, State& dxdt, double t_min) const {
    const double insulin_uU_ml = insulin.at(t_min);
    const double glucose = x[0];
    const double remote = x[1];
    const auto model = minimal_model_derivative(p, basal, insulin_uU_ml, {glucose, remote});
    dxdt[0] = model[0];
    dxdt[1] = model[1];
    const double insulin_excess = insulin_uU_ml - basal.insulin_uU_ml;
    // Variational equations: d/dt (dx/dtheta) = (df/dx) (dx/dtheta) + df/dtheta.
    for (int k = 0; k < kMinimalModelParameterCount; ++k) {
      const auto ku = static_cast<std::size_t>(k);
      const double glucose_sensitivity = x[kGlucoseSensitivity + ku];
      const double remote_sensitivity = x[kRemoteSensitivity + ku];
      double glucose_forcing = 0;
      double remote_forcing = 0;
      if (k == kSG) glucose_forcing = basal.glucose_mg_dl - glucose;
      if (k == kSI) remote_forcing = p.p2_per_min * insulin_excess;
      if (k == kP2) remote_forcing = -remote + p.insulin_sensitivity_per_min_per_uU_ml * insulin_excess;
      dxdt[kGlucoseSensitivity + ku] = -(p.glucose_effectiveness_per_min + remote) * glucose_sensitivity -
                                       glucose * remote_sensitivity + glucose_forcing;
      dxdt[kRemoteSensitivity + ku] = -p.p2_per_min * remote_sensitivity + remote_forcing;
    }
  }
};

bool all_finite(const State& x) {
  return std::all_of(x.begin(), x.end(), [](double v) { return std::isfinite(v); });
}

}  // namespace

MinimalModelTrajectory simulate_minimal_model(const MinimalModelParameters& parameters, const MinimalModelBasal& basal,
                                              const PiecewiseLinearInsulin& insulin,
                                              std::span<const double> output_t_min) {
  for (std::size_t i = 0; i < output_t_min.size(); ++i) {
    if (!std::isfinite(output_t_min[i]) || output_t_min[i] < 0 || (i > 0 && output_t_min[i] < output_t_min[i - 1])) {
      throw InputError({"", 0, fmt::format("output_t_min[{}]", i)},
                       "output times must be finite, >= 0 min and non-decreasing");
    }
  }
  namespace odeint = boost::numeric::odeint;
  const MinimalModelWithSensitivities system{parameters, basal, insulin};
  auto stepper = odeint::make_controlled<odeint::runge_kutta_dopri5<State>>(kAbsoluteTolerance, kRelativeTolerance);

  State x{};
  x[0] = parameters.glucose0_mg_dl;
  x[kGlucoseSensitivity + kG0] = 1.0;  // dG(0)/dG0 = 1; every other initial value is 0

  MinimalModelTrajectory trajectory;
  const std::vector<double>& breakpoints = insulin.sample_times_min();
  double t_min = 0;
  bool failed = false;
  for (const double output_time : output_t_min) {
    // Step from breakpoint to breakpoint so the interpolated insulin is smooth within each integration call.
    while (!failed && t_min < output_time) {
      const auto next_break = std::upper_bound(breakpoints.begin(), breakpoints.end(), t_min);
      const double t_next = (next_break != breakpoints.end()) ? std::min(*next_break, output_time) : output_time;
      try {
        odeint::integrate_adaptive(stepper, system, x, t_min, t_next, std::min(0.1, t_next - t_min));
      } catch (const std::runtime_error&) {  // odeint gives up when the step size collapses (absurd parameters)
        failed = true;
      }
      failed = failed || !all_finite(x);
      t_min = t_next;
    }
    if (failed) x.fill(std::numeric_limits<double>::quiet_NaN());
    trajectory.t_min.push_back(output_time);
    trajectory.glucose_mg_dl.push_back(x[0]);
    trajectory.remote_insulin_per_min.push_back(x[1]);
    std::array<double, kMinimalModelParameterCount> sensitivity{};
    for (std::size_t k = 0; k < sensitivity.size(); ++k) sensitivity[k] = x[kGlucoseSensitivity + k];
    trajectory.glucose_sensitivity.push_back(sensitivity);
  }
  return trajectory;
}

}  // namespace isletsim
