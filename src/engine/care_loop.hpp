// The care loop: written once, over a batch of subjects ("lanes") of one model integrated by a backend
// (engine/backend.hpp). Every runner -- simulate, the trial run-in and follow-up, the type 2 trials, the standard
// days of graft recipients, the multi-scale course -- puts its subjects through it.
//
// Each minute t of each lane, in this order:
//   1. at the sensor's sample times: the CGM reads subcutaneous glucose (subcutaneous glucose itself when no sensor
//      is modelled; every minute then); the recorder gets the reading; a reading below the hypoglycaemia threshold
//      serves rescue carbohydrate if the last rescue was at least the recheck time ago (hypo_treatment.hpp);
//   2. meals whose time falls in [t, t+1) are served; announced ones add their (counted) carbohydrate for the
//      controller;
//   3. at each control step (every control_interval_min, default every CGM sample) the therapy's controller, if it
//      has one now, decides from what a device knows (time, time of day, latest CGM, announced carbohydrate since the
//      last call); the pump (none: doses as requested) quantises the request; the basal holds until the next step,
//      a bolus is delivered within the minute; without a controller no exogenous insulin flows;
//   4. the therapy adds its own inputs from the subject's state now (graft insulin by its route, glucagon EGP,
//      unannounced carbohydrate, i.v. routes);
//   5. every lane is integrated over [t, t+1) with those inputs held;
//   6. after each whole day: the day's summary goes to the therapy (end_of_day) and then the recorder; a lane whose
//      plasma glucose fell to stop_at_or_below_mg_dl that day stops (the UVA/Padova 2008 model has no
//      counter-regulation: at 0 mg/dl it no longer means anything).
// The loop can be continued (run() again) so that a runner can act between days (titration visits, operator
// splitting with a slow layer through set_subject()).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "core/random_stream.hpp"
#include "devices/cgm_sensor.hpp"
#include "devices/insulin_pump.hpp"
#include "engine/backend.hpp"
#include "engine/care_recorder.hpp"
#include "engine/care_therapy.hpp"
#include "engine/hypo_treatment.hpp"
#include "engine/meal_intake.hpp"

namespace isletsim {

// One subject's part of the loop.
struct CareLane {
  std::vector<Meal> meals;                        // minutes since the start of the loop, sorted
  // Carbohydrate announced to the controller per meal, in meal order (trial/carb_counting_error.hpp); empty: each
  // announced meal is announced as eaten.
  std::vector<double> announced_carbs_g;
  std::optional<CgmSensorParameters> sensor;      // none: the controller sees subcutaneous glucose each minute
  std::uint64_t seed = 1;                         // with subject_index and sensor_stream: the sensor's noise
  std::uint64_t subject_index = 0;
  StreamPurpose sensor_stream = StreamPurpose::kSensorNoise;
  std::optional<InsulinPumpParameters> pump;      // none: doses delivered as requested (pen, syringe)
  std::optional<HypoTreatment> hypo_treatment;    // none: lows are not treated
  std::optional<double> stop_at_or_below_mg_dl;   // none: never stops
  CareTherapy* therapy = nullptr;                 // required, not owned
  CareRecorder* recorder = nullptr;               // optional, not owned
};

struct CareLoopOptions {
  double start_time_of_day_min = 0;  // wall-clock time of day at t = 0 (controllers' time of day); days count from t = 0
};

class CareLoop {
 public:
  // Builds the backend's integrator for `subjects` (one per lane, one model). Throws std::invalid_argument when the
  // backend refuses the model or a route some therapy uses, for a sensor on a model without interstitial glucose,
  // for a lane without therapy, or when the counts differ.
  CareLoop(const Backend& backend, std::span<const VirtualSubject> subjects, std::vector<CareLane> lanes,
           CareLoopOptions options = {});
  ~CareLoop();
  CareLoop(const CareLoop&) = delete;
  CareLoop& operator=(const CareLoop&) = delete;

  // Runs `minutes` more minutes (fewer when every lane has stopped).
  void run(long minutes);

  long minute() const { return minute_; }
  std::size_t lanes() const { return lanes_.size(); }
  bool stopped(std::size_t lane) const;
  // The observation of each lane now.
  std::span<const SubjectObservation> observations() const { return now_; }
  CohortIntegrator& integrator() { return *integrator_; }

 private:
  struct LaneState;
  void start_minute(std::size_t lane, LaneState& s);
  void end_day(std::size_t lane, LaneState& s);

  std::unique_ptr<CohortIntegrator> integrator_;
  std::vector<CareLane> lanes_;
  std::vector<LaneState> states_;
  std::vector<SubjectInputs> inputs_;
  std::vector<SubjectObservation> now_, before_;
  CareLoopOptions options_;
  long minute_ = 0;
  bool any_minute_recorder_ = false;
};

}  // namespace isletsim
