// Importer for Nightscout entries (the JSON of /api/v1/entries.json, or of API v3 {"result": [...]}).
//
// Each entry is an object; entries whose "type" is not "sgv" (meter "mbg", calibration "cal", ...) are skipped and
// counted. A sensor glucose entry has "sgv" (mg/dl, a number or numeric string; values 0-12 are the Dexcom error
// codes Nightscout stores in sgv and are skipped), "date" (milliseconds since 1970-01-01 UTC; if absent,
// "dateString" in ISO 8601 is used) and optionally "direction" (the trend arrow: DoubleUp ... DoubleDown, Flat,
// NONE, "NOT COMPUTABLE", "RATE OUT OF RANGE"; kept per reading; unknown names are kept and noted).
// Nightscout stores UTC; the local wall-clock time is UTC + offset, with the offset taken from, in this order:
// CgmImportOptions::utc_offset_min (--utc-offset), the entry's "utcOffset" (minutes), the offset written in its
// "dateString"; otherwise 0 (UTC) with a note. Errors name the file, the line and the key, e.g. "[12].sgv".
// Documents nested deeper than 64 levels are refused (no valid export is).
#pragma once

#include <string>
#include <string_view>

#include "cgm/cgm_trace.hpp"

namespace isletsim {

CgmTrace import_nightscout_json(std::string_view content, const std::string& file_name,
                                const CgmImportOptions& options = {});

}  // namespace isletsim
