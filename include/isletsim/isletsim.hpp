// isletsim public API, all of it: simulate (isletsim/simulate.hpp), trials (isletsim/trial.hpp), controllers
// (isletsim/controller.hpp), backends (isletsim/backend.hpp), subjects, devices and glucose metrics.
#pragma once

#include "isletsim/backend.hpp"
#include "isletsim/controller.hpp"
#include "isletsim/devices.hpp"
#include "isletsim/glucose_metrics.hpp"
#include "isletsim/simulate.hpp"
#include "isletsim/subjects.hpp"
#include "isletsim/trial.hpp"
