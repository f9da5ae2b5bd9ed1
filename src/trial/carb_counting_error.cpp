#include "trial/carb_counting_error.hpp"

namespace isletsim {

double draw_carb_count_relative_error(const CarbCountingError& error, RandomStream& stream) {
  // Truncation by rejection: the accepted draws follow N(bias, sd^2) restricted to e >= -1.
  for (;;) {
    const double e = error.bias_fraction + error.sd_fraction * stream.standard_normal();
    if (e >= -1.0) return e;
  }
}

std::vector<double> announced_carbs_g(const CarbCountingError& error, const std::vector<Meal>& meals,
                                      RandomStream& stream) {
  std::vector<double> announced;
  announced.reserve(meals.size());
  for (const Meal& meal : meals) {
    const double e = draw_carb_count_relative_error(error, stream);
    announced.push_back(meal.announced ? meal.carbs_g * (1.0 + e) : 0.0);
  }
  return announced;
}

}  // namespace isletsim
