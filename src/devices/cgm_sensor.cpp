#include "devices/cgm_sensor.hpp"

#include <algorithm>
#include <cmath>

#include <boost/math/interpolators/cardinal_cubic_b_spline.hpp>

namespace isletsim {

std::optional<CgmSensorParameters> published_cgm_sensor(const std::string& name) {
  // Breton & Kovatchev 2008: PACF 0.7; Johnson SU gamma -0.5444, lambda 15.9574, delta 1.6898, xi -5.47.
  CgmSensorParameters sensor;
  sensor.name = name;
  sensor.pacf = 0.7;
  sensor.johnson_gamma = -0.5444;
  sensor.johnson_lambda = 15.9574;
  sensor.johnson_delta = 1.6898;
  sensor.johnson_xi = -5.47;
  if (name == "Dexcom") {
    sensor.sample_time_min = 3;
    sensor.min_mg_dl = 39;
    sensor.max_mg_dl = 600;
  } else if (name == "GuardianRT") {
    sensor.sample_time_min = 5;
    sensor.min_mg_dl = 39;
    sensor.max_mg_dl = 600;
  } else if (name == "Navigator") {
    sensor.sample_time_min = 1;
    sensor.min_mg_dl = 32;
    sensor.max_mg_dl = 600;
  } else {
    return std::nullopt;
  }
  return sensor;
}

std::vector<std::string> published_cgm_sensor_names() { return {"Dexcom", "GuardianRT", "Navigator"}; }

CgmErrorProcess::CgmErrorProcess(const CgmSensorParameters& parameters, RandomStream random)
    : parameters_(parameters), random_(random) {}

double CgmErrorProcess::next_grid_error_mg_dl() {
  if (!started_) {
    normal_state_ = random_.standard_normal();
    started_ = true;
  } else {
    normal_state_ = parameters_.pacf * (normal_state_ + random_.standard_normal());
  }
  return parameters_.johnson_xi +
         parameters_.johnson_lambda *
             std::sinh((normal_state_ - parameters_.johnson_gamma) / parameters_.johnson_delta);
}

void CgmErrorProcess::refill() {
  std::vector<double> grid(kIntervalsPerWindow + 1);
  grid[0] = started_ ? last_grid_error_mg_dl_ : next_grid_error_mg_dl();
  for (int i = 1; i <= kIntervalsPerWindow; ++i) grid[static_cast<std::size_t>(i)] = next_grid_error_mg_dl();
  last_grid_error_mg_dl_ = grid.back();
  const boost::math::interpolators::cardinal_cubic_b_spline<double> spline(grid.data(), grid.size(), 0.0,
                                                                            kModelGridMin);
  const double window_min = kModelGridMin * kIntervalsPerWindow;
  const int samples = static_cast<int>(std::floor(window_min / parameters_.sample_time_min));
  for (int j = 1; j <= samples; ++j) pending_.push_back(spline(j * parameters_.sample_time_min));
}

double CgmErrorProcess::next_error_mg_dl() {
  if (pending_.empty()) refill();
  const double error = pending_.front();
  pending_.pop_front();
  return error;
}

CgmSensor::CgmSensor(const CgmSensorParameters& parameters, RandomStream random)
    : parameters_(parameters), error_(parameters, random) {}

double CgmSensor::measure(double subcutaneous_glucose_mg_dl) {
  const double reading = subcutaneous_glucose_mg_dl + error_.next_error_mg_dl();
  return std::clamp(reading, parameters_.min_mg_dl, parameters_.max_mg_dl);
}

}  // namespace isletsim
