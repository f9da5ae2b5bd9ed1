#include "trial/trial_endpoint_value.hpp"

namespace isletsim {

const std::vector<EndpointDefinition>& endpoint_catalogue() {
  static const std::vector<EndpointDefinition> catalogue = {
      {"hba1c_percent", "%", EndpointKind::kContinuous, "HbA1c from the glycation model driven by plasma glucose"},
      {"mean_glucose_mg_dl", "mg/dl", EndpointKind::kContinuous, "mean CGM glucose over the 14 days before the visit"},
      {"tir_70_180_percent", "%", EndpointKind::kContinuous, "CGM time in 70-180 mg/dl, 14 days before the visit"},
      {"tbr_below_70_percent", "%", EndpointKind::kContinuous, "CGM time below 70 mg/dl, 14 days before the visit"},
      {"tbr_below_54_percent", "%", EndpointKind::kContinuous, "CGM time below 54 mg/dl, 14 days before the visit"},
      {"tar_above_180_percent", "%", EndpointKind::kContinuous, "CGM time above 180 mg/dl, 14 days before the visit"},
      {"cgm_level2_hypo_events", "events", EndpointKind::kContinuous,
       "level 2 CGM hypoglycaemia episodes (< 54 mg/dl for >= 15 min) since the previous visit"},
      {"plasma_level2_hypo_events", "events", EndpointKind::kContinuous,
       "level 2 episodes (< 54 mg/dl for >= 15 min) of plasma glucose (no sensor error) since the previous visit"},
      {"min_plasma_glucose_mg_dl", "mg/dl", EndpointKind::kContinuous,
       "lowest plasma glucose (the model's, not the CGM's) since the previous visit"},
      {"insulin_u_per_day", "U/day", EndpointKind::kContinuous, "exogenous insulin, mean over the 14 days before the visit"},
      {"insulin_independent", "1", EndpointKind::kProportion, "no exogenous insulin in the 14 days before the visit"},
      {"fasting_c_peptide_pmol_l", "pmol/l", EndpointKind::kContinuous, "fasting C-peptide (intervention-provided)"},
      {"stimulated_c_peptide_pmol_l", "pmol/l", EndpointKind::kContinuous,
       "meal-stimulated C-peptide (intervention-provided)"},
      {"homa_ir", "1", EndpointKind::kContinuous, "HOMA-IR (intervention-provided)"},
      {"serious_infections", "events", EndpointKind::kContinuous,
       "serious (grade >= 3) infections since day 0 (intervention-provided)"},
      {"neutropenia_episodes", "events", EndpointKind::kContinuous,
       "serious neutropenia episodes since day 0 (intervention-provided)"},
  };
  return catalogue;
}

std::optional<EndpointDefinition> find_endpoint(const std::string& name) {
  for (const auto& definition : endpoint_catalogue()) {
    if (definition.name == name) return definition;
  }
  return std::nullopt;
}

}  // namespace isletsim
