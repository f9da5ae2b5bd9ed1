// CohortIntegrator: N subjects ("lanes") of one physiology model, advanced together in time. The only thing a
// backend (engine/backend.hpp) provides; everything else of a simulation -- meals, sensor, pump, controller,
// therapies, records -- is the care loop's (engine/care_loop.hpp), written once.
//
// Contract (tests/engine/backend_conformance_test.cpp checks it on every backend against the reference):
//   - advance() holds each lane's inputs constant over [t, t + duration_min) and moves every lane to its end;
//   - a lane's numbers depend only on its own subject and inputs, never on the other lanes, on the number of lanes
//     or on the thread that calls (so any batching of a cohort gives the same results);
//   - observe() reads every lane at the current instant.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "engine/subject_inputs.hpp"
#include "engine/subject_observation.hpp"
#include "engine/virtual_subject.hpp"

namespace isletsim {

class CohortIntegrator {
 public:
  virtual ~CohortIntegrator() = default;

  virtual SubjectModel model() const = 0;
  virtual std::size_t lanes() const = 0;

  // inputs.size() == lanes(). duration_min > 0; the care loop always asks for one minute, protocols for others.
  virtual void advance(std::span<const SubjectInputs> inputs, double duration_min) = 0;

  // out.size() == lanes().
  virtual void observe(std::span<SubjectObservation> out) const = 0;

  // New parameters for one lane from now on, its state carried over (operator splitting of a slow layer, a
  // therapy that changes the subject, e.g. MSC on the tissue knobs). The lane's solver starts afresh from the
  // carried state, as a new solve would. The model must not change.
  virtual void set_subject(std::size_t lane, const VirtualSubject& subject) = 0;

  // The lane's full model state in the model's own order (UvaPadovaState, InsulinTreatedMealModel::State).
  virtual std::vector<double> state(std::size_t lane) const = 0;
};

}  // namespace isletsim
