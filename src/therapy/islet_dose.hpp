// Islet graft dose: cells, islet equivalents (IEQ) and the fraction of a normal adult pancreas they amount to.
//
// * 1 IEQ is the volume of a spherical islet 150 um in diameter (Ricordi 1990, the standard of clinical islet
//   counting; reviewed by Huang et al. 2018, Cell Transplant 27:1017).
// * A human islet preparation holds 1560 +- 20 cells per IEQ, 1140 +- 15 of them beta cells, and beta cells are
//   61.2 % of the volume of intact islets (Pisania et al. 2010, Lab Invest 90:1661, abstract). Stem-cell-derived
//   islets are dosed in cells (Reichman et al. 2025, NEJM 393:858: 0.8e9 cells); we convert with the same
//   1560 cells/IEQ. Assumption: stem-cell-derived clusters pack cells like human islets.
// * Normal adult beta-cell mass 0.888 g (Rahier et al. 2008, Diabetes Obes Metab 10 Suppl 4:32, control subjects;
//   Saisho et al. 2013, Diabetes Care 36:111, report 0.8 g in lean and 1.2 g in obese adults). In IEQ:
//   beta-cell mass per IEQ = (4/3) pi (75 um)^3 x 0.612 x 1 g/ml = 1.767e-3 ul x 0.612 = 1.081 ug (assumption:
//   tissue density 1 g/ml), so a normal pancreas holds 0.888 g / 1.081 ug = 8.21e5 IEQ of beta cells -- of the
//   order of the "about one million islets" usually quoted.
#pragma once

namespace isletsim {


// Pisania 2010 (see above).
inline constexpr double kCellsPerIsletEquivalent = 1560.0;
inline constexpr double kBetaCellVolumeFractionOfIslet = 0.612;
// Rahier 2008 (see above).
inline constexpr double kNormalAdultBetaCellMassG = 0.888;
// Derived above: beta-cell mass in one IEQ, g.
inline constexpr double kIsletEquivalentRadiusCm = 75e-4;
inline constexpr double kPi = 3.14159265358979323846;
inline constexpr double kBetaCellMassPerIsletEquivalentG =
    4.0 / 3.0 * kPi * kIsletEquivalentRadiusCm * kIsletEquivalentRadiusCm * kIsletEquivalentRadiusCm *
    kBetaCellVolumeFractionOfIslet * 1.0 /* g/ml, assumption */;
// 8.21e5 IEQ (derived above).
inline constexpr double kNormalPancreasIsletEquivalents = kNormalAdultBetaCellMassG / kBetaCellMassPerIsletEquivalentG;

inline constexpr double islet_equivalents_from_cells(double cells) { return cells / kCellsPerIsletEquivalent; }
// Dose as a fraction of the beta-cell mass of a normal adult pancreas (before engraftment losses).
inline constexpr double normal_pancreas_fraction_from_ieq(double ieq) { return ieq / kNormalPancreasIsletEquivalents; }

}  // namespace isletsim
