// Unit tests for validate/pii_phone.cpp: libphonenumber validity in the configured region, the
// 555 fiction range written like a phone number, spoken digits, reference-number contexts; the
// libphonenumber module loading.
#include <catch2/catch.hpp>

#include "validate/phone_library.h"
#include "validate/pii_checks.h"

using namespace aaiscan;

namespace {

// `validator` on `value` where it stands in `text`, with `region` as the configured default.
bool check_in(ValidatorFn validator, std::string_view text, std::string_view value, std::string_view region) {
    size_t at = text.find(value);
    REQUIRE(at != std::string_view::npos);
    ValidationContext context{text, at, at + value.size(), region};
    return validator(text.substr(at, value.size()), context);
}

bool phone_in(std::string_view text, std::string_view value, std::string_view region = "US") {
    return check_in(&validate_phone, text, value, region);
}
bool cued_in(std::string_view text, std::string_view value) { return check_in(&validate_phone_cued, text, value, "US"); }
bool national_in(std::string_view text, std::string_view value) {
    return check_in(&validate_phone_national, text, value, "US");
}

}  // namespace

TEST_CASE("pii phone: valid numbers in the default region") {
    CHECK(phone_in("call (312) 555-0147 today", "(312) 555-0147"));
    CHECK(phone_in("my cell is 312-555-0147", "312-555-0147"));
    CHECK(phone_in("it's 617.555.0112", "617.555.0112"));
    CHECK(phone_in("reach me on +44 20 7946 0958", "+44 20 7946 0958"));
    CHECK(phone_in("call me at 3125550147", "3125550147"));
    CHECK_FALSE(phone_in("merge 5053313562 into maint", "5053313562"));  // a bare digit run needs a cue
}

TEST_CASE("pii phone: the default region comes from the config") {
    CHECK(phone_in("ring me on 020 7946 0958", "020 7946 0958", "GB"));
    CHECK_FALSE(phone_in("ring me on 020 7946 0958", "020 7946 0958", "US"));
}

TEST_CASE("pii phone: possible but unassigned numbers only when written like phone numbers") {
    CHECK(phone_in("call 555-123-4567", "555-123-4567"));   // formatted NANP groups
    CHECK_FALSE(phone_in("id 5551234567 here", "5551234567"));  // a bare digit run
    CHECK(phone_in("call me at 555-0147", "555-0147"));     // 7 digits after a phone cue
    CHECK_FALSE(phone_in("the part is 555-0147", "555-0147"));
}

TEST_CASE("pii phone: spoken digits need a phone cue unless they form a valid number") {
    CHECK(phone_in("my number is three one two five five five zero one four seven",
                   "three one two five five five zero one four seven"));
    CHECK_FALSE(phone_in("one two three four five six seven, here we go", "one two three four five six seven"));
}

TEST_CASE("pii phone: reference numbers, dates and lengths that are not phone numbers") {
    CHECK_FALSE(phone_in("your order number is 3125550147", "3125550147"));
    CHECK_FALSE(phone_in("on 2024-03-15", "2024-03-15"));
    CHECK_FALSE(phone_in("5555555555", "5555555555"));
    CHECK_FALSE(phone_in("123", "123"));
}

TEST_CASE("phone library: the libphonenumber module loads and classifies") {
    std::string why;
    REQUIRE(phone_library_available(&why));
    CHECK(why.empty());
    CHECK(classify_phone_number("+442079460958", "US") == PhoneVerdict::valid);     // London
    CHECK(classify_phone_number("5551234567", "US") == PhoneVerdict::possible);      // area code 555: not assigned
    CHECK(classify_phone_number("+1123", "US") == PhoneVerdict::impossible);
    CHECK(classify_phone_number("not a number", "US") == PhoneVerdict::unparsable);
    CHECK(classify_phone_number("02079460958", "GB") == PhoneVerdict::valid);
}

TEST_CASE("pii phone: numbers of countries without a trunk prefix need a cue in their language") {
    CHECK(cued_in("Mi m\xc3\xb3vil es el 655 218 743.", "655 218 743"));
    CHECK(cued_in("O meu telem\xc3\xb3vel \xc3\xa9 912 847 305.", "912 847 305"));
    CHECK(cued_in("Meu celular \xc3\xa9 (21) 99847-3016.", "(21) 99847-3016"));
    CHECK(cued_in("Il mio numero di telefono \xc3\xa8 06 4829 1735.", "06 4829 1735"));
    CHECK_FALSE(cued_in("Son 655 218 743 euros en total.", "655 218 743"));           // no phone cue
    CHECK_FALSE(cued_in("El n\xc3\xbamero de pedido es 655 218 743.", "655 218 743"));  // an order number
    CHECK_FALSE(cued_in("Mi m\xc3\xb3vil es el 111 111 111.", "111 111 111"));
}

