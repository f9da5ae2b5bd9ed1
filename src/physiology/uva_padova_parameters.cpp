#include "physiology/uva_padova_parameters.hpp"

#include "core/units.hpp"

namespace isletsim {

double UvaPadovaParameters::basal_insulin_u_per_min() const {
  return basal_insulin_pmol_per_kg_per_min * body_weight_kg / units::kPmolPerInsulinUnit;
}

}  // namespace isletsim
