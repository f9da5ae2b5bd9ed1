#include "engine/batched_backend.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <variant>

#include "core/units.hpp"
#include "engine/meal_size_tracker.hpp"
#include "engine/simd/lane_kernels.hpp"

namespace isletsim {

namespace {

using Propagator = FastSubjectIntegrator::InsulinPropagator;
constexpr std::size_t kLanes = simd::kLanes;

// The lane block's state order, multistep gate and propagators are the fast backend's (FastSubjectIntegrator).
using Fast = FastSubjectIntegrator;
constexpr auto& kInsulinToState = Fast::kInsulinToState;
constexpr auto& kSlowToState = Fast::kSlowToState;
enum SlowIndex : std::size_t { kQsto1 = 0, kQsto2, kQgut, kGp, kGt, kGs };

// What one lane needs beside its block: parameters, propagators, meal-size memory and what its block fields were last
// written for (so that a minute like the last one writes nothing).
struct LaneBookkeeping {
  UvaPadovaParameters subject;
  Propagator minute, eating, other;
  double rate_bound_per_min = 0;
  MealSizeTracker meal_size;
  double meal_size_now_mg = 0;
  double shape_meal_size_mg = -1;     // the meal size the block's gastric shape was written for
  int propagator_slot = -1;           // 0 minute, 1 eating, 2 other: the one in the block
  double forcing_insulin = -1, forcing_portal = -1;  // pmol/kg/min the block's forcing was written for
  // The inputs of the glucose equations that the multistep history was built with; a change restarts it.
  double history_carbs = -1, history_meal_size = -1, history_step = -1, history_glucagon = 0;
  // The last call's inputs, when an identical next call (nothing eaten, one minute) may keep its whole plan.
  bool repeatable = false;
  double repeat_insulin_u_per_min = -1, repeat_portal_u_per_min = -1, repeat_glucagon = -1;
};

class BatchedUvaPadovaIntegrator final : public CohortIntegrator {
 public:
  BatchedUvaPadovaIntegrator(std::span<const VirtualSubject> subjects, const BatchedBackendOptions& options)
      : options_(options.steps), kernel_(simd::lane_kernel(options.instruction_set).kernel), lanes_(subjects.size()) {
    if (options_.substeps_per_minute < 1 || options_.eating_substeps_per_minute < 1) {
      throw std::invalid_argument("batched backend: steps per minute must be >= 1");
    }
    blocks_.resize((lanes_ + kLanes - 1) / kLanes);
    lane_.resize(blocks_.size() * kLanes);
    for (std::size_t i = 0; i < lane_.size(); ++i) {
      // Lanes past the cohort copy the first subject (finite numbers in every register) and are never advanced.
      const auto& subject = std::get<UvaPadovaParameters>(subjects[i < lanes_ ? i : 0]);
      start_lane(i, subject, subject.initial_state);
    }
  }

  SubjectModel model() const override { return SubjectModel::kUvaPadova2008; }
  std::size_t lanes() const override { return lanes_; }

  void advance(std::span<const SubjectInputs> inputs, double duration_min) override {
    if (inputs.size() != lanes_) throw std::invalid_argument("batched backend: one input per lane");
    if (!(duration_min > 0)) throw std::invalid_argument("batched backend: duration must be > 0 min");
    for (const SubjectInputs& u : inputs) check(u);
    for (std::size_t b = 0; b < blocks_.size(); ++b) {
      simd::LaneBlock& block = blocks_[b];
      for (std::size_t k = 0; k < kLanes; ++k) {
        const std::size_t i = b * kLanes + k;
        if (i < lanes_) {
          plan(i, inputs[i], duration_min);
        } else {
          block.steps[k] = 0;
        }
      }
      kernel_(block);
    }
  }

  void observe(std::span<SubjectObservation> out) const override {
    for (std::size_t i = 0; i < lanes_; ++i) {
      const simd::LaneBlock& block = blocks_[i / kLanes];
      const std::size_t k = i % kLanes;
      const UvaPadovaParameters& p = lane_[i].subject;
      SubjectObservation o;
      o.plasma_glucose_mg_dl = block.slow[kGp][k] / p.Vg;         // Dalla Man 2007 eq. 1
      o.subcutaneous_glucose_mg_dl = block.slow[kGs][k] / p.Vg;   // Kovatchev 2009
      o.plasma_insulin_pmol_l = block.insulin[FastSubjectIntegrator::kIp][k] / p.Vi;  // eq. 3
      out[i] = o;
    }
  }

