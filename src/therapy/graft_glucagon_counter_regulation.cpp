#include "therapy/graft_glucagon_counter_regulation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "core/input_error.hpp"

// Provenance of the default values (GlucagonCounterRegulationParameters): the equations are those of Dalla Man et
// al. 2014 (header). The numbers n 0.15 /min, rho 0.57 /min, sigma 1.093, delta 0.682, kH 0.16 /min, xi 0.009 and
// Hb 93 pg/ml are the "glucagon system" values carried by a public re-implementation of that S2013 model (a MATLAB
// and a Python file of one GitHub project, the same numbers in both). We could not check them against a table of
// Dalla Man 2014 (the paper's population values were not available to us), so they are an **assumption** of this
// project until verified; docs/trial.md says so. What they imply (tests/therapy/graft_glucagon_counter_regulation
// _test.cpp): a glucagon half-life ln 2 / n = 4.6 min, and for a normal subject (F = 1) clamped at 50 mg/dl with
// insulin at threshold a steady glucagon rise of sigma (Gth - 50) / n above Hb and an EGP rise of xi times that.

namespace isletsim {

namespace {

// phi(a, b, t) = integral_0^t e^{-a u} e^{-b (t - u)} du: the response of dy/dt = -b y to an input e^{-a t}.
double exponential_convolution(double a, double b, double t) {
  if (std::abs(b - a) < 1e-12) return t * std::exp(-b * t);
  return (std::exp(-a * t) - std::exp(-b * t)) / (b - a);
}

void require(bool ok, const char* key, const std::string& problem) {
  if (!ok) throw InputError({"", 0, key}, problem);
}

}  // namespace

void validate_glucagon_counter_regulation(const GlucagonCounterRegulationParameters& p) {
  const auto positive = [](double v) { return std::isfinite(v) && v > 0; };
  const auto non_negative = [](double v) { return std::isfinite(v) && v >= 0; };
  require(positive(p.n_per_min), "n_per_min", fmt::format("must be a positive rate, got {}", p.n_per_min));
  require(positive(p.rho_per_min), "rho_per_min", fmt::format("must be a positive rate, got {}", p.rho_per_min));
  require(positive(p.kh_per_min), "kh_per_min", fmt::format("must be a positive rate, got {}", p.kh_per_min));
  require(non_negative(p.sigma_pg_ml_per_min_per_mg_dl), "sigma_pg_ml_per_min_per_mg_dl",
          fmt::format("must be >= 0, got {}", p.sigma_pg_ml_per_min_per_mg_dl));
  require(non_negative(p.delta_pg_ml_per_mg_dl), "delta_pg_ml_per_mg_dl",
          fmt::format("must be >= 0, got {}", p.delta_pg_ml_per_mg_dl));
  require(non_negative(p.xi_mg_per_kg_per_min_per_pg_ml), "xi_mg_per_kg_per_min_per_pg_ml",
          fmt::format("must be >= 0, got {}", p.xi_mg_per_kg_per_min_per_pg_ml));
  require(positive(p.basal_glucagon_pg_ml), "basal_glucagon_pg_ml",
          fmt::format("must be positive, got {}", p.basal_glucagon_pg_ml));
  require(positive(p.threshold_glucose_mg_dl), "threshold_glucose_mg_dl",
          fmt::format("must be positive, got {}", p.threshold_glucose_mg_dl));
  require(non_negative(p.threshold_insulin_pmol_l), "threshold_insulin_pmol_l",
          fmt::format("must be >= 0, got {}", p.threshold_insulin_pmol_l));
  // The exact solution divides by the differences of the rates.
  require(std::abs(p.n_per_min - p.rho_per_min) > 1e-6, "rho_per_min", "must differ from n_per_min");
  require(std::abs(p.n_per_min - p.kh_per_min) > 1e-6, "kh_per_min", "must differ from n_per_min");
  require(std::abs(p.rho_per_min - p.kh_per_min) > 1e-6, "kh_per_min", "must differ from rho_per_min");
}

GraftGlucagonCounterRegulation::GraftGlucagonCounterRegulation(const GlucagonCounterRegulationParameters& parameters)
    : p_(parameters) {
  validate_glucagon_counter_regulation(p_);
}

void GraftGlucagonCounterRegulation::set_functional_mass_fraction(double fraction) {
  require(std::isfinite(fraction) && fraction >= 0, "functional_mass_fraction",
          fmt::format("must be >= 0, got {}", fraction));
  mass_fraction_ = fraction;
}

// Rest value of SRsH - SRHb: max(sigma' (Gth - G) + SRHb, 0) - SRHb, sigma' = sigma / (1 + max(I - Ith, 0)) below
// Gth (insulin inhibits the alpha cells' response), sigma at and above Gth (S2013 static secretion).
double GraftGlucagonCounterRegulation::static_target_above_basal(double glucose_mg_dl, double insulin_pmol_l) const {
  const double basal_secretion = p_.n_per_min * p_.basal_glucagon_pg_ml;  // SRHb = n Hb
  double sigma = p_.sigma_pg_ml_per_min_per_mg_dl;
  if (glucose_mg_dl < p_.threshold_glucose_mg_dl) {
    sigma /= 1.0 + std::max(insulin_pmol_l - p_.threshold_insulin_pmol_l, 0.0);
  }
  return std::max(sigma * (p_.threshold_glucose_mg_dl - glucose_mg_dl) + basal_secretion, 0.0) - basal_secretion;
}

double GraftGlucagonCounterRegulation::steady_extra_egp_mg_per_kg_per_min(double glucose_mg_dl,
                                                                          double insulin_pmol_l) const {
  const double h = mass_fraction_ * static_target_above_basal(glucose_mg_dl, insulin_pmol_l) / p_.n_per_min;
  return p_.xi_mg_per_kg_per_min_per_pg_ml * std::max(h, 0.0);
}

// Advances s, h, x by `duration_min` with the static target and the dynamic secretion held. Closed forms:
//   s(t) = s* + (s0 - s*) e^{-rho t}
//   h(t) = A + B e^{-n t} + C e^{-rho t},  A = F (s* + d) / n,  C = F (s0 - s*) / (n - rho),  B = h0 - A - C
//   x(t) = x0 e^{-kH t} + kH [A (1 - e^{-kH t}) / kH + B phi(n, kH, t) + C phi(rho, kH, t)]   while h >= 0
//   x(t) = x0 e^{-kH t}                                                                       while h <= 0
void GraftGlucagonCounterRegulation::advance_states(double duration_min, double s_target, double dynamic) {
  const double n = p_.n_per_min;
  const double rho = p_.rho_per_min;
  const double kh = p_.kh_per_min;
  const double F = mass_fraction_;
  double remaining = duration_min;
  constexpr int kMaxPieces = 8;  // sign changes of h handled within one call; the last piece takes the rest
  for (int piece = 0; piece < kMaxPieces && remaining > 0; ++piece) {
    const double A = F * (s_target + dynamic) / n;
    const double C = F * (s_ - s_target) / (n - rho);
    const double B = h_ - A - C;
    const auto h_at = [&](double t) { return A + B * std::exp(-n * t) + C * std::exp(-rho * t); };
    // Sign of h just after the start (its derivative F (s0 + d) when h0 is zero to rounding).
    const double scale = std::abs(A) + std::abs(B) + std::abs(C) + 1.0;
    const double h_start = std::abs(h_) > 1e-9 * scale ? h_ : F * (s_ + dynamic);
    const bool positive = h_start > 0 || (h_start == 0 && h_at(remaining) > 0);
    // First sign change on a grid of 16 sub-intervals, then bisection inside it.
    double end = remaining;
    constexpr int kSamples = 16;
    double previous_t = 0;
    for (int i = 1; i <= kSamples && piece + 1 < kMaxPieces; ++i) {
      const double t = remaining * static_cast<double>(i) / kSamples;
      const double h = h_at(t);
      if (positive ? h < 0 : h > 0) {
        double lo = previous_t;
        double hi = t;
        while (hi - lo > 1e-12) {
          const double mid = 0.5 * (lo + hi);
          const double hm = h_at(mid);
          if (positive ? hm < 0 : hm > 0) {
            hi = mid;
          } else {
            lo = mid;
          }
        }
        end = hi;
        break;
      }
      previous_t = t;
    }
    const double decay_x = std::exp(-kh * end);
    double x = x_ * decay_x;
    if (positive) {
      x += A * (1.0 - decay_x) + kh * (B * exponential_convolution(n, kh, end) + C * exponential_convolution(rho, kh, end));
    }
    h_ = h_at(end);
    s_ = s_target + (s_ - s_target) * std::exp(-rho * end);
    x_ = x;
    remaining -= end;
  }
}

double GraftGlucagonCounterRegulation::advance_mg_per_kg_per_min(double t_min, double plasma_glucose_mg_dl,
                                                                 double plasma_insulin_pmol_l) {
  const double G = plasma_glucose_mg_dl;
  const double s_target = static_target_above_basal(G, plasma_insulin_pmol_l);
  if (!started_) {
    started_ = true;
    s_ = s_target;
    h_ = mass_fraction_ * s_target / p_.n_per_min;
    x_ = std::max(h_, 0.0);
  } else {
    const double dt = t_min - last_t_min_;
    if (dt > 0) {
      const double dG_dt = (G - last_glucose_mg_dl_) / dt;
      const double dynamic = p_.delta_pg_ml_per_mg_dl * std::max(-dG_dt, 0.0);  // SRdH = delta max(-dG/dt, 0)
      advance_states(dt, s_target, dynamic);
    }
  }
  last_t_min_ = t_min;
  last_glucose_mg_dl_ = G;
  return p_.xi_mg_per_kg_per_min_per_pg_ml * std::max(x_, 0.0);
}

}  // namespace isletsim
