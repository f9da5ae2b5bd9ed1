#include "trial/trial_runner.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "physiology/published_subjects.hpp"
#include "engine/ordered_executor.hpp"
#include "engine/simulation.hpp"
#include "trial/participant_simulation.hpp"
#include "trial/randomisation.hpp"
#include "trial/standard_care_intervention.hpp"
#include "trial/standard_day.hpp"
#include "trial/virtual_population.hpp"
#include "trial/visit_endpoints.hpp"

namespace isletsim {

const std::vector<std::string>& baseline_endpoint_names() {
  static const std::vector<std::string> names = {
      "hba1c_percent",        "mean_glucose_mg_dl",    "tir_70_180_percent",       "tbr_below_70_percent",
      "tbr_below_54_percent", "tar_above_180_percent", "cgm_level2_hypo_events",       "insulin_u_per_day",
      "insulin_independent",  "fasting_c_peptide_pmol_l", "stimulated_c_peptide_pmol_l", "min_plasma_glucose_mg_dl",
      "plasma_level2_hypo_events"};
  return names;
}

namespace {

struct Candidate {
  UvaPadovaParameters subject;
  int redraws = 0;
  double baseline_mean_glucose_mg_dl = 0;
  std::vector<EndpointValue> baseline;  // baseline_endpoint_names(), from the run-in
  std::string exclusion;                // empty: eligible
  double simulated_days = 0;            // screening work (ScreeningLog::simulated_screening_days)
};

UvaPadovaParameters candidate_subject(const TrialDefinition& trial, std::uint64_t index, int& redraws) {
  if (trial.cohort.population == "average_adult") {
    redraws = 0;
    UvaPadovaParameters subject = average_adult_t1d();
    subject.name = fmt::format("average_adult_{:05d}", index);
    return subject;
  }
  // Fitting is cheap (tens of subjects) next to a run-in, so each call fits; keeps the function pure.
  const VirtualPopulation population(trial.cohort.population, trial.cohort.reference_subjects);
  auto draw = population.sample(trial.seed, index, trial.cohort.max_redraws);
  redraws = draw.redraws;
  return std::move(draw.subject);
}

// The UVA/Padova 2008 model has no counter-regulation, so an over-insulinised participant's glucose can fall to 0;
// every endpoint after that would be meaningless, so the run stops with a message naming who and where.
// Screening: glucose below this on usual care excludes the candidate (assumption: far below survivable glucose).
constexpr double kLowestPlausibleMgDl = 10;
constexpr double kStandardDayDays = 3;  // the T1D graft standard day of the model-domain check (standard_day.hpp)
double value_of(const std::vector<EndpointValue>& values, const std::string& name) {
  for (const auto& v : values) {
    if (v.name == name) return v.value;
  }
  throw std::logic_error("endpoint not computed: " + name);
}

// What the run-in and the trial share in a participant's set-up: the subject, `days` of meals drawn from the
// `meals_stream` (and their carbohydrate-counting errors from `counting_stream` when the cohort has them), the
// trial's sensor, pump and hypoglycaemia treatment.
ParticipantSetup routine_setup(const TrialDefinition& trial, const UvaPadovaParameters& subject, std::uint64_t index,
                               int days, StreamPurpose meals_stream, StreamPurpose counting_stream) {
  RandomStream behaviour(trial.seed, index, meals_stream);
  ParticipantSetup setup;
  setup.subject = subject;
  setup.seed = trial.seed;
  setup.subject_index = index;
  setup.days = days;
  setup.meals = draw_meals(trial.routine, 0, days, behaviour);
  if (trial.cohort.carb_counting_error.active()) {
    RandomStream counting(trial.seed, index, counting_stream);
    setup.announced_carbs_g = announced_carbs_g(trial.cohort.carb_counting_error, setup.meals, counting);
  }
  setup.sensor = trial.sensor;
  setup.pump = trial.pump;
  setup.hypo_treatment = trial.hypo_treatment;
  return setup;
}

// The candidate's baseline and first failed criterion, from its run-in record.
void assess_run_in(const TrialDefinition& trial, Candidate& candidate, const ParticipantRecord& record) {
  // A candidate whose glucose collapses on its own usual care (a sampled physiology and CR/CF that do not fit
  // together) is excluded and counted, not enrolled.
  for (const auto& day : record.days) {
    if (!(day.min_plasma_glucose_mg_dl >= kLowestPlausibleMgDl)) {
      candidate.exclusion = "glucose_collapse_in_run_in";
      return;
    }
  }
  const int days = trial.cohort.run_in_days;
  candidate.baseline_mean_glucose_mg_dl = mean_plasma_glucose_mg_dl(record);
  // Baseline HbA1c (assumption): usual care held steady for longer than a red-cell lifespan before screening, so
  // the glycation model is at its steady state for the run-in mean plasma glucose.
  const double hba1c = HbA1cGlycation({}, candidate.baseline_mean_glucose_mg_dl).hba1c_percent();
  candidate.baseline = {{"hba1c_percent", hba1c}};
  for (auto& v : cgm_insulin_endpoints(record, days, 0)) candidate.baseline.push_back(std::move(v));
  // The UVA/Padova T1D model has no endogenous secretion (Kovatchev 2009): C-peptide is undetectable (0).
  candidate.baseline.push_back({"fasting_c_peptide_pmol_l", 0.0});
  candidate.baseline.push_back({"stimulated_c_peptide_pmol_l", 0.0});

  const EligibilityCriteria& criteria = trial.cohort.eligibility;
  if (criteria.hba1c_min_percent && hba1c < *criteria.hba1c_min_percent) {
    candidate.exclusion = "hba1c_below_min";
  } else if (criteria.hba1c_max_percent && hba1c > *criteria.hba1c_max_percent) {
    candidate.exclusion = "hba1c_above_max";
  } else if (criteria.c_peptide_max_pmol_l &&
             value_of(candidate.baseline, "fasting_c_peptide_pmol_l") > *criteria.c_peptide_max_pmol_l) {
    candidate.exclusion = "c_peptide_detectable";
  } else if (value_of(candidate.baseline, "cgm_level2_hypo_events") <
             static_cast<double>(criteria.min_cgm_level2_events_run_in)) {
    candidate.exclusion = "too_few_hypo_events_in_run_in";
  } else if (value_of(candidate.baseline, "plasma_level2_hypo_events") <
             static_cast<double>(criteria.min_plasma_level2_events_run_in)) {
    candidate.exclusion = "too_few_plasma_level2_events_in_run_in";
  }
}

// Candidates [first, first + count) screened in one care loop: the model-domain check first (three simulated days
// instead of the run-in's weeks), then the run-in on usual care (assumption, ours: basal-bolus pump therapy with the
// candidate's own settings) for those still in.
std::vector<Candidate> screen_candidates(const TrialDefinition& trial, const Backend& backend, std::uint64_t first,
                                         std::size_t count) {
  std::vector<Candidate> candidates(count);
  std::vector<UvaPadovaParameters> subjects;
  for (std::size_t k = 0; k < count; ++k) {
    candidates[k].subject = candidate_subject(trial, first + k, candidates[k].redraws);
    subjects.push_back(candidates[k].subject);
  }
  std::vector<std::size_t> running;
  if (trial.cohort.eligibility.plausible_with_normal_islets) {
    const auto days = simulate_t1d_graft_standard_days(subjects, 1.0, EndogenousInsulinRoute::kPortal, backend);
    for (std::size_t k = 0; k < count; ++k) {
      candidates[k].simulated_days += kStandardDayDays;
      if (plausible_with_normal_islets(days[k])) {
        running.push_back(k);
      } else {
        candidates[k].exclusion = "implausible_with_normal_islets";
      }
    }
  } else {
    for (std::size_t k = 0; k < count; ++k) running.push_back(k);
  }
  if (running.empty()) return candidates;

  ControllerConfig usual_care;
  usual_care.kind = ControllerKind::kBasalBolus;
  const StandardCareIntervention intervention(usual_care);
  std::vector<ParticipantSetup> setups;
  std::vector<std::unique_ptr<ParticipantTherapy>> therapies;
  std::vector<ParticipantTherapy*> therapy_of;
  for (const std::size_t k : running) {
    const std::uint64_t index = first + k;
    ParticipantSetup setup = routine_setup(trial, candidates[k].subject, index, trial.cohort.run_in_days,
                                           StreamPurpose::kScreeningBehaviour,
                                           StreamPurpose::kScreeningCarbCountingError);
    setup.sensor_stream = StreamPurpose::kScreeningSensorNoise;
    setups.push_back(std::move(setup));
    therapies.push_back(intervention.start(candidates[k].subject, trial.seed, index));
    therapy_of.push_back(therapies.back().get());
  }
  const std::vector<ParticipantRecord> records = simulate_participants(setups, therapy_of, backend);
  for (std::size_t r = 0; r < running.size(); ++r) {
    candidates[running[r]].simulated_days += static_cast<double>(records[r].days.size());
    assess_run_in(trial, candidates[running[r]], records[r]);
  }
  return candidates;
}

std::vector<EndpointValue> requested(const TrialDefinition& trial, int visit_day,
                                     const std::vector<EndpointValue>& available) {
  std::vector<EndpointValue> values;
  for (const auto& request : trial.endpoints) {
    if (std::find(request.visit_days.begin(), request.visit_days.end(), visit_day) == request.visit_days.end()) {
      continue;
    }
    values.push_back({request.name, value_of(available, request.name)});
  }
  return values;
}

// The participant's trial set-up: its routine over the trial's days, visits after day 0.
ParticipantSetup trial_setup(const TrialDefinition& trial, const Candidate& candidate, std::uint64_t candidate_index) {
  ParticipantSetup setup = routine_setup(trial, candidate.subject, candidate_index, trial.duration_days,
                                         StreamPurpose::kBehaviour, StreamPurpose::kCarbCountingError);
  for (const int day : trial.visit_days) {
    if (day > 0) setup.visit_days.push_back(day);
  }
  return setup;
}

// Endpoints at every visit from the participant's record.
ParticipantResult participant_result(const TrialDefinition& trial, const Candidate& candidate,
                                     std::uint64_t candidate_index, int arm, ParticipantRecord record) {
  ParticipantResult result;
  result.candidate_index = candidate_index;
  result.arm = arm;
  if (static_cast<int>(record.days.size()) < trial.duration_days) {
    // Withdrawn: the model ran out of glucose on the last simulated day; that day is not used.
    result.withdrawn_on_day = record.days.back().day;
    record.days.pop_back();
  }
  const int days_valid = static_cast<int>(record.days.size());
  const std::vector<double> hba1c = hba1c_by_day(record, candidate.baseline_mean_glucose_mg_dl);

  int previous_visit = 0;
  std::size_t therapy_visit = 0;
  for (const int day : trial.visit_days) {
    if (day == 0) {
      result.visits.push_back({0, requested(trial, 0, candidate.baseline)});
      continue;
    }
    if (day > days_valid) break;  // withdrawn before this visit
    std::vector<EndpointValue> available = {{"hba1c_percent", hba1c[static_cast<std::size_t>(day)]}};
    for (auto& v : cgm_insulin_endpoints(record, day, previous_visit)) available.push_back(std::move(v));
    for (const auto& v : record.therapy_endpoints[therapy_visit++]) available.push_back(v);
    result.visits.push_back({day, requested(trial, day, available)});
    previous_visit = day;
  }
  result.cgm_interval_min = record.cgm_interval_min;
  if (!result.withdrawn_on_day) {
    const auto per_day = static_cast<std::size_t>(1440.0 / record.cgm_interval_min);
    const std::size_t last = std::min(record.cgm_mg_dl.size(), per_day);
    result.last_day_cgm_mg_dl.assign(record.cgm_mg_dl.end() - static_cast<std::ptrdiff_t>(last), record.cgm_mg_dl.end());
  }
  return result;
}

// Enrolled participants [first, first + count) through one care loop, each in its allocated arm.
std::vector<ParticipantResult> run_participants(const TrialDefinition& trial, const Backend& backend,
                                                const std::vector<std::pair<std::uint64_t, Candidate>>& enrolled,
                                                const std::vector<int>& allocation, std::size_t first,
                                                std::size_t count) {
  std::vector<ParticipantSetup> setups;
  std::vector<std::unique_ptr<ParticipantTherapy>> therapies;
  std::vector<ParticipantTherapy*> therapy_of;
  for (std::size_t i = first; i < first + count; ++i) {
    const auto& [index, candidate] = enrolled[i];
    setups.push_back(trial_setup(trial, candidate, index));
    const auto& intervention = *trial.arms[static_cast<std::size_t>(allocation[i])].intervention;
    therapies.push_back(intervention.start(candidate.subject, trial.seed, index));
    therapy_of.push_back(therapies.back().get());
  }
  std::vector<ParticipantRecord> records = simulate_participants(setups, therapy_of, backend);
  std::vector<ParticipantResult> results;
  for (std::size_t k = 0; k < count; ++k) {
    const std::size_t i = first + k;
    results.push_back(
        participant_result(trial, enrolled[i].second, enrolled[i].first, allocation[i], std::move(records[k])));
  }
  return results;
}

// Batches of at most `width` of `count` items, [b * width, min(count, (b + 1) width)).
std::size_t batches_of(std::size_t count, std::size_t width) { return (count + width - 1) / width; }

}  // namespace

ScreeningLog run_trial(const TrialDefinition& trial, const TrialRunOptions& options,
                       const std::function<void(const ParticipantResult&)>& consume) {
  const Backend& backend = backend_named(options.backend.empty() ? trial.backend : options.backend);
  ScreeningLog log;
  const int max_screened = trial.cohort.max_screened > 0 ? trial.cohort.max_screened : 10 * trial.participants;
  std::vector<std::pair<std::uint64_t, Candidate>> enrolled;
  // Screen in rounds of candidates in index order; enrol the first eligible ones. Candidates screened beyond
  // the last one enrolled are discarded and not counted, so the log does not depend on the round or batch size.
  std::uint64_t next_candidate = 0;
  while (static_cast<int>(enrolled.size()) < trial.participants) {
    const int remaining_budget = max_screened - log.screened;
    if (remaining_budget <= 0) {
      throw std::runtime_error(fmt::format("only {} of {} participants eligible after screening {} candidates "
                                           "(cohort.max_screened); relax the eligibility criteria",
                                           enrolled.size(), trial.participants, log.screened));
    }
    // The round: the participants still needed plus an eighth (exclusions), at least 8; never the thread count, so
    // the same candidates are screened whatever the threads.
    const int needed = trial.participants - static_cast<int>(enrolled.size());
    const auto count = static_cast<std::size_t>(std::min(remaining_budget, std::max(8, needed + needed / 8 + 2)));
    const std::size_t width = options.batch_width > 0 ? options.batch_width : batch_width_for(count, options.threads);
    const std::uint64_t first = next_candidate;
    run_ordered<std::vector<Candidate>>(
        batches_of(count, width), options.threads,
        [&](std::size_t b) { return screen_candidates(trial, backend, first + b * width, std::min(width, count - b * width)); },
        [&](std::size_t b, std::vector<Candidate>&& batch) {
          for (const Candidate& candidate : batch) log.simulated_screening_days += candidate.simulated_days;
          for (std::size_t k = 0; k < batch.size(); ++k) {
            if (static_cast<int>(enrolled.size()) >= trial.participants) return;
            Candidate& candidate = batch[k];
            ++log.screened;
            log.parameter_redraws += candidate.redraws;
            if (!candidate.exclusion.empty()) {
              ++log.exclusions[candidate.exclusion];
              continue;
            }
            ++log.eligible;
            enrolled.emplace_back(first + b * width + k, std::move(candidate));
          }
        });
    next_candidate += count;
  }
  log.enrolled = static_cast<int>(enrolled.size());

  std::vector<int> ratio;
  for (const auto& arm : trial.arms) ratio.push_back(arm.allocation_ratio);
  const std::vector<int> allocation =
      permuted_block_allocation(trial.participants, ratio, trial.block_multiplier, trial.seed);

  const std::size_t total = enrolled.size();
  const std::size_t width = options.batch_width > 0 ? options.batch_width : batch_width_for(total, options.threads);
  std::size_t done = 0;
  run_ordered<std::vector<ParticipantResult>>(
      batches_of(total, width), options.threads,
      [&](std::size_t b) {
        return run_participants(trial, backend, enrolled, allocation, b * width, std::min(width, total - b * width));
      },
      [&](std::size_t b, std::vector<ParticipantResult>&& results) {
        for (std::size_t k = 0; k < results.size(); ++k) {
          results[k].subject_id = fmt::format("s{:04d}", b * width + k + 1);
          consume(results[k]);
          ++done;
          if (options.progress) options.progress(done, total);
        }
      });
  return log;
}

}  // namespace isletsim