  void set_subject(std::size_t lane, const VirtualSubject& subject) override {
    if (lane >= lanes_) throw std::out_of_range("batched backend: no such lane");
    const MealSizeTracker meal_size = lane_[lane].meal_size;
    const double meal_size_now_mg = lane_[lane].meal_size_now_mg;
    start_lane(lane, std::get<UvaPadovaParameters>(subject), full_state(lane));
    lane_[lane].meal_size = meal_size;
    lane_[lane].meal_size_now_mg = meal_size_now_mg;
  }

  std::vector<double> state(std::size_t lane) const override {
    if (lane >= lanes_) throw std::out_of_range("batched backend: no such lane");
    const UvaPadovaState x = full_state(lane);
    return {x.begin(), x.end()};
  }

 private:
  static void check(const SubjectInputs& u) {
    const auto require = [](double value, const char* what) {
      if (!(value >= 0)) {
        throw std::invalid_argument(std::string("batched backend: ") + what + " must be >= 0 (got " +
                                    std::to_string(value) + ")");
      }
    };
    require(u.carbs_g_per_min, "carbohydrate input (g/min)");
    require(u.subcutaneous_insulin_u_per_min, "insulin input (U/min)");
    require(u.portal_insulin_u_per_min, "portal insulin input (U/min)");
    require(u.glucagon_egp_mg_per_kg_per_min, "glucagon EGP input (mg/kg/min)");
    if (u.intravenous_glucose_mg_per_kg_per_min != 0 || u.intravenous_insulin_pmol_per_kg_per_min != 0) {
      throw std::invalid_argument("batched backend: the UVA/Padova 2008 model has no intravenous input");
    }
  }

  UvaPadovaState full_state(std::size_t i) const {
    const simd::LaneBlock& block = blocks_[i / kLanes];
    const std::size_t k = i % kLanes;
    UvaPadovaState x{};
    for (std::size_t s = 0; s < simd::kSlowStates; ++s) x[static_cast<std::size_t>(kSlowToState[s])] = block.slow[s][k];
    for (std::size_t s = 0; s < simd::kInsulinStates; ++s) {
      x[static_cast<std::size_t>(kInsulinToState[s])] = block.insulin[s][k];
    }
    return x;
  }

  // A lane starts (or restarts with new parameters) at state x: parameters into its block, propagators computed,
  // multistep history empty.
  void start_lane(std::size_t i, const UvaPadovaParameters& subject, const UvaPadovaState& x) {
    simd::LaneBlock& block = blocks_[i / kLanes];
    const std::size_t k = i % kLanes;
    LaneBookkeeping lane;
    lane.subject = subject;
    const Fast::StepPropagators propagators = Fast::step_propagators(subject, options_);
    lane.minute = propagators.step;
    lane.eating = propagators.eating;
    lane.rate_bound_per_min = Fast::slow_rate_bound_per_min(subject);
    lane_[i] = lane;

    for (std::size_t s = 0; s < simd::kSlowStates; ++s) block.slow[s][k] = x[static_cast<std::size_t>(kSlowToState[s])];
    for (std::size_t s = 0; s < simd::kInsulinStates; ++s) {
      block.insulin[s][k] = x[static_cast<std::size_t>(kInsulinToState[s])];
    }
    block.history_count[k] = 0;
    const UvaPadovaParameters& p = subject;
    block.kmax[k] = p.kmax;
    block.kmin[k] = p.kmin;
    block.kabs[k] = p.kabs;
    block.f[k] = p.f;
    block.body_weight_kg[k] = p.body_weight_kg;
    block.kp1[k] = p.kp1;
    block.kp2[k] = p.kp2;
    block.kp3[k] = p.kp3;
    block.Fsnc[k] = p.Fsnc;
    block.ke1[k] = p.ke1;
    block.ke2[k] = p.ke2;
    block.k1[k] = p.k1;
    block.k2[k] = p.k2;
    block.Vm0[k] = p.Vm0;
    block.Vmx[k] = p.Vmx;
    block.Km0[k] = p.Km0;
    block.ksc[k] = p.ksc;
    block.b[k] = p.b;
    block.d[k] = p.d;
    write_shape(i, 0.0);
    write_propagator(i, 0, lane_[i].minute);
    write_forcing(i, 0.0, 0.0);
    block.steps[k] = 0;
  }

