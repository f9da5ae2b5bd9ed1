// HbA1c from the kinetics of haemoglobin glycation over the red-cell lifespan.
//
// Model (Beach 1979, "A theoretical model to predict the behavior of glycosylated hemoglobin levels",
// J Theor Biol 81:547-561): inside each red cell haemoglobin is glycated irreversibly, first order in glucose
// and in unglycated haemoglobin,
//   dh/dt = k * G(t) * (1 - h),                                  h = glycated fraction of the cell's Hb,
// cells enter the circulation unglycated and all leave at the lifespan L (uniform age distribution). HbA1c is
// the average of h over the cohorts. Here L = 120 days (the conventional red-cell lifespan; Cohen et al. 2008,
// Blood 112:4284, report 81-140 days in haematologically normal people). Glucose enters as daily means;
// cohorts are one day wide.
//
// Calibration (ours, not Beach's): the model has one free rate constant k; the ADAG intercept 46.7/28.7 =
// 1.63 %-points (Nathan et al. 2008, Diabetes Care 31:1473: HbA1c = (mean glucose + 46.7)/28.7) is added as a
// glucose-independent assay baseline, and k was chosen as the minimax fit of the steady state to ADAG over
// 100..300 mg/dl: k = 6.115e-6 /(mg/dl)/day, largest deviation 0.13 %-points.
//
// Lag: for small k*G*L the glycated fraction is (k/L) * integral_0^L G(t-u) (L-u) du, a triangular weighting of
// past glucose. After a step in glucose the fraction of the change reached after tau days is 1 - (1 - tau/L)^2,
// half at tau = L (1 - 1/sqrt 2) = 35.1 days for L = 120 (34 days with the saturation term). This is the
// clinical rule that about half of HbA1c reflects the last ~30 days (Tahara & Shima 1995, Diabetes Care
// 18:440-447).
#pragma once

#include <vector>

namespace isletsim {

struct HbA1cGlycationParameters {
  double red_cell_lifespan_day = 120;                 // L (see above)
  double glycation_rate_per_mg_dl_day = 6.115e-6;     // k, calibrated to ADAG (see above)
  double baseline_percent = 46.7 / 28.7;              // ADAG intercept, glucose-independent
};

// ADAG regression (Nathan et al. 2008): HbA1c % = (mean glucose mg/dl + 46.7)/28.7.
double adag_hba1c_percent(double mean_glucose_mg_dl);

// Glucose management indicator (Bergenstal et al. 2018, Diabetes Care 41:2275): GMI % = 3.31 + 0.02392 * mean
// CGM glucose (mg/dl).
double gmi_percent(double mean_glucose_mg_dl);

// The red-cell population with the glycated fraction of each one-day cohort.
class HbA1cGlycation {
 public:
  // Starts at the steady state for a constant mean glucose.
  HbA1cGlycation(const HbA1cGlycationParameters& parameters, double steady_mean_glucose_mg_dl);

  // One day passes at the given daily mean glucose: the oldest cohort leaves, a fresh one enters, every cohort
  // glycates for one day (exact solution of dh/dt = k G (1-h) at constant G).
  void advance_one_day(double mean_glucose_mg_dl);

  double hba1c_percent() const;

 private:
  HbA1cGlycationParameters parameters_;
  std::vector<double> glycated_fraction_by_age_;  // index 0: youngest cohort
};

}  // namespace isletsim
