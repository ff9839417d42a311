// Unit tests for validate/pii_names.cpp: person names after cues, gazetteer names outside place
// and brand names, names followed by their spelling, lower-case names in unformatted transcripts.
#include <catch2/catch.hpp>

#include <string>

#include "validate/pii_checks.h"

using namespace aaiscan;

namespace {

ValidationContext none() { return ValidationContext{"", 0, 0, "US"}; }

// Runs `fn` on the first occurrence of `secret` in `text`, with the whole text as the match.
template <typename Fn>
bool in_text(Fn fn, std::string_view text, std::string_view secret) {
    size_t at = text.find(secret);
    REQUIRE(at != std::string_view::npos);
    return fn(text.substr(at, secret.size()), ValidationContext{text, 0, text.size(), "US"});
}

// Runs `fn` with the match ending where `match_end` ends in `text`.
template <typename Fn>
bool in_match(Fn fn, std::string_view text, std::string_view secret, std::string_view match_end) {
    size_t at = text.find(secret);
    size_t end = text.find(match_end);
    REQUIRE(at != std::string_view::npos);
    REQUIRE(end != std::string_view::npos);
    return fn(text.substr(at, secret.size()), ValidationContext{text, 0, end + match_end.size(), "US"});
}

}  // namespace

TEST_CASE("pii names: names, not the capitalised words that follow the same cues") {
    CHECK(validate_person_name("Dana Whitfield", none()));
    CHECK(validate_person_name("Grace O'Malley", none()));
    CHECK(validate_person_name("J\xC3\xBCrgen M\xC3\xBC" "ller", none()));
    CHECK_FALSE(validate_person_name("Customer Support", none()));
    CHECK_FALSE(validate_person_name("Lakeview Family Medicine", none()));
    CHECK_FALSE(validate_person_name("Monday", none()));
    CHECK_FALSE(validate_person_name("Canadian", none()));
    CHECK_FALSE(validate_person_name("[PERSON_NAME]", none()));
    CHECK_FALSE(validate_person_name("Medicare", none()));
    CHECK_FALSE(validate_person_name("Settings", none()));
}

TEST_CASE("pii names: a given name, not part of a place, brand or address") {
    CHECK(in_text(validate_person_name_given, "Is there anything else, Dana?", "Dana"));
    CHECK(in_text(validate_person_name_given, "New hire Hannah Kowalski asked.", "Hannah Kowalski"));
    CHECK(in_text(validate_person_name_given, "Priya and I wrote it.", "Priya"));
    CHECK_FALSE(in_text(validate_person_name_given, "We ship from San Diego.", "Diego"));
    CHECK_FALSE(in_text(validate_person_name_given, "Flights to St. Lucia.", "Lucia"));
    CHECK_FALSE(in_text(validate_person_name_given, "A pair of Air Jordan shoes.", "Jordan"));
    CHECK_FALSE(in_text(validate_person_name_given, "The office on Elizabeth Street.", "Elizabeth"));
    CHECK_FALSE(in_text(validate_person_name_given, "Near the Beverly Hills office.", "Beverly"));
    CHECK_FALSE(in_text(validate_person_name_given, "I told Priya Google was cheaper.", "Priya Google"));
    CHECK_FALSE(in_text(validate_person_name_given, "Mail dana.whitfield@example.com.", "whitfield"));
    CHECK_FALSE(in_text(validate_person_name_given, "Mail Dana.Whitfield@example.com.", "Dana"));
    CHECK_FALSE(in_text(validate_person_name_given, "The user is Kevin_ops.", "Kevin"));
    CHECK_FALSE(in_text(validate_person_name_given, "See example.com/Kevin for it.", "Kevin"));
    // Companies and stores named after people, and accounts "at" someone.
    CHECK_FALSE(in_text(validate_person_name_given, "I moved it to Charles Schwab.", "Charles Schwab"));
    CHECK_FALSE(in_text(validate_person_name_given, "I moved it to Charles Schwab.", "Charles"));
    CHECK_FALSE(in_text(validate_person_name_given, "Accounts at Raymond James or Fidelity.", "James"));
    CHECK_FALSE(in_text(validate_person_name_given, "My 401(k) is at Fidelity, and at Dana too.", "Dana"));
    CHECK_FALSE(in_text(validate_person_name_given, "Dinner at the Ruth's Chris downtown.", "Chris"));
    CHECK_FALSE(in_text(validate_person_name_given, "Dinner at the Ruth's Chris downtown.", "Ruth"));
    CHECK_FALSE(in_text(validate_person_name_given, "Pizza from Papa John's tonight.", "John"));
    CHECK_FALSE(in_text(validate_person_name_given, "Grab shampoo at Sally Beauty.", "Sally Beauty"));
    CHECK(in_text(validate_person_name_given, "I read Dana's email twice.", "Dana"));
    CHECK(in_text(validate_person_name_given, "That's Peter DiCarlo, a professor.", "Peter DiCarlo"));
    CHECK(in_text(validate_person_name_given, "It's Dana again.", "Dana"));
    CHECK(in_text(validate_person_name_given, "Thanks, Charles Okafor, for calling.", "Charles Okafor"));
    CHECK(in_text(validate_person_name_given, "Ha, tell Ines I said hi.", "Ines"));  // unpunctuated speech
    CHECK_FALSE(in_text(validate_person_name_given, "Builds run on Travis CI now.", "Travis"));
    CHECK_FALSE(in_text(validate_person_name, "Strictly speaking, it changed.", "Strictly"));
    CHECK_FALSE(in_text(validate_person_name_given, "Ask Dana The Great.", "Dana"));
    // The end of a longer word (the rules have no leading \b).
    CHECK_FALSE(in_text(validate_person_name_given, "Ask DeAnna about it.", "Anna"));
    CHECK_FALSE(in_text(validate_person_name_given, "Ask JoAnn Smith.", "Ann Smith"));
    CHECK_FALSE(in_text(validate_person_name_given, "Model X9Dana is out.", "Dana"));
}

