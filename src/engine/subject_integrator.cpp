#include "engine/subject_integrator.hpp"

#include "core/units.hpp"

namespace isletsim {

SubjectIntegrator::SubjectIntegrator(const UvaPadovaParameters& subject, IntegratorTolerances tolerances)
    : subject_(subject),
      stepper_(boost::numeric::odeint::make_dense_output(tolerances.absolute, tolerances.relative,
                                                         boost::numeric::odeint::runge_kutta_dopri5<UvaPadovaState>())),
      state_(subject.initial_state),
      restart_every_call_(tolerances.restart_every_call) {}

void SubjectIntegrator::advance(double carbs_g_per_min, double insulin_u_per_min, double duration_min) {
  UvaPadovaInputs next_inputs;
  next_inputs.carbs_mg_per_min = carbs_g_per_min * 1000.0;
  next_inputs.insulin_pmol_per_kg_per_min = insulin_u_per_min * units::kPmolPerInsulinUnit / subject_.body_weight_kg;
  next_inputs.meal_size_mg =
      meal_size_.update(carbs_g_per_min, duration_min, state_[kStomachSolid] + state_[kStomachLiquid]);

  const bool inputs_changed = next_inputs.carbs_mg_per_min != inputs_.carbs_mg_per_min ||
                              next_inputs.insulin_pmol_per_kg_per_min != inputs_.insulin_pmol_per_kg_per_min ||
                              next_inputs.meal_size_mg != inputs_.meal_size_mg;
  inputs_ = next_inputs;
  if (!stepper_started_ || inputs_changed || restart_every_call_) {
    if (stepper_started_) last_step_min_ = stepper_.current_time_step();
    stepper_.initialize(state_, time_min_, last_step_min_);
    stepper_started_ = true;
  }
  auto derivative = [this](const UvaPadovaState& x, UvaPadovaState& dxdt, double /*t*/) {
    ++derivative_evaluations_;
    uva_padova_derivative(subject_, inputs_, x, dxdt);
  };
  const double end_min = time_min_ + duration_min;
  while (stepper_.current_time() < end_min) stepper_.do_step(derivative);
  stepper_.calc_state(end_min, state_);
  time_min_ = end_min;
}

}  // namespace isletsim
