// The course of an islet graft day by day: engraftment, maturation, attrition, immune destruction, repeat infusions,
// and adverse events of immunosuppression. Design and parameters: islet_graft_design.hpp; sources and derivations:
// docs/therapies.md.
//
// Model. Infusion k (day t_k, dose D_k as a fraction of a normal pancreas, islet_dose.hpp) engrafts
//   c_k = D_k x e_site x (encapsulation multiplier if encapsulated) x potency x u        (u: the subject's spread)
// of secretory capacity, which matures as m(s) = 1 - exp(-(s - lag)/tau) for s = t - t_k > lag (0 before) and is lost
// first order at the total rate
//   k = attrition [+ encapsulation extra] [+ rejection unless protected] [+ autoimmunity unless protected],
// all of it, mature or not. Functional graft mass, as a fraction of a normal adult pancreas's beta-cell mass:
//   F(t) = sum_k c_k m(t - t_k) exp(-k (t - t_k)).
// Protection: immunosuppression removes rejection and autoimmunity and brings the adverse events; encapsulation
// removes both hazards; hypoimmune cells remove rejection (and autoimmunity when hypoimmune_evades_autoimmunity);
// none leaves both. Stimulated C-peptide = normal stimulated C-peptide x F. Insulin independent when F reaches the
// threshold derived from the minute model (graft_recipient.hpp).
#pragma once

#include <cstddef>
#include <vector>

#include "core/random_stream.hpp"
#include "therapy/islet_graft_design.hpp"

namespace isletsim {

struct GraftCohort {
  double infusion_day = 0;
  double capacity = 0;  // c_k exp(-k (t - t_k)): surviving capacity, fraction of a normal pancreas when mature
};

struct IsletGraftState {
  double day = 0;                  // the start of the next day to step
  std::size_t next_infusion = 0;   // index of the first infusion not given yet
  double engraftment_multiplier = 1;  // u, the subject's engraftment relative to the median
  std::vector<GraftCohort> cohorts;
};

// What one day ends with.
struct IsletGraftDay {
  double day = 0;                              // the end of the day stepped (state.day after the step)
  double functional_mass_fraction = 0;         // F, fraction of a normal adult pancreas
  double stimulated_c_peptide_pmol_l = 0;
  bool insulin_independent = false;            // F >= insulin_independence_mass_fraction
  int infections = 0;                          // serious infections that day (immunosuppression only)
  int neutropenia_episodes = 0;                // serious neutropenias that day (immunosuppression only)
};

// A subject's engraftment multiplier u = exp(sigma Z) (median 1) from its kGraftEngraftment stream.
double draw_engraftment_multiplier(const IsletGraftParameters& parameters, RandomStream& engraftment_stream);

// The state at day 0 before any infusion. Validates the design (InputError) and the multiplier (> 0, finite).
IsletGraftState start_islet_graft(const IsletGraftDesign& design, double engraftment_multiplier = 1.0);

// Advances one day [state.day, state.day + 1): infusions scheduled in that day are given at its start, every cohort
// loses exp(-k) of its capacity, and adverse events are drawn from `adverse_events` (a kTherapyAdverseEvents
// stream): two uniforms every day whatever the protection, so the stream stays aligned across arms.
IsletGraftDay step_graft_day(const IsletGraftDesign& design, IsletGraftState& state, RandomStream& adverse_events);

// Total first-order loss rate k of the graft, per day, for this design (see above).
double graft_loss_rate_per_day(const IsletGraftDesign& design);
// Capacity one infusion adds for a subject with multiplier u: D x e x (encapsulation) x potency x u.
double engrafted_capacity(const IsletGraftDesign& design, const GraftInfusion& infusion, double engraftment_multiplier);
// Maturation m(s) of a cohort s days after its infusion.
double graft_maturation(const IsletGraftParameters& parameters, double days_since_infusion);

}  // namespace isletsim
