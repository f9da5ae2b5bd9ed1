// The meal-size dependent gastric emptying rate kempt(Qsto) of Dalla Man, Camilleri & Cobelli 2006 (IEEE TBME
// 53:2472, eq. 4), shared by the UVA/Padova T1D model (uva_padova_model.hpp) and the Dalla Man 2007 meal model
// (dalla_man_2007_model.hpp), which use the same stomach and gut (Dalla Man 2007 eqs. 13-15):
//   kempt = kmin + (kmax - kmin)/2 [tanh(alpha (Qsto - b D)) - tanh(beta (Qsto - d D)) + 2],
//   alpha = 5 / (2 D (1 - b)),  beta = 5 / (2 D d).
// With no meal being digested (D = 0) the stomach empties at kmax.
#pragma once

#include <cmath>

namespace isletsim {

// Parameters: any type with kmax, kmin (/min) and b, d (fractions of the dose); Real: the state's number type.
template <typename Parameters, typename Real>
inline Real gastric_emptying_rate_per_min(const Parameters& p, const Real& stomach_mg, double meal_size_mg) {
  using std::tanh;
  if (!(meal_size_mg > 0)) return Real(p.kmax);
  const double D = meal_size_mg;
  const double alpha = 5.0 / (2.0 * D * (1.0 - p.b));
  const double beta = 5.0 / (2.0 * D * p.d);
  return p.kmin + (p.kmax - p.kmin) / 2.0 *
                      (tanh(alpha * (stomach_mg - p.b * D)) - tanh(beta * (stomach_mg - p.d * D)) + 2.0);
}

}  // namespace isletsim
