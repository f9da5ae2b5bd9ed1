// Continuous glucose monitor: subcutaneous glucose plus sensor error, sampled every few minutes.
//
// Error model: Breton & Kovatchev 2008, "Analysis, modeling, and simulation of the accuracy of continuous glucose
// sensors", J Diabetes Sci Technol 2(5):853-862. The error is a Johnson SU transform of an autocorrelated
// standard-normal process: e_k = PACF * (e_{k-1} + w_k), w_k ~ N(0,1), on a 15-minute grid;
// error_k = xi + lambda * sinh((e_k - gamma) / delta). The 15-minute error sequence is carried to the sensor's
// sample times by a cubic spline through windows of 10 intervals that share their end points, as the UVA/Padova
// simulator's open reimplementation (simglucose) does. Readings are clipped to the sensor's reporting range.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "core/random_stream.hpp"

namespace isletsim {

struct CgmSensorParameters {
  std::string name;
  double pacf = 0.7;            // autocorrelation of the 15-min normal process
  double johnson_gamma = 0;     // Johnson SU shape
  double johnson_lambda = 1;    // Johnson SU scale, mg/dl
  double johnson_delta = 1;     // Johnson SU shape
  double johnson_xi = 0;        // Johnson SU location, mg/dl
  double sample_time_min = 5;   // minutes between readings
  double min_mg_dl = 39;        // lowest reported value
  double max_mg_dl = 600;       // highest reported value
};

// Sensors with published parameters: "Dexcom" (3-min samples, 39-600 mg/dl), "GuardianRT" (5 min),
// "Navigator" (1 min, 32-600 mg/dl). Error parameters from Breton & Kovatchev 2008 (Table 2 fit of the
// Johnson SU error), as distributed with the UVA/Padova simulator.
std::optional<CgmSensorParameters> published_cgm_sensor(const std::string& name);
std::vector<std::string> published_cgm_sensor_names();

// Generates the error sequence of one sensor at its sample times.
class CgmErrorProcess {
 public:
  CgmErrorProcess(const CgmSensorParameters& parameters, RandomStream random);
  // Error (mg/dl) at the next sample time.
  double next_error_mg_dl();

 private:
  static constexpr double kModelGridMin = 15.0;  // Breton & Kovatchev 2008 error model time step
  static constexpr int kIntervalsPerWindow = 10;
  double next_grid_error_mg_dl();
  void refill();

  CgmSensorParameters parameters_;
  RandomStream random_;
  bool started_ = false;
  double normal_state_ = 0;
  double last_grid_error_mg_dl_ = 0;
  std::deque<double> pending_;
};

class CgmSensor {
 public:
  CgmSensor(const CgmSensorParameters& parameters, RandomStream random);
  // A reading of the given subcutaneous glucose at the next sample time (mg/dl, clipped to the sensor's range).
  double measure(double subcutaneous_glucose_mg_dl);
  const CgmSensorParameters& parameters() const { return parameters_; }

 private:
  CgmSensorParameters parameters_;
  CgmErrorProcess error_;
};

}  // namespace isletsim
