// Type 1 autoimmunity as a slow process: see t1d_autoimmunity.hpp for the model and its sources.
#include "physiology/t1d_autoimmunity.hpp"

#include <cmath>
#include <stdexcept>

namespace isletsim {

T1dAutoimmunity::T1dAutoimmunity(const T1dAutoimmunityParameters& parameters) : parameters_(parameters) {
  const auto& p = parameters;
  if (!(p.destruction_rate_per_day > 0) || !(p.mass_fraction_at_onset > 0 && p.mass_fraction_at_onset < 1) ||
      !(p.function_fraction_at_onset > 0 && p.function_fraction_at_onset <= 1) ||
      !(p.function_recovery_time_day > 0) || !(p.normal_fasting_c_peptide_nmol_l >= 0) ||
      !(p.normal_stimulated_c_peptide_nmol_l >= 0)) {
    throw std::invalid_argument(
        "T1dAutoimmunity: need destruction rate > 0, 0 < onset mass fraction < 1, 0 < function at onset <= 1, "
        "recovery time > 0 and normal C-peptide >= 0");
  }
}

double T1dAutoimmunity::residual_mass_fraction(double t_day) const {
  const double exposure = t_day - parameters_.autoimmunity_start_day;
  return exposure <= 0 ? 1.0 : std::exp(-parameters_.destruction_rate_per_day * exposure);
}

double T1dAutoimmunity::onset_day() const {
  return parameters_.autoimmunity_start_day +
         std::log(1 / parameters_.mass_fraction_at_onset) / parameters_.destruction_rate_per_day;
}

double T1dAutoimmunity::function_fraction(double t_day) const {
  const double since_onset = t_day - onset_day();
  if (since_onset < 0) return 1.0;
  return 1 - (1 - parameters_.function_fraction_at_onset) *
                 std::exp(-since_onset / parameters_.function_recovery_time_day);
}

double T1dAutoimmunity::functional_mass_fraction(double t_day) const {
  return residual_mass_fraction(t_day) * function_fraction(t_day);
}

double T1dAutoimmunity::fasting_c_peptide_nmol_l(double t_day) const {
  return parameters_.normal_fasting_c_peptide_nmol_l * functional_mass_fraction(t_day);
}

double T1dAutoimmunity::stimulated_c_peptide_nmol_l(double t_day) const {
  return parameters_.normal_stimulated_c_peptide_nmol_l * functional_mass_fraction(t_day);
}

double T1dAutoimmunity::honeymoon_peak_day() const {
  const double r_tau = parameters_.destruction_rate_per_day * parameters_.function_recovery_time_day;
  const double argument = (1 - parameters_.function_fraction_at_onset) * (1 + r_tau) / r_tau;
  if (argument <= 1) return onset_day();
  return onset_day() + parameters_.function_recovery_time_day * std::log(argument);
}

}  // namespace isletsim
