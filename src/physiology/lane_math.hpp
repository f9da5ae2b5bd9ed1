// The few operations the right-hand sides need beyond + - * /, written so that one template serves plain doubles
// and SIMD lanes of subjects (engine/batched_backend.hpp): a comparison gives a bool or a lane mask, and
//   select(mask, a, b)          a where mask holds, else b (both are evaluated: no branch);
//   LaneFunctions<Real>::tanh   std::tanh for double; a lane type's own by default (found by argument-dependent
//                               lookup: xsimd's), or what engine/simd/ specialises for it.
// Here is the double overload of select; a lane type brings its own in its namespace (xsimd does), found by
// argument-dependent lookup when the template is instantiated.
#pragma once

#include <cmath>

namespace isletsim::lane_math {

inline double select(bool mask, double if_true, double if_false) { return mask ? if_true : if_false; }

template <typename Real>
struct LaneFunctions {
  static Real tanh(const Real& x) {
    using std::tanh;
    return tanh(x);
  }
};

}  // namespace isletsim::lane_math
