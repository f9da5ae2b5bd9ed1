#include "physiology/subcutaneous_insulin_absorption.hpp"

#include <gtest/gtest.h>

#include "engine/model_integrator.hpp"
#include "physiology/dalla_man_2007_subjects.hpp"
#include "physiology/meal_model_with_subcutaneous_insulin.hpp"

namespace isletsim {
namespace {

TEST(SubcutaneousInsulinAbsorption, SteadyDepotIsTheClosedFormAndAbsorbsEverythingInjected) {
  // Isc1 = u/(kd + ka1) = 1/0.0182 = 54.945; Isc2 = kd Isc1/ka2 = 0.0164 x 54.945/0.0182 = 49.511 (u = 1).
  const SubcutaneousInsulinParameters p;
  const SubcutaneousInsulinDepot depot = subcutaneous_insulin_steady_depot(p, 1.0);
  EXPECT_NEAR(depot[0], 54.945055, 1e-6);
  EXPECT_NEAR(depot[1], 49.510929, 1e-6);
  EXPECT_NEAR(subcutaneous_insulin_appearance(p, depot), 1.0, 1e-12);
  const SubcutaneousInsulinDepot d = subcutaneous_insulin_derivative(p, depot, 1.0);
  EXPECT_NEAR(d[0], 0.0, 1e-12);
  EXPECT_NEAR(d[1], 0.0, 1e-12);
}

TEST(SubcutaneousInsulinAbsorption, WithoutInsulinTheCoupledModelIsTheMealModel) {
  const MealModelParameters t2d = dalla_man_2007_average_type2();
  InsulinTreatedMealModelParameters p;
  p.meal = t2d;
  InsulinTreatedMealModel::State x{};
  std::copy(t2d.initial_state.begin(), t2d.initial_state.end(), x.begin());
  InsulinTreatedMealModel::State dx{};
  InsulinTreatedMealModelInputs u;
  u.carbs_mg_per_min = 5000;
  u.meal_size_mg = 50000;
  InsulinTreatedMealModel::derivative(p, u, x, dx);
  MealModelState meal_dx{};
  MealModelInputs mu;
  mu.carbs_mg_per_min = 5000;
  mu.meal_size_mg = 50000;
  meal_model_derivative(t2d, mu, t2d.initial_state, meal_dx);
  for (int i = 0; i < kMealModelStateCount; ++i)
    EXPECT_EQ(dx[static_cast<std::size_t>(i)], meal_dx[static_cast<std::size_t>(i)]) << i;
  EXPECT_EQ(dx[kSubcutaneousInsulin1], 0.0);
  EXPECT_EQ(dx[kSubcutaneousInsulin2], 0.0);
}

TEST(SubcutaneousInsulinAbsorption, InjectedInsulinIsConservedBetweenDepotAndPlasma) {
  // Mass balance: integral of u = depot content + integral of Ri. Integrate the depot with the engine's solver for
  // 10 h of 1 pmol/kg/min, tracking the absorbed amount as a third state.
  struct Depot {
    using Parameters = SubcutaneousInsulinParameters;
    using State = std::array<double, 3>;
    struct Inputs {
      double u = 0;
      bool operator==(const Inputs&) const = default;
    };
    static void derivative(const Parameters& p, const Inputs& in, const State& x, State& dx) {
      const SubcutaneousInsulinDepot depot{x[0], x[1]};
      const SubcutaneousInsulinDepot d = subcutaneous_insulin_derivative(p, depot, in.u);
      dx[0] = d[0];
      dx[1] = d[1];
      dx[2] = subcutaneous_insulin_appearance(p, depot);
    }
  };
  ModelIntegrator<Depot> solver(SubcutaneousInsulinParameters{}, Depot::State{});
  solver.advance({1.0}, 600.0);
  const auto& x = solver.state();
  EXPECT_NEAR(x[0] + x[1] + x[2], 600.0, 1e-6);
  EXPECT_GT(x[2], 0.0);
}

}  // namespace
}  // namespace isletsim
