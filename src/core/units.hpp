// Unit conversions used across the project. Each constant says where it comes from.
#pragma once

namespace isletsim::units {

// 1 U of insulin = 6 nmol = 6000 pmol (the international-unit convention for human insulin used by the
// UVA/Padova simulator, Dalla Man et al. 2007; Kovatchev et al. 2009).
inline constexpr double kPmolPerInsulinUnit = 6000.0;

// Glucose molar mass 180.156 g/mol -> 1 mmol/l = 18.0156 mg/dl.
inline constexpr double kMgDlPerMmolL = 18.0156;

// Insulin: 1 uU/ml = 6 pmol/l (conventional factor; Heinemann 2010, Diabetes Care 33:e83, discusses the 6.0 vs 6.945
// debate; the UVA/Padova and Dalla Man models use 6).
inline constexpr double kPmolPerLPerMicroUnitPerMl = 6.0;

inline constexpr double kMinutesPerDay = 1440.0;
inline constexpr double kMinutesPerHour = 60.0;

inline constexpr double mmol_l_from_mg_dl(double glucose_mg_dl) { return glucose_mg_dl / kMgDlPerMmolL; }
inline constexpr double mg_dl_from_mmol_l(double glucose_mmol_l) { return glucose_mmol_l * kMgDlPerMmolL; }

}  // namespace isletsim::units
