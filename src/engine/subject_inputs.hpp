// SubjectInputs: everything that enters one subject's physiology over one interval, one struct for every route.
//
// The care loop (engine/care_loop.hpp) fills one per subject and minute; a backend (engine/backend.hpp) integrates
// the subject's model with these inputs held constant over the interval. A route a model does not have must stay
// exactly 0 (InputRoute below names the routes; Backend::refusal() says which a backend and model support).
#pragma once

#include <cstdint>

namespace isletsim {

struct SubjectInputs {
  double carbs_g_per_min = 0;                          // ingested carbohydrate (every model)
  double subcutaneous_insulin_u_per_min = 0;           // pump or injection into the s.c. depot (every model)
  // Pre-hepatic insulin into the liver compartment (an intraportal islet graft; UVA/Padova model only).
  double portal_insulin_u_per_min = 0;
  // Extra endogenous glucose production, e.g. a graft's glucagon action (UVA/Padova model only).
  double glucagon_egp_mg_per_kg_per_min = 0;
  // Intravenous glucose into plasma (protocols, and exercise uptake as a negative value; meal model only).
  double intravenous_glucose_mg_per_kg_per_min = 0;
  // Intravenous insulin into plasma (clamps, a basal stand-in of the multi-scale course; meal model only).
  double intravenous_insulin_pmol_per_kg_per_min = 0;
  bool operator==(const SubjectInputs&) const = default;
};

// The routes above as bits, for Backend::refusal().
enum InputRoute : std::uint32_t {
  kRouteCarbs = 1U << 0,
  kRouteSubcutaneousInsulin = 1U << 1,
  kRoutePortalInsulin = 1U << 2,
  kRouteGlucagonEgp = 1U << 3,
  kRouteIntravenousGlucose = 1U << 4,
  kRouteIntravenousInsulin = 1U << 5,
};

// The routes with a non-zero value in `inputs`.
inline std::uint32_t routes_used(const SubjectInputs& inputs) {
  std::uint32_t routes = 0;
  if (inputs.carbs_g_per_min != 0) routes |= kRouteCarbs;
  if (inputs.subcutaneous_insulin_u_per_min != 0) routes |= kRouteSubcutaneousInsulin;
  if (inputs.portal_insulin_u_per_min != 0) routes |= kRoutePortalInsulin;
  if (inputs.glucagon_egp_mg_per_kg_per_min != 0) routes |= kRouteGlucagonEgp;
  if (inputs.intravenous_glucose_mg_per_kg_per_min != 0) routes |= kRouteIntravenousGlucose;
  if (inputs.intravenous_insulin_pmol_per_kg_per_min != 0) routes |= kRouteIntravenousInsulin;
  return routes;
}

}  // namespace isletsim
