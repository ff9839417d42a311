// Person names in transcripts (see pii_checks.h): the words a name cue is often followed by that
// are not names, gazetteer names inside place and company names, a name spelled out letter by
// letter, and a lower-case name in an unformatted transcript.
#include <string>
#include <unordered_set>

#include "util/strings.h"
#include "validate/pii_checks.h"

namespace aaiscan {
namespace {

std::string strip_punctuation(std::string_view s) {
    while (!s.empty() && std::string_view(".,;:!?\"')").find(s.back()) != std::string_view::npos) s.remove_suffix(1);
    while (!s.empty() && std::string_view("\"'(").find(s.front()) != std::string_view::npos) s.remove_prefix(1);
    return std::string(s);
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// The ASCII letters of `word`, upper-cased ("Okonkwo," -> "OKONKWO", "O-K-O" -> "OKO").
std::string upper_letters(std::string_view word) {
    std::string upper;
    for (char c : word) {
        if (is_letter(c)) upper += static_cast<char>(is_upper(c) ? c : c - 'a' + 'A');
    }
    return upper;
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
        "git", "github", "gitlab", "slack", "linux", "windows", "python",
        // "Strictly speaking": adverbs before the intro cue.
        "strictly", "generally", "technically", "honestly", "frankly", "roughly", "broadly", "relatively",
        "legally", "medically", "financially", "practically", "historically", "personally", "professionally",
        "realistically", "statistically", "loosely", "properly", "politically", "comparatively",
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
        "danke", "ciao", "premium", "basic", "standard", "gold", "silver", "platinum", "pro", "plus",
        // Places and the menus and programmes a caller's account is "under".
        "hills", "park", "parkway", "square", "plaza", "bridge", "airport", "station", "beach", "bay", "lake",
        "river", "island", "valley", "heights", "springs", "falls", "mall", "hall", "cathedral", "foundation",
        "institute", "memorial", "inn", "club", "boulevard", "drive", "place", "court", "terrace", "highway",
        "medicare", "medicaid", "tricare", "cobra", "section", "chapter", "article", "warranty", "settings",
        "preferences", "options", "profile", "security", "privacy", "advanced", "general", "home",
        "reports", "dashboard", "tools", "file", "help", "blue", "cross", "shield", "armour", "armor", "air",
        "airways", "rights", "warning", "beauty", "outlet", "outlets", "supply", "supplies", "bridal",
        "boutique", "salon", "spa", "diner", "bakery", "deli", "steakhouse", "tavern", "pub", "bar", "brewery",
        "winery", "farms", "dealership", "jewelers", "jewellers", "furniture", "hardware", "pharmaceuticals",
        // Companies a caller says they "spoke to" or "talked with".
        "verizon", "comcast", "xfinity", "sprint", "spectrum", "geico", "allstate", "progressive",
        "fidelity", "vanguard", "schwab", "irs", "ups", "fedex", "usps", "dhl", "walmart", "target", "costco",
        "ebay", "netflix", "hulu", "spotify", "uber", "lyft", "airbnb", "expedia", "delta", "southwest",
        "jetblue", "hertz", "avis", "ikea", "samsung", "dell", "lenovo", "meta", "instagram", "twitter",
        "tiktok", "linkedin", "whatsapp", "zelle", "stripe", "shopify", "intuit", "turbotax", "quickbooks",
        "hsbc", "barclays", "santander", "citibank", "amex", "navient", "experian", "equifax", "transunion",
        "aetna", "cigna", "humana", "anthem",
        // States and provinces said before a licence or plate number ("It's Massachusetts S48239107"),
        // and prescription shorthand ("It's Rx 3317802").
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware",
        "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky",
        "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri",
        "montana", "nebraska", "nevada", "ohio", "oklahoma", "oregon", "pennsylvania", "tennessee", "texas",
        "utah", "vermont", "virginia", "washington", "wisconsin", "wyoming", "ontario", "quebec", "alberta",
        "manitoba", "saskatchewan", "queensland", "victoria", "tasmania", "rx"};
    return words;
}

// Words right before a given name that make it part of a place, storm, brand or saying ("San
// Diego", "St. Louis", "Lake George", "Air Jordan", "Hurricane Irene", "Trader Joe's", "Hail Mary"),
// and "at" (people are not where an account is: "my 401(k) is at John Hancock").
const std::unordered_set<std::string>& place_prefix_words() {
    static const std::unordered_set<std::string> words = {
        "san", "santa", "santo", "sao", "st", "saint", "ste", "sainte", "fort", "ft", "port", "mount", "mt", "lake",
        "cape", "air", "los", "las", "el", "hurricane", "storm", "typhoon", "cyclone", "ave", "club", "hotel",
        "camp", "casa", "villa", "hospital", "restaurant", "cafe", "team", "project", "operation", "aston",
        "lockheed", "morgan", "big", "hail", "bloody", "trader", "average", "papa", "at"};
    return words;
}

// Companies, brands and stores named after a person ("Charles Schwab", "Ralph Lauren"), lowered:
// a given name of the gazetteer with the word after it.
const std::unordered_set<std::string>& eponymous_brands() {
    static const std::unordered_set<std::string> names = {
        // Finance, insurance, staffing.
        "charles schwab", "edward jones", "raymond james", "john hancock", "robert half", "thomas cook",
        "henry schein", "william hill", "john wiley", "charles river", "james hardie", "william morris",
        "jenny craig", "john lewis", "john deere", "samuel adams", "jim beam", "jose cuervo", "george foreman",
        "sara lee", "betty crocker", "marie callender", "peter pan", "martha stewart", "tim hortons",
        // Fashion, beauty, retail.
        "ralph lauren", "tommy hilfiger", "tommy bahama", "kate spade", "michael kors", "steve madden",
        "vera wang", "vera bradley", "anne klein", "ann taylor", "eddie bauer", "eileen fisher",
        "laura ashley", "laura mercier", "louis vuitton", "alexander mcqueen", "alexander wang",
        "elizabeth arden", "mary kay", "paul smith", "paul mitchell", "john frieda", "kenneth cole",
        "nicole miller", "liz claiborne", "jimmy choo", "david yurman", "harry winston", "isaac mizrahi",
        "thomas pink", "marie claire", "charles tyrwhitt", "joseph abboud", "sally beauty",
        // Software and services.
        "travis ci", "jenkins ci"};
    return names;
}

// Lower-case words that follow "it's under" without being a name ("under warranty", "under review").
const std::unordered_set<std::string>& under_words() {
    static const std::unordered_set<std::string> words = {
        "warranty", "review", "control", "contract", "construction", "investigation", "way", "budget",
        "pressure", "water", "age", "oath", "arrest", "attack", "repair", "maintenance", "renovation",
        "consideration", "discussion", "evaluation", "development", "negotiation", "offer", "threat",
        "stress", "his", "her", "their", "whose", "which", "name", "names", "last", "first", "family",
        "business", "work", "personal", "plan", "policy", "coverage", "insurance", "medicare", "medicaid",
        "settings", "preferences", "options", "profile", "billing", "payments", "orders", "history",
        "spam", "junk", "promotions", "pending", "processing", "dispute", "appeal", "audit", "embargo",
        "quarantine", "lockdown", "surveillance", "observation", "treatment", "anesthesia", "sedation",
        "eighteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
        "thousand", "million", "ten", "four", "five", "six", "seven", "eight", "nine", "eleven", "twelve",
        "deadline", "schedule", "par", "rug", "bed", "table", "desk", "car", "seat", "sink", "hood", "radar",
        "fire", "siege", "wraps", "cover", "lock", "key", "guard", "license", "licence", "permit", "penalty",
        "protest", "duress", "load", "tension", "strain", "scrutiny", "suspicion", "debate", "study",
        // quantifiers and adjectives ("registered under multiple entries", "listed under several")
        "multiple", "several", "various", "different", "separate", "another", "both", "each", "some", "any",
        "all", "many", "more", "most", "one", "two", "three", "new", "old", "same", "other", "certain",
        "single", "current", "existing", "default", "general", "special", "normal", "heavy", "light"};
    return words;
}

// Lower-case words that follow a name in an unformatted call ("this is kevin how can i help",
// "carol from billing"): what a lower-case surname must not be.
const std::unordered_set<std::string>& talk_words() {
    static const std::unordered_set<std::string> words = {
        "how", "who", "whom", "whose", "which", "calling", "returning", "following", "checking", "reaching",
        "again", "over", "back", "regarding", "real", "quick", "quickly", "too", "im", "i'm", "i'll", "i've",
        "i'd", "you're", "you've", "we're", "it's", "that's", "there's", "what's", "here's", "um", "uh", "like",
        "yep", "nope", "alright", "cool", "awesome", "hmm", "mhm", "oh", "ah", "wow", "gonna", "wanna",
        "did", "don't", "didn't", "can't", "won't", "isn't", "wasn't", "just", "only", "even", "ever", "never",
        "always", "usually", "also", "still", "yet", "already", "soon", "later", "earlier", "before", "after",
        "since", "until", "while", "during", "into", "onto", "out", "up", "down", "off", "around", "through",
        "across", "between", "than", "said", "says", "say", "asked", "told", "called", "emailed", "texted",
        "wrote", "sent", "went", "came", "left", "needs", "wants", "has", "had", "was", "were", "his", "her",
        "hers", "him", "them", "their", "theirs", "its", "mine", "yours", "ours", "account", "number", "card",
        "phone", "email", "address", "name", "last", "first", "middle", "spelled", "spelling", "correct",
        "right", "wrong", "here", "there", "today", "tomorrow", "yesterday", "tonight", "please", "thanks",
        "thank", "sorry", "okay", "hello", "bye", "sir", "madam", "ma'am", "miss", "mister", "junior", "senior"};
    return words;
}

// The word of `text` that ends just before `at`, past the spaces and dots between ("St. "), lowered;
// empty when a comma or other mark comes first.
std::string word_before(std::string_view text, size_t at) {
    size_t end = at;
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '.')) --end;
    if (end == at) return {};
    size_t begin = end;
    while (begin > 0 && is_letter(text[begin - 1])) --begin;
    return to_lower_ascii(text.substr(begin, end - begin));
}

