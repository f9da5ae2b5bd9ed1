// Civil (calendar) time without a time-zone database: dates and wall-clock times as minutes since
// 1970-01-01 00:00 on the same clock, plus parsers for the timestamp layouts CGM exports use.
//
// Day counting uses the proleptic Gregorian algorithms of Hinnant, "chrono-Compatible Low-Level Date Algorithms"
// (2013, howardhinnant.github.io/date_algorithms.html). Time zones are never guessed: a timestamp is kept as local
// wall-clock minutes, and the offset to UTC (when known) is carried beside it by the caller.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace isletsim {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

// Days since 1970-01-01 (negative before). Valid for any proleptic Gregorian date.
std::int64_t days_from_civil(const CivilDate& date);
CivilDate civil_from_days(std::int64_t days_since_epoch);
bool is_valid_civil_date(const CivilDate& date);

// Order of the day and month fields in numeric dates such as 03/04/2023.
enum class DateOrder { kYearMonthDay, kMonthDayYear, kDayMonthYear };

// The result of parsing a timestamp: wall-clock minutes since 1970-01-01 00:00 (seconds kept as fractions), and the
// UTC offset written in the text itself ("Z" or "+01:00"), if any.
struct ParsedTimestamp {
  double wall_clock_min = 0;
  std::optional<int> utc_offset_min;
};

// Parses "YYYY-MM-DD[T| ]HH:MM[:SS[.fff]][Z|+HH:MM|-HHMM]" (ISO 8601 / RFC 3339 and the usual CSV variants), or,
// with kMonthDayYear / kDayMonthYear, "MM-DD-YYYY HH:MM[:SS]" / "DD.MM.YYYY HH:MM" with '-', '/' or '.' separators
// and an optional 12-hour "AM"/"PM" suffix. Nothing when the text is not such a timestamp or the date is impossible.
std::optional<ParsedTimestamp> parse_timestamp(std::string_view text, DateOrder order = DateOrder::kYearMonthDay);

// "YYYY-MM-DD HH:MM:SS" for wall-clock minutes since 1970-01-01 (seconds rounded to the nearest second).
std::string format_wall_clock(double wall_clock_min);
// "YYYY-MM-DD" of the day that holds the given wall-clock minute.
std::string format_date(double wall_clock_min);

// Parses a UTC offset given by a user: "+05:30", "-0500", "-5", "UTC", "Z" or "+0". Minutes east of UTC.
std::optional<int> parse_utc_offset(std::string_view text);

}  // namespace isletsim
