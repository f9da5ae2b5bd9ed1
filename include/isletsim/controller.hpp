// isletsim public API: the controller interface (control/controller.hpp) -- implement it to put your own insulin
// algorithm in the loop -- and the built-in controllers' configuration (control/controller_config.hpp).
#pragma once

#include "control/controller.hpp"
#include "control/controller_config.hpp"
