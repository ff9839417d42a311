// AssemblyAI's substitutions (see redact_substitute.h).
#include "app/redact_substitute.h"

namespace aaiscan {

std::string_view to_string(Substitution substitution) {
    return substitution == Substitution::hash ? "hash" : "entity_name";
}

std::string entity_name_token(std::string_view policy) {
    std::string token = "[";
    for (char c : policy) token.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    token.push_back(']');
    return token;
}

namespace {

bool is_alnum(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// The separators a hash redaction keeps: spaces and the punctuation inside numbers, addresses and
// dates that AssemblyAI leaves standing ("###-##-####", "(###) ###-####", "####.####@####.###").
// Anything else becomes '#', so the result is always recognised as a redaction mark.
bool kept_in_hash(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '.' || c == '/' || c == '(' ||
           c == ')' || c == '@' || c == '+';
}

}  // namespace

std::string substitute(std::string_view piece, std::string_view policy, Substitution substitution) {
    if (substitution == Substitution::entity_name) {
        for (char c : piece) {
            auto u = static_cast<unsigned char>(c);
            if (is_alnum(u) || u >= 0x80) return entity_name_token(policy);
        }
        return std::string(piece);
    }
    std::string out;
    out.reserve(piece.size());
    for (size_t i = 0; i < piece.size(); ++i) {
        auto u = static_cast<unsigned char>(piece[i]);
        if (u >= 0x80) {
            // One '#' per code point: skip the continuation bytes.
            out.push_back('#');
            while (i + 1 < piece.size() && (static_cast<unsigned char>(piece[i + 1]) & 0xC0) == 0x80) ++i;
        } else if (kept_in_hash(u)) {
            out.push_back(piece[i]);
        } else {
            out.push_back('#');
        }
    }
    return out;
}

}  // namespace aaiscan
