// Virtual type 1 populations: sampling new UVA/Padova subjects from a multivariate distribution of parameters.
//
// Published material: the UVA/Padova simulator's population covariance (Kovatchev et al. 2009, J Diabetes Sci
// Technol 3:44; Visentin et al. 2018, J Diabetes Sci Technol 12:273) is not published as a table. What is
// openly available is simglucose's 30 virtual subjects (10 adults, 10 adolescents, 10 children; MIT licence),
// which the project does NOT ship. So (assumption, ours) a population is fitted at run time from a
// vpatient_params.csv / Quest.csv pair the user points at: on transformed parameters (log for positive ones,
// logit for the fractions b, d, f) the mean vector and the sample covariance of the age group's subjects,
// i.e. a multivariate lognormal (logit-normal for fractions) that keeps the correlations between parameters.
//
// Sampling: with n reference subjects the sample covariance S = D D^T / (n - 1) (D: centred columns) has rank
// n - 1 < number of parameters, so it has no Cholesky factor; x = mean + D w / sqrt(n - 1), w ~ N(0, I_n), is
// exactly N(mean, S) (E[x] = mean, Cov[x] = D D^T / (n - 1) = S) and needs no factorisation.
//
// Each draw is completed by the basal steady state (Dalla Man 2007 basal constraints, set_basal_steady_state)
// at the drawn basal glucose Gb and basal insulin Ib, and kept only if physiologically valid; otherwise it is
// drawn again from the same stream (a counted redraw, with a limit). Subject i's parameters come from
// RandomStream(seed, i, kCohortSampling) alone, whatever the thread count or cohort split.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "physiology/uva_padova_parameters.hpp"

namespace isletsim {

class VirtualPopulation {
 public:
  // Fitted from reference subjects (with their Ib, initial state, CR and CF filled). Needs >= 2 subjects.
  VirtualPopulation(std::string name, std::span<const UvaPadovaParameters> reference_subjects);

  const std::string& name() const { return name_; }
  std::size_t reference_count() const { return reference_count_; }
  // Transformed-parameter mean and covariance (row-major), in the order of transformed_parameter_names().
  const std::vector<double>& transformed_mean() const { return mean_; }
  std::vector<double> transformed_covariance() const;
  static std::vector<std::string> transformed_parameter_names();

  // Transformed parameter vector of one subject (exposed for tests).
  static std::vector<double> transform(const UvaPadovaParameters& subject);
  // A subject from a transformed vector: parameters set, then the basal steady state. Not checked.
  static UvaPadovaParameters from_transformed(std::span<const double> values, const std::string& name);

  struct Draw {
    UvaPadovaParameters subject;
    int redraws = 0;  // invalid draws rejected before this one
  };
  // Subject `index` of a cohort with this seed. Throws std::runtime_error after `max_redraws` invalid draws.
  Draw sample(std::uint64_t seed, std::uint64_t index, int max_redraws = 100) const;

 private:
  std::string name_;
  std::size_t reference_count_ = 0;
  std::vector<double> mean_;
  std::vector<std::vector<double>> deviations_;  // D's columns: one per reference subject, already / sqrt(n - 1)
};

// Why a subject is not physiologically valid (empty string: valid). Checks: every parameter finite and > 0
// (fractions in (0, 1) with d < b), a positive basal steady state (Gt_b, EGP_b, basal insulin u_b all > 0), basal
// glucose in a plausible fasting range for people with T1D on basal insulin (70..250 mg/dl, assumption), and
// positive therapy settings (CR, CF).
std::string physiological_invalidity(const UvaPadovaParameters& subject);

}  // namespace isletsim
