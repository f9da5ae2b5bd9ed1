// CgmTrace: the readings of one CGM export after import -- glucose in mg/dl at local wall-clock minutes -- plus
// what the importer had to decide about the file (so reports can say it).
//
// Defined behaviour of every importer (tests/cgm and docs of each importer):
//  - time: timestamps are kept as the wearer's local wall-clock minutes (what the device showed); the UTC offset,
//    when known (from the file, or from the user's --utc-offset), is kept beside them, never applied silently;
//  - unsorted rows are sorted by time (a note says so);
//  - duplicates (two readings at the same minute and second) keep the first reading in file order (note);
//  - gaps are kept; metrics on a regular grid leave gaps > 45 min empty (see analysis/regular_glucose_grid.hpp);
//  - "Low"/"High" readings (below/above the sensor's range) become the range limit of that format (note);
//  - a last line cut short (no end-of-line and too few fields: a truncated download) is dropped with a note; a short
//    or malformed row anywhere else is an InputError naming file, line and column;
//  - a file with no readings at all is an InputError.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/glucose_series.hpp"

namespace isletsim {

enum class GlucoseUnit { kMgDl, kMmolL };

struct CgmImportOptions {
  // Minutes east of UTC of the wearer's clock. For formats stored in UTC (Nightscout) it turns UTC into local
  // wall-clock time (overriding the file's own utcOffset); for formats stored in local time it is only recorded.
  std::optional<int> utc_offset_min;
  // Units of a plain CSV whose header does not say; nothing = decide from the header, else mg/dl unless every
  // value is <= 35 (then mmol/l, with a note).
  std::optional<GlucoseUnit> plain_units;
};

struct CgmTrace {
  std::string source_file;
  std::string format;                     // "dexcom", "libre", "nightscout", "plain"
  std::vector<GlucoseSample> samples;     // sorted by time, no duplicate times, mg/dl
  std::vector<std::string> trend_arrows;  // per sample when the file has them (Nightscout direction), else empty
  std::optional<int> utc_offset_min;      // minutes east of UTC, when known
  GlucoseUnit file_units = GlucoseUnit::kMgDl;
  int low_readings = 0;                   // "Low" readings replaced by the lower limit
  int high_readings = 0;                  // "High" readings replaced by the upper limit
  int duplicates_dropped = 0;
  int rows_skipped = 0;                   // rows that are not glucose readings (events, metadata, other records)
  bool was_unsorted = false;
  bool truncated_last_line = false;
  std::vector<std::string> notes;         // human-readable notes about the decisions above
};

// One line of a text file with its 1-based number; `terminated` is false for a last line without end-of-line.
struct TextLine {
  std::string text;  // without the end-of-line characters and (on line 1) without a UTF-8 byte-order mark
  int number = 0;
  bool terminated = true;
};
std::vector<TextLine> split_text_lines(std::string_view content);

// Sorts, removes duplicate times and fills the notes; throws InputError (file only) when there are no readings.
void finish_cgm_trace(CgmTrace& trace, std::vector<std::string> trend_arrows = {});

// Reads a whole file into memory; throws InputError when it cannot be read.
std::string read_text_file(const std::string& path);

std::string_view trim_spaces(std::string_view text);
std::string lower_ascii(std::string_view text);

}  // namespace isletsim
