// Milestones of the slow type 1 course; the expected values are derived in the comments from the model in
// t1d_autoimmunity.hpp with its default settings (r = 0.5 /year, f_dx = 0.3, phi_dx = 0.5, tau = 30 d).
#include "physiology/t1d_autoimmunity.hpp"

#include <cmath>
#include <functional>
#include <stdexcept>

#include <gtest/gtest.h>

namespace isletsim {
namespace {

// First day (0.01-day resolution) from `from_day` on at which `value` drops below `threshold`.
double first_day_below(const std::function<double(double)>& value, double threshold, double from_day) {
  for (double t = from_day; t < from_day + 1e5; t += 0.01) {
    if (value(t) < threshold) return t;
  }
  return NAN;
}

TEST(T1dAutoimmunity, OnsetWhenResidualMassReachesTheThreshold) {
  T1dAutoimmunityParameters p;
  p.autoimmunity_start_day = 200;
  const T1dAutoimmunity course(p);
  // exp(-r (t - t_a)) = f_dx  =>  t_dx = t_a + ln(1/0.3) / (0.5/365.25) = 200 + 1.2040 * 730.5 = 1079.5 days.
  EXPECT_NEAR(course.onset_day(), 200 + std::log(1 / 0.3) * 730.5, 1e-9);
  EXPECT_NEAR(course.onset_day(), 1079.5, 0.1);
  EXPECT_NEAR(course.residual_mass_fraction(course.onset_day()), 0.3, 1e-12);
  EXPECT_DOUBLE_EQ(course.residual_mass_fraction(100), 1.0);  // before autoimmunity starts
  const double found = first_day_below([&](double t) { return course.residual_mass_fraction(t); }, 0.3, 0);
  EXPECT_NEAR(found, course.onset_day(), 0.011);
}

TEST(T1dAutoimmunity, HoneymoonRaisesCPeptideAfterInsulinStartThenItFalls) {
  const T1dAutoimmunity course{T1dAutoimmunityParameters{}};
  const double onset = course.onset_day();
  // s* = tau ln((1 - phi_dx)(1 + r tau)/(r tau)); r tau = 30/730.5 = 0.04107 -> s* = 30 ln(12.675) = 76.2 days.
  const double r_tau = 30 / 730.5;
  EXPECT_NEAR(course.honeymoon_peak_day() - onset, 30 * std::log(0.5 * (1 + r_tau) / r_tau), 1e-9);
  EXPECT_NEAR(course.honeymoon_peak_day() - onset, 76.2, 0.1);
  const double at_onset = course.stimulated_c_peptide_nmol_l(onset);
  const double at_peak = course.stimulated_c_peptide_nmol_l(course.honeymoon_peak_day());
  EXPECT_NEAR(at_onset, 2.0 * 0.3 * 0.5, 1e-12);  // normal * f_dx * phi_dx = 0.30 nmol/l
  EXPECT_GT(at_peak, 1.5 * at_onset);              // recovery of function outweighs the ongoing loss
  EXPECT_GT(at_peak, course.stimulated_c_peptide_nmol_l(course.honeymoon_peak_day() - 5));
  EXPECT_GT(at_peak, course.stimulated_c_peptide_nmol_l(course.honeymoon_peak_day() + 5));
}

TEST(T1dAutoimmunity, CPeptideFallsBelowDcctAndThenUndetectableLevels) {
  const T1dAutoimmunity course{T1dAutoimmunityParameters{}};
  const double onset = course.onset_day();
  const auto stimulated = [&](double t) { return course.stimulated_c_peptide_nmol_l(t); };
  // Long after onset phi = 1 (e^{-s/30} < 1e-11 at s > 760 d), so C = 2.0 * 0.3 * exp(-r s):
  //  below 0.2 nmol/l at s = ln(0.6/0.2)/r = 1.0986 * 730.5 = 802.5 days after onset,
  //  below 0.03 nmol/l at s = ln(0.6/0.03)/r = 2.9957 * 730.5 = 2188.4 days after onset.
  const double below_dcct = first_day_below(stimulated, kDcctStimulatedCPeptideThresholdNmolL, onset + 200);
  EXPECT_NEAR(below_dcct - onset, std::log(3.0) * 730.5, 0.011);
  const double undetectable = first_day_below(stimulated, kUndetectableCPeptideNmolL, onset + 200);
  EXPECT_NEAR(undetectable - onset, std::log(20.0) * 730.5, 0.011);
  EXPECT_LT(course.fasting_c_peptide_nmol_l(undetectable), kUndetectableCPeptideNmolL);
  // Before autoimmunity everything is normal.
  EXPECT_DOUBLE_EQ(course.fasting_c_peptide_nmol_l(-1), 0.5);
}

TEST(T1dAutoimmunity, RejectsSettingsThatMakeNoCourse) {
  T1dAutoimmunityParameters p;
  p.mass_fraction_at_onset = 1.2;
  EXPECT_THROW(T1dAutoimmunity{p}, std::invalid_argument);
}

}  // namespace
}  // namespace isletsim
