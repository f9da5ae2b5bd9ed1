#include "analysis/surrogate_indices.hpp"

#include <cmath>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "core/input_error.hpp"

namespace isletsim {

namespace {

[[noreturn]] void reject(const std::string& key, const std::string& problem) { throw InputError({"", 0, key}, problem); }

void require_positive(double value, const std::string& key, const char* units) {
  if (!std::isfinite(value)) reject(key, fmt::format("must be a finite number (got {})", value));
  if (value <= 0) reject(key, fmt::format("must be > 0 {} (got {})", units, value));
}

void require_non_negative(double value, const std::string& key, const char* units) {
  if (!std::isfinite(value)) reject(key, fmt::format("must be a finite number (got {})", value));
  if (value < 0) reject(key, fmt::format("must be >= 0 {} (got {})", units, value));
}

// Times finite and strictly increasing, glucose > 0, insulin >= 0.
void check_samples(std::span<const GlucoseInsulinSample> samples, const char* test) {
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const auto& sample = samples[i];
    const std::string prefix = fmt::format("{}[{}].", test, i);
    if (!std::isfinite(sample.t_min)) reject(prefix + "t_min", fmt::format("must be a finite number (got {})", sample.t_min));
    if (i > 0 && sample.t_min <= samples[i - 1].t_min) {
      reject(prefix + "t_min", fmt::format("times must increase (got {} min after {} min)", sample.t_min,
                                           samples[i - 1].t_min));
    }
    require_positive(sample.glucose_mg_dl, prefix + "glucose_mg_dl", "mg/dl");
    require_non_negative(sample.insulin_uU_ml, prefix + "insulin_uU_ml", "uU/ml");
  }
}

std::optional<GlucoseInsulinSample> sample_at(std::span<const GlucoseInsulinSample> samples, double t_min) {
  for (const auto& sample : samples) {
    if (sample.t_min == t_min) return sample;
  }
  return std::nullopt;
}

GlucoseInsulinSample required_sample_at(std::span<const GlucoseInsulinSample> samples, double t_min,
                                        const char* test, const char* index) {
  if (auto sample = sample_at(samples, t_min)) return *sample;
  reject(test, fmt::format("{} needs a sample at t = {} min; none was given", index, t_min));
}

}  // namespace

double homa1_insulin_resistance(double fasting_glucose_mmol_l, double fasting_insulin_uU_ml) {
  require_positive(fasting_glucose_mmol_l, "fasting_glucose_mmol_l", "mmol/l");
  require_positive(fasting_insulin_uU_ml, "fasting_insulin_uU_ml", "uU/ml");
  // Matthews 1985, appendix: IR = I0 * G0 / 22.5 (I in uU/ml, G in mmol/l).
  return fasting_glucose_mmol_l * fasting_insulin_uU_ml / 22.5;
}

double homa1_beta_cell_function_percent(double fasting_glucose_mmol_l, double fasting_insulin_uU_ml) {
  require_positive(fasting_glucose_mmol_l, "fasting_glucose_mmol_l", "mmol/l");
  require_non_negative(fasting_insulin_uU_ml, "fasting_insulin_uU_ml", "uU/ml");
  // Matthews 1985, appendix: %B = 20 * I0 / (G0 - 3.5); undefined at or below 3.5 mmol/l.
  if (fasting_glucose_mmol_l <= 3.5) {
    reject("fasting_glucose_mmol_l",
           fmt::format("HOMA1-%B is defined only for fasting glucose > 3.5 mmol/l (got {:.3f} mmol/l)",
                       fasting_glucose_mmol_l));
  }
  return 20.0 * fasting_insulin_uU_ml / (fasting_glucose_mmol_l - 3.5);
}

double quantitative_insulin_sensitivity_check_index(double fasting_glucose_mg_dl, double fasting_insulin_uU_ml) {
  require_positive(fasting_glucose_mg_dl, "fasting_glucose_mg_dl", "mg/dl");
  require_positive(fasting_insulin_uU_ml, "fasting_insulin_uU_ml", "uU/ml");
  // Katz 2000: QUICKI = 1 / (log I0 + log G0), decimal logarithms, I0 in uU/ml, G0 in mg/dl.
  const double denominator = std::log10(fasting_insulin_uU_ml) + std::log10(fasting_glucose_mg_dl);
  if (denominator <= 0) {
    reject("fasting_insulin_uU_ml", "QUICKI is undefined when I0 [uU/ml] * G0 [mg/dl] <= 1");
  }
  return 1.0 / denominator;
}

