// The reference engine: simulates one subject minute by minute with its devices and controller in the loop.
//
// Each minute t: the sensor reads subcutaneous glucose at its sample times; meals served at t are put on the plate
// (and announced to the controller if the meal is announced); at each control step the controller decides and the
// pump quantises its request; then the physiology is integrated over [t, t+1) with those inputs held constant.
// This is the plain, readable ground truth; faster engines are tested against it.
#pragma once

#include <cstdint>

#include "control/controller.hpp"
#include "engine/scenario.hpp"
#include "engine/subject_integrator.hpp"
#include "engine/subject_time_series.hpp"

namespace isletsim {

// Simulates `subject` (its index in the cohort seeds its random streams) under `scenario` with `controller`.
SubjectTimeSeries simulate_subject(const Scenario& scenario, const UvaPadovaParameters& subject,
                                   std::uint64_t subject_index, Controller& controller,
                                   IntegratorTolerances tolerances = {});

// Same, with the controller the scenario names.
SubjectTimeSeries simulate_subject(const Scenario& scenario, const UvaPadovaParameters& subject,
                                   std::uint64_t subject_index);

}  // namespace isletsim
