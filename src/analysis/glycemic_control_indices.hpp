// Indices of the quality of glycaemic control that weight deviations from a target.
//
//  - M-value -- Schlichtkrull et al. 1965, "The M-value, an index of blood-sugar control in diabetics", Acta Med
//    Scand 177:95-102: M = mean over readings of |10 log10(G / IGV)|^3 (the correction for the range, W/20, is
//    omitted for CGM as in later use), IGV the "ideal" glucose; 90 mg/dl by default as in Service 2013 and iglu
//    (Schlichtkrull used 120).
//  - Hyperglycaemia and hypoglycaemia indices and the index of glycaemic control -- Rodbard 2009, "Interpretation of
//    continuous glucose monitoring data: glycemic variability and quality of glycemic control", Diabetes Technol
//    Ther 11(Suppl 1):S55-S67, eqs. for HyperIndex/HypoIndex: HyperIndex = sum over G > ULTR of (G - ULTR)^a / (n c),
//    HypoIndex = sum over G < LLTR of (LLTR - G)^b / (n d), with ULTR = 140, LLTR = 80 mg/dl, a = 1.1, b = 2,
//    c = d = 30; IGC = HyperIndex + HypoIndex.
//  - COGI, the continuous glucose monitoring index -- Leelarathna et al. 2020, J Diabetes Sci Technol 14:277-283:
//    COGI = 0.5 s(TIR 70-180; 0..100 %, increasing) + 0.35 s(TBR < 70; 0..15 %, decreasing)
//           + 0.15 s(SD; 18..108 mg/dl, decreasing), each s clamped to [0, 1], times 100.
#pragma once

#include <span>

namespace isletsim {

double m_value(std::span<const double> glucose_mg_dl, double ideal_glucose_mg_dl = 90.0);

struct RodbardControlIndices {
  double hyperglycemia_index = 0;
  double hypoglycemia_index = 0;
  double index_of_glycemic_control = 0;
};
RodbardControlIndices rodbard_control_indices(std::span<const double> glucose_mg_dl);

double continuous_glucose_monitoring_index(std::span<const double> glucose_mg_dl);

}  // namespace isletsim
