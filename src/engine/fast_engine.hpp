// The fast engine: the reference engine's minute-by-minute loop (engine/reference_engine.hpp: sensor, meals,
// controller, pump, in the same order and with the same rules) around FastSubjectIntegrator instead of the adaptive
// Dormand-Prince SubjectIntegrator. Same outputs to within the accuracy that tests/engine/fast_engine_test.cpp
// asserts; the reference engine stays the ground truth. Selected with `[simulation] engine = "fast"`.
#pragma once

#include <cstdint>

#include "control/controller.hpp"
#include "engine/fast_subject_integrator.hpp"
#include "engine/scenario.hpp"
#include "engine/subject_time_series.hpp"

namespace isletsim {

SubjectTimeSeries simulate_subject_fast(const Scenario& scenario, const UvaPadovaParameters& subject,
                                        std::uint64_t subject_index, Controller& controller,
                                        FastIntegratorOptions options = {});

// Same, with the controller the scenario names.
SubjectTimeSeries simulate_subject_fast(const Scenario& scenario, const UvaPadovaParameters& subject,
                                        std::uint64_t subject_index);

}  // namespace isletsim