double matsuda_insulin_sensitivity_index(std::span<const GlucoseInsulinSample> ogtt) {
  check_samples(ogtt, "ogtt");
  const auto fasting = required_sample_at(ogtt, 0.0, "ogtt", "the Matsuda index");
  // Matsuda & DeFronzo 1999: means over the OGTT samples from 0 to 120 min (0, 30, 60, 90, 120 in the paper).
  constexpr double kOgttEndMin = 120.0;
  double glucose_sum_mg_dl = 0;
  double insulin_sum_uU_ml = 0;
  int samples_in_window = 0;
  int post_load_samples = 0;
  for (const auto& sample : ogtt) {
    if (sample.t_min < 0 || sample.t_min > kOgttEndMin) continue;
    glucose_sum_mg_dl += sample.glucose_mg_dl;
    insulin_sum_uU_ml += sample.insulin_uU_ml;
    ++samples_in_window;
    if (sample.t_min > 0) ++post_load_samples;
  }
  if (post_load_samples < 2) {
    reject("ogtt", fmt::format("the Matsuda index needs at least 2 samples in (0, 120] min after the load; found {}",
                               post_load_samples));
  }
  const double mean_glucose_mg_dl = glucose_sum_mg_dl / samples_in_window;
  const double mean_insulin_uU_ml = insulin_sum_uU_ml / samples_in_window;
  require_positive(fasting.insulin_uU_ml, "ogtt.fasting_insulin_uU_ml", "uU/ml for the Matsuda index");
  // Matsuda & DeFronzo 1999, eq. (1): ISI = 10000 / sqrt(G0 * I0 * Gmean * Imean).
  return 10000.0 / std::sqrt(fasting.glucose_mg_dl * fasting.insulin_uU_ml * mean_glucose_mg_dl * mean_insulin_uU_ml);
}

double insulinogenic_index(std::span<const GlucoseInsulinSample> ogtt) {
  check_samples(ogtt, "ogtt");
  const auto fasting = required_sample_at(ogtt, 0.0, "ogtt", "the insulinogenic index");
  const auto at_30 = required_sample_at(ogtt, 30.0, "ogtt", "the insulinogenic index");
  const double glucose_rise_mg_dl = at_30.glucose_mg_dl - fasting.glucose_mg_dl;
  if (glucose_rise_mg_dl <= 0) {
    reject("ogtt", fmt::format("the insulinogenic index needs glucose at 30 min above fasting (G30 - G0 = {} mg/dl)",
                               glucose_rise_mg_dl));
  }
  // Seltzer 1967; Phillips 1994: (I30 - I0) / (G30 - G0).
  return (at_30.insulin_uU_ml - fasting.insulin_uU_ml) / glucose_rise_mg_dl;
}

double oral_disposition_index_matsuda(std::span<const GlucoseInsulinSample> ogtt) {
  return insulinogenic_index(ogtt) * matsuda_insulin_sensitivity_index(ogtt);
}

double oral_disposition_index_fasting_insulin(std::span<const GlucoseInsulinSample> ogtt) {
  const double secretion = insulinogenic_index(ogtt);
  const auto fasting = required_sample_at(ogtt, 0.0, "ogtt", "the oral disposition index");
  require_positive(fasting.insulin_uU_ml, "ogtt.fasting_insulin_uU_ml", "uU/ml");
  // Utzschneider 2009: DIo = (dI0-30 / dG0-30) * (1 / fasting insulin).
  return secretion / fasting.insulin_uU_ml;
}

