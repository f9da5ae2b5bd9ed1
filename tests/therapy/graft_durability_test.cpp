// Durability of an islet graft (issue 5): graft attrition and immune-protection choices change 5-year insulin
// independence. Each expected value is derived in the comments from the closed form of islet_graft.hpp:
//   F_i(t) = c u_i m(t) exp(-k t),  u_i = exp(sigma Z_i),  independent when F_i(t) >= F_ind,
// so the fraction independent at day T is  P(T) = Phi( ln(c m(T) exp(-k T) / F_ind) / sigma ).
#include <cmath>
#include <cstdint>

#include <gtest/gtest.h>

#include "therapy/islet_graft.hpp"

namespace isletsim {
namespace {

constexpr double kDaysPerYear = 365.25;
constexpr int kFiveYearsDays = 1826;  // 5 x 365.25, rounded

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

IsletGraftDesign reichman_full_dose(ImmuneProtection protection, double attrition_per_year = 0.1) {
  IsletGraftDesign design;
  design.site = GraftSite::kPortalVein;
  design.protection = protection;
  design.infusions = {{0, 0.8e9, 0}};
  design.parameters.attrition_rate_per_year = attrition_per_year;
  return design;
}

// Fraction of a simulated cohort (subjects 0..n-1, seed 2025) insulin independent at the end of day `day`.
double simulated_fraction_independent(const IsletGraftDesign& design, int day, int n) {
  int independent = 0;
  for (int i = 0; i < n; ++i) {
    const auto subject = static_cast<std::uint64_t>(i);
    RandomStream engraftment(2025, subject, StreamPurpose::kGraftEngraftment);
    RandomStream events(2025, subject, StreamPurpose::kTherapyAdverseEvents);
    IsletGraftState state = start_islet_graft(design, draw_engraftment_multiplier(design.parameters, engraftment));
    IsletGraftDay last;
    for (int d = 0; d < day; ++d) last = step_graft_day(design, state, events);
    if (last.insulin_independent) ++independent;
  }
  return static_cast<double>(independent) / n;
}

// P(T) of the header comment.
double analytic_fraction_independent(const IsletGraftDesign& design, int day) {
  const IsletGraftParameters& p = design.parameters;
  const double c = engrafted_capacity(design, design.infusions[0], 1.0);
  const double f_median = c * graft_maturation(p, day) * std::exp(-graft_loss_rate_per_day(design) * day);
  if (f_median <= 0) return 0.0;
  return normal_cdf(std::log(f_median / p.insulin_independence_mass_fraction) / p.engraftment_log_sd);
}

// First day (end of day) on which a single subject with u = 1 is no longer independent; -1 if never (30 years).
int day_independence_lost(const IsletGraftDesign& design) {
  IsletGraftState state = start_islet_graft(design, 1.0);
  RandomStream events(1, 0, StreamPurpose::kTherapyAdverseEvents);
  bool was_independent = false;
  for (int d = 0; d < 30 * 365; ++d) {
    const IsletGraftDay day = step_graft_day(design, state, events);
    if (day.insulin_independent) was_independent = true;
    if (was_independent && !day.insulin_independent) return static_cast<int>(day.day);
  }
  return -1;
}

TEST(GraftDurability, DayIndependenceIsLostMovesByTheLnRatioOfAttritionRates) {
  // Once mature (m = 1 to 1e-6 after lag + 14 tau = 1283 days), F = c exp(-k t) falls to F_ind at
  // t* = ln(c / F_ind) / k. So with k2 = 2 k1, t*_1 - t*_2 = ln(c/F_ind) (1/k1 - 1/k2) = t*_1 / 2.
  const IsletGraftDesign slow = reichman_full_dose(ImmuneProtection::kSystemicImmunosuppression, 0.1);
  const IsletGraftDesign fast = reichman_full_dose(ImmuneProtection::kSystemicImmunosuppression, 0.2);
  const double c = engrafted_capacity(slow, slow.infusions[0], 1.0);
  const double ln_ratio = std::log(c / slow.parameters.insulin_independence_mass_fraction);
  ASSERT_GT(ln_ratio, 0);
  const double t_slow = ln_ratio / (0.1 / kDaysPerYear);
  const double t_fast = ln_ratio / (0.2 / kDaysPerYear);
  ASSERT_GT(t_fast, 1283);  // the maturation term is negligible at both (see above)
  const int lost_slow = day_independence_lost(slow);
  const int lost_fast = day_independence_lost(fast);
  // The simulated day is the first whole day past t* (daily resolution).
  EXPECT_NEAR(lost_slow, t_slow, 1.0);
  EXPECT_NEAR(lost_fast, t_fast, 1.0);
  EXPECT_NEAR(lost_slow - lost_fast, ln_ratio * kDaysPerYear * (1 / 0.1 - 1 / 0.2), 2.0);
  EXPECT_NEAR(static_cast<double>(lost_slow) / lost_fast, 2.0, 2.0 / lost_fast);
}

TEST(GraftDurability, MedianFullDoseRecipientBecomesIndependentOnTheDayTheClosedFormGives) {
  // c m(t) exp(-k t) = F_ind with c = 0.72574, lag 58.89, tau 87.43, k = 0.1/365.25, F_ind = 0.3062: t = 108.75 by
  // bisection on the closed form, so day 109 is the first whole day at or above the threshold. Beside it:
  // Reichman 2025 reports HbA1c < 7 % by about day 120 (a secondary summary in TRIAL_TARGETS.md, to be verified).
  const IsletGraftDesign design = reichman_full_dose(ImmuneProtection::kSystemicImmunosuppression);
  const double c = engrafted_capacity(design, design.infusions[0], 1.0);
  const double k = graft_loss_rate_per_day(design);
  double low = 59;
  double high = 400;
  for (int i = 0; i < 100; ++i) {
    const double mid = 0.5 * (low + high);
    const double f = c * graft_maturation(design.parameters, mid) * std::exp(-k * mid);
    (f < design.parameters.insulin_independence_mass_fraction ? low : high) = mid;
  }
  EXPECT_NEAR(low, 108.75, 0.01);
  IsletGraftState state = start_islet_graft(design, 1.0);
  RandomStream events(1, 0, StreamPurpose::kTherapyAdverseEvents);
  int first = -1;
  for (int d = 0; d < 365 && first < 0; ++d) {
    if (step_graft_day(design, state, events).insulin_independent) first = d + 1;
  }
  EXPECT_EQ(first, static_cast<int>(std::ceil(low)));
}

TEST(GraftDurability, OneYearIndependenceUnderImmunosuppressionIsTheCalibratedTenOfTwelve) {
  // sigma was set so that P(365) = Phi(ln(0.637/F_ind)/sigma) = 10/12 (Reichman 2025). 4000 subjects: SE 0.0059.
  const IsletGraftDesign design = reichman_full_dose(ImmuneProtection::kSystemicImmunosuppression);
  EXPECT_NEAR(analytic_fraction_independent(design, 365), 10.0 / 12.0, 1e-3);
  EXPECT_NEAR(simulated_fraction_independent(design, 365, 4000), 10.0 / 12.0, 4 * 0.0059);
}

TEST(GraftDurability, HigherAttritionLowersFiveYearIndependenceByTheDerivedAmount) {
  // P(5 y) = Phi((ln(c m(T)/F_ind) - k T)/sigma): doubling attrition from 0.1 to 0.2 /year lowers the argument by
  // 0.5/sigma. Simulated on the same 4000 subjects (same u_i), so the difference is exactly the fraction with
  // ln u_i between the two cut-offs; SE of each fraction <= 0.0079, of the difference <= 0.0079 as well.
  constexpr int kN = 4000;
  const IsletGraftDesign slow = reichman_full_dose(ImmuneProtection::kSystemicImmunosuppression, 0.1);
  const IsletGraftDesign fast = reichman_full_dose(ImmuneProtection::kSystemicImmunosuppression, 0.2);
  const double p_slow = analytic_fraction_independent(slow, kFiveYearsDays);
  const double p_fast = analytic_fraction_independent(fast, kFiveYearsDays);
  const double sim_slow = simulated_fraction_independent(slow, kFiveYearsDays, kN);
  const double sim_fast = simulated_fraction_independent(fast, kFiveYearsDays, kN);
  EXPECT_NEAR(sim_slow, p_slow, 4 * 0.0079);
  EXPECT_NEAR(sim_fast, p_fast, 4 * 0.0079);
  EXPECT_NEAR(sim_slow - sim_fast, p_slow - p_fast, 4 * 0.0079);
  EXPECT_GT(p_slow - p_fast, 0.1);  // a large effect: see docs/therapies.md for the numbers
  RecordProperty("five_year_independence_attrition_0.1", std::to_string(sim_slow));
  RecordProperty("five_year_independence_attrition_0.2", std::to_string(sim_fast));
}

TEST(GraftDurability, ImmuneProtectionOrdersFiveYearIndependence) {
  // At the same site and dose (portal vein, 0.8e9 cells):
  //  * immunosuppression: k = attrition                      -> P_IS = Phi(ln(c m e^{-0.5}/F_ind)/sigma)
  //  * hypoimmune (evading autoimmunity): the same k and c   -> P_IS, without adverse events
  //  * encapsulation: c/2 and k + 0.2/year                   -> Phi((ln(c m/F_ind) - ln 2 - 1.5)/sigma) < P_IS
  //  * none: rejection (t1/2 7 d) and autoimmunity (30 d)    -> F < 1e-4 c for all t: P = 0
  //  * hypoimmune cells that do not evade autoimmunity      -> k includes ln2/30 per day: P = 0
  constexpr int kN = 4000;
  const double p_is = analytic_fraction_independent(reichman_full_dose(ImmuneProtection::kSystemicImmunosuppression),
                                                    kFiveYearsDays);
  const double p_enc = analytic_fraction_independent(reichman_full_dose(ImmuneProtection::kEncapsulation),
                                                     kFiveYearsDays);
  const double sim_is = simulated_fraction_independent(
      reichman_full_dose(ImmuneProtection::kSystemicImmunosuppression), kFiveYearsDays, kN);
  const double sim_hypo =
      simulated_fraction_independent(reichman_full_dose(ImmuneProtection::kHypoimmune), kFiveYearsDays, kN);
  const double sim_enc =
      simulated_fraction_independent(reichman_full_dose(ImmuneProtection::kEncapsulation), kFiveYearsDays, kN);
  const double sim_none =
      simulated_fraction_independent(reichman_full_dose(ImmuneProtection::kNone), kFiveYearsDays, kN);
  IsletGraftDesign hypo_autoimmune = reichman_full_dose(ImmuneProtection::kHypoimmune);
  hypo_autoimmune.parameters.hypoimmune_evades_autoimmunity = false;
  const double sim_hypo_autoimmune = simulated_fraction_independent(hypo_autoimmune, kFiveYearsDays, kN);

  EXPECT_NEAR(sim_is, p_is, 4 * 0.0079);
  EXPECT_DOUBLE_EQ(sim_hypo, sim_is);  // same subjects, same mass course
  EXPECT_NEAR(sim_enc, p_enc, 4 * 0.0079);
  EXPECT_EQ(sim_none, 0.0);
  EXPECT_EQ(sim_hypo_autoimmune, 0.0);
  EXPECT_GT(sim_is, sim_enc);
  EXPECT_GT(sim_enc, sim_none);
  // Effect size of encapsulation vs immunosuppression: the argument of Phi drops by (ln 2 + 1.5)/sigma.
  const IsletGraftParameters p = default_islet_graft_parameters();
  const double z_is = std::log(engrafted_capacity(reichman_full_dose(ImmuneProtection::kSystemicImmunosuppression),
                                                  {0, 0.8e9, 0}, 1.0) *
                               graft_maturation(p, kFiveYearsDays) / p.insulin_independence_mass_fraction) -
                      0.1 / kDaysPerYear * kFiveYearsDays;
  EXPECT_NEAR(p_enc, normal_cdf((z_is - std::log(2.0) - 0.2 / kDaysPerYear * kFiveYearsDays) / p.engraftment_log_sd),
              1e-12);
}

}  // namespace
}  // namespace isletsim
