#include "protocols/euglycaemic_clamp.hpp"

#include <algorithm>
#include <cmath>

#include "analysis/surrogate_indices.hpp"
#include "core/input_error.hpp"
#include "protocols/meal_model_simulation.hpp"

namespace isletsim {

ClampResult run_euglycaemic_clamp(const MealModelParameters& subject, const ClampOptions& o) {
  if (!(o.insulin_mu_per_m2_per_min > 0) || !(o.duration_min >= 60) || !(o.control_interval_min > 0) ||
      !(o.body_surface_area_m2 >= 0) || !(o.height_cm > 0)) {
    throw InputError({"", 0, "insulin_mu_per_m2_per_min"},
                     "a clamp needs a positive insulin rate, duration_min >= 60 and positive control interval");
  }
  const double bsa_m2 = o.body_surface_area_m2 > 0 ? o.body_surface_area_m2
                                                   : std::sqrt(o.height_cm * subject.body_weight_kg / 3600.0);
  // 1 mU = 6 pmol (1 U = 6000 pmol, units.hpp).
  const double insulin_pmol_per_kg_per_min = o.insulin_mu_per_m2_per_min * 6.0 * bsa_m2 / subject.body_weight_kg;
  MealModelSimulation sim(subject);
  ClampResult r;
  r.target_glucose_mg_dl = sim.glucose_mg_dl();
  double gir = 0;
  double previous_error = 0;
  double insulin_sum = 0;
  int insulin_count = 0;
  const long steps = std::lround(o.duration_min / o.control_interval_min);
  for (long k = 0; k <= steps; ++k) {
    const double G = sim.glucose_mg_dl();
    const double error = r.target_glucose_mg_dl - G;
    gir = std::max(0.0, gir + o.proportional_gain * (error - previous_error) +
                            o.integral_gain_per_min * o.control_interval_min * error);
    previous_error = error;
    r.samples.push_back({sim.time_min(), gir, G});
    if (sim.time_min() >= o.duration_min - 30.0) {
      insulin_sum += sim.insulin_pmol_l();
      ++insulin_count;
    }
    if (k < steps) sim.advance(o.control_interval_min, {0.0, gir, insulin_pmol_per_kg_per_min});
  }
  r.steady_insulin_pmol_l = insulin_sum / insulin_count;
  r.m_value_mg_kg_min = clamp_m_value(r.samples, /*apply_space_correction=*/true);
  return r;
}

}  // namespace isletsim
