// Topp, Promislow, deVries, Miura & Finegood 2000, "A model of beta-cell mass, insulin, and glucose kinetics:
// pathways to diabetes", J Theor Biol 206:605-619. Time in days.
//
//   dG/dt    = R0 - (EG0 + SI*I)*G                          (Topp 2000, eq. 1)   [mg/dl/d]
//   dI/dt    = beta*sigma*G^2/(alpha + G^2) - k*I            (Topp 2000, eq. 2)   [uU/ml/d]
//   dbeta/dt = (-d0 + r1*G - r2*G^2)*beta                    (Topp 2000, eq. 3)   [mg/d]
//
// Parameters: Topp 2000, Table 1 (values as restated in /work/shared/reference/physiology/CHECKS.md).
// Fixed points: beta = 0 gives the pathological state (G = R0/EG0, I = 0); beta > 0 needs
// -d0 + r1*G - r2*G^2 = 0, i.e. G = (r1 -+ sqrt(r1^2 - 4*r2*d0))/(2*r2) (physiological, saddle), then
// I = (R0/G - EG0)/SI and beta = k*I*(alpha + G^2)/(sigma*G^2). The two meet (saddle-node) at d0 = r1^2/(4*r2).
//
// Integration: glucose and insulin relax within hours (k = 432 /d) while beta-cell mass changes over weeks
// (d0 = 0.06 /d): mildly stiff (eigenvalues from about -450 to -0.06 /d). Boost.Odeint's rosenbrock4 would be
// the textbook choice but needs Boost.uBLAS, which does not compile under C++20 with the Boost we build against
// (std::allocator::construct was removed). The stiffness ratio is only ~10^4, so the adaptive Dormand-Prince 5(4)
// stepper (abs 1e-10, rel 1e-9) simply runs at its stability limit (~0.007 d): ~0.5 M cheap steps per 3000 days,
// milliseconds, and its error control keeps the slow manifold accurate.
#pragma once

#include <array>
#include <complex>
#include <vector>

namespace isletsim {

struct Topp2000Parameters {
  double glucose_production_mg_dl_per_day = 864;        // R0 (Topp 2000, Table 1)
  double glucose_effectiveness_per_day = 1.44;          // EG0
  double insulin_sensitivity_ml_per_uU_day = 0.72;      // SI
  double secretion_uU_per_mg_day = 43.2;                // sigma (per mg beta-cell mass)
  double secretion_half_glucose_sq_mg2_dl2 = 20000;     // alpha
  double insulin_clearance_per_day = 432;               // k
  double beta_death_per_day = 0.06;                     // d0
  double beta_growth_r1_per_mg_dl_day = 0.84e-3;        // r1
  double beta_growth_r2_per_mg2_dl2_day = 0.24e-5;      // r2
};

struct Topp2000State {
  double glucose_mg_dl = 0;
  double insulin_uU_ml = 0;
  double beta_cell_mass_mg = 0;
};

enum class FixedPointStability { kStable, kSaddle, kUnstable };

struct Topp2000FixedPoint {
  Topp2000State state;
  std::array<std::complex<double>, 3> jacobian_eigenvalues_per_day;
  FixedPointStability stability = FixedPointStability::kStable;
};

// Right-hand side (d/dt of G, I, beta) in the units above.
std::array<double, 3> topp_2000_derivative(const Topp2000Parameters& p, const Topp2000State& s);

// Analytic Jacobian d(dG, dI, dbeta)/d(G, I, beta), row-major.
std::array<std::array<double, 3>, 3> topp_2000_jacobian(const Topp2000Parameters& p, const Topp2000State& s);

// All biologically meaningful fixed points (beta >= 0, I >= 0), ordered by increasing glucose: with the default
// parameters physiological (G 100), saddle (G 250), pathological (G 600). Each with its Jacobian eigenvalues.
std::vector<Topp2000FixedPoint> topp_2000_fixed_points(const Topp2000Parameters& p);

// d0 at which the physiological and saddle points merge (r1^2/(4 r2)) and the glucose there (r1/(2 r2)).
double topp_2000_saddle_node_death_rate_per_day(const Topp2000Parameters& p);
double topp_2000_saddle_node_glucose_mg_dl(const Topp2000Parameters& p);

// Integrates from `initial` for `duration_day` days; samples every `sample_interval_day` (first sample = initial).
struct Topp2000Sample {
  double t_day = 0;
  Topp2000State state;
};
std::vector<Topp2000Sample> simulate_topp_2000(const Topp2000Parameters& p, const Topp2000State& initial,
                                               double duration_day, double sample_interval_day);

}  // namespace isletsim
