// Following a hard-coded key to where it is used (see key_usage.h).
#include "validate/key_usage.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>

#include "util/strings.h"
#include "validate/text_facts.h"

namespace aaiscan {
namespace {

// How far around a name the code is read for a service marker, and how far the file is read.
constexpr size_t k_site_reach = 200;
constexpr size_t k_file_reach = 64 * 1024;
constexpr size_t k_max_uses = 64;

constexpr std::array<std::string_view, 3> k_assemblyai_markers = {"assemblyai", "assembly_ai", "assembly-ai"};

// Code that hands a value to another service whose keys can be 32 hex characters.
constexpr std::array<std::string_view, 27> k_other_service_markers = {
    "twilio",       "speechconfig", "cognitiveservices", "cognitive-services", "ocp-apim",  "azure",
    "microsoft",    "mixpanel",     "amplitude",         "analytics.load",     "sentry",    "algolia",
    "rollbar",      "elevenlabs",   "deepgram",          "mailgun",            "datadog",   "stripe",
    "openai",       "pusher",       "bugsnag",           "newrelic",           "onesignal", "hotjar",
    "speechmatics", "gladia",       "speechregion"};

// Names that say the value belongs to another service.
constexpr std::array<std::string_view, 40> k_other_service_names = {
    "twilio",  "azure",    "cognitive", "microsoft", "mixpanel",  "amplitude", "segment",   "sentry",
    "algolia", "rollbar",  "eleven",    "deepgram",  "mailgun",   "datadog",   "stripe",    "openai",
    "pusher",  "bugsnag",  "newrelic",  "new_relic", "onesignal", "hotjar",    "google",    "gcp",
    "aws",     "slack",    "github",    "gitlab",    "firebase",  "supabase",  "sendgrid",  "postmark",
    "gladia",  "speechmatics", "revai", "rev_ai",    "cohere",    "anthropic", "pinecone",  "mapbox"};

// Names of values that are not credentials even when they say key or token.
constexpr std::array<std::string_view, 24> k_not_secret_names = {
    "cache",  "idempot", "hash",   "checksum", "etag",     "csrf",   "nonce",  "salt",
    "digest", "md5",     "sha",    "fingerprint", "guid",  "uuid",   "trace",  "request_id",
    "requestid", "session_id", "sessionid", "public", "publishable", "sitekey", "site_key", "keyid"};

// Names too common to follow through a file: object properties and headers every client has.
constexpr std::array<std::string_view, 14> k_generic_names = {
    "key",   "apikey", "api_key", "api-key", "token", "secret", "auth",
    "authorization", "password", "access_token", "auth_token", "x-api-key", "value", "accesstoken"};

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '$'; }

bool contains_any(std::string_view lower, const auto& needles) {
    for (std::string_view n : needles) {
        if (lower.find(n) != std::string_view::npos) return true;
    }
    return false;
}

// The distance from [begin, end) (offsets into `window`) to the nearest of `needles` in it, or npos.
size_t nearest(std::string_view window, size_t begin, size_t end, const auto& needles) {
    size_t best = std::string_view::npos;
    for (std::string_view n : needles) {
        for (size_t at = window.find(n); at != std::string_view::npos; at = window.find(n, at + 1)) {
            size_t m_end = at + n.size();
            size_t distance = m_end <= begin ? begin - m_end : at >= end ? at - end : 0;
            if (distance < best) best = distance;
        }
    }
    return best;
}

enum class Vote { none, assemblyai, other };

// Which service the code nearest to text[begin, end) names, within k_site_reach bytes.
Vote vote_at(std::string_view text, size_t begin, size_t end) {
    size_t from = begin > k_site_reach ? begin - k_site_reach : 0;
    size_t to = std::min(text.size(), end + k_site_reach);
    std::string window = to_lower_ascii(text.substr(from, to - from));
    size_t aai = nearest(window, begin - from, end - from, k_assemblyai_markers);
    size_t other = nearest(window, begin - from, end - from, k_other_service_markers);
    if (aai == other) return Vote::none;  // neither (both npos), or a tie
    return aai < other ? Vote::assemblyai : Vote::other;
}

}  // namespace

std::string_view assigned_name(std::string_view match) {
    size_t at = 0;
    while (at < match.size() && !is_name_char(match[at])) ++at;  // quotes, '@', '(', a space
    size_t end = at;
    while (end < match.size() && (is_name_char(match[end]) || match[end] == '.')) ++end;
    std::string_view name = match.substr(at, end - at);
    // A name/value pair (`"Name": "/prod/transcriber/aai_key", ... "Value": "..."`): the name
    // is the last component of the name field's value.
    std::string lower_first = to_lower_ascii(name);
    if (lower_first == "name" || lower_first == "key") {
        size_t open = match.find_first_of("\"'", match.find(':', end));
        size_t close = open == std::string_view::npos ? open : match.find(match[open], open + 1);
        if (close != std::string_view::npos) {
            name = match.substr(open + 1, close - open - 1);
            if (size_t cut = name.find_last_of("/.:"); cut != std::string_view::npos) name = name.substr(cut + 1);
            return name;
        }
    }
    if (size_t dot = name.rfind('.'); dot != std::string_view::npos) name = name.substr(dot + 1);
    while (!name.empty() && (name.front() == '$' || name.front() == '-')) name.remove_prefix(1);
    while (!name.empty() && name.back() == '-') name.remove_suffix(1);
    return name;
}

