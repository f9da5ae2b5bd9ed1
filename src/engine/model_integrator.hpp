// ModelIntegrator<Model>: advances one subject of any physiology model in time under piecewise-constant inputs.
//
// Integration: Boost.Odeint's Dormand-Prince 5(4) pair with step-size control and dense output
// (runge_kutta_dopri5 under dense_output_runge_kutta). The solver takes the steps it needs and the state at the end
// of each advance() is read from the dense output. When the inputs change (a meal, a bolus, an infusion rate), the
// solver restarts from the state at that instant, so no step ever straddles a discontinuity of the inputs.
//
// A Model is a type with
//   using Parameters = ...; using State = std::array<double, N>; using Inputs = ... (with operator==);
//   static void derivative(const Parameters&, const Inputs&, const State&, State& dxdt);  // pure right-hand side
// so the very same solver serves the UVA/Padova T1D model (SubjectIntegrator) and the Dalla Man 2007 meal model
// with secretion (protocols/).
#pragma once

#include <boost/numeric/odeint.hpp>

namespace isletsim {

struct IntegratorTolerances {
  // Chosen so that every minute matches the reference simulator to better than 1e-3 mg/dl (100x inside the
  // 0.1 mg/dl acceptance), measured in tests/engine/simglucose_reference_test.cpp.
  double absolute = 1e-6;
  double relative = 1e-6;
  // Restart the solver at every advance() call even when the inputs did not change -- the scheme of the
  // reference implementation (a fresh adaptive solve per minute). Slower; kept as the benchmarks' baseline.
  bool restart_every_call = false;
};

template <typename Model>
class ModelIntegrator {
 public:
  using Parameters = typename Model::Parameters;
  using State = typename Model::State;
  using Inputs = typename Model::Inputs;

  ModelIntegrator(const Parameters& parameters, const State& initial_state, IntegratorTolerances tolerances = {})
      : parameters_(parameters),
        stepper_(boost::numeric::odeint::make_dense_output(tolerances.absolute, tolerances.relative,
                                                           boost::numeric::odeint::runge_kutta_dopri5<State>())),
        state_(initial_state),
        restart_every_call_(tolerances.restart_every_call) {}

  // Holds `inputs` constant over [t, t + duration_min).
  void advance(const Inputs& inputs, double duration_min) {
    const bool inputs_changed = !(inputs == inputs_);
    inputs_ = inputs;
    if (!stepper_started_ || inputs_changed || restart_every_call_) {
      if (stepper_started_) last_step_min_ = stepper_.current_time_step();
      stepper_.initialize(state_, time_min_, last_step_min_);
      stepper_started_ = true;
    }
    auto derivative = [this](const State& x, State& dxdt, double /*t*/) {
      ++derivative_evaluations_;
      Model::derivative(parameters_, inputs_, x, dxdt);
    };
    const double end_min = time_min_ + duration_min;
    while (stepper_.current_time() < end_min) stepper_.do_step(derivative);
    stepper_.calc_state(end_min, state_);
    time_min_ = end_min;
  }

  // New parameters from now on, the state carried over: the solver starts afresh (its step-size history, inputs
  // and clock reset to those of a new ModelIntegrator at this state), exactly as constructing one would.
  void restart_with(const Parameters& parameters) {
    parameters_ = parameters;
    inputs_ = Inputs{};
    time_min_ = 0;
    stepper_started_ = false;
    last_step_min_ = 1.0;
  }

  const State& state() const { return state_; }
  const Parameters& parameters() const { return parameters_; }
  const Inputs& inputs() const { return inputs_; }
  double time_min() const { return time_min_; }
  // Right-hand-side evaluations so far (for benchmarks and tests of the solver's economy).
  long derivative_evaluations() const { return derivative_evaluations_; }

 private:
  using Stepper = typename boost::numeric::odeint::result_of::make_dense_output<
      boost::numeric::odeint::runge_kutta_dopri5<State>>::type;

  Parameters parameters_;
  Stepper stepper_;
  State state_{};
  Inputs inputs_{};
  double time_min_ = 0;
  bool stepper_started_ = false;
  bool restart_every_call_ = false;
  double last_step_min_ = 1.0;
  long derivative_evaluations_ = 0;
};

}  // namespace isletsim
