// Per-text facts for validators (see text_facts.h).
#include "validate/text_facts.h"

#include <algorithm>
#include <array>
#include <string>

#include "util/strings.h"

namespace aaiscan {

const std::string& TextFacts::lowered() const {
    if (!m_lowered) m_lowered = to_lower_ascii(m_text);
    return *m_lowered;
}

const std::vector<size_t>& TextFacts::assemblyai_mentions() const {
    if (m_assemblyai_mentions) return *m_assemblyai_mentions;
    std::vector<size_t> found;
    const std::string& lower = lowered();
    for (std::string_view marker : {"assemblyai", "assembly_ai", "assembly-ai"}) {
        for (size_t at = lower.find(marker); at != std::string::npos; at = lower.find(marker, at + 1)) found.push_back(at);
    }
    for (std::string_view encoded : {"YXNzZW1ibHlh", "c2VtYmx5YW", "c3NlbWJseWFp"}) {
        for (size_t at = m_text.find(encoded); at != std::string_view::npos; at = m_text.find(encoded, at + 1)) {
            found.push_back(at);
        }
    }
    std::sort(found.begin(), found.end());
    m_assemblyai_mentions = std::move(found);
    return *m_assemblyai_mentions;
}

bool TextFacts::mentions_assemblyai_in(size_t begin, size_t end) const {
    const std::vector<size_t>& at = assemblyai_mentions();
    auto it = std::lower_bound(at.begin(), at.end(), begin);
    return it != at.end() && *it < end;
}

namespace {

bool identifier_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
}

}  // namespace

const std::vector<size_t>& TextFacts::credential_uses(std::string_view name) const {
    static const std::vector<size_t> k_none;
    if (!m_credential_uses) {
        std::unordered_map<std::string_view, std::vector<size_t>> uses;
        const std::string& lower = lowered();
        for (std::string_view cue : {"authorization", "apikey", "api_key", "x-api-key", "token"}) {
            for (size_t at = lower.find(cue); at != std::string::npos; at = lower.find(cue, at + 1)) {
                // The cue is a word (not `authorizationHeader`, not the end of `speechToken`),
                // then quotes, spaces and query punctuation around one joint.
                size_t p = at + cue.size();
                if ((at > 0 && identifier_char(m_text[at - 1])) || (p < m_text.size() && identifier_char(m_text[p]))) continue;
                bool joint = false;
                size_t skipped = 0;
                while (p < m_text.size() && skipped < 8 && std::string_view(" \"'=?&:,+").find(m_text[p]) != std::string_view::npos) {
                    joint = joint || m_text[p] == ':' || m_text[p] == '=' || m_text[p] == ',' || m_text[p] == '+';
                    ++p;
                    ++skipped;
                }
                if (!joint) continue;
                // An identifier path: the name is its last part.
                size_t begin = p;
                while (p < m_text.size() && (identifier_char(m_text[p]) || m_text[p] == '.')) {
                    if (m_text[p] == '.') begin = p + 1;
                    ++p;
                }
                if (p == begin || (m_text[begin] >= '0' && m_text[begin] <= '9')) continue;
                uses[m_text.substr(begin, p - begin)].push_back(begin);
            }
        }
        for (auto& [unused, offsets] : uses) std::sort(offsets.begin(), offsets.end());
        m_credential_uses = std::move(uses);
    }
    auto it = m_credential_uses->find(name);
    return it == m_credential_uses->end() ? k_none : it->second;
}

}  // namespace aaiscan
