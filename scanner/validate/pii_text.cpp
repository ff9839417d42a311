// Word-shaped PII found after a cue phrase: person names, passwords and PINs, usernames
// (see pii_checks.h). The cue is in the rule's pattern; these reject the words a cue is often
// followed by that are not PII.
#include <algorithm>
#include <string>
#include <unordered_set>

#include "validate/pii_checks.h"

namespace aaiscan {
namespace {

std::string lowered(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// Capitalised words that follow "this is", "I'm", "speaking with"... without being a name.
const std::unordered_set<std::string>& non_name_words() {
    static const std::unordered_set<std::string> words = {
        "the", "a", "an", "and", "but", "so", "just", "not", "here", "there", "sorry", "okay", "ok", "yes",
        "yeah", "no", "hi", "hello", "hey", "thanks", "thank", "calling", "going", "good", "great", "fine",
        "sure", "well", "please", "glad", "happy", "afraid", "trying", "looking", "still", "also", "actually",
        "really", "very", "with", "from", "at", "in", "on", "for", "about", "this", "that", "it", "i", "me",
        "my", "your", "our", "we", "they", "he", "she", "who", "what", "how", "why", "when", "where", "one",
        "someone", "somebody", "everyone", "nobody", "customer", "support", "service", "services", "team",
        "department", "billing", "sales", "account", "manager", "agent", "representative", "operator",
        "supervisor", "speaking", "mister", "miss", "mrs", "mr", "ms", "dr", "doctor", "sir", "madam",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "march", "july", "september", "october", "november", "december", "american",
        "canadian", "british", "english", "french", "german", "spanish", "mexican", "chinese", "japanese",
        "indian", "italian", "irish", "russian", "korean", "african", "european", "asian", "latino",
        "catholic", "christian", "jewish", "muslim", "buddhist", "hindu", "democrat", "republican",
        "god", "christmas", "easter", "google", "amazon", "apple", "microsoft", "facebook", "zoom", "bank",
        "insurance", "company", "corporation", "inc", "llc", "office", "hospital", "clinic", "university",
        "college", "school", "street", "avenue", "road", "city", "county", "state", "north", "south",
        "east", "west", "new", "united", "states", "america", "covid", "assemblyai", "everything",
        "nothing", "something", "anything", "today", "tomorrow", "yesterday", "now", "then", "because",
        "if", "or", "as", "all", "both", "each", "every", "any", "some", "right", "correct", "exactly",
        "absolutely", "definitely", "probably", "maybe", "perhaps", "of", "to", "by", "is", "was", "are",
        "am", "be", "been", "do", "does", "did", "have", "has", "had", "will", "would", "can", "could",
        "should", "may", "might", "must", "let", "get", "got", "make", "take", "see", "look", "call",
        "speak", "talk", "tell", "ask", "know", "think", "want", "need", "like", "love", "hate",
        "welcome", "pleased", "nice", "sorry", "excuse", "pardon", "hold", "wait", "one", "two", "three",
        "dear", "regards", "best", "kind", "cheers", "bye", "goodbye", "morning", "afternoon", "evening",
        "night", "mom", "dad", "mother", "father", "brother", "sister", "son", "daughter", "husband",
        "wife", "friend", "boss", "nurse", "patient", "caller", "guest", "user", "member", "visa",
        "mastercard", "discover", "paypal", "venmo", "chase", "wells", "citi", "fargo",
        // Words of organisation names that greetings and "this is" are followed by.
        "medicine", "medical", "health", "healthcare", "family", "center", "centre", "pharmacy", "dental",
        "credit", "union", "federal", "national", "international", "services", "solutions", "group",
        "partners", "associates", "management", "property", "properties", "energy", "travel", "auto",
        "airlines", "airline", "hotel", "hotels", "realty", "law", "legal", "offices", "systems",
        "technologies", "technology", "labs", "enterprises", "holdings", "corp", "ltd", "store", "shop",
        "market", "foods", "motors", "electric", "financial", "capital", "trust", "savings", "mutual",
        "academy", "church", "agency", "communications", "wireless", "mobile", "telecom", "cable",
        "internet", "online", "digital", "media", "news", "radio", "studio", "studios", "productions",
        "entertainment", "sports", "fitness", "restaurant", "cafe", "coffee", "pizza", "grill", "kitchen",
        "desk", "line", "helpline", "hotline", "reception", "front", "claims", "benefits", "payroll",
        "everybody", "everyone", "all", "guys", "folks", "team", "sir", "ma'am", "miss", "madam", "lady",
        "gentlemen", "ladies", "buddy", "man", "dude", "friend", "there", "again", "much", "so", "very",
        "you", "both", "yourself", "yourselves", "guten", "tag", "bonjour", "hola", "gracias", "merci",
        "danke", "ciao", "premium", "basic", "standard", "gold", "silver", "platinum", "pro", "plus"};
    return words;
}

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

bool validate_person_name(std::string_view secret, const ValidationContext&) {
    if (is_redaction_mark(secret)) return false;
    const auto& stop = non_name_words();
    size_t start = 0;
    size_t words = 0;
    while (start < secret.size()) {
        size_t end = secret.find(' ', start);
        std::string_view word = secret.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        std::string w = lowered(strip_punctuation(word));
        if (w.size() < 2 || stop.count(w)) return false;
        ++words;
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return words > 0;
}

bool validate_person_name_answer(std::string_view secret, const ValidationContext& context) {
    if (!validate_person_name(secret, context)) return false;
    const char* text = context.text.data();
    if (secret.data() < text || secret.data() + secret.size() > text + context.text.size()) return true;
    size_t begin = static_cast<size_t>(secret.data() - text);
    size_t after = begin + secret.size();
    // The question's last character: skip the answer's lead-in ("Sure, ").
    size_t i = begin;
    char asked = 0;
    while (i > context.match_begin) {
        char c = text[--i];
        if (c == '?' || c == '.') {
            asked = c;
            break;
        }
    }
    char next = after < context.text.size() ? text[after] : '.';
    return asked == '?' || next != ',';
}

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
    if (filler_words().count(lowered(s)) || prose_word(s)) return false;
    // "****" or "...." are a password being hidden, not said.
    return !std::all_of(s.begin(), s.end(), [&](char c) { return c == s[0]; });
}

bool validate_username(std::string_view secret, const ValidationContext&) {
    std::string s = strip_punctuation(secret);
    if (s.size() < 3 || s.size() > 40 || is_redaction_mark(s)) return false;
    if (filler_words().count(lowered(s)) || prose_word(s)) return false;
    return !std::all_of(s.begin(), s.end(), [&](char c) { return c == s[0]; });
}

}  // namespace aaiscan
