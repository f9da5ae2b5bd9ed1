// Topp et al. 2000 (J Theor Biol 206:605): see topp_2000_model.hpp for the equations and sources.
#include "physiology/topp_2000_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>

#include <boost/numeric/odeint.hpp>

namespace isletsim {
namespace {

using Vector = std::array<double, 3>;

Topp2000State from_vector(const Vector& x) { return {x[0], x[1], x[2]}; }

// Roots of the characteristic polynomial of a 3x3 matrix by Durand-Kerner iteration (monic cubic).
std::array<std::complex<double>, 3> eigenvalues_3x3(const std::array<std::array<double, 3>, 3>& a) {
  const double trace = a[0][0] + a[1][1] + a[2][2];
  const double minors = a[0][0] * a[1][1] - a[0][1] * a[1][0] + a[0][0] * a[2][2] - a[0][2] * a[2][0] +
                        a[1][1] * a[2][2] - a[1][2] * a[2][1];
  const double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) -
                     a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) +
                     a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
  // lambda^3 - trace*lambda^2 + minors*lambda - det = 0
  const auto poly = [&](std::complex<double> z) { return ((z - trace) * z + minors) * z - det; };
  const double scale = 1 + std::max({std::abs(trace), std::sqrt(std::abs(minors)), std::cbrt(std::abs(det))});
  std::array<std::complex<double>, 3> z{std::complex<double>(0.4, 0.9) * scale,
                                        std::pow(std::complex<double>(0.4, 0.9), 2) * scale,
                                        std::pow(std::complex<double>(0.4, 0.9), 3) * scale};
  for (int iteration = 0; iteration < 500; ++iteration) {
    for (std::size_t i = 0; i < 3; ++i) {
      std::complex<double> denominator = 1;
      for (std::size_t j = 0; j < 3; ++j) {
        if (j != i) denominator *= z[i] - z[j];
      }
      z[i] -= poly(z[i]) / denominator;
    }
  }
  std::sort(z.begin(), z.end(), [](auto l, auto r) { return l.real() < r.real(); });
  return z;
}

Topp2000FixedPoint classify(const Topp2000Parameters& p, const Topp2000State& s) {
  Topp2000FixedPoint point;
  point.state = s;
  point.jacobian_eigenvalues_per_day = eigenvalues_3x3(topp_2000_jacobian(p, s));
  const auto positive = std::count_if(point.jacobian_eigenvalues_per_day.begin(),
                                      point.jacobian_eigenvalues_per_day.end(),
                                      [](auto lambda) { return lambda.real() > 0; });
  point.stability = positive == 0   ? FixedPointStability::kStable
                    : positive == 3 ? FixedPointStability::kUnstable
                                    : FixedPointStability::kSaddle;
  return point;
}

}  // namespace

std::array<double, 3> topp_2000_derivative(const Topp2000Parameters& p, const Topp2000State& s) {
  const double g = s.glucose_mg_dl;
  const double g2 = g * g;
  return {p.glucose_production_mg_dl_per_day -
              (p.glucose_effectiveness_per_day + p.insulin_sensitivity_ml_per_uU_day * s.insulin_uU_ml) * g,
          s.beta_cell_mass_mg * p.secretion_uU_per_mg_day * g2 / (p.secretion_half_glucose_sq_mg2_dl2 + g2) -
              p.insulin_clearance_per_day * s.insulin_uU_ml,
          (-p.beta_death_per_day + p.beta_growth_r1_per_mg_dl_day * g - p.beta_growth_r2_per_mg2_dl2_day * g2) *
              s.beta_cell_mass_mg};
}

