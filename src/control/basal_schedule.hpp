// A daily basal-rate schedule: segments that start at a time of day and hold a rate (U/h) until the next.
#pragma once

#include <vector>

namespace isletsim {

struct BasalSegment {
  double start_time_of_day_min = 0;  // 0..1440
  double rate_u_per_h = 0;
};

class BasalSchedule {
 public:
  BasalSchedule() = default;
  // Segments in any order; the first one must start at 00:00 (time 0) so every minute of the day has a rate.
  explicit BasalSchedule(std::vector<BasalSegment> segments);
  // A single rate all day.
  static BasalSchedule constant(double rate_u_per_h);

  double rate_u_per_min(double time_of_day_min) const;
  bool empty() const { return segments_.empty(); }
  const std::vector<BasalSegment>& segments() const { return segments_; }

 private:
  std::vector<BasalSegment> segments_;  // sorted by start time
};

}  // namespace isletsim
