// Everyday care inputs of the multi-scale course and their cited effect sizes on insulin sensitivity.
//
// Each function returns a multiplier on the TissueInsulinResistance sensitivity knobs (1 = no effect).
//   Weight change   Vitola et al. 2009, Obesity 17:1744: 8.2 % diet-induced weight loss raised hepatic insulin
//                   sensitivity by 56 % and insulin-mediated muscle glucose disposal by 97 % (clamp with tracers).
//                   Assumption: the effect is log-linear in percent weight change (multiplier = 1.56^(loss/8.2) for
//                   the liver, 1.97^(loss/8.2) for muscle) and symmetric for weight gain; valid to +-15 %.
//   Sleep           Buxton et al. 2010, Diabetes 59:2126: 5 h in bed for a week lowered clamp insulin sensitivity
//                   by 11 %; Donga et al. 2010, JCEM 95:2963: one night of 4 h lowered the clamp glucose infusion
//                   rate by ~25 % (hepatic and peripheral). Multiplier 1 at >= 7 h, 0.89 at 5 h, 0.75 at <= 4 h,
//                   linear in between (assumption: the interpolation, and that it applies to the day after the night,
//                   to muscle and liver alike).
//   Exercise        After a bout, insulin-stimulated glucose uptake rises by at least 40 % (Ross 2003, Diabetes Care
//                   26:944, reviewing single-bout studies) and the effect is still present 48 h later but gone at
//                   120 h (Mikines et al. 1988, Am J Physiol 254:E248). Multiplier on muscle sensitivity
//                   1 + 0.40 (1 - t/72 h) for 0 <= t < 72 h after the end of the bout (assumption: linear fade to zero
//                   at 72 h, inside the 48-120 h window). During the bout, muscle takes up glucose independently of
//                   insulin: modelled as a net extra disposal from plasma (mg/kg/min) -- its default 1.0 mg/kg/min is
//                   an assumption of ours: gross glucose disposal rises several-fold during exercise (to ~9 mg/kg/min
//                   at 50 % Wmax in trained cyclists, Jeukendrup et al. 1999, J Physiol 515:579) but the liver
//                   covers most of it in health, and the net fall we model is the part it does not cover.
#pragma once

namespace isletsim {

struct SensitivityMultipliers {
  double muscle = 1.0;
  double liver = 1.0;
};

// Weight change in percent of starting weight (negative = loss). Throws InputError (key "weight_change_percent")
// outside [-15, 15] or when not finite.
SensitivityMultipliers weight_change_sensitivity(double weight_change_percent);

// Hours slept the night before. Throws InputError (key "sleep_hours") outside [0, 24] or when not finite.
double sleep_restriction_sensitivity(double sleep_hours);

// Muscle sensitivity multiplier `hours_since_bout_end` hours after a bout (1 before the bout, i.e. for negative
// values, and from 72 h on).
double post_exercise_muscle_sensitivity(double hours_since_bout_end);

inline constexpr double kPostExerciseSensitivityGain = 0.40;      // Ross 2003 ("at least 40 %")
inline constexpr double kPostExerciseEffectDurationHours = 72.0;  // assumption, between Mikines 1988's 48 and 120 h

}  // namespace isletsim