namespace {

// A name (lower case) that says the value is another service's, or not a credential at all (a
// hash, a cache key, an id).
bool names_no_assemblyai_key(std::string_view lower_name) {
    return contains_any(lower_name, k_other_service_names) || contains_any(lower_name, k_not_secret_names) ||
           (lower_name.size() > 2 && lower_name.ends_with("id"));
}

}  // namespace

bool validate_used_with_assemblyai(std::string_view, const ValidationContext& context) {
    std::string_view text = context.text;
    size_t match_begin = std::min(context.match_begin, text.size());
    size_t match_end = std::clamp(context.match_end, match_begin, text.size());
    std::string_view name = assigned_name(text.substr(match_begin, match_end - match_begin));
    std::string lower_name = to_lower_ascii(name);
    if (names_no_assemblyai_key(lower_name)) return false;
    // "aai" is AssemblyAI's own abbreviation (the SDKs import it as `aai`): `aai-token`, `aaiSecret`.
    if (lower_name.find("aai") != std::string::npos || contains_any(lower_name, k_assemblyai_markers)) return true;

    // The part of the file that is read: the value and up to k_file_reach bytes on each side.
    // Nothing there names AssemblyAI: no use can vote for it, and the file does not talk to it.
    size_t from = match_begin > k_file_reach ? match_begin - k_file_reach : 0;
    size_t to = std::min(text.size(), match_end + k_file_reach);
    std::optional<TextFacts> own;
    const TextFacts& facts = context.facts ? *context.facts : own.emplace(text);
    if (!facts.mentions_assemblyai_in(from, to)) return false;

    int assemblyai_votes = 0, other_votes = 0;
    auto count = [&](Vote v) {
        assemblyai_votes += v == Vote::assemblyai;
        other_votes += v == Vote::other;
    };
    count(vote_at(text, match_begin, match_end));
    bool generic = false;
    for (std::string_view g : k_generic_names) generic = generic || lower_name == g;
    if (!generic && name.size() >= 3) {
        size_t uses = 0;
        std::string_view window = text.substr(from, to - from);
        for (size_t at = window.find(name); at != std::string_view::npos && uses < k_max_uses; at = window.find(name, at + 1)) {
            size_t begin = from + at, end = begin + name.size();
            if (begin < match_end && end > match_begin) continue;  // the assignment itself
            bool whole = (begin == 0 || !is_name_char(text[begin - 1])) && (end >= text.size() || !is_name_char(text[end]));
            if (!whole) continue;
            ++uses;
            count(vote_at(text, begin, end));
        }
    }
    // No use decides: the file talks to AssemblyAI (a mention is near).
    return assemblyai_votes != other_votes ? assemblyai_votes > other_votes : true;
}

namespace {

// The identifier just before `= "value"` or `: "value"` (a minifier's `Wt`, a property
// `speechToken`, `k=atob("value")`), or empty.
std::string_view name_before_value(std::string_view text, size_t value_begin) {
    size_t at = value_begin;
    while (at > 0 && (text[at - 1] == '"' || text[at - 1] == '\'' || text[at - 1] == '`')) --at;
    while (at > 0 && text[at - 1] == ' ') --at;
    // A value decoded where it is assigned: `const k=atob("...")`.
    if (at >= 5 && text.substr(at - 5, 5) == "atob(") at -= 5;
    while (at > 0 && text[at - 1] == ' ') --at;
    if (at == 0 || (text[at - 1] != '=' && text[at - 1] != ':')) return {};
    --at;
    while (at > 0 && text[at - 1] == ' ') --at;
    size_t end = at;
    while (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_' || text[at - 1] == '$')) --at;
    return text.substr(at, end - at);
}

}  // namespace

bool validate_sent_to_assemblyai(std::string_view secret, const ValidationContext& context) {
    std::string_view text = context.text;
    const char* base = text.data();
    if (secret.data() < base || secret.data() + secret.size() > base + text.size()) return false;
    size_t value_begin = static_cast<size_t>(secret.data() - base);
    std::string_view name = name_before_value(text, value_begin);
    // One letter counts (small bundles name module constants `d`, `m`): the use must still be a
    // credential beside AssemblyAI's host.
    if (name.empty()) return false;
    std::string lower_name = to_lower_ascii(name);
    if (names_no_assemblyai_key(lower_name)) return false;  // VITE_BUILD_ID, contentHash, mixpanelToken
    constexpr size_t k_bundle_reach = 256 * 1024;
    size_t from = value_begin > k_bundle_reach ? value_begin - k_bundle_reach : 0;
    size_t to = std::min(text.size(), value_begin + k_bundle_reach);
    std::optional<TextFacts> own;
    const TextFacts& facts = context.facts ? *context.facts : own.emplace(text);
    if (!facts.mentions_assemblyai_in(from, to)) return false;
    // The name's uses as a credential within reach, in file order, up to k_max_uses.
    const std::vector<size_t>& uses = facts.credential_uses(name);
    int assemblyai_votes = 0, other_votes = 0;
    size_t counted = 0;
    for (auto it = std::lower_bound(uses.begin(), uses.end(), from); it != uses.end() && *it < to && counted < k_max_uses; ++it) {
        if (*it < value_begin && value_begin - *it <= name.size() + 4) continue;  // the assignment itself
        ++counted;
        Vote v = vote_at(text, *it, *it + name.size());
        assemblyai_votes += v == Vote::assemblyai;
        other_votes += v == Vote::other;
    }
    return assemblyai_votes > 0 && other_votes == 0;
}

}  // namespace aaiscan
