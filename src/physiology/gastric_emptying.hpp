// The meal-size dependent gastric emptying rate kempt(Qsto) of Dalla Man, Camilleri & Cobelli 2006 (IEEE TBME
// 53:2472, eq. 4), shared by the UVA/Padova T1D model (uva_padova_model.hpp) and the Dalla Man 2007 meal model
// (dalla_man_2007_model.hpp), which use the same stomach and gut (Dalla Man 2007 eqs. 13-15):
//   kempt = kmin + (kmax - kmin)/2 [tanh(alpha (Qsto - b D)) - tanh(beta (Qsto - d D)) + 2],
//   alpha = 5 / (2 D (1 - b)),  beta = 5 / (2 D d).
// With no meal being digested (D = 0) the stomach empties at kmax.
//
// Branch-free and templated on the number type (physiology/lane_math.hpp): the meal's shape (alpha, beta, bD, dD)
// depends only on D, so a caller that holds D over many evaluations computes it once (engine/batched_backend.cpp);
// the model right-hand sides compute it per evaluation. Either way the same operations give the same bits.
#pragma once

#include <cmath>

#include "physiology/lane_math.hpp"

namespace isletsim {

// The constants of eq. 4 for one meal size D (mg). Real: double or a lane type.
template <typename Real>
struct GastricEmptyingShape {
  Real meal_size_mg{};  // D; <= 0 means no meal being digested
  Real alpha{}, beta{};
  Real bD{}, dD{};
};

// Parameters: any type with b, d (fractions of the dose) of number type Real or double.
template <typename Parameters, typename Real>
inline GastricEmptyingShape<Real> gastric_emptying_shape(const Parameters& p, const Real& meal_size_mg) {
  using lane_math::select;
  const Real D = meal_size_mg;
  // Where there is no meal the shape is unused (kempt = kmax); a unit dose keeps its arithmetic finite.
  const Real D_or_one = select(D > Real(0), D, Real(1.0));
  GastricEmptyingShape<Real> shape;
  shape.meal_size_mg = D;
  shape.alpha = Real(5.0) / (Real(2.0) * D_or_one * (Real(1.0) - p.b));
  shape.beta = Real(5.0) / (Real(2.0) * D_or_one * p.d);
  shape.bD = p.b * D;
  shape.dD = p.d * D;
  return shape;
}

// Parameters: any type with kmax, kmin (/min); stomach_mg: Qsto = Qsto1 + Qsto2.
template <typename Parameters, typename Real>
inline Real gastric_emptying_rate_per_min(const Parameters& p, const GastricEmptyingShape<Real>& shape,
                                          const Real& stomach_mg) {
  using lane_math::select;
  using F = lane_math::LaneFunctions<Real>;
  const Real rate = p.kmin + (p.kmax - p.kmin) / Real(2.0) *
                                 (F::tanh(shape.alpha * (stomach_mg - shape.bD)) -
                                  F::tanh(shape.beta * (stomach_mg - shape.dD)) + Real(2.0));
  return select(shape.meal_size_mg > Real(0), rate, Real(p.kmax));
}

}  // namespace isletsim
