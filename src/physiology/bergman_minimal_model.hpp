// The Bergman minimal model of glucose kinetics during an intravenous glucose tolerance test (IVGTT).
//
// Bergman, Ider, Bowden & Cobelli 1979, "Quantitative estimation of insulin sensitivity", Am J Physiol
// 236:E667-E677, eqs. (1)-(2), written with the parameterisation of Pacini & Bergman 1986 (MINMOD, Comput Methods
// Programs Biomed 23:113-122): S_G = p1, S_I = p3 / p2:
//
//   dG/dt = -(S_G + X) G + S_G G_b                  G(0) = G0         [mg/dl]
//   dX/dt = -p2 X + p2 S_I (I(t) - I_b)             X(0) = 0          [1/min]
//
// G: plasma glucose (mg/dl); X: remote insulin action (1/min); I(t): measured plasma insulin (uU/ml), the model's
// input, linearly interpolated between samples and held at the first/last sample outside them; G_b, I_b: basal
// glucose and insulin; G0: glucose extrapolated to the injection time t = 0 (the bolus is assumed mixed at once).
//
// Integration: Boost.Odeint Dormand-Prince 5(4) with step-size control, restarted at every insulin sample so the
// kinks of the interpolated input fall on step boundaries. Alongside G and X the forward sensitivities
// dG/d(S_G, S_I, p2, G0) and dX/d(...) are integrated (the variational equations of the system above), which is
// what a least-squares fit needs for its Jacobian.
#pragma once

#include <array>
#include <span>
#include <vector>

namespace isletsim {

struct MinimalModelParameters {
  double glucose_effectiveness_per_min = 0;          // S_G (= p1)
  double insulin_sensitivity_per_min_per_uU_ml = 0;  // S_I (= p3 / p2), /min per uU/ml
  double p2_per_min = 0;                             // rate constant of remote insulin action
  double glucose0_mg_dl = 0;                         // G0, glucose at t = 0 (injection)
};

// Order of the parameters in a parameter vector (and in the sensitivities below).
enum MinimalModelParameterIndex : int { kSG = 0, kSI = 1, kP2 = 2, kG0 = 3, kMinimalModelParameterCount = 4 };

std::array<double, kMinimalModelParameterCount> to_array(const MinimalModelParameters& parameters);
MinimalModelParameters minimal_model_parameters_from_array(const std::array<double, kMinimalModelParameterCount>& values);

struct MinimalModelBasal {
  double glucose_mg_dl = 0;  // G_b
  double insulin_uU_ml = 0;  // I_b
};

// Measured plasma insulin as a function of time: linear between samples, constant outside them.
class PiecewiseLinearInsulin {
 public:
  // Times strictly increasing and finite, insulin finite and >= 0, at least one sample; throws InputError otherwise.
  PiecewiseLinearInsulin(std::vector<double> t_min, std::vector<double> insulin_uU_ml);

  double at(double t_min) const;
  const std::vector<double>& sample_times_min() const { return t_min_; }

 private:
  std::vector<double> t_min_;
  std::vector<double> insulin_uU_ml_;
};

// Right-hand side of the two model equations at one instant (state x = {G, X}).
inline std::array<double, 2> minimal_model_derivative(const MinimalModelParameters& p, const MinimalModelBasal& basal,
                                                      double insulin_uU_ml, const std::array<double, 2>& x) {
  const double glucose_mg_dl = x[0];
  const double remote_insulin_per_min = x[1];
  return {
      // Bergman 1979, eq. (1): dG/dt = -(S_G + X) G + S_G G_b
      -(p.glucose_effectiveness_per_min + remote_insulin_per_min) * glucose_mg_dl +
          p.glucose_effectiveness_per_min * basal.glucose_mg_dl,
      // Bergman 1979, eq. (2) with p3 = S_I p2: dX/dt = -p2 X + p2 S_I (I - I_b)
      -p.p2_per_min * remote_insulin_per_min +
          p.p2_per_min * p.insulin_sensitivity_per_min_per_uU_ml * (insulin_uU_ml - basal.insulin_uU_ml)};
}

struct MinimalModelTrajectory {
  std::vector<double> t_min;
  std::vector<double> glucose_mg_dl;
  std::vector<double> remote_insulin_per_min;
  // d glucose_mg_dl / d parameter, in MinimalModelParameterIndex order.
  std::vector<std::array<double, kMinimalModelParameterCount>> glucose_sensitivity;
};

// Integrates from t = 0 (G = G0, X = 0) and reports the state at each output time (>= 0, non-decreasing).
// Throws InputError for invalid output times; the result may hold non-finite values for absurd parameters
// (callers that search parameter space check for that).
MinimalModelTrajectory simulate_minimal_model(const MinimalModelParameters& parameters, const MinimalModelBasal& basal,
                                              const PiecewiseLinearInsulin& insulin,
                                              std::span<const double> output_t_min);

}  // namespace isletsim