TEST_CASE("pii phone: business service lines are not a person's number") {
    // Toll-free and premium-rate numbers: a company's line, whatever the cue says.
    CHECK_FALSE(national_in("Unsere Hotline erreichen Sie unter 0800 4422 100.", "0800 4422 100"));
    CHECK_FALSE(phone_in("call our toll-free line at 1-800-555-0199", "1-800-555-0199"));
    CHECK(national_in("Ihre Handynummer ist 0160 93817245.", "0160 93817245"));
    CHECK(national_in("my mobile is 07700 900461", "07700 900461"));
}

TEST_CASE("pii phone: a national number with a trunk 0, said as words, in a US-configured scan") {
    CHECK(phone_in("my mobile's oh seven seven oh oh, nine double oh, double four two",
                   "oh seven seven oh oh, nine double oh, double four two"));
    CHECK_FALSE(phone_in("the batch was oh seven seven oh oh, nine double oh, double four two",
                         "oh seven seven oh oh, nine double oh, double four two"));  // no phone cue
}

TEST_CASE("pii phone: digit groups that continue a longer number are not a phone number") {
    CHECK_FALSE(national_in("the card number is 4111 0303 3258 3981", "0303 3258 3981"));
    CHECK_FALSE(cued_in("Mi n\xc3\xbamero de tarjeta es 4111 06 4829 1735 22", "06 4829 1735"));
    CHECK(national_in("the number is 07700 900461, thanks", "07700 900461"));
}

TEST_CASE("pii phone: the known regions are libphonenumber's, without loading it") {
    for (const char* region : {"GB", "DE", "US", "BR", "XK", "AC", "ZW"}) {
        CHECK(phone_region_known(region));
        CHECK(classify_phone_number("20123456", region) != PhoneVerdict::unparsable);  // the module agrees
    }
    for (const char* region : {"XX", "QZ", "gb", "G", "GBR", ""}) CHECK_FALSE(phone_region_known(region));
    CHECK(classify_phone_number("20123456", "XX") == PhoneVerdict::unparsable);
}

TEST_CASE("pii phone: a company's line said as such is not a person's number") {
    CHECK_FALSE(phone_in("If you need to reschedule, our main line is 312-555-0100.", "312-555-0100"));
    CHECK_FALSE(phone_in("the front desk line is 503-555-0100, or you can fax forms to 503-555-0109.", "503-555-0109"));
    CHECK_FALSE(phone_in("You can reach the pharmacy direct line at 206-555-0120.", "206-555-0120"));
    // Someone's own line, in the same clause or the next, stays a person's number.
    CHECK(phone_in("our main line is busy, so my cell is 312-555-0147.", "312-555-0147"));
    CHECK(phone_in("Our main line is 312-555-0100. My direct line is 312-555-0147.", "312-555-0147"));
    CHECK(phone_in("Please fax the summary to 312-555-0164.", "312-555-0164"));
}

TEST_CASE("pii phone: North American numbers written 3-3-4 agree with libphonenumber without it") {
    REQUIRE(phone_library_available(nullptr));
    uint64_t state = 0x9E3779B97F4A7C15ull;
    auto next = [&](int below) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return static_cast<int>(state % static_cast<uint64_t>(below));
    };
    const char* services[] = {"800", "833", "844", "855", "866", "877", "888", "900", "500", "555", "411", "212"};
    for (int i = 0; i < 3000; ++i) {
        std::string digits;
        if (i % 3 == 0) {
            digits = services[next(12)];
        } else {
            for (int k = 0; k < 3; ++k) digits.push_back(static_cast<char>('0' + next(10)));
        }
        while (digits.size() < 10) digits.push_back(static_cast<char>('0' + next(10)));
        if (std::all_of(digits.begin(), digits.end(), [&](char c) { return c == digits[0]; })) continue;
        std::string written = digits.substr(0, 3) + "-" + digits.substr(3, 3) + "-" + digits.substr(6);
        PhoneVerdict verdict = classify_phone_number(digits, "US");
        bool expected = verdict == PhoneVerdict::valid || verdict == PhoneVerdict::possible;
        INFO(written << " libphonenumber verdict " << static_cast<int>(verdict));
        std::string text = "you can call me at " + written + " tonight";
        CHECK(phone_in(text, written) == expected);
        if (digits[0] < '2' || digits[3] < '2') continue;  // left to libphonenumber
        CHECK(nanp_business_service(digits) == (verdict == PhoneVerdict::service));
        std::string with_one = "1-" + written;
        CHECK(phone_in("you can call me at " + with_one + " tonight", with_one) == expected);
    }
}
