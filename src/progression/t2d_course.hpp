// The scenario of the T2D course on the coupled model (docs/multiscale_coupling.md, tests/progression/): tissue
// insulin sensitivity falls in muscle and liver alike as in Ha, Satin & Sherman 2016 (Endocrinology 157:624):
// S_i from 0.8 toward 0.18 ml/uU/d at 0.00756 /d, i.e. relative sensitivity 1 -> 0.225.
#pragma once

#include "progression/multiscale_course.hpp"

namespace isletsim {

MultiscaleOptions t2d_progression_options(double duration_day);

}  // namespace isletsim
