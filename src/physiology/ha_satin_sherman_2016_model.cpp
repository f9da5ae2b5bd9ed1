// Ha, Satin & Sherman 2016 (Endocrinology 157:624), human model: see ha_satin_sherman_2016_model.hpp.
#include "physiology/ha_satin_sherman_2016_model.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <stdexcept>

#include <boost/numeric/odeint.hpp>

namespace isletsim {
namespace {

using Vector = std::array<double, 6>;

double hill(double x, double half, double n) {
  const double xn = std::pow(x, n);
  return xn / (std::pow(half, n) + xn);
}

double metabolic_rate(const HaSatinSherman2016Parameters& p, double glucose) {
  return p.m_max * hill(glucose, p.alpha_m_mg_dl, p.k_m);
}

double secretion_rate(const HaSatinSherman2016Parameters& p, double m, double gamma, double sigma) {
  return sigma * hill(m + gamma, p.alpha_isr, p.k_isr);
}

void derivative(const HaSatinSherman2016Parameters& p, bool after_intervention, const Vector& x, Vector& dxdt) {
  const double g = x[0], insulin = x[1], beta = x[2], gamma = x[3], sigma = x[4], si = x[5];
  const double m = metabolic_rate(p, g);
  const double isr = secretion_rate(p, m, gamma, sigma);
  const double proliferation = p.p_max * hill(isr, p.alpha_p, p.k_p);
  const double apoptosis = p.a_max * hill(m, p.alpha_a, p.k_a) + p.a_b;
  const double gamma_inf =
      p.gamma_bar / (1 + std::exp(-(g - p.gamma_glucose_mg_dl) / p.gamma_slope_mg_dl)) - p.gamma_shift;
  const double m_shifted = metabolic_rate(p, g - p.sigma_glucose_shift_mg_dl);
  const double isr_shifted = secretion_rate(p, m_shifted, gamma, sigma);
  const double sigma_isri = p.isri_bar / (1 + p.isri_k * std::exp(-(isr_shifted - p.isri_s) / p.isri_n));
  const double sigma_mi = 1 - p.mi_bar / (1 + p.mi_k * std::exp(-(m_shifted - p.mi_s) / p.mi_n));
  const double sigma_inf = sigma_mi * sigma_isri + p.sigma_b;
  dxdt[0] = p.glucose_production_mg_dl_per_day - (p.glucose_effectiveness_per_day + si * insulin) * g;
  dxdt[1] = beta * isr / p.blood_volume_l - p.insulin_clearance_per_day * insulin;
  dxdt[2] = (proliferation - apoptosis) * beta / p.tau_beta_day;
  dxdt[3] = (gamma_inf - gamma) / p.tau_gamma_day;
  dxdt[4] = (sigma_inf - sigma) / p.tau_sigma_day;
  dxdt[5] = after_intervention ? -p.si_rate_after_per_day * (si - p.si_target_after_ml_per_uU_day)
                               : -p.si_rate_per_day * (si - p.si_target_ml_per_uU_day);
}

HaSatinSherman2016State to_state(const Vector& x) { return {x[0], x[1], x[2], x[3], x[4], x[5]}; }

}  // namespace

std::vector<HaSatinSherman2016Sample> simulate_ha_satin_sherman_2016(const HaSatinSherman2016Parameters& p,
                                                                     const HaSatinSherman2016State& initial,
                                                                     double duration_day,
                                                                     double sample_interval_day) {
  if (!(duration_day >= 0) || !(sample_interval_day > 0)) {
    throw std::invalid_argument(
        "simulate_ha_satin_sherman_2016: duration must be >= 0 and the sample interval > 0 days");
  }
  namespace odeint = boost::numeric::odeint;
  Vector x{initial.glucose_mg_dl, initial.insulin_uU_ml, initial.beta_cell_mass_mg,
           initial.gamma,         initial.sigma,         initial.insulin_sensitivity};
  std::vector<HaSatinSherman2016Sample> samples{{0, initial}};
  const auto count = static_cast<std::size_t>(std::floor(duration_day / sample_interval_day + 1e-9));
  double t = 0;
  for (std::size_t i = 1; i <= count; ++i) {
    const double next = static_cast<double>(i) * sample_interval_day;
    // Integrate piecewise so that t_on is always a step boundary.
    while (t < next) {
      const bool after = t >= p.intervention_day;
      const double stop = (!after && p.intervention_day < next) ? p.intervention_day : next;
      const auto system = [&p, after](const Vector& state, Vector& dxdt, double /*t*/) {
        derivative(p, after, state, dxdt);
      };
      odeint::integrate_adaptive(odeint::make_controlled(1e-10, 1e-10, odeint::runge_kutta_dopri5<Vector>{}),
                                 system, x, t, stop, 1e-3);
      t = stop;
    }
    samples.push_back({next, to_state(x)});
  }
  return samples;
}

}  // namespace isletsim
