// MealSizeTracker: the meal size D that the gastric-emptying rate of Dalla Man 2006 depends on, kept as the
// reference implementation of the UVA/Padova simulator keeps it (simglucose 0.2.11): when eating starts, D is the
// stomach content at that moment; it grows by what is eaten until eating stops, and is then held.
#pragma once

namespace isletsim {

class MealSizeTracker {
 public:
  // Call once per interval before integrating it; returns D (mg) for that interval.
  double update(double carbs_g_per_min, double duration_min, double stomach_content_mg) {
    if (carbs_g_per_min > 0 && !eating_) {
      stomach_at_meal_start_mg_ = stomach_content_mg;
      eaten_since_meal_start_mg_ = 0;
    }
    eating_ = carbs_g_per_min > 0;
    if (eating_) eaten_since_meal_start_mg_ += carbs_g_per_min * 1000.0 * duration_min;
    return stomach_at_meal_start_mg_ + eaten_since_meal_start_mg_;
  }

 private:
  bool eating_ = false;
  double stomach_at_meal_start_mg_ = 0;
  double eaten_since_meal_start_mg_ = 0;
};

}  // namespace isletsim
