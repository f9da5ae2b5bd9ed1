// Ha & Sherman 2020 pathways model against the authors' own results: the state after 5 years of the XPPAUT runs
// behind the paper's Figures 1 and 3 ("Ending ICs" of github.com/artielbm/Pathways pathway_xpp/FIG1.set and
// FIG3.set, CVODE at 1e-10), and the order in which each pathway crosses the ADA thresholds (the paper's claim:
// peripheral insulin resistance leads to IGT first, hepatic insulin resistance to IFG first).
#include "physiology/ha_sherman_2020_model.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace isletsim {
namespace {

constexpr double kFiveYearsMin = 2628000;  // "total" of the set files
constexpr double kOgttIntervalMin = 7200;  // OGTT_period of FIG1.m / FIG3.m

// One 5-year course per test: CTest runs every test in its own process, so the checks of a pathway share one test.
std::vector<HaSherman2020Ogtt> course_of(const HaSherman2020Parameters& p) {
  return simulate_ha_sherman_2020_pathway(p, kFiveYearsMin, kOgttIntervalMin);
}

// Years at the first OGTT where the condition holds.
template <typename Condition>
std::optional<double> first_year(const std::vector<HaSherman2020Ogtt>& course, Condition condition) {
  for (const auto& o : course) {
    if (condition(o)) return o.t_min / (365.0 * 1440.0);
  }
  return std::nullopt;
}
bool fasting_impaired(const HaSherman2020Ogtt& o) { return o.fasting_glucose_mg_dl >= 100.0; }
bool tolerance_impaired(const HaSherman2020Ogtt& o) { return o.two_hour_glucose_mg_dl >= 140.0; }

struct XppEndingState {
  double glucose_mg_dl, insulin_uU_ml, beta_cell_mass_mg, sigma, si, hepatic_si;
};

void expect_matches(const HaSherman2020Ogtt& end, const XppEndingState& xpp) {
  // The OGTT's fasting sample at t = 5 years is the state of the meal-only course at that time (the OGTT is a side
  // branch, as in the run files). Relative tolerance 0.3 %: our ROS2 run (rtol 1e-3 on a first-order estimate)
  // against CVODE at 1e-10; measured 0.04 % (G), 0.1 % (I, b, sigma).
  EXPECT_NEAR(end.t_min, kFiveYearsMin, 1e-6);
  EXPECT_NEAR(end.fasting_glucose_mg_dl, xpp.glucose_mg_dl, 0.003 * xpp.glucose_mg_dl);
  EXPECT_NEAR(end.fasting_insulin_uU_ml, xpp.insulin_uU_ml, 0.003 * xpp.insulin_uU_ml);
  EXPECT_NEAR(end.beta_cell_mass_mg, xpp.beta_cell_mass_mg, 0.003 * xpp.beta_cell_mass_mg);
  EXPECT_NEAR(end.sigma, xpp.sigma, 0.003 * xpp.sigma);
  EXPECT_NEAR(end.si, xpp.si, 1e-4);  // linear relaxation: exact up to the integrator
  EXPECT_NEAR(end.hepatic_si, xpp.hepatic_si, 1e-4);
  ::testing::Test::RecordProperty("glucose_at_5_years_mg_dl", std::to_string(end.fasting_glucose_mg_dl));
  ::testing::Test::RecordProperty("beta_cell_mass_at_5_years_mg", std::to_string(end.beta_cell_mass_mg));
}

TEST(HaSherman2020, HepaticGlucoseProductionAtTheInitialStateByHand) {
  // hepa_max = 15.443/(0.27 + 0.8) - 3.54277 = 10.88994; alpha_HGP = 6/(0.4 + 0.8) - 0.5 = 4.5;
  // HGP = 10.88994/(4.5 + 1 * 5.637556) + 0.104166 = 1.178384 mg/dl/min.
  EXPECT_NEAR(ha_sherman_2020_hepatic_glucose_production(0.8, 1.0, 5.637556083340107), 1.178384, 2e-6);
  // Complete hepatic insulin resistance (hepa_Si = 0): 10.88994/4.5 + 0.104166 = 2.524153, 2.14 times basal.
  EXPECT_NEAR(ha_sherman_2020_hepatic_glucose_production(0.8, 0.0, 5.637556083340107), 2.524153, 2e-6);
}

TEST(HaSherman2020, PeripheralInsulinResistanceLeadsThroughIgtFirstAndEndsInTheAuthorsStateAfterFiveYears) {
  const auto course = course_of(ha_sherman_2020_igt_first_pathway());
  // FIG1.set, Ending ICs.
  expect_matches(course.back(), {161.6264330733934, 9.90683471184653, 1678.795194746925, 7.392088611606262,
                                 0.1004728992359705, 0.8501013355505879});
  EXPECT_FALSE(fasting_impaired(course.front()) || tolerance_impaired(course.front()));  // starts normal
  const auto igt = first_year(course, tolerance_impaired);
  const auto ifg = first_year(course, fasting_impaired);
  const auto diabetes_2h = first_year(course, [](const auto& o) { return o.two_hour_glucose_mg_dl >= 200.0; });
  const auto diabetes_fasting = first_year(course, [](const auto& o) { return o.fasting_glucose_mg_dl >= 126.0; });
  ASSERT_TRUE(igt && ifg && diabetes_2h && diabetes_fasting);
  EXPECT_LT(*igt, *ifg);                       // isolated IGT comes first
  EXPECT_LT(*diabetes_2h, *diabetes_fasting);  // and diabetes is diagnosed by the 2-h glucose first
  RecordProperty("igt_year", std::to_string(*igt));
  RecordProperty("ifg_year", std::to_string(*ifg));
  RecordProperty("diabetes_2h_year", std::to_string(*diabetes_2h));
}

TEST(HaSherman2020, HepaticInsulinResistanceLeadsThroughIfgFirstAndEndsInTheAuthorsStateAfterFiveYears) {
  const auto course = course_of(ha_sherman_2020_ifg_first_pathway());
  // FIG3.set, Ending ICs.
  expect_matches(course.back(), {158.4562914839387, 9.828510365165098, 1692.104036110311, 7.826639778079778,
                                 0.5002026711011233, 0.1006080133033952});
  EXPECT_FALSE(fasting_impaired(course.front()) || tolerance_impaired(course.front()));
  const auto ifg = first_year(course, fasting_impaired);
  const auto igt = first_year(course, tolerance_impaired);
  const auto diabetes_2h = first_year(course, [](const auto& o) { return o.two_hour_glucose_mg_dl >= 200.0; });
  const auto diabetes_fasting = first_year(course, [](const auto& o) { return o.fasting_glucose_mg_dl >= 126.0; });
  ASSERT_TRUE(ifg && igt && diabetes_fasting);
  EXPECT_LT(*ifg, *igt);  // isolated IFG comes first
  EXPECT_TRUE(!diabetes_2h || *diabetes_fasting < *diabetes_2h);  // diabetes by the fasting glucose first
  RecordProperty("ifg_year", std::to_string(*ifg));
  RecordProperty("igt_year", std::to_string(*igt));
  RecordProperty("diabetes_fasting_year", std::to_string(*diabetes_fasting));
}

TEST(HaSherman2020, RejectsAnOgttIntervalThatIsNotAWholeNumberOfMealPeriods) {
  EXPECT_THROW(simulate_ha_sherman_2020_pathway(ha_sherman_2020_igt_first_pathway(), 7200, 1000),
               std::invalid_argument);
}

}  // namespace
}  // namespace isletsim
