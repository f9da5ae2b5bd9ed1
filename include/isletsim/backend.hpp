// isletsim public API: the backends that integrate subjects (engine/backend.hpp): backend_names(), backend_named().
#pragma once

#include "engine/backend.hpp"