TEST_CASE("pii names: a name followed by its own spelling") {
    CHECK(in_text(validate_person_name_spelled, "under Okonkwo. That's O-K-O-N-K-W-O", "Okonkwo"));
    CHECK(in_text(validate_person_name_spelled, "Elena Petrova, that's P-E-T-R-O-V-A", "Elena Petrova"));
    CHECK(in_text(validate_person_name_spelled, "Siobhan Kelly, S I O B H A N", "Siobhan Kelly"));
    CHECK(in_match(validate_person_name_spelled, "Whitfield, W-H-I-T... and so on", "Whitfield", "W-H-I-T"));
    // The spelling is of another word, too short, or stops short without trailing off.
    CHECK_FALSE(in_text(validate_person_name_spelled, "Alpha, A-B-C-D", "Alpha"));
    CHECK_FALSE(in_text(validate_person_name_spelled, "Okonkwo, O-K", "Okonkwo"));
    CHECK_FALSE(in_match(validate_person_name_spelled, "Whitfield, W-H-I-T. Yes.", "Whitfield", "W-H-I-T"));
    CHECK_FALSE(in_text(validate_person_name_spelled, "Customer Support, S-U-P-P-O-R-T", "Customer Support"));
    // No spelling after the name in the match.
    CHECK_FALSE(in_text(validate_person_name_spelled, "Okonkwo", "Okonkwo"));
}

TEST_CASE("pii names: a lower-case name, not a word that follows \"it's under\"") {
    CHECK(validate_person_name_lowercase("whitfield", none()));
    CHECK(validate_person_name_lowercase("okonkwo", none()));
    CHECK_FALSE(validate_person_name_lowercase("warranty", none()));
    CHECK_FALSE(validate_person_name_lowercase("review", none()));
    CHECK_FALSE(validate_person_name_lowercase("inspection", none()));
    CHECK_FALSE(validate_person_name_lowercase("maintenance", none()));
    CHECK_FALSE(validate_person_name_lowercase("the", none()));
    CHECK_FALSE(validate_person_name_lowercase("twenty", none()));
    CHECK_FALSE(validate_person_name_lowercase("Whitfield", none()));
    CHECK_FALSE(validate_person_name_lowercase("ab", none()));
}

TEST_CASE("person names: a relation or role word counts only after a possessive or article") {
    // The match starts at the role word; the word before it decides.
    auto role = [](std::string_view text, std::string_view role_word, std::string_view secret) {
        size_t begin = text.find(role_word);
        size_t at = text.find(secret, begin);
        REQUIRE(begin != std::string_view::npos);
        REQUIRE(at != std::string_view::npos);
        return validate_person_name_role(text.substr(at, secret.size()),
                                         ValidationContext{text, begin, at + secret.size(), "US"});
    };
    CHECK(role("yes, my husband, Terrence Brooks, called", "husband", "Terrence Brooks"));
    CHECK(role("Our adjuster Dana will call", "adjuster", "Dana"));
    CHECK(role("the new hire, Priya, starts Monday", "hire", "Priya"));
    CHECK_FALSE(role("We watched Boss Baby last night", "Boss", "Baby"));
    CHECK_FALSE(role("Wife Swap was on TV", "Wife", "Swap"));
    CHECK_FALSE(role("Open Manager Settings now", "Manager", "Settings"));
    // The name itself must still pass the person-name check.
    CHECK_FALSE(role("my manager, Customer Support, will call", "manager", "Customer Support"));
}
