#include "protocols/intravenous_glucose_tolerance_test.hpp"

#include <algorithm>

#include "analysis/minimal_model_fit.hpp"
#include "analysis/surrogate_indices.hpp"
#include "core/input_error.hpp"
#include "core/units.hpp"
#include "protocols/meal_model_simulation.hpp"

namespace isletsim {

IvgttResult run_intravenous_glucose_tolerance_test(const MealModelParameters& subject, const IvgttOptions& o) {
  if (!(o.glucose_g_per_kg > 0) || !(o.insulin_u_per_kg >= 0) || !(o.insulin_at_min >= 1)) {
    throw InputError({"", 0, "glucose_g_per_kg"},
                     "an IVGTT needs glucose_g_per_kg > 0, insulin_u_per_kg >= 0 and insulin_at_min >= 1");
  }
  auto times = o.sample_times_min;
  std::sort(times.begin(), times.end());
  MealModelSimulation sim(subject);
  // Piecewise-constant input events: glucose over [0, 1) min, insulin over [insulin_at, insulin_at + 1) min.
  const double glucose_rate_mg_per_kg_per_min = o.glucose_g_per_kg * 1000.0;
  const double insulin_rate_pmol_per_kg_per_min = o.insulin_u_per_kg * units::kPmolPerInsulinUnit;
  std::vector<double> breaks = {1.0};
  if (o.insulin_u_per_kg > 0) breaks.insert(breaks.end(), {o.insulin_at_min, o.insulin_at_min + 1.0});
  IvgttResult r;
  for (const double t : times) {
    while (sim.time_min() < t) {
      const double now = sim.time_min();
      double stop = t;
      for (const double b : breaks) {
        if (b > now && b < stop) stop = b;
      }
      ProtocolInputs in;
      if (now < 1.0) in.glucose_iv_mg_per_kg_per_min = glucose_rate_mg_per_kg_per_min;
      if (o.insulin_u_per_kg > 0 && now >= o.insulin_at_min && now < o.insulin_at_min + 1.0) {
        in.insulin_iv_pmol_per_kg_per_min = insulin_rate_pmol_per_kg_per_min;
      }
      sim.advance(stop - now, in);
    }
    r.samples.push_back({t, sim.glucose_mg_dl(), sim.insulin_uU_ml()});
  }
  r.acute_insulin_response_uU_ml = acute_insulin_response_to_glucose(r.samples);
  try {
    MinimalModelFitOptions fit_options;
    fit_options.basal_glucose_mg_dl = r.samples.front().glucose_mg_dl;
    fit_options.basal_insulin_uU_ml = r.samples.front().insulin_uU_ml;
    const MinimalModelFit fit = fit_minimal_model(r.samples, fit_options);
    if (fit.converged) {
      r.insulin_sensitivity_per_min_per_uU_ml = fit.parameters.insulin_sensitivity_per_min_per_uU_ml;
      r.glucose_effectiveness_per_min = fit.parameters.glucose_effectiveness_per_min;
      r.disposition_index_per_min =
          intravenous_disposition_index(r.acute_insulin_response_uU_ml, *r.insulin_sensitivity_per_min_per_uU_ml);
    }
  } catch (const InputError&) {
    // The fit needs data it may not get (e.g. negative S_I); the simulated curves and AIRg still stand.
  }
  return r;
}

}  // namespace isletsim
