// Carbohydrate-counting error: the carbohydrate a participant announces to its controller (and so boluses for)
// differs from what it eats. Per meal, announced = eaten x (1 + e), e ~ N(bias, sd^2) truncated to e >= -1 (an
// announcement is never negative; the truncated draw is made by rejection from the participant's own stream).
//
// Assumption (ours): errors are independent between meals and participants, proportional to the meal, normal.
// Published values for adults with type 1 diabetes (used in trials/islet_graft_reichman_2025_hypoglycaemia.toml,
// docs/trial.md "Carbohydrate counting"): 74 adults estimating 24 weighed test meals underestimated by a median of
// 28 % of the actual carbohydrate, interquartile range -50 % to 0 % (Exp Clin Endocrinol Diabetes 2021,
// doi:10.1055/a-1493-2324; apparently the Ulm cohort Freckmann reported at the EASD meeting); read as a normal
// distribution (assumption): bias = median = -0.28, sd = IQR / 1.349 = 0.50 / 1.349 = 0.371.
#pragma once

#include <vector>

#include "core/random_stream.hpp"
#include "engine/meal_intake.hpp"

namespace isletsim {

struct CarbCountingError {
  double bias_fraction = 0;  // mean relative error of the announcement (negative: underestimation)
  double sd_fraction = 0;    // its standard deviation, relative to the meal
  // Off (both 0): meals are announced as eaten and no random number is drawn (earlier results bit for bit).
  bool active() const { return bias_fraction != 0 || sd_fraction != 0; }
};

// Valid ranges (assumption: wide enough for any published study, narrow enough that the rejection step of the
// truncation accepts at least half of the draws: P(e >= -1) >= Phi(0.1 / 1) = 0.54).
constexpr double kCarbCountBiasMin = -0.9;
constexpr double kCarbCountBiasMax = 1.0;
constexpr double kCarbCountSdMax = 1.0;

// One relative error e >= -1.
double draw_carb_count_relative_error(const CarbCountingError& error, RandomStream& stream);

// The carbohydrate announced for each meal, in meal order: carbs_g x (1 + e) for an announced meal, 0 for a meal not
// announced (its error is drawn all the same, so announcing a meal or not never changes the next meal's error).
std::vector<double> announced_carbs_g(const CarbCountingError& error, const std::vector<Meal>& meals,
                                      RandomStream& stream);

}  // namespace isletsim
