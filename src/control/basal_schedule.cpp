#include "control/basal_schedule.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/units.hpp"

namespace isletsim {

BasalSchedule::BasalSchedule(std::vector<BasalSegment> segments) : segments_(std::move(segments)) {
  std::sort(segments_.begin(), segments_.end(),
            [](const BasalSegment& a, const BasalSegment& b) { return a.start_time_of_day_min < b.start_time_of_day_min; });
  if (!segments_.empty() && segments_.front().start_time_of_day_min != 0.0) {
    throw std::invalid_argument("a basal schedule must start at 00:00");
  }
}

BasalSchedule BasalSchedule::constant(double rate_u_per_h) { return BasalSchedule({{0.0, rate_u_per_h}}); }

double BasalSchedule::rate_u_per_min(double time_of_day_min) const {
  double rate_u_per_h = 0;
  for (const auto& segment : segments_) {
    if (segment.start_time_of_day_min > time_of_day_min) break;
    rate_u_per_h = segment.rate_u_per_h;
  }
  return rate_u_per_h / units::kMinutesPerHour;
}

}  // namespace isletsim
