// Calibration of the islet graft's course: the closed forms agree with the day-by-day course, the optimiser recovers
// known parameters from synthetic targets (identifiability), reproduces the three-point calibration of
// docs/therapies.md, says when the targets do not identify the parameters, and rejects bad set-ups.
#include <gtest/gtest.h>

#include <cmath>

#include "core/input_error.hpp"
#include "core/random_stream.hpp"
#include "therapy/islet_graft.hpp"
#include "trial/graft_calibration.hpp"

namespace isletsim {
namespace {

IsletGraftDesign full_dose_design() {
  IsletGraftDesign design;  // portal vein, immunosuppression, default parameters
  GraftInfusion infusion;
  infusion.dose_cells = 0.8e9;  // Reichman 2025 full dose
  design.infusions = {infusion};
  return design;
}

std::vector<GraftFreeParameter> maturation_and_spread() {
  return {{"potency", 0.1, 10.0},
          {"maturation_lag_day", 0.0, 89.0},
          {"maturation_time_constant_day", 1.0, 1000.0},
          {"engraftment_log_sd", 0.01, 3.0}};
}

// The closed form F_med(T) is what step_graft_day gives a recipient with u = 1, also with a second infusion.
TEST(GraftCalibration, ClosedFormIsTheDayByDayCourseOfTheMedianRecipient) {
  IsletGraftDesign design = full_dose_design();
  GraftInfusion second;
  second.day = 100;
  second.dose_cells = 0.4e9;
  design.infusions.push_back(second);
  IsletGraftState state = start_islet_graft(design, 1.0);
  RandomStream events(1, 0, StreamPurpose::kTherapyAdverseEvents);
  for (int day = 1; day <= 400; ++day) {
    const IsletGraftDay out = step_graft_day(design, state, events);
    ASSERT_NEAR(median_functional_mass_fraction(design, day), out.functional_mass_fraction, 1e-12) << day;
  }
}

// P(T) = Phi(ln(F_med / F_ind) / sigma): at F_med = F_ind one half; sigma -> the spread of u = exp(sigma Z).
TEST(GraftCalibration, IndependentFractionIsTheLogNormalShareAboveTheThreshold) {
  IsletGraftDesign design = full_dose_design();
  const double F = median_functional_mass_fraction(design, 365);
  const double sigma = design.parameters.engraftment_log_sd;
  const double expected = 0.5 * std::erfc(-std::log(F / 0.3062) / sigma / std::sqrt(2.0));
  EXPECT_NEAR(predict_graft_quantity(design, GraftQuantity::kInsulinIndependentFraction, 365), expected, 1e-15);
  // Defaults were calibrated to 10/12 at day 365 (docs/therapies.md): 0.8333 up to the rounding of the constants.
  EXPECT_NEAR(expected, 10.0 / 12.0, 2e-3);
  EXPECT_EQ(predict_graft_quantity(design, GraftQuantity::kInsulinIndependentFraction, 30), 0.0);  // before the lag
}

// Identifiability: targets computed from known parameters (potency 1.7, lag 45 d, tau 120 d, sigma 0.5) -- C-peptide
// at days 90, 180, 365 and the independent share at days 180 and 365 -- and a start far from them (the defaults).
TEST(GraftCalibration, RecoversKnownParametersFromSyntheticTargets) {
  IsletGraftDesign truth = full_dose_design();
  truth.parameters.potency = 1.7;
  truth.parameters.maturation_lag_day = 45;
  truth.parameters.maturation_time_constant_day = 120;
  truth.parameters.engraftment_log_sd = 0.5;
  GraftCalibrationSetup setup;
  setup.design = full_dose_design();
  setup.free_parameters = maturation_and_spread();
  for (const double day : {90.0, 180.0, 365.0}) {
    const double c = predict_graft_quantity(truth, GraftQuantity::kStimulatedCPeptidePmolL, day);
    setup.targets.push_back({GraftQuantity::kStimulatedCPeptidePmolL, day, c, 0.1 * c, "synthetic"});
  }
  for (const double day : {180.0, 365.0}) {
    const double p = predict_graft_quantity(truth, GraftQuantity::kInsulinIndependentFraction, day);
    setup.targets.push_back({GraftQuantity::kInsulinIndependentFraction, day, p, 0.1, "synthetic"});
  }
  const GraftCalibration result = calibrate_graft(setup);
  ASSERT_TRUE(result.fit.converged) << result.fit.solver_summary;
  EXPECT_TRUE(result.fit.identifiable);
  EXPECT_NEAR(result.fit.estimate[0], 1.7, 1e-5);
  EXPECT_NEAR(result.fit.estimate[1], 45.0, 1e-3);
  EXPECT_NEAR(result.fit.estimate[2], 120.0, 1e-3);
  EXPECT_NEAR(result.fit.estimate[3], 0.5, 1e-5);
  EXPECT_NEAR(result.fitted_design.parameters.potency, result.fit.estimate[0], 0.0);
}

// The three-point calibration of docs/therapies.md by the optimiser: C-peptide 424 / 1036 / 1274 pmol/l at days
// 90 / 180 / 365 and 10 of 12 independent at day 365 (Reichman 2025) give the closed-form values potency 2.324,
// lag 58.89 d, tau 87.43 d, sigma 0.7572 (islet_graft_design.hpp; 4 targets, 4 parameters: an exact fit).
TEST(GraftCalibration, OptimiserReproducesTheThreePointReichmanCalibration) {
  GraftCalibrationSetup setup;
  setup.design = full_dose_design();
  setup.design.parameters.potency = 1.5;  // start away from the answer (a local optimiser: not too far)
  setup.design.parameters.maturation_lag_day = 40;
  setup.design.parameters.maturation_time_constant_day = 150;
  setup.design.parameters.engraftment_log_sd = 0.5;
  setup.free_parameters = maturation_and_spread();
  setup.targets = {{GraftQuantity::kStimulatedCPeptidePmolL, 90, 424, 42.4, "Reichman 2025"},
                   {GraftQuantity::kStimulatedCPeptidePmolL, 180, 1036, 103.6, "Reichman 2025"},
                   {GraftQuantity::kStimulatedCPeptidePmolL, 365, 1274, 127.4, "Reichman 2025"},
                   {GraftQuantity::kInsulinIndependentFraction, 365, 10.0 / 12.0, 0.1076, "Reichman 2025"}};
  const GraftCalibration result = calibrate_graft(setup);
  ASSERT_TRUE(result.fit.converged) << result.fit.solver_summary;
  EXPECT_LT(result.fit.cost, 1e-12);
  EXPECT_NEAR(result.fit.estimate[0], 2.324, 0.0005);
  EXPECT_NEAR(result.fit.estimate[1], 58.89, 0.005);
  EXPECT_NEAR(result.fit.estimate[2], 87.43, 0.005);
  EXPECT_NEAR(result.fit.estimate[3], 0.7572, 0.00005);
}

// Days 90 and 180 alone cannot fix three maturation parameters: the optimiser fits them exactly but reports that
// they are not identified (no standard errors, no prediction error).
TEST(GraftCalibration, TwoCPeptidePointsDoNotIdentifyThreeMaturationParameters) {
  GraftCalibrationSetup setup;
  setup.design = full_dose_design();
  setup.free_parameters = {{"potency", 0.1, 10.0}, {"maturation_lag_day", 0.0, 89.0},
                           {"maturation_time_constant_day", 1.0, 1000.0}};
  setup.targets = {{GraftQuantity::kStimulatedCPeptidePmolL, 90, 424, 42.4, "Reichman 2025"},
                   {GraftQuantity::kStimulatedCPeptidePmolL, 180, 1036, 103.6, "Reichman 2025"}};
  setup.predictions = {{GraftQuantity::kStimulatedCPeptidePmolL, 365, 1274, "Reichman 2025"}};
  const GraftCalibration result = calibrate_graft(setup);
  EXPECT_LT(result.fit.cost, 1e-10);
  EXPECT_FALSE(result.fit.identifiable);
  ASSERT_EQ(result.predictions.size(), 1U);
  EXPECT_TRUE(std::isnan(result.predictions[0].standard_error));
}

TEST(GraftCalibration, BadSetUpsNameTheKey) {
  GraftCalibrationSetup good;
  good.design = full_dose_design();
  good.free_parameters = {{"potency", 0.1, 10.0}};
  good.targets = {{GraftQuantity::kStimulatedCPeptidePmolL, 365, 1274, 127.4, ""}};
  EXPECT_NO_THROW((void)calibrate_graft(good));
  auto expect_key = [](const GraftCalibrationSetup& setup, const std::string& key) {
    try {
      (void)calibrate_graft(setup);
      ADD_FAILURE() << "no error for " << key;
    } catch (const InputError& error) {
      EXPECT_EQ(error.location().key, key) << error.problem();
    }
  };
  GraftCalibrationSetup s = good;
  s.free_parameters[0].name = "beta_cell_mass";
  expect_key(s, "free_parameters[0].name");
  s = good;
  s.targets[0].day = -1;
  expect_key(s, "targets[0].day");
  s = good;
  s.targets[0].standard_deviation = 0;
  expect_key(s, "targets[0].standard_deviation");
  s = good;
  s.priors = {{"maturation_lag_day", 60, 10, ""}};
  expect_key(s, "priors[0].parameter");
  s = good;
  s.priors = {{"potency", std::nan(""), 10, ""}};
  expect_key(s, "priors[0].mean");
  s = good;
  s.free_parameters[0].lower = 5.0;  // the start (2.324) is below the bound
  expect_key(s, "parameters[0].initial");
  s = good;
  s.predictions = {{GraftQuantity::kStimulatedCPeptidePmolL, std::nan(""), 0, ""}};
  expect_key(s, "predictions[0].day");
  EXPECT_THROW((void)parse_graft_quantity("hba1c"), InputError);
}

}  // namespace
}  // namespace isletsim
