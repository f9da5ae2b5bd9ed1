// GraftDayGlucoseTable: the standard day's glucose (trial/standard_day.hpp) as a function of functional graft mass,
// simulated once on a grid and interpolated, so that a trial stepping graft recipients day by day for years can
// give each day a mean glucose (and, through hba1c_glycation.hpp, an HbA1c) without re-running the minute model.
//
// Grid: graft fractions 0, h, 2h, ..., max (h = 0.01 by default); between grid points every field of
// StandardDayGlucose is interpolated linearly, and the ADAG HbA1c is recomputed from the interpolated mean. Above
// max the value at max is returned. The interpolation error is measured in tests/therapy/graft_recipient_test.cpp.
#pragma once

#include <vector>

#include "trial/standard_day.hpp"

namespace isletsim {

class GraftDayGlucoseTable {
 public:
  // Simulates (max_fraction / step + 1) standard days; throws std::invalid_argument unless 0 < step <= max_fraction
  // and max_fraction <= 10.
  explicit GraftDayGlucoseTable(double max_fraction = 1.5, double step = 0.01);

  // Throws InputError (key "graft_mass_fraction") for a negative or non-finite fraction.
  StandardDayGlucose at(double graft_mass_fraction) const;

  double max_fraction() const { return max_fraction_; }
  double step() const { return step_; }

 private:
  double max_fraction_;
  double step_;
  std::vector<StandardDayGlucose> days_;
};

}  // namespace isletsim
