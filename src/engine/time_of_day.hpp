// TimeOfDay: std::fmod(x, 1440) for the increasing x = start time of day + t of the care loop, without a call each
// minute: whole days are taken off x as it passes them. Bit-for-bit fmod's value: for x >= 0, fmod returns exactly
// x - n 1440 with n = floor(x / 1440); the day count below finds the same n (rounding is monotone and 1440 is exact),
// and the subtraction is exact by Sterbenz's lemma (w <= x <= 2w for w = n 1440, n >= 1). Negative or NaN x: fmod.
#pragma once

#include <cmath>

#include "core/units.hpp"

namespace isletsim {

class TimeOfDay {
 public:
  double at(double x_min) {
    if (!(x_min >= 0)) return std::fmod(x_min, units::kMinutesPerDay);
    while (x_min - whole_days_min_ >= units::kMinutesPerDay) whole_days_min_ += units::kMinutesPerDay;
    return x_min - whole_days_min_;
  }

 private:
  double whole_days_min_ = 0;
};

}  // namespace isletsim
