// Turns one decoded blob into findings: matcher (Hyperscan + RE2), then each rule's allow list,
// context requirement, entropy floor and validators, then deduplication of overlapping matches
// across rules (the most severe, most specific wins), inline suppression and positions.
// One BlobScanner per worker thread; it reuses its buffers across blobs.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "decode/source_map.h"
#include "findings/finding.h"
#include "match/rule_matcher.h"
#include "validate/text_facts.h"

namespace aaiscan {

struct ScanSettings {
    bool inline_ignore = true;
    std::string phone_region = "US";
};

// Where a blob came from, copied into its findings.
struct BlobOrigin {
    std::string_view path;          // display path
    std::string_view project_path;  // for fingerprints
    const CommitRef* commit = nullptr;
};

class BlobScanner {
public:
    BlobScanner(const RuleMatcher& matcher, const ScanSettings& settings);

    // Scans `text` with the rules of `scope`; appends findings to `out`. Only matches whose
    // secret starts in [accept_begin, accept_end) are kept (chunks of large files overlap).
    // Never throws on any input.
    void scan(std::string_view text, Scope scope, SourceMap& map, const BlobOrigin& origin,
              std::vector<Finding>& out, size_t accept_begin = 0,
              size_t accept_end = std::string_view::npos);

    // The matches that survived validation in the last scan() call, in text order (for redact).
    const std::vector<RuleMatch>& last_matches() const { return m_kept; }

private:
    bool accepts(const RuleMatch& match, std::string_view text, const TextFacts& facts) const;

    const RuleMatcher& m_matcher;
    const ScanSettings& m_settings;
    std::unique_ptr<MatchScratch> m_scratch;
    std::vector<RuleMatch> m_matches;
    std::vector<RuleMatch> m_kept;
};

}  // namespace aaiscan