double acute_insulin_response_to_glucose(std::span<const GlucoseInsulinSample> ivgtt) {
  check_samples(ivgtt, "ivgtt");
  double basal_sum_uU_ml = 0;
  int basal_samples = 0;
  double response_sum_uU_ml = 0;
  int response_samples = 0;
  for (const auto& sample : ivgtt) {
    if (sample.t_min <= 0) {
      basal_sum_uU_ml += sample.insulin_uU_ml;
      ++basal_samples;
    } else if (sample.t_min >= 2.0 && sample.t_min <= 10.0) {  // Bergman 1981, Kahn 1993: 2-10 min window
      response_sum_uU_ml += sample.insulin_uU_ml;
      ++response_samples;
    }
  }
  if (basal_samples == 0) reject("ivgtt", "AIRg needs a basal insulin sample at t <= 0 min; none was given");
  if (response_samples < 2) {
    reject("ivgtt", fmt::format("AIRg needs at least 2 samples between 2 and 10 min; found {}", response_samples));
  }
  return response_sum_uU_ml / response_samples - basal_sum_uU_ml / basal_samples;
}

double intravenous_disposition_index(double acute_insulin_response_uU_ml, double insulin_sensitivity_per_min_per_uU_ml) {
  if (!std::isfinite(acute_insulin_response_uU_ml)) {
    reject("acute_insulin_response_uU_ml", fmt::format("must be a finite number (got {})", acute_insulin_response_uU_ml));
  }
  require_non_negative(insulin_sensitivity_per_min_per_uU_ml, "insulin_sensitivity_per_min_per_uU_ml", "/min per uU/ml");
  // Bergman 1981; Kahn 1993: DI = AIRg * S_I.
  return acute_insulin_response_uU_ml * insulin_sensitivity_per_min_per_uU_ml;
}

double clamp_m_value(std::span<const ClampSample> clamp, bool apply_space_correction) {
  for (std::size_t i = 0; i < clamp.size(); ++i) {
    const auto& sample = clamp[i];
    const std::string prefix = fmt::format("clamp[{}].", i);
    if (!std::isfinite(sample.t_min)) reject(prefix + "t_min", fmt::format("must be a finite number (got {})", sample.t_min));
    if (i > 0 && sample.t_min <= clamp[i - 1].t_min) {
      reject(prefix + "t_min", fmt::format("times must increase (got {} min after {} min)", sample.t_min,
                                           clamp[i - 1].t_min));
    }
    require_non_negative(sample.glucose_infusion_mg_kg_min, prefix + "glucose_infusion_mg_kg_min", "mg/kg/min");
    require_positive(sample.glucose_mg_dl, prefix + "glucose_mg_dl", "mg/dl");
  }
  if (clamp.empty()) reject("clamp", "the M value needs clamp samples; none were given");
  // DeFronzo 1979: M is the mean glucose infusion rate over the final period of the clamp (here the last 30 min).
  constexpr double kFinalPeriodMin = 30.0;
  const double window_start_min = clamp.back().t_min - kFinalPeriodMin;
  double infusion_sum_mg_kg_min = 0;
  int samples_in_window = 0;
  const ClampSample* first_in_window = nullptr;
  for (const auto& sample : clamp) {
    if (sample.t_min < window_start_min) continue;
    if (first_in_window == nullptr) first_in_window = &sample;
    infusion_sum_mg_kg_min += sample.glucose_infusion_mg_kg_min;
    ++samples_in_window;
  }
  if (samples_in_window < 2) {
    reject("clamp", fmt::format("the M value needs at least 2 samples in the last 30 min of the clamp; found {}",
                                samples_in_window));
  }
  const double mean_infusion_mg_kg_min = infusion_sum_mg_kg_min / samples_in_window;
  if (!apply_space_correction) return mean_infusion_mg_kg_min;
  // DeFronzo 1979, space correction: glucose space 0.19 l/kg = 1.9 dl/kg; SC = dG [mg/dl] * 1.9 [dl/kg] / dt [min].
  constexpr double kGlucoseSpaceDlPerKg = 1.9;
  const ClampSample& last = clamp.back();
  const double space_correction_mg_kg_min = (last.glucose_mg_dl - first_in_window->glucose_mg_dl) *
                                            kGlucoseSpaceDlPerKg / (last.t_min - first_in_window->t_min);
  return mean_infusion_mg_kg_min - space_correction_mg_kg_min;
}

}  // namespace isletsim
