#include "engine/meal_intake.hpp"

#include <gtest/gtest.h>

namespace isletsim {
namespace {

TEST(MealIntake, FiftyGramsAtFiveGramsPerMinuteTakesTenMinutes) {
  MealIntake intake;
  intake.serve(50, 5);
  for (int minute = 0; minute < 10; ++minute) EXPECT_DOUBLE_EQ(intake.eat(), 5.0) << minute;
  EXPECT_DOUBLE_EQ(intake.eat(), 0.0);
  EXPECT_FALSE(intake.eating());
}

TEST(MealIntake, RemainderIsEatenInTheLastMinute) {
  MealIntake intake;
  intake.serve(12, 5);
  EXPECT_DOUBLE_EQ(intake.eat(), 5.0);
  EXPECT_DOUBLE_EQ(intake.eat(), 5.0);
  EXPECT_DOUBLE_EQ(intake.eat(), 2.0);
  EXPECT_DOUBLE_EQ(intake.eat(), 0.0);
}

TEST(MealIntake, OverlappingMealsAreEatenInOrderAtTheirOwnRates) {
  MealIntake intake;
  intake.serve(10, 5);
  intake.serve(6, 3);
  EXPECT_DOUBLE_EQ(intake.eat(), 5.0);
  EXPECT_DOUBLE_EQ(intake.eat(), 5.0);
  EXPECT_DOUBLE_EQ(intake.eat(), 3.0);
  EXPECT_DOUBLE_EQ(intake.eat(), 3.0);
  EXPECT_DOUBLE_EQ(intake.eat(), 0.0);
}

}  // namespace
}  // namespace isletsim
