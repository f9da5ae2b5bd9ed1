// SubjectObservation: what the care loop reads of one subject's state at an instant (never the state itself).
#pragma once

namespace isletsim {

struct SubjectObservation {
  double plasma_glucose_mg_dl = 0;        // G = Gp / VG (Dalla Man 2007 eq. 1)
  // Interstitial glucose Gs / VG (Kovatchev 2009), what a CGM sensor sees; models without an interstitial
  // compartment (the Dalla Man 2007 meal model) report plasma glucose here and refuse a sensor (care_loop.hpp).
  double subcutaneous_glucose_mg_dl = 0;
  double plasma_insulin_pmol_l = 0;       // I = Ip / VI (Dalla Man 2007 eq. 3)
  // Endogenous pre-hepatic secretion into the liver S = gamma Ipo, pmol/kg/min (Dalla Man 2007 eq. 17); 0 in the
  // UVA/Padova T1D model, which has none (Kovatchev 2009).
  double secretion_pmol_per_kg_per_min = 0;
};

}  // namespace isletsim
