// isletsim public API: CGM sensors and insulin pumps with published parameters (devices/).
#pragma once

#include "devices/cgm_sensor.hpp"
#include "devices/insulin_pump.hpp"
