// Subcutaneous insulin absorption: the two-compartment model of the UVA/Padova simulator (Dalla Man, Raimondo, Rizza
// & Cobelli 2007, "GIM, simulation software of meal glucose-insulin model", J Diabetes Sci Technol 1:323, eqs. for
// Isc1/Isc2; used unchanged in Kovatchev et al. 2009, J Diabetes Sci Technol 3:44):
//   dIsc1/dt = -(kd + ka1) Isc1 + u,      dIsc2/dt = kd Isc1 - ka2 Isc2,      Ri = ka1 Isc1 + ka2 Isc2,
// with u the subcutaneous insulin rate and Ri its rate of appearance in plasma (both pmol/kg/min). Isc1 is
// non-monomeric (hexameric) insulin, Isc2 monomeric insulin. At a constant rate u the depot settles at
// Isc1 = u/(kd + ka1), Isc2 = kd Isc1/ka2, and Ri = u (everything injected is absorbed).
// The same values as the shipped UVA/Padova adult (published_subjects.cpp) are used for the type 2 participants of
// the MSC trials (assumption: absorption does not differ between type 1 and type 2 diabetes).
#pragma once

#include <array>

namespace isletsim {

struct SubcutaneousInsulinParameters {
  double kd_per_min = 0.0164;   // dissociation, Dalla Man, Raimondo et al. 2007 (GIM)
  double ka1_per_min = 0.0018;  // absorption of non-monomeric insulin, same source
  double ka2_per_min = 0.0182;  // absorption of monomeric insulin, same source
};

// {Isc1, Isc2} in pmol/kg.
using SubcutaneousInsulinDepot = std::array<double, 2>;

// Derivatives of the depot under a constant rate u (pmol/kg/min).
inline SubcutaneousInsulinDepot subcutaneous_insulin_derivative(const SubcutaneousInsulinParameters& p,
                                                                const SubcutaneousInsulinDepot& depot,
                                                                double rate_pmol_per_kg_per_min) {
  return {rate_pmol_per_kg_per_min - (p.kd_per_min + p.ka1_per_min) * depot[0],
          p.kd_per_min * depot[0] - p.ka2_per_min * depot[1]};
}

// Rate of appearance in plasma Ri = ka1 Isc1 + ka2 Isc2, pmol/kg/min.
inline double subcutaneous_insulin_appearance(const SubcutaneousInsulinParameters& p,
                                              const SubcutaneousInsulinDepot& depot) {
  return p.ka1_per_min * depot[0] + p.ka2_per_min * depot[1];
}

// The depot at steady state under a constant rate (closed form above).
inline SubcutaneousInsulinDepot subcutaneous_insulin_steady_depot(const SubcutaneousInsulinParameters& p,
                                                                  double rate_pmol_per_kg_per_min) {
  const double isc1 = rate_pmol_per_kg_per_min / (p.kd_per_min + p.ka1_per_min);
  return {isc1, p.kd_per_min * isc1 / p.ka2_per_min};
}

}  // namespace isletsim