// The capitalised word that starts just after `at` (after one space), lowered; empty otherwise.
std::string capitalised_word_after(std::string_view text, size_t at) {
    if (at + 1 >= text.size() || text[at] != ' ' || !is_upper(text[at + 1])) return {};
    size_t end = at + 1;
    while (end < text.size() && is_letter(text[end])) ++end;
    return to_lower_ascii(text.substr(at + 1, end - at - 1));
}

// Where `secret` sits in context.text; false when it is not a view into it.
bool locate(std::string_view secret, const ValidationContext& context, size_t& begin, size_t& end) {
    const char* text = context.text.data();
    if (secret.data() < text || secret.data() + secret.size() > text + context.text.size()) return false;
    begin = static_cast<size_t>(secret.data() - text);
    end = begin + secret.size();
    return true;
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
        // A middle initial ("Nathaniel J. Brooks") between two names.
        bool initial = word.size() == 2 && word[0] >= 'A' && word[0] <= 'Z' && word[1] == '.' && words > 0 &&
                       end != std::string_view::npos;
        std::string w = to_lower_ascii(strip_punctuation(word));
        // "Will" and "May" are names too: as the first of two capitalised words ("this is Will
        // Ashford") they are not the verbs.
        bool modal_name = words == 0 && end != std::string_view::npos && (w == "will" || w == "may") &&
                          word[0] >= 'A' && word[0] <= 'Z';
        if (!initial && !modal_name && (w.size() < 2 || stop.count(w))) return false;
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

bool validate_person_name_given(std::string_view secret, const ValidationContext& context) {
    if (!validate_person_name(secret, context)) return false;
    size_t begin = 0;
    size_t end = 0;
    if (!locate(secret, context, begin, end)) return true;
    std::string_view text = context.text;
    // The end of a longer word ("DeAnna"; the rules have no leading \b), or inside an email
    // address, a URL, a path or an identifier.
    if (begin > 0 && (is_letter(text[begin - 1]) || (text[begin - 1] >= '0' && text[begin - 1] <= '9') ||
                      static_cast<unsigned char>(text[begin - 1]) >= 0x80)) {
        return false;
    }
    if (begin > 0 && std::string_view("@./_-\\#:").find(text[begin - 1]) != std::string_view::npos) return false;
    if (end < text.size() && std::string_view("@_/\\").find(text[end]) != std::string_view::npos) return false;
    if (end + 1 < text.size() && text[end] == '.' && is_letter(text[end + 1])) return false;
    if (place_prefix_words().count(word_before(text, begin))) return false;
    // A store or restaurant named in the possessive: "Ruth's Chris", "Dick's Sporting Goods" (not
    // "That's Peter", "It's Dana").
    if (begin >= 4 && text.substr(begin - 3, 3) == "'s " && is_letter(text[begin - 4])) {
        size_t word = begin - 3;
        while (word > 0 && is_letter(text[word - 1])) --word;
        static const std::unordered_set<std::string> contractions = {
            "that", "it", "he", "she", "who", "there", "here", "let", "what", "where", "how", "name", "this",
            "everyone", "everybody", "someone", "somebody", "nobody", "today", "now", "when", "why"};
        if (is_upper(text[word]) && !contractions.count(to_lower_ascii(text.substr(word, begin - 3 - word)))) return false;
    }
    if (text.substr(end, 2) == "'s" && !capitalised_word_after(text, end + 2).empty()) return false;
    std::string next = capitalised_word_after(text, end);
    // A stop word after the name ("Dana The ...") is not a surname; the pronoun "I" often follows
    // a name in unpunctuated speech ("tell Ines I said hi").
    if (!next.empty() && next != "i" && non_name_words().count(next)) return false;
    // Either word of a brand named after a person ("Ralph Lauren": "Ralph", "Lauren").
    std::string name = to_lower_ascii(secret);
    if (name.find(' ') != std::string::npos) return !eponymous_brands().count(name);
    if (!next.empty() && eponymous_brands().count(name + " " + next)) return false;
    std::string before = word_before(text, begin);
    return before.empty() || !eponymous_brands().count(before + " " + name);
}

bool validate_person_name_spelled(std::string_view secret, const ValidationContext& context) {
    if (!validate_person_name(secret, context)) return false;
    size_t begin = 0;
    size_t end = 0;
    if (!locate(secret, context, begin, end) || context.match_end <= end) return false;
    std::string_view text = context.text;
    // The spelling ends the match: letters with '-' or ' ' between them ("O-K-O-N-K-W-O").
    std::string spelled;
    size_t i = context.match_end;
    while (i > end && (is_upper(text[i - 1]) || text[i - 1] == '-' || text[i - 1] == ' ')) {
        if (is_upper(text[i - 1])) spelled.insert(spelled.begin(), text[i - 1]);
        --i;
    }
    if (spelled.size() < 3) return false;
    bool trails_off = text.substr(context.match_end, 2) == "..";
    auto spells = [&](std::string_view word) {
        std::string upper = upper_letters(word);
        if (upper == spelled) return true;
        return trails_off && upper.size() > spelled.size() && upper.compare(0, spelled.size(), spelled) == 0;
    };
    size_t space = secret.find(' ');
    return spells(secret.substr(0, space)) || (space != std::string_view::npos && spells(secret.substr(space + 1)));
}

bool validate_person_name_spelling(std::string_view secret, const ValidationContext& context) {
    size_t begin = 0;
    size_t end = 0;
    if (!locate(secret, context, begin, end) || begin < context.match_begin) return false;
    std::string spelled = upper_letters(secret);
    if (spelled.size() < 3) return false;
    // One of the capitalised words before the spelling ("Ramanathan is R-A-M-...") is the name.
    std::string_view lead = context.text.substr(context.match_begin, begin - context.match_begin);
    size_t start = 0;
    while (start < lead.size()) {
        size_t stop = lead.find(' ', start);
        if (stop == std::string_view::npos) stop = lead.size();
        std::string_view word = lead.substr(start, stop - start);
        if (upper_letters(word) == spelled && validate_person_name(strip_punctuation(word), context)) return true;
        start = stop + 1;
    }
    return false;
}

bool validate_person_name_lowercase(std::string_view secret, const ValidationContext& context) {
    if (secret.size() < 3 || to_lower_ascii(secret) != secret) return false;
    size_t start = 0;
    while (start < secret.size()) {
        size_t end = secret.find(' ', start);
        std::string w(secret.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (w.size() < 3 || non_name_words().count(w) || under_words().count(w) || talk_words().count(w)) return false;
        // Abstract nouns and participles ("inspection", "maintenance", "pending").
        for (std::string_view ending : {"ion", "ance", "ence", "ment", "ity", "ness", "ing", "ship", "age"}) {
            if (w.size() > ending.size() + 2 && w.compare(w.size() - ending.size(), ending.size(), ending) == 0) return false;
        }
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return validate_person_name(secret, context);
}

bool validate_person_name_role(std::string_view secret, const ValidationContext& context) {
    // The rule's pattern starts at the role word so that Hyperscan can search for it; the
    // possessive or article in front ("my husband", "our adjuster", "the new hire") is checked here.
    static const std::unordered_set<std::string> k_determiners = {"my", "our", "his", "her", "your", "their",
                                                                  "the", "new"};
    size_t at = context.match_begin;
    if (at == 0 || at > context.text.size() || context.text[at - 1] != ' ') return false;
    if (!k_determiners.count(word_before(context.text, at))) return false;
    return validate_person_name(secret, context);
}

}  // namespace aaiscan
