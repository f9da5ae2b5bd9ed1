// Importer for a plain CSV of timestamps and glucose values -- the simplest exchange format, e.g. iglu's
// "id,time,gl" example data or a simulated sensor trace written by hand.
//
// Layout: a header row, then one reading per row, comma-separated (RFC 4180 quoting). A file whose first row is
// already a reading with exactly two fields (time, glucose) is read without a header (with a note). The time column is the first
// whose name is one of time, timestamp, datetime, date_time, date; the glucose column the first named gl, glucose,
// sgv, value, bg, or starting with "glucose" (e.g. "glucose_mg_dl", "Glucose (mmol/L)"). Units: a glucose column
// name with "mmol" means mmol/l, with "mg" mg/dl; otherwise CgmImportOptions::plain_units, else mg/dl unless every
// value is <= 35 (then mmol/l, with a note). Timestamps: "YYYY-MM-DD HH:MM[:SS]" or ISO 8601 ("T", fractions,
// "Z"/"+01:00": the wall-clock part is kept and the offset recorded). Empty or "NA" glucose cells are skipped.
// Other rules (sorting, duplicates, truncation) in cgm/cgm_trace.hpp.
#pragma once

#include <string>
#include <string_view>

#include "cgm/cgm_trace.hpp"

namespace isletsim {

CgmTrace import_plain_csv(std::string_view content, const std::string& file_name,
                          const CgmImportOptions& options = {});

}  // namespace isletsim
