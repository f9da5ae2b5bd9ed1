// Every surrogate index that one person's measurements allow (analysis/surrogate_indices.hpp, and the
// minimal-model S_I of analysis/minimal_model_fit.hpp for an IVGTT), with the reason for each one that they do not.
//
// Which samples feed which index:
//   fasting values (HOMA1-IR, HOMA1-%B, QUICKI): the mean of the `fasting` samples (Matthews 1985 averaged three
//     basal samples); without any, the OGTT's t = 0 sample, else the IVGTT's t = 0 sample.
//   OGTT: Matsuda ISI, insulinogenic index, oral disposition indices.
//   IVGTT: AIRg; S_G and S_I from the minimal-model fit (basal = t = 0 sample, glucose from 8 min); IV DI = AIRg x S_I.
//   clamp: M value, without and with the space correction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/glucose_test_samples.hpp"

namespace isletsim {

struct IndexResult {
  std::string key;                            // stable machine name, e.g. "homa1_ir"
  std::string name;                           // e.g. "HOMA1-IR"
  std::optional<double> value;                // absent when the data do not allow the index
  std::optional<double> standard_error;       // only for fitted quantities
  std::string units;                          // "1" for dimensionless
  std::string source;                         // which samples were used
  std::string reference;                      // the defining paper
  std::string reason_not_computed;            // why value is absent
};

// One entry per index of the tests present in the data (an absent test contributes no entries).
std::vector<IndexResult> compute_surrogate_indices(const GlucoseTestSet& data);

}  // namespace isletsim
