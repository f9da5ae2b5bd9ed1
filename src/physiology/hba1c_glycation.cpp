// HbA1c glycation kinetics (Beach 1979) calibrated to ADAG (Nathan 2008): see hba1c_glycation.hpp.
#include "physiology/hba1c_glycation.hpp"

#include <cmath>
#include <cstddef>
#include <numeric>

#include <stdexcept>

namespace isletsim {

double adag_hba1c_percent(double mean_glucose_mg_dl) { return (mean_glucose_mg_dl + 46.7) / 28.7; }

double gmi_percent(double mean_glucose_mg_dl) { return 3.31 + 0.02392 * mean_glucose_mg_dl; }

HbA1cGlycation::HbA1cGlycation(const HbA1cGlycationParameters& parameters, double steady_mean_glucose_mg_dl)
    : parameters_(parameters) {
  const double lifespan = std::round(parameters.red_cell_lifespan_day);
  if (!(lifespan >= 1) || !(parameters.glycation_rate_per_mg_dl_day >= 0) || !(steady_mean_glucose_mg_dl >= 0)) {
    throw std::invalid_argument("HbA1cGlycation: the red-cell lifespan must be >= 1 day, the rate and glucose >= 0");
  }
  glycated_fraction_by_age_.resize(static_cast<std::size_t>(lifespan));
  // Steady state: the cohort of index i has been exposed for i + 1 days.
  for (std::size_t i = 0; i < glycated_fraction_by_age_.size(); ++i) {
    glycated_fraction_by_age_[i] = 1 - std::exp(-parameters.glycation_rate_per_mg_dl_day *
                                                steady_mean_glucose_mg_dl * static_cast<double>(i + 1));
  }
}

void HbA1cGlycation::advance_one_day(double mean_glucose_mg_dl) {
  if (!(mean_glucose_mg_dl >= 0)) throw std::invalid_argument("HbA1cGlycation: mean glucose must be >= 0 mg/dl");
  for (std::size_t i = glycated_fraction_by_age_.size() - 1; i > 0; --i) {
    glycated_fraction_by_age_[i] = glycated_fraction_by_age_[i - 1];
  }
  glycated_fraction_by_age_[0] = 0;
  const double survive_unglycated = std::exp(-parameters_.glycation_rate_per_mg_dl_day * mean_glucose_mg_dl);
  for (double& h : glycated_fraction_by_age_) h = 1 - (1 - h) * survive_unglycated;
}

double HbA1cGlycation::hba1c_percent() const {
  const double mean = std::accumulate(glycated_fraction_by_age_.begin(), glycated_fraction_by_age_.end(), 0.0) /
                      static_cast<double>(glycated_fraction_by_age_.size());
  return parameters_.baseline_percent + 100 * mean;
}

}  // namespace isletsim
