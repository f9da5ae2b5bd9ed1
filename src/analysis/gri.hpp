// Glycemia Risk Index (GRI) -- Klonoff et al. 2023, "A Glycemia Risk Index (GRI) of hypoglycemia and hyperglycemia
// for continuous glucose monitoring validated by clinician ratings", J Diabetes Sci Technol 17:1226-1242:
// hypoglycaemia component = VLow + 0.8 Low, hyperglycaemia component = VHigh + 0.5 High (percent of time, VLow
// < 54, Low 54..<70, High >180..250, VHigh > 250 mg/dl); GRI = 3.0 hypo + 1.6 hyper, capped at 100; zones A..E are
// the quintiles 0-20, 20-40, 40-60, 60-80, 80-100 of the GRI grid (the paper's Figure 4).
#pragma once

#include <span>

namespace isletsim {

struct GlycemiaRiskIndex {
  double gri = 0;
  double hypo_component = 0;
  double hyper_component = 0;
  char zone = 'A';
};

GlycemiaRiskIndex glycemia_risk_index(std::span<const double> glucose_mg_dl);
char gri_zone(double gri);

}  // namespace isletsim
