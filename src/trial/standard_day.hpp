// The standard day of this project's therapy tests, in both of its shapes, through the care loop
// (engine/care_loop.hpp): three meals, 50 g at 07:00, 70 g at 12:00 and 80 g at 18:00, each eaten at 5 g/min (the
// meal plan of the UVA/Padova reference day in shared/reference/simglucose, README.md), no exogenous insulin, every
// day alike from the subject's resting state at midnight; the last day is scored on plasma glucose at each minute's
// start (StandardDayGlucose, therapy/graft_recipient.hpp).
//   - meal-model day: a Dalla Man 2007 subject with its own secretion (e.g. a graft recipient, graft_recipient.hpp:
//     the normal subject with beta-cell mass F); two days, the second scored, so the evening meal's tail carries into
//     the morning as it does day after day;
//   - T1D graft day: the recipient a virtual trial actually simulates, a UVA/Padova T1D subject whose islet graft of
//     functional mass F secretes by the Dalla Man 2007 submodel (trial/graft_insulin_secretion.hpp) into the portal
//     vein (liver compartment, eq. 3) or the s.c. depot; three days from the subject's basal state (its s.c. basal
//     depot drains within hours), the third scored. It gives the insulin-independence threshold F_ind of that
//     recipient, the counterpart of the meal-model threshold 0.3062 of islet_graft_design.hpp (derived in the Dalla
//     Man 2007 average normal subject, whose insulin kinetics and sensitivity differ from the T1D subject's).
#pragma once

#include <span>
#include <vector>

#include "engine/backend.hpp"
#include "engine/care_therapy.hpp"
#include "engine/meal_intake.hpp"
#include "physiology/dalla_man_2007_parameters.hpp"
#include "physiology/uva_padova_parameters.hpp"
#include "therapy/graft_recipient.hpp"

namespace isletsim {

// The standard day's meals for `days` days (minutes since midnight of day 0), none announced.
std::vector<Meal> standard_day_meals(int days);

// The meal-model day, on the reference backend.
StandardDayGlucose simulate_standard_day_without_insulin(const MealModelParameters& subject);

// The T1D graft day of one subject, and of several in one care loop (day k belongs to subject k).
StandardDayGlucose simulate_t1d_graft_standard_day(const UvaPadovaParameters& subject, double graft_mass_fraction,
                                                   EndogenousInsulinRoute route,
                                                   const Backend& backend = backend_named("reference"));
std::vector<StandardDayGlucose> simulate_t1d_graft_standard_days(std::span<const UvaPadovaParameters> subjects,
                                                                 double graft_mass_fraction,
                                                                 EndogenousInsulinRoute route, const Backend& backend);

// Smallest graft fraction in [0, 1] at which `criterion` holds on the meal-model day, by bisection to `tolerance`
// (the criteria of graft_recipient.hpp hold from some fraction on: more mass, lower glucose). Throws
// std::runtime_error when the criterion fails even at fraction 1 or already holds at 0.
double smallest_graft_fraction_meeting(bool (*criterion)(const StandardDayGlucose&), double tolerance = 1e-4);

// Smallest F in [0, 2] at which meets_insulin_independence_criterion (ADAG HbA1c < 7 %, TIR >= 70 %) holds on the T1D
// graft day, by bisection to `tolerance`. Throws std::runtime_error when it holds at 0 or fails at 2. Meaningful for
// the portal route, where the criterion holds from some F on (measured: 0.4554 for the shipped average adult, HbA1c
// binding). By the s.c. route it is not monotone -- glucose falls below 70 mg/dl after meals at larger F (no
// first-pass extraction, delayed absorption, no counter-regulation), so time in range drops again -- and bisection
// would mislead: tests/trial/standard_day_test.cpp shows both.
double t1d_graft_insulin_independence_fraction(const UvaPadovaParameters& subject, EndogenousInsulinRoute route,
                                               double tolerance = 1e-4);

// Is a virtual T1D subject a plausible person to give a graft of normal islets to? A model-domain check of this
// project: before type 1 diabetes every recipient had a whole pancreas and normal glucose, so a whole normal islet
// mass (F = 1, the Dalla Man 2007 normal subject's secretion, by the portal vein as a pancreas secretes) must keep
// the subject's T1D graft day inside the normal range: never below 70 mg/dl (level 1 hypoglycaemia, Battelino et al.
// 2019, Diabetes Care 42:1593) and never at or above 200 mg/dl (the random plasma glucose that diagnoses diabetes,
// ADA Standards of Care 2024, section 2, Diabetes Care 47 Suppl 1:S20). Sampled UVA/Padova subjects (parameters
// identified in people with T1D on s.c. insulin) can fail it: docs/calibration.md measured 10 of 24 passing in a
// hypoglycaemia-prone cohort, and a subject with a normal islet mass reaching 23 mg/dl.
inline constexpr double kNormalIsletsLowestMgDl = 70.0;
inline constexpr double kNormalIsletsHighestMgDl = 200.0;
bool plausible_with_normal_islets(const StandardDayGlucose& day_with_normal_islets);
bool plausible_with_normal_islets(const UvaPadovaParameters& subject);

}  // namespace isletsim
