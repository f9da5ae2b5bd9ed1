#include "progression/t2d_course.hpp"

namespace isletsim {

MultiscaleOptions t2d_progression_options(double duration_day) {
  MultiscaleOptions o;
  o.duration_day = duration_day;
  o.sensitivity.muscle_target = 0.18 / 0.8;  // Ha, Satin & Sherman 2016: S_i 0.8 -> 0.18
  o.sensitivity.liver_target = 0.18 / 0.8;
  o.sensitivity.rate_per_day = 0.00756;  // Ha, Satin & Sherman 2016 (t_Si)
  return o;
}

}  // namespace isletsim
