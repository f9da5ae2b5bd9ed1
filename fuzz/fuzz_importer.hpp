// Shared body of the importer fuzz targets: import the bytes, and on success run the metrics a user would get
// (on short spans only, so that a fuzzed timestamp in year 2200 does not make each run allocate a century-long
// grid). Bad input must end in InputError -- anything else (a crash, a sanitizer report, another exception)
// is a bug.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analysis/cgm_summary_metrics.hpp"
#include "analysis/regular_glucose_grid.hpp"
#include "analysis/cgm_episodes.hpp"
#include "analysis/mage.hpp"
#include "cgm/cgm_import.hpp"
#include "core/input_error.hpp"

namespace isletsim::fuzzing {

inline int run_importer(const std::uint8_t* data, std::size_t size, CgmFormat format) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  try {
    const CgmTrace trace = import_cgm(content, "fuzz-input", format);
    const CgmSummary summary = summarize_cgm(trace.samples);
    if (summary.span_days < 30) {
      const RegularGlucoseGrid grid = make_regular_glucose_grid(trace.samples);
      (void)consensus_episodes(grid);
      (void)mean_amplitude_of_glycemic_excursions(grid);
    }
  } catch (const InputError&) {
    // expected for malformed input
  }
  return 0;
}

}  // namespace isletsim::fuzzing
