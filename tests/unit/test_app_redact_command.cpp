// Unit tests for app/redact_command.cpp: --policies resolution against AssemblyAI's policy names
// and the policies the rules detect.
#include <catch2/catch.hpp>

#include "app/redact_command.h"
#include "util/error.h"

using namespace aaiscan;

TEST_CASE("policies option: default and all mean every detectable policy", "[redact][command]") {
    std::vector<std::string> detectable = {"email_address", "person_name", "phone_number"};
    std::vector<std::string> undetectable;
    CHECK(resolve_redact_policies("", detectable, undetectable) == detectable);
    CHECK(resolve_redact_policies("all", detectable, undetectable) == detectable);
    CHECK(undetectable.empty());
}

TEST_CASE("policies option: a list is checked, sorted and deduplicated", "[redact][command]") {
    std::vector<std::string> detectable = {"email_address", "person_name", "phone_number"};
    std::vector<std::string> undetectable;
    CHECK(resolve_redact_policies(" person_name, email_address,person_name", detectable, undetectable) ==
          std::vector<std::string>{"email_address", "person_name"});
    CHECK(undetectable.empty());
    // A real AssemblyAI policy no rule detects is left out and named.
    CHECK(resolve_redact_policies("drug,phone_number", detectable, undetectable) ==
          std::vector<std::string>{"phone_number"});
    CHECK(undetectable == std::vector<std::string>{"drug"});
    // A name AssemblyAI does not have is a usage error.
    CHECK_THROWS_AS(resolve_redact_policies("email", detectable, undetectable), Error);
    CHECK_THROWS_WITH(resolve_redact_policies("person_name,PERSON_NAME", detectable, undetectable),
                      Catch::Contains("unknown policy 'PERSON_NAME'"));
}
