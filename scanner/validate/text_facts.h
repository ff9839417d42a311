// Facts about a whole scanned text that some validators need, found once per text rather than
// once per candidate match: a 1.5 MB JSON of 20,000 hashes under "token" keys would otherwise be
// searched 20,000 times. BlobScanner makes one per scan and hands it to the validators through
// ValidationContext::facts; each fact is computed on first use.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace aaiscan {

class TextFacts {
public:
    explicit TextFacts(std::string_view text) : m_text(text) {}

    // Where the text names AssemblyAI: "assemblyai", "assembly_ai" or "assembly-ai" in any case,
    // or "assemblyai" base64-encoded at any of the three byte alignments (a Kubernetes Secret
    // holding https://api.assemblyai.com). Ascending offsets.
    const std::vector<size_t>& assemblyai_mentions() const;
    // True when a mention starts in [begin, end).
    bool mentions_assemblyai_in(size_t begin, size_t end) const;

    // Where a name is sent as a credential: the identifier (the last part of a path such as
    // `E$.speechToken`) right after an authorization, apiKey or token cue and a ':', '=', ',' or
    // '+' (`headers:{authorization:Wt}`, `"?token="+t`, `setRequestHeader("Authorization",k)`).
    // Offsets of each name's uses, ascending; empty when the name is never sent.
    const std::vector<size_t>& credential_uses(std::string_view name) const;

private:
    // The text in lower case, made once for every fact that needs it.
    const std::string& lowered() const;

    std::string_view m_text;
    mutable std::optional<std::string> m_lowered;
    mutable std::optional<std::vector<size_t>> m_assemblyai_mentions;
    mutable std::optional<std::unordered_map<std::string_view, std::vector<size_t>>> m_credential_uses;
};

}  // namespace aaiscan
