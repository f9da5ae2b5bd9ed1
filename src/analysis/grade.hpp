// Glycaemic Risk Assessment Diabetes Equation (GRADE) -- Hill et al. 2007, "A method for assessing quality of
// control from glucose profiles", Diabet Med 24:753-758: per reading GRADE = 425 [log10(log10(G_mmol/l)) + 0.16]^2,
// each value capped at 50; the score is the mean. The same paper splits it into the percentages contributed by
// hypoglycaemia, euglycaemia and hyperglycaemia; the cut-offs are parameters, by default G < 80 mg/dl and
// G > 140 mg/dl, the defaults of the peer package iglu (Broll et al. 2021) so that numbers are comparable; iglu's
// euglycaemic share uses 70..140 mg/dl, so with these defaults readings of 70..80 mg/dl count both as hypo and as
// eugly and the three shares can sum to a little over 100 % (documented in tests/cgm).
// mg/dl are converted with 18 mg/dl per mmol/l, the rounded factor of Hill's own conversion and of the peer package
// iglu (with 18.0156 the score differs by < 0.1 %).
#pragma once

#include <span>

namespace isletsim {

struct GradeScore {
  double grade = 0;          // mean GRADE
  double hypo_percent = 0;   // % of the summed GRADE from readings < 80 mg/dl
  double eugly_percent = 0;  // % from 70..140 mg/dl
  double hyper_percent = 0;  // % from readings > 140 mg/dl
};

double grade_of_reading(double glucose_mg_dl);
GradeScore grade_score(std::span<const double> glucose_mg_dl, double hypo_below_mg_dl = 80.0,
                       double hyper_above_mg_dl = 140.0, double eugly_from_mg_dl = 70.0);

}  // namespace isletsim
