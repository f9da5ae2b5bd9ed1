#include "physiology/c_peptide_kinetics.hpp"

#include <cmath>
#include <numbers>
#include <string>

#include "core/input_error.hpp"

namespace isletsim {

namespace {
void check_range(double value, double low, double high, const char* key, const char* unit) {
  if (!std::isfinite(value) || value < low || value > high) {
    throw InputError({"", 0, key}, "must be between " + std::to_string(low) + " and " + std::to_string(high) + " " +
                                       unit + ", got " + std::to_string(value));
  }
}
}  // namespace

double du_bois_body_surface_area_m2(double body_weight_kg, double height_cm) {
  return 0.007184 * std::pow(body_weight_kg, 0.425) * std::pow(height_cm, 0.725);  // Du Bois & Du Bois 1916
}

CPeptideKineticsParameters van_cauter_1992_standard_parameters(const CPeptidePerson& person) {
  check_range(person.age_years, 0, 120, "age_years", "years");
  check_range(person.height_cm, 50, 250, "height_cm", "cm");
  check_range(person.body_weight_kg, 10, 400, "body_weight_kg", "kg");
  CPeptideKineticsParameters k;
  const double bsa_m2 = du_bois_body_surface_area_m2(person.body_weight_kg, person.height_cm);
  k.volume_l = person.male ? 1.92 * bsa_m2 + 0.64 : 1.11 * bsa_m2 + 2.04;  // Van Cauter 1992
  k.short_half_life_min = 4.95;                                            // Van Cauter 1992
  k.long_half_life_min = 0.14 * person.age_years + 29.2;                   // Van Cauter 1992
  const double fraction_short = person.obese_or_type2 ? 0.78 : 0.76;       // F, Van Cauter 1992
  const double a = std::numbers::ln2 / k.short_half_life_min;
  const double b = std::numbers::ln2 / k.long_half_life_min;
  k.k12_per_min = fraction_short * b + (1.0 - fraction_short) * a;
  k.k01_per_min = a * b / k.k12_per_min;
  k.k21_per_min = a + b - k.k12_per_min - k.k01_per_min;
  return k;
}

CPeptideKinetics::CPeptideKinetics(const CPeptideKineticsParameters& parameters, double steady_secretion_pmol_per_min)
    : parameters_(parameters) {
  plasma_pmol_l_ = steady_plasma_pmol_l(steady_secretion_pmol_per_min);
  peripheral_pmol_l_ = parameters_.k21_per_min * plasma_pmol_l_ / parameters_.k12_per_min;  // dC2/dt = 0
}

double CPeptideKinetics::steady_plasma_pmol_l(double secretion_pmol_per_min) const {
  return secretion_pmol_per_min / (parameters_.volume_l * parameters_.k01_per_min);
}

void CPeptideKinetics::advance(double secretion_pmol_per_min, double duration_min) {
  const auto& k = parameters_;
  // x' = A x + u with A = [[-(k01+k21), k12], [k21, -k12]]; x(t) = x_ss + exp(A t)(x0 - x_ss).
  const double a11 = -(k.k01_per_min + k.k21_per_min);
  const double a12 = k.k12_per_min;
  const double a21 = k.k21_per_min;
  const double a22 = -k.k12_per_min;
  const double steady1 = steady_plasma_pmol_l(secretion_pmol_per_min);
  const double steady2 = a21 * steady1 / k.k12_per_min;
  const double d1 = plasma_pmol_l_ - steady1;
  const double d2 = peripheral_pmol_l_ - steady2;
  // Eigenvalues of the 2x2 matrix (real and distinct: -a and -b); exp(At) by Sylvester's formula.
  const double trace = a11 + a22;
  const double det = a11 * a22 - a12 * a21;
  const double root = std::sqrt(trace * trace / 4.0 - det);
  const double l1 = trace / 2.0 + root;
  const double l2 = trace / 2.0 - root;
  const double e1 = std::exp(l1 * duration_min);
  const double e2 = std::exp(l2 * duration_min);
  // exp(At) = (e1 (A - l2 I) - e2 (A - l1 I)) / (l1 - l2)
  const double s = 1.0 / (l1 - l2);
  const double m11 = s * (e1 * (a11 - l2) - e2 * (a11 - l1));
  const double m12 = s * (e1 - e2) * a12;
  const double m21 = s * (e1 - e2) * a21;
  const double m22 = s * (e1 * (a22 - l2) - e2 * (a22 - l1));
  plasma_pmol_l_ = steady1 + m11 * d1 + m12 * d2;
  peripheral_pmol_l_ = steady2 + m21 * d1 + m22 * d2;
}

}  // namespace isletsim