std::array<std::array<double, 3>, 3> topp_2000_jacobian(const Topp2000Parameters& p, const Topp2000State& s) {
  const double g = s.glucose_mg_dl;
  const double alpha = p.secretion_half_glucose_sq_mg2_dl2;
  const double hill = g * g / (alpha + g * g);
  const double dhill_dg = 2 * alpha * g / ((alpha + g * g) * (alpha + g * g));
  const double growth =
      -p.beta_death_per_day + p.beta_growth_r1_per_mg_dl_day * g - p.beta_growth_r2_per_mg2_dl2_day * g * g;
  return {{{-(p.glucose_effectiveness_per_day + p.insulin_sensitivity_ml_per_uU_day * s.insulin_uU_ml),
            -p.insulin_sensitivity_ml_per_uU_day * g, 0},
           {s.beta_cell_mass_mg * p.secretion_uU_per_mg_day * dhill_dg, -p.insulin_clearance_per_day,
            p.secretion_uU_per_mg_day * hill},
           {(p.beta_growth_r1_per_mg_dl_day - 2 * p.beta_growth_r2_per_mg2_dl2_day * g) * s.beta_cell_mass_mg, 0,
            growth}}};
}

std::vector<Topp2000FixedPoint> topp_2000_fixed_points(const Topp2000Parameters& p) {
  std::vector<Topp2000FixedPoint> points;
  const double r1 = p.beta_growth_r1_per_mg_dl_day;
  const double r2 = p.beta_growth_r2_per_mg2_dl2_day;
  const double discriminant = r1 * r1 - 4 * r2 * p.beta_death_per_day;
  const double g_pathological = p.glucose_production_mg_dl_per_day / p.glucose_effectiveness_per_day;
  if (discriminant >= 0) {
    for (const double sign : {-1.0, 1.0}) {
      const double g = (r1 + sign * std::sqrt(discriminant)) / (2 * r2);
      if (g <= 0 || g > g_pathological) continue;  // I >= 0 needs R0/G >= EG0
      const double insulin =
          (p.glucose_production_mg_dl_per_day / g - p.glucose_effectiveness_per_day) /
          p.insulin_sensitivity_ml_per_uU_day;
      const double beta = p.insulin_clearance_per_day * insulin * (p.secretion_half_glucose_sq_mg2_dl2 + g * g) /
                          (p.secretion_uU_per_mg_day * g * g);
      points.push_back(classify(p, {g, insulin, beta}));
      if (discriminant == 0) break;
    }
  }
  points.push_back(classify(p, {g_pathological, 0, 0}));
  return points;
}

double topp_2000_saddle_node_death_rate_per_day(const Topp2000Parameters& p) {
  return p.beta_growth_r1_per_mg_dl_day * p.beta_growth_r1_per_mg_dl_day / (4 * p.beta_growth_r2_per_mg2_dl2_day);
}

double topp_2000_saddle_node_glucose_mg_dl(const Topp2000Parameters& p) {
  return p.beta_growth_r1_per_mg_dl_day / (2 * p.beta_growth_r2_per_mg2_dl2_day);
}

std::vector<Topp2000Sample> simulate_topp_2000(const Topp2000Parameters& p, const Topp2000State& initial,
                                               double duration_day, double sample_interval_day) {
  if (!(duration_day >= 0) || !(sample_interval_day > 0)) {
    throw std::invalid_argument("simulate_topp_2000: duration must be >= 0 and the sample interval > 0 days");
  }
  namespace odeint = boost::numeric::odeint;
  const auto system = [&p](const Vector& x, Vector& dxdt, double /*t*/) {
    const auto d = topp_2000_derivative(p, from_vector(x));
    dxdt[0] = d[0];
    dxdt[1] = d[1];
    dxdt[2] = d[2];
  };
  Vector x{};
  x[0] = initial.glucose_mg_dl;
  x[1] = initial.insulin_uU_ml;
  x[2] = initial.beta_cell_mass_mg;
  std::vector<Topp2000Sample> samples{{0, initial}};
  auto stepper = odeint::make_dense_output(1e-10, 1e-9, odeint::runge_kutta_dopri5<Vector>{});
  const auto count = static_cast<std::size_t>(std::floor(duration_day / sample_interval_day + 1e-9));
  std::vector<double> times;
  for (std::size_t i = 0; i <= count; ++i) times.push_back(static_cast<double>(i) * sample_interval_day);
  if (times.size() < 2) return samples;
  odeint::integrate_times(stepper, system, x, times.begin(), times.end(), 1e-4,
                          [&samples](const Vector& state, double t) {
                            if (t > 0) samples.push_back({t, from_vector(state)});
                          });
  return samples;
}

}  // namespace isletsim
