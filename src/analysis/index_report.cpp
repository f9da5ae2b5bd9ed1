#include "analysis/index_report.hpp"

#include <fmt/format.h>

#include "analysis/minimal_model_fit.hpp"
#include "analysis/surrogate_indices.hpp"
#include "core/input_error.hpp"
#include "core/units.hpp"

namespace isletsim {

namespace {

// Runs one index computation; an InputError (the data do not allow it) becomes the reason it is absent.
template <typename Compute>
IndexResult evaluate(IndexResult result, Compute compute) {
  try {
    result.value = compute();
  } catch (const InputError& error) {
    result.reason_not_computed = error.problem();
  }
  return result;
}

struct FastingValues {
  double glucose_mg_dl = 0;
  double insulin_uU_ml = 0;
  std::string source;
};

std::optional<FastingValues> fasting_values(const GlucoseTestSet& data) {
  if (!data.fasting.empty()) {
    FastingValues fasting;
    for (const auto& sample : data.fasting) {
      fasting.glucose_mg_dl += sample.glucose_mg_dl;
      fasting.insulin_uU_ml += sample.insulin_uU_ml;
    }
    const auto count = static_cast<double>(data.fasting.size());
    fasting.glucose_mg_dl /= count;
    fasting.insulin_uU_ml /= count;
    fasting.source = data.fasting.size() == 1 ? "fasting sample" : fmt::format("mean of {} fasting samples",
                                                                              data.fasting.size());
    return fasting;
  }
  for (const auto* test : {&data.ogtt, &data.ivgtt}) {
    for (const auto& sample : *test) {
      if (sample.t_min == 0) {
        return FastingValues{sample.glucose_mg_dl, sample.insulin_uU_ml,
                             test == &data.ogtt ? "OGTT t = 0 sample" : "IVGTT t = 0 sample"};
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<IndexResult> compute_surrogate_indices(const GlucoseTestSet& data) {
  std::vector<IndexResult> results;

  if (const auto fasting = fasting_values(data)) {
    const double glucose_mmol_l = units::mmol_l_from_mg_dl(fasting->glucose_mg_dl);
    const double insulin_uU_ml = fasting->insulin_uU_ml;
    const std::string matthews = "Matthews et al. 1985, Diabetologia 28:412";
    results.push_back(evaluate({"homa1_ir", "HOMA1-IR", {}, {}, "1", fasting->source, matthews, ""},
                               [&] { return homa1_insulin_resistance(glucose_mmol_l, insulin_uU_ml); }));
    results.push_back(evaluate({"homa1_beta_cell_percent", "HOMA1-%B", {}, {}, "%", fasting->source, matthews, ""},
                               [&] { return homa1_beta_cell_function_percent(glucose_mmol_l, insulin_uU_ml); }));
    results.push_back(evaluate({"quicki", "QUICKI", {}, {}, "1", fasting->source,
                                "Katz et al. 2000, J Clin Endocrinol Metab 85:2402", ""},
                               [&] {
                                 return quantitative_insulin_sensitivity_check_index(fasting->glucose_mg_dl,
                                                                                     insulin_uU_ml);
                               }));
  }

  if (!data.ogtt.empty()) {
    const std::span<const GlucoseInsulinSample> ogtt = data.ogtt;
    results.push_back(evaluate({"matsuda_isi", "Matsuda ISI", {}, {}, "1", "OGTT 0-120 min",
                                "Matsuda & DeFronzo 1999, Diabetes Care 22:1462", ""},
                               [&] { return matsuda_insulin_sensitivity_index(ogtt); }));
    results.push_back(evaluate({"insulinogenic_index", "insulinogenic index", {}, {}, "uU/ml per mg/dl",
                                "OGTT 0 and 30 min", "Seltzer et al. 1967, J Clin Invest 46:323; Phillips et al. "
                                "1994, Diabet Med 11:286", ""},
                               [&] { return insulinogenic_index(ogtt); }));
    results.push_back(evaluate({"oral_disposition_index_matsuda", "oral DI (IGI x Matsuda)", {}, {},
                                "uU/ml per mg/dl", "OGTT", "Utzschneider et al. 2009, Diabetes Care 32:335 "
                                "(with Matsuda ISI as the sensitivity term)", ""},
                               [&] { return oral_disposition_index_matsuda(ogtt); }));
    results.push_back(evaluate({"oral_disposition_index_fasting_insulin", "oral DI (IGI / I0)", {}, {},
                                "1/(mg/dl)", "OGTT", "Utzschneider et al. 2009, Diabetes Care 32:335", ""},
                               [&] { return oral_disposition_index_fasting_insulin(ogtt); }));
  }

  if (!data.ivgtt.empty()) {
    const std::span<const GlucoseInsulinSample> ivgtt = data.ivgtt;
    const std::string bergman = "Bergman et al. 1981, J Clin Invest 68:1456; Kahn et al. 1993, Diabetes 42:1663";
    const auto airg = evaluate({"airg", "AIRg", {}, {}, "uU/ml", "IVGTT 2-10 min over basal", bergman, ""},
                               [&] { return acute_insulin_response_to_glucose(ivgtt); });
    results.push_back(airg);
    const std::string minmod = "Bergman et al. 1979, Am J Physiol 236:E667; Pacini & Bergman 1986";
    IndexResult sg{"sg", "S_G (minimal model)", {}, {}, "/min", "IVGTT fit, t >= 8 min", minmod, ""};
    IndexResult si{"si", "S_I (minimal model)", {}, {}, "/min per uU/ml", "IVGTT fit, t >= 8 min", minmod, ""};
    try {
      const auto fit = fit_minimal_model(ivgtt, {});
      if (fit.converged) {
        sg.value = fit.parameters.glucose_effectiveness_per_min;
        si.value = fit.parameters.insulin_sensitivity_per_min_per_uU_ml;
        if (fit.standard_errors_available) {
          sg.standard_error = fit.standard_errors.glucose_effectiveness_per_min;
          si.standard_error = fit.standard_errors.insulin_sensitivity_per_min_per_uU_ml;
        }
      } else {
        sg.reason_not_computed = si.reason_not_computed = "the minimal-model fit did not converge: " + fit.solver_report;
      }
    } catch (const InputError& error) {
      sg.reason_not_computed = si.reason_not_computed = error.problem();
    }
    results.push_back(sg);
    results.push_back(si);
    IndexResult disposition{"iv_disposition_index", "IV DI (AIRg x S_I)", {}, {}, "/min", "IVGTT", bergman, ""};
    if (airg.value && si.value) {
      disposition = evaluate(disposition, [&] { return intravenous_disposition_index(*airg.value, *si.value); });
    } else {
      disposition.reason_not_computed = !airg.value ? "needs AIRg: " + airg.reason_not_computed
                                                    : "needs S_I: " + si.reason_not_computed;
    }
    results.push_back(disposition);
  }

  if (!data.clamp.empty()) {
    const std::span<const ClampSample> clamp = data.clamp;
    const std::string defronzo = "DeFronzo, Tobin & Andres 1979, Am J Physiol 237:E214";
    results.push_back(evaluate({"clamp_m_value", "clamp M value", {}, {}, "mg/kg/min", "clamp, last 30 min",
                                defronzo, ""},
                               [&] { return clamp_m_value(clamp, false); }));
    results.push_back(evaluate({"clamp_m_value_space_corrected", "clamp M value (space-corrected)", {}, {},
                                "mg/kg/min", "clamp, last 30 min", defronzo, ""},
                               [&] { return clamp_m_value(clamp, true); }));
  }
  return results;
}

}  // namespace isletsim
