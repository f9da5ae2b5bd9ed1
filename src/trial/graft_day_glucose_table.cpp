// Standard-day glucose by graft fraction, tabulated: see graft_day_glucose_table.hpp.
#include "trial/graft_day_glucose_table.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "core/input_error.hpp"
#include "physiology/hba1c_glycation.hpp"

namespace isletsim {

GraftDayGlucoseTable::GraftDayGlucoseTable(double max_fraction, double step)
    : max_fraction_(max_fraction), step_(step) {
  if (!(step > 0) || !(max_fraction >= step) || !(max_fraction <= 10)) {
    throw std::invalid_argument("GraftDayGlucoseTable: need 0 < step <= max_fraction <= 10");
  }
  const auto points = static_cast<int>(std::lround(max_fraction / step)) + 1;
  days_.reserve(static_cast<std::size_t>(points));
  for (int i = 0; i < points; ++i) {
    days_.push_back(simulate_standard_day_without_insulin(graft_recipient_subject(std::min(i * step, max_fraction))));
  }
}

StandardDayGlucose GraftDayGlucoseTable::at(double graft_mass_fraction) const {
  if (!std::isfinite(graft_mass_fraction) || graft_mass_fraction < 0) {
    throw InputError({"", 0, "graft_mass_fraction"},
                     "must be zero or a positive fraction of a normal pancreas, got " +
                         std::to_string(graft_mass_fraction));
  }
  if (graft_mass_fraction >= max_fraction_) return days_.back();
  const double position = graft_mass_fraction / step_;
  const auto i = std::min(static_cast<std::size_t>(position), days_.size() - 2);
  const double w = position - static_cast<double>(i);
  const StandardDayGlucose& a = days_[i];
  const StandardDayGlucose& b = days_[i + 1];
  auto mix = [w](double x, double y) { return x + w * (y - x); };
  StandardDayGlucose out;
  out.mean_glucose_mg_dl = mix(a.mean_glucose_mg_dl, b.mean_glucose_mg_dl);
  out.min_glucose_mg_dl = mix(a.min_glucose_mg_dl, b.min_glucose_mg_dl);
  out.max_glucose_mg_dl = mix(a.max_glucose_mg_dl, b.max_glucose_mg_dl);
  out.fasting_glucose_mg_dl = mix(a.fasting_glucose_mg_dl, b.fasting_glucose_mg_dl);
  out.time_in_range_70_180 = mix(a.time_in_range_70_180, b.time_in_range_70_180);
  out.adag_hba1c_percent = adag_hba1c_percent(out.mean_glucose_mg_dl);
  return out;
}

}  // namespace isletsim
