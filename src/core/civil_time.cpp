#include "core/civil_time.hpp"

#include <cmath>

#include <fmt/format.h>

namespace isletsim {

std::int64_t days_from_civil(const CivilDate& date) {
  // Hinnant 2013, days_from_civil: eras of 400 years, March-based years so that the leap day is last.
  const std::int64_t year = date.year - (date.month <= 2 ? 1 : 0);
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t year_of_era = year - era * 400;                                        // [0, 399]
  const std::int64_t month_from_march = date.month > 2 ? date.month - 3 : date.month + 9;  // [0, 11]
  const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + date.day - 1;         // [0, 365]
  const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilDate civil_from_days(std::int64_t days_since_epoch) {
  // Hinnant 2013, civil_from_days.
  const std::int64_t z = days_since_epoch + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t day_of_era = z - era * 146097;
  const std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;
  const std::int64_t day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
  const std::int64_t month = month_from_march < 10 ? month_from_march + 3 : month_from_march - 9;
  const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return {static_cast<int>(year), static_cast<int>(month), static_cast<int>(day)};
}

bool is_valid_civil_date(const CivilDate& date) {
  if (date.year < 1900 || date.year > 2200 || date.month < 1 || date.month > 12 || date.day < 1) return false;
  static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
  const int days = kDaysInMonth[date.month - 1] + (date.month == 2 && leap ? 1 : 0);
  return date.day <= days;
}

namespace {

// A tiny cursor over the text; every reader returns false instead of throwing.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  bool at_end() const { return position_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[position_]; }
  void skip_spaces() {
    while (!at_end() && (peek() == ' ' || peek() == '\t')) ++position_;
  }
  bool accept(char c) {
    if (peek() != c || at_end()) return false;
    ++position_;
    return true;
  }
  // Reads between min_digits and max_digits decimal digits.
  bool digits(int min_digits, int max_digits, int* value) {
    int count = 0;
    int result = 0;
    while (count < max_digits && !at_end() && peek() >= '0' && peek() <= '9') {
      result = result * 10 + (peek() - '0');
      ++position_;
      ++count;
    }
    if (count < min_digits) return false;
    *value = result;
    return true;
  }
  std::string_view rest() const { return text_.substr(position_ < text_.size() ? position_ : text_.size()); }
  void advance(std::size_t count) { position_ += count; }

 private:
  std::string_view text_;
  std::size_t position_ = 0;
};

bool is_date_separator(char c) { return c == '-' || c == '/' || c == '.'; }

bool read_offset(Cursor& cursor, int* offset_min) {
  if (cursor.accept('Z') || cursor.accept('z')) {
    *offset_min = 0;
    return true;
  }
  int sign = 0;
  if (cursor.accept('+')) sign = 1;
  else if (cursor.accept('-')) sign = -1;
  else return false;
  int hours = 0;
  int minutes = 0;
  if (!cursor.digits(2, 2, &hours)) return false;
  cursor.accept(':');
  if (!cursor.at_end() && !cursor.digits(2, 2, &minutes)) return false;
  if (hours > 18 || minutes > 59) return false;
  *offset_min = sign * (hours * 60 + minutes);
  return true;
}

}  // namespace

std::optional<ParsedTimestamp> parse_timestamp(std::string_view text, DateOrder order) {
  Cursor cursor(text);
  cursor.skip_spaces();
  CivilDate date;
  int first = 0;
  int second = 0;
  int third = 0;
  if (order == DateOrder::kYearMonthDay) {
    if (!cursor.digits(4, 4, &first)) return std::nullopt;
    if (!is_date_separator(cursor.peek())) return std::nullopt;
    cursor.advance(1);
    if (!cursor.digits(1, 2, &second) || !is_date_separator(cursor.peek())) return std::nullopt;
    cursor.advance(1);
    if (!cursor.digits(1, 2, &third)) return std::nullopt;
    date = {first, second, third};
  } else {
    if (!cursor.digits(1, 2, &first) || !is_date_separator(cursor.peek())) return std::nullopt;
    cursor.advance(1);
    if (!cursor.digits(1, 2, &second) || !is_date_separator(cursor.peek())) return std::nullopt;
    cursor.advance(1);
    if (!cursor.digits(4, 4, &third)) return std::nullopt;
    date = order == DateOrder::kMonthDayYear ? CivilDate{third, first, second} : CivilDate{third, second, first};
  }
  if (!is_valid_civil_date(date)) return std::nullopt;
  int hour = 0;
  int minute = 0;
  int whole_second = 0;
  double fraction_s = 0;
  if (!cursor.accept('T') && !cursor.accept(' ')) {
    if (!cursor.at_end()) return std::nullopt;
  }
  cursor.skip_spaces();
  ParsedTimestamp parsed;
  if (!cursor.at_end()) {
    if (!cursor.digits(1, 2, &hour) || !cursor.accept(':') || !cursor.digits(2, 2, &minute)) return std::nullopt;
    if (cursor.accept(':')) {
      if (!cursor.digits(2, 2, &whole_second)) return std::nullopt;
      if (cursor.accept('.') || cursor.accept(',')) {
        double scale = 0.1;
        int digit_count = 0;
        while (!cursor.at_end() && cursor.peek() >= '0' && cursor.peek() <= '9' && digit_count < 9) {
          fraction_s += scale * (cursor.peek() - '0');
          scale /= 10;
          cursor.advance(1);
          ++digit_count;
        }
        if (digit_count == 0) return std::nullopt;
      }
    }
    cursor.skip_spaces();
    const std::string_view rest = cursor.rest();
    const bool pm = rest.size() >= 2 && (rest.substr(0, 2) == "PM" || rest.substr(0, 2) == "pm");
    const bool am = rest.size() >= 2 && (rest.substr(0, 2) == "AM" || rest.substr(0, 2) == "am");
    if (am || pm) {
      if (hour < 1 || hour > 12) return std::nullopt;
      hour = hour % 12 + (pm ? 12 : 0);
      cursor.advance(2);
      cursor.skip_spaces();
    }
    if (!cursor.at_end()) {
      int offset_min = 0;
      if (!read_offset(cursor, &offset_min)) return std::nullopt;
      parsed.utc_offset_min = offset_min;
    }
    cursor.skip_spaces();
    if (!cursor.at_end()) return std::nullopt;
  }
  if (hour > 23 || minute > 59 || whole_second > 60) return std::nullopt;
  parsed.wall_clock_min = static_cast<double>(days_from_civil(date)) * 1440.0 + hour * 60.0 + minute +
                          (whole_second + fraction_s) / 60.0;
  return parsed;
}

std::string format_wall_clock(double wall_clock_min) {
  const auto total_s = static_cast<std::int64_t>(std::llround(wall_clock_min * 60.0));
  std::int64_t days = total_s / 86400;
  std::int64_t second_of_day = total_s % 86400;
  if (second_of_day < 0) {
    second_of_day += 86400;
    days -= 1;
  }
  const CivilDate date = civil_from_days(days);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}", date.year, date.month, date.day, second_of_day / 3600,
                     (second_of_day / 60) % 60, second_of_day % 60);
}

std::string format_date(double wall_clock_min) {
  const CivilDate date = civil_from_days(static_cast<std::int64_t>(std::floor(wall_clock_min / 1440.0)));
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

std::optional<int> parse_utc_offset(std::string_view text) {
  if (text == "UTC" || text == "utc" || text == "Z" || text == "z") return 0;
  Cursor cursor(text);
  int sign = 1;
  if (cursor.accept('+')) sign = 1;
  else if (cursor.accept('-')) sign = -1;
  int hours = 0;
  int minutes = 0;
  if (!cursor.digits(1, 2, &hours)) return std::nullopt;
  if (cursor.accept(':')) {
    if (!cursor.digits(2, 2, &minutes)) return std::nullopt;
  } else if (!cursor.at_end()) {
    if (!cursor.digits(2, 2, &minutes)) return std::nullopt;
  }
  if (!cursor.at_end() || hours > 18 || minutes > 59) return std::nullopt;
  return sign * (hours * 60 + minutes);
}

}  // namespace isletsim
