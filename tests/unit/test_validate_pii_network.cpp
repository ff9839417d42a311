// Unit tests for validate/pii_network.cpp: email addresses, IPv4/IPv6 and URLs.
#include <catch2/catch.hpp>

#include "validate/pii_checks.h"

using namespace aaiscan;

namespace {

ValidationContext alone(std::string_view value) { return ValidationContext{value, 0, value.size(), "US"}; }

template <typename Fn>
bool in_text(Fn fn, std::string_view text, std::string_view value) {
    size_t at = text.find(value);
    REQUIRE(at != std::string_view::npos);
    ValidationContext context{text, at, at + value.size(), "US"};
    return fn(text.substr(at, value.size()), context);
}

}  // namespace

TEST_CASE("pii network: email addresses") {
    CHECK(validate_email("dana.whitfield@example.com", alone("x")));
    CHECK(validate_email("it-support@mail.example.org", alone("x")));
    CHECK_FALSE(validate_email("logo@2x.png", alone("x")));
    // A company's role mailbox is not a person's address; a person's name at the company is.
    CHECK_FALSE(validate_email("careers@brightwave.example", alone("x")));
    CHECK_FALSE(validate_email("Support@northwindgadgets.example", alone("x")));
    CHECK(validate_email("support.dana@northwindgadgets.example", alone("x")));
    CHECK_FALSE(validate_email(".dana@example.com", alone("x")));
    CHECK_FALSE(validate_email("dana..w@example.com", alone("x")));
    CHECK_FALSE(validate_email("dana@example", alone("x")));
    CHECK_FALSE(validate_email("dana@-example.com", alone("x")));
    CHECK_FALSE(validate_email("a@b@example.com", alone("x")));
}

TEST_CASE("pii network: IPv4 dotted quads, not versions") {
    CHECK(in_text(validate_ipv4, "it shows 192.168.14.27 now", "192.168.14.27"));
    CHECK_FALSE(in_text(validate_ipv4, "it shows 300.168.1.1", "300.168.1.1"));
    CHECK_FALSE(in_text(validate_ipv4, "it shows 192.168.01.1", "192.168.01.1"));
    CHECK_FALSE(in_text(validate_ipv4, "upgraded to version 10.2.0.1", "10.2.0.1"));
    CHECK_FALSE(in_text(validate_ipv4, "on v4.2.1.7", "4.2.1.7"));
    // Version-shaped numbers need an address cue; ordinary addresses do not.
    CHECK_FALSE(in_text(validate_ipv4, "merged to maint and 1.8.1.2 was slow", "1.8.1.2"));
    CHECK(in_text(validate_ipv4, "can you ping 1.8.1.2 for me", "1.8.1.2"));
    CHECK(in_text(validate_ipv4, "my DNS is 1.1.1.1 now", "1.1.1.1"));
    CHECK(in_text(validate_ipv4, "it said 73.162.5.101 at home", "73.162.5.101"));
    CHECK(in_text(validate_ipv4, "it said 10.0.0.12 at home", "10.0.0.12"));
}

TEST_CASE("pii network: IPv6 as inet_pton reads it") {
    CHECK(validate_ipv6("2001:db8:85a3::8a2e:370:7334", alone("x")));
    CHECK(validate_ipv6("fe80::1ff:fe23:4567", alone("x")));
    CHECK_FALSE(validate_ipv6("CFF::C", alone("x")));  // a word, not an address
    CHECK_FALSE(validate_ipv6("10:30:45", alone("x")));
    CHECK_FALSE(validate_ipv6("::", alone("x")));
}

TEST_CASE("pii network: URLs with a scheme, www or a known TLD; not an email's domain") {
    CHECK(in_text(validate_url, "go to www.fischer-lab.org now", "www.fischer-lab.org"));
    CHECK(in_text(validate_url, "see https://dashboard.example.com/login", "https://dashboard.example.com/login"));
    CHECK(in_text(validate_url, "my site is danawhitfield.com", "danawhitfield.com"));
    CHECK_FALSE(in_text(validate_url, "write to dana@example.com", "example.com"));
    CHECK_FALSE(in_text(validate_url, "[URL]", "[URL]"));
}
