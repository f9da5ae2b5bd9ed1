// MealIntake: how a meal is eaten over time. A meal of C grams eaten at R g/min takes ceil(C/R) minutes,
// R g in each minute and the remainder in the last (the reference simulator's default is 5 g/min). Meals that
// overlap are eaten one after the other, in the order they were served.
#pragma once

#include <deque>

namespace isletsim {

struct Meal {
  double t_min = 0;                      // minutes since the start of the simulation
  double carbs_g = 0;
  double eating_rate_g_per_min = 5.0;
  bool announced = true;                 // whether the controller is told (for a meal bolus)
};

class MealIntake {
 public:
  void serve(double carbs_g, double eating_rate_g_per_min);
  // Grams eaten in the next `duration_min` minutes, as a rate (g/min) over that interval.
  double eat(double duration_min = 1.0);
  bool eating() const { return !plates_.empty(); }

 private:
  struct Plate {
    double remaining_g;
    double rate_g_per_min;
  };
  std::deque<Plate> plates_;
};

}  // namespace isletsim
