// Unit tests for validate/pii_dates.cpp: calendar dates as transcribers write them, dates of birth
// and card expiry dates.
#include <catch2/catch.hpp>

#include "validate/pii_checks.h"

using namespace aaiscan;

namespace {

ValidationContext none() { return ValidationContext{"", 0, 0, "US"}; }

CalendarDate parsed(std::string_view text, bool month_year = false) {
    CalendarDate d;
    REQUIRE(parse_calendar_date(text, d, month_year));
    return d;
}

}  // namespace

TEST_CASE("pii dates: the forms transcripts use") {
    CalendarDate d = parsed("March 3rd, 1985");
    CHECK(d.year == 1985);
    CHECK(d.month == 3);
    CHECK(d.day == 3);
    d = parsed("the 22nd of June, 1990");
    CHECK((d.year == 1990 && d.month == 6 && d.day == 22));
    d = parsed("07/14/1979");
    CHECK((d.year == 1979 && d.month == 7 && d.day == 14));
    d = parsed("14.07.1979");
    CHECK((d.month == 7 && d.day == 14));
    d = parsed("1988-04-17");
    CHECK((d.year == 1988 && d.month == 4 && d.day == 17));
    d = parsed("3-14-85");
    CHECK(d.year == 1985);
    d = parsed("twenty first of May");
    CHECK((d.month == 5 && d.day == 21 && d.year == 0));
    d = parsed("Sept. 9 '62");
    CHECK((d.month == 9 && d.day == 9 && d.year == 1962));
    d = parsed("03/27", true);
    CHECK((d.month == 3 && d.year == 2027 && d.day == 0));
}

TEST_CASE("pii dates: impossible dates are rejected") {
    CalendarDate d;
    CHECK_FALSE(parse_calendar_date("February 30th, 1985", d));
    CHECK_FALSE(parse_calendar_date("February 29, 2023", d));
    CHECK(parse_calendar_date("February 29, 2024", d));
    CHECK_FALSE(parse_calendar_date("13/14/1985", d));
    CHECK_FALSE(parse_calendar_date("April 31", d));
    CHECK_FALSE(parse_calendar_date("Marching 3", d));
    CHECK_FALSE(parse_calendar_date("", d));
}

TEST_CASE("pii dates: dates of birth need a day; expiries a month and year without a day") {
    CHECK(validate_birth_date("March 3rd, 1985", none()));
    CHECK(validate_birth_date("June 5th", none()));
    CHECK_FALSE(validate_birth_date("March 1985", none()));
    CHECK_FALSE(validate_birth_date("March 3rd, 1885", none()));
    CHECK(validate_card_expiry("08/27", none()));
    CHECK(validate_card_expiry("March 2027", none()));
    CHECK(validate_card_expiry("11/2029", none()));
    CHECK_FALSE(validate_card_expiry("13/27", none()));
    CHECK_FALSE(validate_card_expiry("March 3rd, 2027", none()));
}

TEST_CASE("pii dates: Spanish, German, French, Portuguese, Italian and Dutch forms") {
    CalendarDate d = parsed("12 de mayo de 1987");
    CHECK((d.year == 1987 && d.month == 5 && d.day == 12));
    d = parsed("3. September 1979");
    CHECK((d.year == 1979 && d.month == 9 && d.day == 3));
    d = parsed("23. M\xc3\xa4rz 1991");
    CHECK((d.year == 1991 && d.month == 3 && d.day == 23));
    d = parsed("1er ao\xc3\xbbt 2015");
    CHECK((d.year == 2015 && d.month == 8 && d.day == 1));
    d = parsed("30 de outubro de 1990");
    CHECK((d.year == 1990 && d.month == 10 && d.day == 30));
    d = parsed("15 marzo 1982");
    CHECK((d.year == 1982 && d.month == 3 && d.day == 15));
    d = parsed("14 februari 1986");
    CHECK((d.year == 1986 && d.month == 2 && d.day == 14));
    CalendarDate bad;
    CHECK_FALSE(parse_calendar_date("31 de febrero de 1987", bad, false));
    CHECK_FALSE(parse_calendar_date("12 de mayonesa de 1987", bad, false));
    CHECK(validate_birth_date("4 juillet 2015", none()));
    CHECK_FALSE(validate_birth_date("4 juillet 1815", none()));
}

TEST_CASE("pii dates: days and years said as words") {
    CalendarDate d = parsed("the twenty-second of July, nineteen seventy-nine");
    CHECK((d.year == 1979 && d.month == 7 && d.day == 22));
    d = parsed("The second of November, 1979");
    CHECK((d.year == 1979 && d.month == 11 && d.day == 2));
    d = parsed("March the fourth, two thousand and four");
    CHECK((d.year == 2004 && d.month == 3 && d.day == 4));
    d = parsed("June 5th, nineteen oh four");
    CHECK((d.year == 1904 && d.month == 6 && d.day == 5));
    d = parsed("May 1st, twenty twelve");
    CHECK((d.year == 2012 && d.month == 5 && d.day == 1));
    d = parsed("the first of May, nineteen seventy nine");
    CHECK(d.year == 1979);
    CalendarDate bad;
    CHECK_FALSE(parse_calendar_date("the second of November, nineteen", bad, false));
    CHECK_FALSE(parse_calendar_date("February the thirtieth, nineteen eighty", bad, false));
}
