#include "engine/meal_intake.hpp"

#include <algorithm>

namespace isletsim {

void MealIntake::serve(double carbs_g, double eating_rate_g_per_min) {
  if (carbs_g > 0) plates_.push_back({carbs_g, eating_rate_g_per_min});
}

double MealIntake::eat(double duration_min) {
  if (plates_.empty()) return 0.0;
  Plate& plate = plates_.front();
  const double eaten_g = std::min(plate.rate_g_per_min * duration_min, plate.remaining_g);
  plate.remaining_g -= eaten_g;
  if (plate.remaining_g <= 1e-12) plates_.pop_front();
  return eaten_g / duration_min;
}

}  // namespace isletsim
