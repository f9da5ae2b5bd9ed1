// RandomStream: a reproducible stream of random numbers for one (seed, subject, purpose) triple.
//
// Counter-based (Philox4x32-10, Salmon et al. 2011, "Parallel random numbers: as easy as 1, 2, 3", SC'11; the
// Random123 library): the numbers a subject's sensor sees depend only on the seed, the subject's index and the
// purpose, never on the thread that runs it or on how a cohort is split. Normal variates use the Box-Muller
// transform from Random123 rather than std::normal_distribution, whose algorithm differs between standard
// libraries (so results would not be bit-identical across platforms).
#pragma once

#include <cstdint>

#include <Random123/philox.h>

namespace isletsim {

enum class StreamPurpose : std::uint32_t {
  kSensorNoise = 1,
  kCohortSampling = 2,
  kBehaviour = 3,
  kTrialAllocation = 4,
  kPowerReplicate = 5,
  kAdherence = 6,  // missed doses in the multi-scale course (progression/multiscale_course.hpp)
  kScreeningBehaviour = 7,    // a trial candidate's meals during the screening run-in
  kScreeningSensorNoise = 8,  // its CGM noise during the run-in
  // Therapies (src/therapy): between-subject spread of islet-graft engraftment, and adverse events drawn day by day.
  // Numbered apart from the values above so that other branches can add purposes without a clash.
  kGraftEngraftment = 20,
  kTherapyAdverseEvents = 21,
  // Missed meal boluses of the basal-bolus controller (control/basal_bolus_controller.hpp).
  kMissedBolus = 30,
  // Type 2 virtual cohorts (trial/type2_cohort.hpp) and each participant's response to MSC (trial/msc_virtual_trial.hpp).
  kType2Cohort = 22,
  kMscResponse = 23,
  // Carbohydrate-counting error of the announced meals (trial/carb_counting_error.hpp): in the trial, in the run-in.
  kCarbCountingError = 40,
  kScreeningCarbCountingError = 41,
};

class RandomStream {
 public:
  RandomStream(std::uint64_t seed, std::uint64_t subject_index, StreamPurpose purpose);

  // Uniform on the open interval (0, 1).
  double uniform();
  // Standard normal N(0, 1).
  double standard_normal();

 private:
  using Philox = r123::Philox4x32;
  void refill();

  Philox::key_type key_{};
  Philox::ctr_type counter_{};
  Philox::ctr_type block_{};
  int next_word_ = 4;  // index of the next unused 32-bit word in block_
  bool has_spare_normal_ = false;
  double spare_normal_ = 0.0;
};

}  // namespace isletsim
