// Importer for Dexcom CSV exports.
//
// Two header generations are read:
//  1. Dexcom Clarity (2016 onwards): a header "Index,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Event Subtype,
//     Patient Info,Device Info,Source Device ID,Glucose Value (mg/dL),Insulin Value (u),Carb Value (grams),Duration
//     (hh:mm:ss),Glucose Rate of Change (mg/dL/min),Transmitter Time (Long Integer)[,Transmitter ID]" -- glucose in
//     "(mg/dL)" or "(mmol/L)"; the first rows are patient/device metadata with an empty timestamp, then one row per
//     event. Only rows whose Event Type is "EGV" (estimated glucose value) are readings; calibrations, insulin,
//     carbs, alerts and metadata rows are skipped and counted.
//  2. Dexcom Studio / early Clarity "legacy" exports: tab- or comma-separated with columns "GlucoseDisplayTime" and
//     "GlucoseValue" (mg/dl), e.g. "PatientInfoField\tPatientInfoValue\tGlucoseInternalTime\tGlucoseDisplayTime\t
//     GlucoseValue\t...". Rows with an empty GlucoseDisplayTime (meter-only rows) are skipped.
// Values "Low" and "High" (outside the sensor's 40-400 mg/dl range, Dexcom G6/G7 user guides) become 40 and 400
// mg/dl (2.2 / 22.2 mmol/l), counted in the trace. Timestamps are the receiver's local wall-clock time.
// Other rules (sorting, duplicates, truncation) in cgm/cgm_trace.hpp.
#pragma once

#include <string>
#include <string_view>

#include "cgm/cgm_trace.hpp"

namespace isletsim {

inline constexpr double kDexcomLowReadingMgDl = 40.0;
inline constexpr double kDexcomHighReadingMgDl = 400.0;

CgmTrace import_dexcom_clarity_csv(std::string_view content, const std::string& file_name,
                                   const CgmImportOptions& options = {});

// True when the first line looks like a Dexcom export header (for format auto-detection).
bool looks_like_dexcom_header(std::string_view first_line);

}  // namespace isletsim
