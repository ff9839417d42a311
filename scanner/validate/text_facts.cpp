// Per-text facts for validators (see text_facts.h).
#include "validate/text_facts.h"

#include <algorithm>
#include <array>
#include <string>

#include "util/strings.h"

namespace aaiscan {

const std::vector<size_t>& TextFacts::assemblyai_mentions() const {
    if (m_assemblyai_mentions) return *m_assemblyai_mentions;
    std::vector<size_t> found;
    std::string lower = to_lower_ascii(m_text);
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

}  // namespace aaiscan
