// The CGM importers on sample exports made for these tests (tests/data/cgm): every header generation, units,
// Low/High readings, record types, locales, duplicates, unsorted rows, gaps, truncated files and bad values.
#include <gtest/gtest.h>

#include "cgm/cgm_import.hpp"
#include "cgm/dexcom_clarity_importer.hpp"
#include "cgm/libreview_importer.hpp"
#include "cgm/nightscout_importer.hpp"
#include "cgm/plain_csv_importer.hpp"
#include "core/civil_time.hpp"
#include "core/input_error.hpp"
#include "core/units.hpp"
#include "test_support.hpp"

namespace isletsim {
namespace {

std::string sample_path(const std::string& name) { return testing::source_path("tests/data/cgm/" + name).string(); }

CgmTrace import_sample(const std::string& name, CgmFormat format = CgmFormat::kAuto, CgmImportOptions options = {}) {
  return import_cgm_file(sample_path(name), format, options);
}

std::string time_text(const CgmTrace& trace, std::size_t index) {
  return format_wall_clock(trace.samples.at(index).time_min);
}

// Expects an InputError whose location names the line and key.
void expect_input_error(const std::string& name, CgmFormat format, int line, const std::string& key) {
  try {
    import_sample(name, format);
    ADD_FAILURE() << name << ": expected an InputError";
  } catch (const InputError& error) {
    EXPECT_EQ(error.location().file, sample_path(name)) << error.what();
    EXPECT_EQ(error.location().line, line) << error.what();
    EXPECT_EQ(error.location().key, key) << error.what();
  }
}

TEST(CgmDexcomImporter, ReadsClarityG6WithLowHighDuplicatesAndUnsortedRows) {
  const CgmTrace trace = import_sample("dexcom_clarity_g6_mgdl.csv");
  EXPECT_EQ(trace.format, "dexcom");
  ASSERT_EQ(trace.samples.size(), 7u);
  EXPECT_EQ(time_text(trace, 0), "2023-03-15 08:00:12");
  EXPECT_DOUBLE_EQ(trace.samples[0].glucose_mg_dl, 112);
  EXPECT_DOUBLE_EQ(trace.samples[2].glucose_mg_dl, kDexcomLowReadingMgDl);  // "Low" at 08:10:12
  EXPECT_EQ(time_text(trace, 3), "2023-03-15 08:15:12");                    // row 11 came after row 10
  EXPECT_DOUBLE_EQ(trace.samples[4].glucose_mg_dl, 125);                    // duplicate 08:20:12: first kept
  EXPECT_DOUBLE_EQ(trace.samples[5].glucose_mg_dl, kDexcomHighReadingMgDl);
  EXPECT_EQ(trace.low_readings, 1);
  EXPECT_EQ(trace.high_readings, 1);
  EXPECT_EQ(trace.duplicates_dropped, 1);
  EXPECT_TRUE(trace.was_unsorted);
  EXPECT_EQ(trace.rows_skipped, 8);  // 5 metadata/alert rows, calibration, insulin, carbs
  EXPECT_EQ(trace.file_units, GlucoseUnit::kMgDl);
  EXPECT_FALSE(trace.notes.empty());
}

TEST(CgmDexcomImporter, ReadsOlderClarityInMmolPerLitre) {
  const CgmTrace trace = import_sample("dexcom_clarity_g5_mmol.csv", CgmFormat::kDexcom);
  ASSERT_EQ(trace.samples.size(), 4u);
  EXPECT_EQ(trace.file_units, GlucoseUnit::kMmolL);
  EXPECT_DOUBLE_EQ(trace.samples[0].glucose_mg_dl, 6.2 * units::kMgDlPerMmolL);
  EXPECT_EQ(time_text(trace, 1), "2019-11-03 00:00:00");
  EXPECT_DOUBLE_EQ(trace.samples[2].glucose_mg_dl, 40.0);
  EXPECT_DOUBLE_EQ(trace.samples[3].glucose_mg_dl, 400.0);
}

TEST(CgmDexcomImporter, ReadsLegacyStudioExport) {
  const CgmTrace trace = import_sample("dexcom_studio_legacy.tsv");
  EXPECT_EQ(trace.format, "dexcom");
  ASSERT_EQ(trace.samples.size(), 3u);
  EXPECT_EQ(time_text(trace, 0), "2014-05-01 09:00:00");  // display time, not internal time
  EXPECT_DOUBLE_EQ(trace.samples[1].glucose_mg_dl, 150);
  EXPECT_DOUBLE_EQ(trace.samples[2].glucose_mg_dl, 40);
  EXPECT_EQ(trace.rows_skipped, 1);  // the meter-only row
}

TEST(CgmDexcomImporter, DropsATruncatedLastLine) {
  const CgmTrace trace = import_sample("dexcom_truncated.csv");
  EXPECT_EQ(trace.samples.size(), 2u);
  EXPECT_TRUE(trace.truncated_last_line);
}

TEST(CgmDexcomImporter, NamesLineAndColumnOfBadRows) {
  expect_input_error("dexcom_bad_value.csv", CgmFormat::kDexcom, 3, "Glucose Value (mg/dL)");
  expect_input_error("dexcom_short_row.csv", CgmFormat::kDexcom, 3, "");
  expect_input_error("plain_iglu_style.csv", CgmFormat::kDexcom, 1, "");  // not a Dexcom header
}

TEST(CgmLibreImporter, ReadsUsExportWithRecordTypesLoHiAndScans) {
  const CgmTrace trace = import_sample("libreview_us_mgdl.csv");
  EXPECT_EQ(trace.format, "libre");
  ASSERT_EQ(trace.samples.size(), 7u);
  EXPECT_EQ(time_text(trace, 0), "2023-03-14 23:59:00");
  EXPECT_EQ(time_text(trace, 1), "2023-03-15 00:14:00");  // 12:14 AM
  EXPECT_DOUBLE_EQ(trace.samples[2].glucose_mg_dl, kLibreLowReadingMgDl);
  EXPECT_DOUBLE_EQ(trace.samples[3].glucose_mg_dl, 62);  // a scan (record type 1)
  EXPECT_EQ(time_text(trace, 5), "2023-03-15 12:59:00");  // 12:59 PM
  EXPECT_DOUBLE_EQ(trace.samples[5].glucose_mg_dl, kLibreHighReadingMgDl);
  EXPECT_DOUBLE_EQ(trace.samples[6].glucose_mg_dl, 310);  // historic kept, the scan at the same minute dropped
  EXPECT_EQ(trace.duplicates_dropped, 1);
  EXPECT_EQ(trace.rows_skipped, 3);  // food, insulin, note
  EXPECT_EQ(trace.low_readings, 1);
  EXPECT_EQ(trace.high_readings, 1);
}

TEST(CgmLibreImporter, ReadsDayFirstMmolExport) {
  const CgmTrace trace = import_sample("libreview_eu_mmol.csv");
  ASSERT_EQ(trace.samples.size(), 4u);  // the strip reading (type 2) is not CGM
  EXPECT_EQ(trace.file_units, GlucoseUnit::kMmolL);
  EXPECT_EQ(time_text(trace, 0), "2023-03-13 08:00:00");
  EXPECT_DOUBLE_EQ(trace.samples[3].glucose_mg_dl, 6.6 * units::kMgDlPerMmolL);
}

TEST(CgmLibreImporter, ReadsGermanSemicolonExportWithDecimalCommas) {
  const CgmTrace trace = import_sample("libreview_de_semicolon.csv");
  EXPECT_EQ(trace.format, "libre");
  ASSERT_EQ(trace.samples.size(), 4u);
  EXPECT_EQ(time_text(trace, 0), "2023-03-01 06:00:00");  // dotted dates are day first
  EXPECT_DOUBLE_EQ(trace.samples[0].glucose_mg_dl, 4.9 * units::kMgDlPerMmolL);
  EXPECT_DOUBLE_EQ(trace.samples[2].glucose_mg_dl, 5.4 * units::kMgDlPerMmolL);  // scan
  ASSERT_FALSE(trace.notes.empty());
  EXPECT_NE(trace.notes.front().find("ambiguous"), std::string::npos);
}

TEST(CgmLibreImporter, ReadsFilesResavedWithoutTheMetadataLine) {
  const CgmTrace trace = import_sample("libreview_without_metadata_line.csv");
  EXPECT_EQ(trace.format, "libre");
  ASSERT_EQ(trace.samples.size(), 4u);
  EXPECT_EQ(time_text(trace, 0), "2023-03-13 08:00:00");
}

TEST(CgmLibreImporter, NamesLineAndKeyOfBadRecordType) {
  expect_input_error("libreview_bad_record_type.csv", CgmFormat::kLibre, 4, "Record Type");
}

TEST(CgmNightscoutImporter, ReadsSgvEntriesIntoLocalTimeWithDirections) {
  const CgmTrace trace = import_sample("nightscout_entries.json");
  EXPECT_EQ(trace.format, "nightscout");
  ASSERT_EQ(trace.samples.size(), 4u);
  // 1678867200000 ms = 2023-03-15T08:00:00Z; utcOffset -300 min -> 03:00 local.
  EXPECT_EQ(time_text(trace, 0), "2023-03-15 03:00:00");
  EXPECT_DOUBLE_EQ(trace.samples[0].glucose_mg_dl, 112);
  EXPECT_DOUBLE_EQ(trace.samples[3].glucose_mg_dl, 150);  // sgv given as a string
  ASSERT_EQ(trace.trend_arrows.size(), 4u);
  EXPECT_EQ(trace.trend_arrows[0], "Flat");
  EXPECT_EQ(trace.trend_arrows[1], "FortyFiveUp");
  EXPECT_EQ(trace.trend_arrows[3], "DoubleUp");
  EXPECT_EQ(trace.utc_offset_min, -300);
  EXPECT_EQ(trace.duplicates_dropped, 1);
  EXPECT_EQ(trace.rows_skipped, 1);  // the meter (mbg) entry
  EXPECT_TRUE(trace.was_unsorted);
}

TEST(CgmNightscoutImporter, UserOffsetOverridesTheEntries) {
  CgmImportOptions options;
  options.utc_offset_min = 60;
  const CgmTrace trace = import_sample("nightscout_entries.json", CgmFormat::kNightscout, options);
  EXPECT_EQ(time_text(trace, 0), "2023-03-15 09:00:00");
  EXPECT_EQ(trace.utc_offset_min, 60);
}

TEST(CgmNightscoutImporter, UsesDateStringOffsetOrUtc) {
  const CgmTrace trace = import_sample("nightscout_no_offset.json");
  ASSERT_EQ(trace.samples.size(), 2u);
  EXPECT_EQ(time_text(trace, 0), "2023-03-15 08:00:00");  // no offset known: UTC, with a note
  EXPECT_EQ(time_text(trace, 1), "2023-03-15 09:05:00");  // its own +01:00
  EXPECT_GE(trace.notes.size(), 2u);
}

TEST(CgmNightscoutImporter, NamesLineAndKeyOfErrors) {
  expect_input_error("nightscout_bad_sgv.json", CgmFormat::kAuto, 3, "[1].sgv");
  expect_input_error("nightscout_truncated.json", CgmFormat::kAuto, 3, "");
}

TEST(CgmNightscoutImporter, RejectsNumbersOutOfRangeAsBadInput) {
  // Found by nightscout_importer_fuzzer: "date": 1678e67200000 overflows a double; the JSON library raises
  // out_of_range (not parse_error), which must still become an InputError.
  EXPECT_THROW(import_sample("nightscout_fuzz_number_overflow.json"), InputError);
}

TEST(CgmPlainImporter, SortsDeduplicatesAndConvertsMmol) {
  const CgmTrace trace = import_sample("plain_mmol_unsorted.csv");
  EXPECT_EQ(trace.format, "plain");
  ASSERT_EQ(trace.samples.size(), 4u);
  EXPECT_DOUBLE_EQ(trace.samples[0].glucose_mg_dl, 5.0 * units::kMgDlPerMmolL);
  EXPECT_DOUBLE_EQ(trace.samples[1].glucose_mg_dl, 5.2 * units::kMgDlPerMmolL);  // first of the two at 00:05
  EXPECT_EQ(time_text(trace, 3), "2023-01-02 01:30:00");  // after an 80-min gap, kept
  EXPECT_TRUE(trace.was_unsorted);
  EXPECT_EQ(trace.duplicates_dropped, 1);
}

TEST(CgmPlainImporter, ReadsIgluStyleFilesSkippingNa) {
  const CgmTrace trace = import_sample("plain_iglu_style.csv");
  ASSERT_EQ(trace.samples.size(), 2u);
  EXPECT_EQ(trace.rows_skipped, 1);
  EXPECT_EQ(time_text(trace, 1), "2023-01-02 00:10:00");
  EXPECT_EQ(trace.utc_offset_min, 0);  // from the "Z"
}

TEST(CgmPlainImporter, ReadsTwoColumnsWithoutHeader) {
  const CgmTrace trace = import_sample("plain_headerless.csv");
  ASSERT_EQ(trace.samples.size(), 3u);  // the first line is a reading too
  EXPECT_EQ(time_text(trace, 0), "2023-01-02 00:00:00");
  EXPECT_DOUBLE_EQ(trace.samples[2].glucose_mg_dl, 108);
  EXPECT_EQ(trace.file_units, GlucoseUnit::kMgDl);
}

TEST(CgmPlainImporter, GuessesMmolOnlyWhenEveryValueIsSmall) {
  const CgmTrace trace = import_sample("plain_unitless_small.csv");
  EXPECT_EQ(trace.file_units, GlucoseUnit::kMmolL);
  EXPECT_DOUBLE_EQ(trace.samples[0].glucose_mg_dl, 5.0 * units::kMgDlPerMmolL);
  CgmImportOptions options;
  options.plain_units = GlucoseUnit::kMgDl;
  EXPECT_EQ(import_sample("plain_unitless_small.csv", CgmFormat::kPlain, options).file_units, GlucoseUnit::kMgDl);
}

TEST(CgmPlainImporter, NamesLineAndKeyOfErrors) {
  expect_input_error("plain_no_time_column.csv", CgmFormat::kPlain, 1, "time");
  expect_input_error("plain_bad_date.csv", CgmFormat::kPlain, 3, "time");
}

TEST(CgmImport, DetectsEveryFormat) {
  EXPECT_EQ(detect_cgm_format(read_text_file(sample_path("dexcom_clarity_g6_mgdl.csv"))), CgmFormat::kDexcom);
  EXPECT_EQ(detect_cgm_format(read_text_file(sample_path("dexcom_studio_legacy.tsv"))), CgmFormat::kDexcom);
  EXPECT_EQ(detect_cgm_format(read_text_file(sample_path("libreview_eu_mmol.csv"))), CgmFormat::kLibre);
  EXPECT_EQ(detect_cgm_format(read_text_file(sample_path("libreview_de_semicolon.csv"))), CgmFormat::kLibre);
  EXPECT_EQ(detect_cgm_format(read_text_file(sample_path("nightscout_entries.json"))), CgmFormat::kNightscout);
  EXPECT_EQ(detect_cgm_format(read_text_file(sample_path("plain_mmol_unsorted.csv"))), CgmFormat::kPlain);
  EXPECT_EQ(parse_cgm_format("libre"), CgmFormat::kLibre);
  EXPECT_FALSE(parse_cgm_format("medtronic").has_value());
}

TEST(CgmImport, EmptyAndMissingFilesAreInputErrors) {
  EXPECT_THROW(import_cgm("", "empty.csv", CgmFormat::kAuto), InputError);
  EXPECT_THROW(import_cgm("time,glucose\n", "header_only.csv", CgmFormat::kAuto), InputError);
  EXPECT_THROW(import_cgm_file(sample_path("does_not_exist.csv"), CgmFormat::kAuto), InputError);
  EXPECT_THROW(import_cgm("[[[[", "deep.json", CgmFormat::kNightscout), InputError);
}

TEST(CivilTime, ParsesTheTimestampLayoutsOfExports) {
  EXPECT_EQ(format_wall_clock(parse_timestamp("2023-03-15T08:00:12")->wall_clock_min), "2023-03-15 08:00:12");
  EXPECT_EQ(parse_timestamp("2023-03-15T08:00:00.000Z")->utc_offset_min, 0);
  EXPECT_EQ(parse_timestamp("2023-03-15 08:00:00-05:00")->utc_offset_min, -300);
  EXPECT_EQ(format_wall_clock(parse_timestamp("03/15/2023 12:05 AM", DateOrder::kMonthDayYear)->wall_clock_min),
            "2023-03-15 00:05:00");
  EXPECT_EQ(format_wall_clock(parse_timestamp("15.03.2023 18:30", DateOrder::kDayMonthYear)->wall_clock_min),
            "2023-03-15 18:30:00");
  EXPECT_FALSE(parse_timestamp("2023-02-29 10:00").has_value());  // not a leap year
  EXPECT_TRUE(parse_timestamp("2024-02-29 10:00").has_value());
  EXPECT_FALSE(parse_timestamp("2023-03-15 25:00").has_value());
  EXPECT_FALSE(parse_timestamp("2023-03-15 08:00 junk").has_value());
  EXPECT_EQ(parse_utc_offset("-05:00"), -300);
  EXPECT_EQ(parse_utc_offset("+0530"), 330);
  EXPECT_EQ(parse_utc_offset("-5"), -300);
  EXPECT_EQ(parse_utc_offset("UTC"), 0);
  EXPECT_FALSE(parse_utc_offset("EST").has_value());
  // Days from the civil date: 2000-03-01 is day 11017 (Hinnant's test value).
  EXPECT_EQ(days_from_civil({2000, 3, 1}), 11017);
  EXPECT_EQ(civil_from_days(11017).month, 3);
}

}  // namespace
}  // namespace isletsim