  void write_shape(std::size_t i, double meal_size_mg) {
    simd::LaneBlock& block = blocks_[i / kLanes];
    const std::size_t k = i % kLanes;
    const GastricEmptyingShape<double> shape = gastric_emptying_shape(lane_[i].subject, meal_size_mg);
    block.meal_size_mg[k] = shape.meal_size_mg;
    block.alpha[k] = shape.alpha;
    block.beta[k] = shape.beta;
    block.bD[k] = shape.bD;
    block.dD[k] = shape.dD;
    lane_[i].shape_meal_size_mg = meal_size_mg;
  }

  void write_propagator(std::size_t i, int slot, const Propagator& P) {
    simd::LaneBlock& block = blocks_[i / kLanes];
    const std::size_t k = i % kLanes;
    for (std::size_t r = 0; r < simd::kInsulinStates; ++r) {
      for (std::size_t c = 0; c < simd::kInsulinStates; ++c) block.phi[r][c][k] = P.phi[r][c];
      block.phi_half_x[r][k] = P.phi_half_x[r];
      block.phi_half_id[r][k] = P.phi_half_id[r];
    }
    block.step_min[k] = P.step_min;
    lane_[i].propagator_slot = slot;
    lane_[i].forcing_insulin = -1;  // the forcing belongs to a propagator
  }

  // The insulin inputs' share of a step under the lane's current propagator: b u + e s + c (FastSubjectIntegrator).
  void write_forcing(std::size_t i, double insulin_pmol_per_kg_per_min, double portal_pmol_per_kg_per_min) {
    LaneBookkeeping& lane = lane_[i];
    const Propagator& P = lane.propagator_slot == 0   ? lane.minute
                          : lane.propagator_slot == 1 ? lane.eating
                                                      : lane.other;
    simd::LaneBlock& block = blocks_[i / kLanes];
    const std::size_t k = i % kLanes;
    const Fast::InsulinForcing w = Fast::insulin_forcing(P, insulin_pmol_per_kg_per_min, portal_pmol_per_kg_per_min);
    for (std::size_t r = 0; r < simd::kInsulinStates; ++r) block.forcing[r][k] = w.full[r];
    block.forcing_half_x[k] = w.half_x;
    block.forcing_half_id[k] = w.half_id;
    lane.forcing_insulin = insulin_pmol_per_kg_per_min;
    lane.forcing_portal = portal_pmol_per_kg_per_min;
  }

