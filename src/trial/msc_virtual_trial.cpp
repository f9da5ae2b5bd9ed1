// Virtual MSC trials and their meta-analysis: see msc_virtual_trial.hpp.
#include "trial/msc_virtual_trial.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/input_error.hpp"
#include "core/random_stream.hpp"
#include "physiology/dalla_man_2007_subjects.hpp"
#include "engine/ordered_executor.hpp"

namespace isletsim {

namespace {

[[noreturn]] void fail(const std::string& key, const std::string& problem) { throw InputError({"", 0, key}, problem); }

// Re-raises an InputError from a nested validator with the key prefixed.
template <class F>
void with_prefix(const std::string& prefix, F&& check) {
  try {
    check();
  } catch (const InputError& e) {
    fail(prefix + e.location().key, e.problem());
  }
}

constexpr std::uint64_t kTrialIndexStride = std::uint64_t{1} << 20;

MscTherapyDesign scaled_design(const MscTrialDesign& trial, double response) {
  MscTherapyDesign d;
  d.infusions = trial.infusions;
  d.parameters = trial.effect;
  d.parameters.insulin_sensitivity_gain *= response;
  d.parameters.beta_cell_function_gain *= response;
  d.parameters.apoptosis_reduction_gain *= response;
  return d;
}

}  // namespace

const char* msc_endpoint_name(MscEndpoint endpoint) {
  switch (endpoint) {
    case MscEndpoint::kHbA1c:
      return "hba1c_percent";
    case MscEndpoint::kTotalInsulin:
      return "insulin_u_per_day";
    case MscEndpoint::kFastingCPeptide:
      return "fasting_c_peptide_nmol_l";
    case MscEndpoint::kFastingGlucose:
      return "fasting_glucose_mg_dl";
  }
  return "";
}

double msc_endpoint_value(const Type2Visit& v, MscEndpoint endpoint) {
  switch (endpoint) {
    case MscEndpoint::kHbA1c:
      return v.hba1c_percent;
    case MscEndpoint::kTotalInsulin:
      return v.basal_insulin_u_per_day + v.prandial_insulin_u_per_day;  // total daily dose
    case MscEndpoint::kFastingCPeptide:
      return v.fasting_c_peptide_nmol_l;
    case MscEndpoint::kFastingGlucose:
      return v.fasting_glucose_mg_dl;
  }
  return 0;
}

PublishedPooledResult kashbour_2025_pooled(MscEndpoint endpoint) {
  switch (endpoint) {  // Kashbour et al. 2025, 12 months (TRIAL_TARGETS.md)
    case MscEndpoint::kHbA1c:
      return {-0.72, -1.11, -0.33, 0.56};
    case MscEndpoint::kTotalInsulin:
      return {-14.5, -19.45, -9.55, 0.0};
    case MscEndpoint::kFastingCPeptide:
      return {0.24, 0.05, 0.43, 0.93};
    case MscEndpoint::kFastingGlucose:
      return {-6.22, -24.23, 11.79, 0.81};
  }
  return {0, 0, 0, 0};
}

void validate_msc_trial_set(const MscTrialSet& set) {
  with_prefix("cohort.", [&] { validate_type2_cohort_spread(set.cohort_spread); });
  with_prefix("care.", [&] { validate_type2_care_plan(set.care); });
  if (set.trials.empty()) fail("trials", "at least one trial is needed");
  for (std::size_t t = 0; t < set.trials.size(); ++t) {
    const MscTrialDesign& trial = set.trials[t];
    const std::string prefix = "trials[" + std::to_string(t) + "].";
    if (trial.participants_per_arm < 2 ||
        static_cast<std::uint64_t>(trial.participants_per_arm) * 2 >= kTrialIndexStride) {
      fail(prefix + "participants_per_arm",
           "must be at least 2 (and below 524288), got " + std::to_string(trial.participants_per_arm));
    }
    if (trial.follow_up_days < 1)
      fail(prefix + "follow_up_days", "must be at least 1, got " + std::to_string(trial.follow_up_days));
    if (trial.infusions.empty()) fail(prefix + "infusions", "the MSC arm needs at least one infusion");
    if (!std::isfinite(trial.response_cv) || trial.response_cv < 0) {
      fail(prefix + "response_cv", "must be a coefficient of variation >= 0, got " + std::to_string(trial.response_cv));
    }
    with_prefix(prefix, [&] { validate_msc_therapy(scaled_design(trial, 1.0)); });
  }
}

MscMetaAnalysis run_msc_trials(const MscTrialSet& set, unsigned threads) {
  validate_msc_trial_set(set);
  const MealModelParameters published = dalla_man_2007_average_type2();
  struct Job {
    int trial;
    int index;
  };
  std::vector<Job> jobs;
  for (std::size_t t = 0; t < set.trials.size(); ++t) {
    for (int i = 0; i < 2 * set.trials[t].participants_per_arm; ++i) jobs.push_back({static_cast<int>(t), i});
  }
  MscMetaAnalysis result;
  result.participants.reserve(jobs.size());
  run_ordered<MscTrialParticipant>(
      jobs.size(), threads,
      [&](std::size_t j) {
        const Job job = jobs[j];
        const MscTrialDesign& trial = set.trials[static_cast<std::size_t>(job.trial)];
        const std::uint64_t cohort_index =
            static_cast<std::uint64_t>(job.trial) * kTrialIndexStride + static_cast<std::uint64_t>(job.index);
        MscTrialParticipant p;
        p.trial = job.trial;
        p.index = job.index;
        p.msc_arm = job.index % 2 == 1;
        p.knobs = sample_type2_knobs(set.seed, cohort_index, set.cohort_spread);
        RandomStream response_stream(set.seed, cohort_index, StreamPurpose::kMscResponse);
        const double sigma = lognormal_sigma_for_cv(trial.response_cv);
        p.response_multiplier = std::exp(sigma * response_stream.standard_normal() - 0.5 * sigma * sigma);  // mean 1
        const MscTherapyDesign design = scaled_design(trial, p.response_multiplier);
        p.outcome = simulate_type2_participant(published, p.knobs, p.msc_arm ? &design : nullptr, set.care,
                                               trial.follow_up_days);
        return p;
      },
      [&](std::size_t, MscTrialParticipant p) { result.participants.push_back(std::move(p)); });

  std::array<std::vector<TrialEffect>, kMscEndpointCount> effects;
  for (std::size_t t = 0; t < set.trials.size(); ++t) {
    MscTrialResult trial_result;
    trial_result.design = set.trials[t];
    for (int e = 0; e < kMscEndpointCount; ++e) {
      const auto endpoint = static_cast<MscEndpoint>(e);
      std::vector<double> placebo;
      std::vector<double> msc;
      for (const MscTrialParticipant& p : result.participants) {
        if (p.trial != static_cast<int>(t)) continue;
        const double change =
            msc_endpoint_value(p.outcome.end, endpoint) - msc_endpoint_value(p.outcome.baseline, endpoint);
        (p.msc_arm ? msc : placebo).push_back(change);
      }
      MscTrialEndpointResult& r = trial_result.endpoints[static_cast<std::size_t>(e)];
      r.placebo_change = summarise_arm(placebo);
      r.msc_change = summarise_arm(msc);
      r.difference = welch_mean_difference(msc, placebo);
      r.standard_error =
          std::sqrt(r.msc_change.standard_deviation * r.msc_change.standard_deviation / r.msc_change.n +
                    r.placebo_change.standard_deviation * r.placebo_change.standard_deviation / r.placebo_change.n);
      // A zero SE (identical changes in both arms) cannot be weighted: give it a tiny floor (documented).
      effects[static_cast<std::size_t>(e)].push_back({r.difference.estimate, std::max(r.standard_error, 1e-12)});
    }
    result.trials.push_back(std::move(trial_result));
  }
  for (int e = 0; e < kMscEndpointCount; ++e) {
    result.pooled[static_cast<std::size_t>(e)] = dersimonian_laird(effects[static_cast<std::size_t>(e)]);
  }
  return result;
}

}  // namespace isletsim
