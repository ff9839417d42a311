// Word-shaped PII found after a cue phrase: passwords and PINs, usernames (see pii_checks.h;
// person names are in pii_names.cpp). The cue is in the rule's pattern; these reject the words a
// cue is often followed by that are not PII.
#include <algorithm>
#include <string>
#include <unordered_set>

#include "util/strings.h"
#include "validate/pii_checks.h"

namespace aaiscan {
namespace {

const std::unordered_set<std::string>& filler_words() {
    static const std::unordered_set<std::string> words = {
        "the", "a", "an", "my", "your", "our", "same", "wrong", "incorrect", "not", "too", "expired",
        "reset", "correct", "changed", "locked", "working", "different", "long", "short", "easy", "hard",
        "weak", "strong", "secure", "required", "needed", "something", "what", "it", "that", "this", "is",
        "was", "in", "on", "for", "forgotten", "forgot", "case", "sensitive", "still", "also", "just",
        "now", "please", "blank", "empty", "lost", "stolen", "compromised", "temporary", "new", "old",
        "there", "here", "and", "or", "but", "so", "because", "if", "when", "very", "really", "going",
        "gonna", "kind", "like", "um", "uh", "okay", "ok", "yes", "no", "yeah", "fine", "good", "set",
        "stored", "saved", "written", "sent", "emailed", "texted", "all", "only", "usually", "always",
        "never", "probably", "definitely", "actually", "basically", "literally", "simple", "complicated",
        "different.", "hidden", "masked", "encrypted", "redacted", "private", "secret", "confidential",
        "asterisks", "dots", "stars", "to", "at", "of", "with", "by", "from", "as", "be", "been", "being",
        "listed", "shown", "displayed", "printed", "on", "off", "supposed", "meant", "valid", "invalid"};
    return words;
}

std::string strip_punctuation(std::string_view s) {
    while (!s.empty() && std::string_view(".,;:!?\"')").find(s.back()) != std::string_view::npos) s.remove_suffix(1);
    while (!s.empty() && std::string_view("\"'(").find(s.front()) != std::string_view::npos) s.remove_prefix(1);
    return std::string(s);
}

}  // namespace

// A lower-case English word shaped like an adverb, participle or abstract noun ("explicitly",
// "provided", "given", "queried"): what follows "username is" / "password was" in prose.
bool prose_word(const std::string& s) {
    if (s.size() < 4 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return false;
    for (std::string_view ending : {"ly", "ed", "ing", "en", "ion", "ble", "ous", "ive", "ent", "ant"}) {
        if (s.size() > ending.size() + 2 && s.compare(s.size() - ending.size(), ending.size(), ending) == 0) return true;
    }
    return false;
}

bool validate_password(std::string_view secret, const ValidationContext&) {
    std::string s = strip_punctuation(secret);
    if (s.size() < 3 || s.size() > 64 || is_redaction_mark(s)) return false;
    if (filler_words().count(to_lower_ascii(s)) || prose_word(s)) return false;
    // "****" or "...." are a password being hidden, not said.
    return !std::all_of(s.begin(), s.end(), [&](char c) { return c == s[0]; });
}

bool validate_username(std::string_view secret, const ValidationContext&) {
    std::string s = strip_punctuation(secret);
    if (s.size() < 3 || s.size() > 40 || is_redaction_mark(s)) return false;
    if (filler_words().count(to_lower_ascii(s)) || prose_word(s)) return false;
    return !std::all_of(s.begin(), s.end(), [&](char c) { return c == s[0]; });
}

bool validate_username_handle(std::string_view secret, const ValidationContext& context) {
    if (!validate_username(secret, context)) return false;
    std::string s = strip_punctuation(secret);
    bool letter = false, mark = false;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) letter = true;
        if ((c >= '0' && c <= '9') || c == '_' || c == '.' || (i > 0 && c >= 'A' && c <= 'Z')) mark = true;
    }
    return letter && mark;
}

}  // namespace aaiscan