  // This call's plan for lane i: the fast backend's bookkeeping (FastSubjectIntegrator::prepare_and_advance), written
  // into the lane's block only where it changed.
  void plan(std::size_t i, const SubjectInputs& u, double duration_min) {
    LaneBookkeeping& lane = lane_[i];
    simd::LaneBlock& block = blocks_[i / kLanes];
    const std::size_t k = i % kLanes;
    // The common minute: nothing eaten, the same inputs as the last such minute. The meal size is held while nothing
    // is eaten (MealSizeTracker), so every field of the plan is already the block's.
    if (lane.repeatable && duration_min == 1.0 && u.carbs_g_per_min == 0 &&
        u.subcutaneous_insulin_u_per_min == lane.repeat_insulin_u_per_min &&
        u.portal_insulin_u_per_min == lane.repeat_portal_u_per_min &&
        u.glucagon_egp_mg_per_kg_per_min == lane.repeat_glucagon) {
      block.steps[k] = options_.substeps_per_minute;
      return;
    }
    const UvaPadovaParameters& p = lane.subject;
    const double carbs_mg_per_min = u.carbs_g_per_min * 1000.0;
    const double insulin = u.subcutaneous_insulin_u_per_min * units::kPmolPerInsulinUnit / p.body_weight_kg;
    const double portal = u.portal_insulin_u_per_min * units::kPmolPerInsulinUnit / p.body_weight_kg;
    lane.meal_size_now_mg = lane.meal_size.update(u.carbs_g_per_min, duration_min, block.slow[kQsto1][k] +
                                                                                      block.slow[kQsto2][k]);
    if (lane.meal_size_now_mg != lane.shape_meal_size_mg) write_shape(i, lane.meal_size_now_mg);

    const bool eating = u.carbs_g_per_min > 0;
    const int per_minute = eating ? options_.eating_substeps_per_minute : options_.substeps_per_minute;
    int steps = per_minute;
    double h_min = eating ? lane.eating.step_min : lane.minute.step_min;
    if (duration_min != 1.0) {
      const double whole_steps = std::max(1.0, std::round(duration_min * per_minute));
      steps = static_cast<int>(whole_steps);
      h_min = duration_min / whole_steps;
    }
    int slot = 2;
    if (h_min == lane.minute.step_min) {
      slot = 0;
    } else if (h_min == lane.eating.step_min) {
      slot = 1;
    } else if (h_min != lane.other.step_min) {
      lane.other = Fast::insulin_propagator(p, h_min);
      lane.propagator_slot = -1;
    }
    if (slot != lane.propagator_slot) {
      write_propagator(i, slot, slot == 0 ? lane.minute : slot == 1 ? lane.eating : lane.other);
    }
    if (insulin != lane.forcing_insulin || portal != lane.forcing_portal) write_forcing(i, insulin, portal);

    // The multistep history restarts when the glucose equations' inputs change (carbohydrate, meal size, glucagon
    // EGP, step length), as in the fast backend.
    const double glucagon = u.glucagon_egp_mg_per_kg_per_min;
    if (carbs_mg_per_min != lane.history_carbs || lane.meal_size_now_mg != lane.history_meal_size ||
        h_min != lane.history_step || glucagon != lane.history_glucagon) {
      block.history_count[k] = 0;
      lane.history_carbs = carbs_mg_per_min;
      lane.history_meal_size = lane.meal_size_now_mg;
      lane.history_step = h_min;
      lane.history_glucagon = glucagon;
    }
    block.carbs_mg_per_min[k] = carbs_mg_per_min;
    block.glucagon_egp_mg_per_kg_per_min[k] = glucagon;
    block.steps[k] = steps;
    const bool multistep_allowed = options_.multistep_between_meals && !eating &&
                                   lane.rate_bound_per_min * h_min <= Fast::kMultistepSafeStep;
    block.multistep_allowed[k] = multistep_allowed ? 1.0 : 0.0;
    lane.repeatable = !eating && duration_min == 1.0;
    lane.repeat_insulin_u_per_min = u.subcutaneous_insulin_u_per_min;
    lane.repeat_portal_u_per_min = u.portal_insulin_u_per_min;
    lane.repeat_glucagon = glucagon;
  }

  FastIntegratorOptions options_;
  simd::LaneKernel kernel_;
  std::size_t lanes_;
  std::vector<simd::LaneBlock> blocks_;
  std::vector<LaneBookkeeping> lane_;
};

}  // namespace

BatchedBackend::BatchedBackend(BatchedBackendOptions options) : options_(std::move(options)) {
  description_ = "the fast scheme on blocks of " + std::to_string(kLanes) + " subjects with SIMD (xsimd, " +
                 std::string(simd::lane_kernel(options_.instruction_set).instruction_set) + " on this processor)";
}

std::optional<std::string> BatchedBackend::refusal(SubjectModel model, std::uint32_t routes) const {
  return uva_padova_only_refusal(name(), model, routes);
}

std::unique_ptr<CohortIntegrator> BatchedBackend::make(std::span<const VirtualSubject> subjects) const {
  require_uva_padova_subjects(*this, subjects);
  return std::make_unique<BatchedUvaPadovaIntegrator>(subjects, options_);
}

const Backend& batched_backend() {
  static const BatchedBackend backend;
  return backend;
}

}  // namespace isletsim
