// Finds the matches of every content rule of a scope in a buffer: a Hyperscan block-mode
// prefilter over all rules at once (no start-of-match, callback records only rule + end offset),
// then RE2 confirms each hit on a bounded window ending there and extracts the `secret` group.
// An RE2-only engine gives the same answers without Hyperscan (for differential tests).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ruleset/rule_set.h"

namespace aaiscan {

// A confirmed match of one content rule, as byte offsets into the scanned buffer.
struct RuleMatch {
    uint32_t rule = 0;  // index into the RuleSet
    size_t begin = 0;   // whole match
    size_t end = 0;
    size_t secret_begin = 0;  // the `secret` group, or the whole match when there is none
    size_t secret_end = 0;
};

enum class MatchEngine { hyperscan, re2 };

// Where compiled databases are cached by default: $AAISCAN_CACHE_DIR, else
// $XDG_CACHE_HOME/aaiscan, else ~/.cache/aaiscan.
std::string default_rule_cache_dir();

struct MatcherOptions {
    MatchEngine engine = MatchEngine::hyperscan;
    std::string cache_dir;  // where compiled databases are cached; empty disables the cache
};

// Per-thread scanning state (Hyperscan scratch, hit buffers). Create one per worker with
// RuleMatcher::make_scratch(); never share one between threads.
class MatchScratch {
public:
    ~MatchScratch();
    MatchScratch(const MatchScratch&) = delete;
    MatchScratch& operator=(const MatchScratch&) = delete;
    struct Impl;

private:
    friend class RuleMatcher;
    explicit MatchScratch(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

class RuleMatcher {
public:
    // Compiles every content rule (or loads the compiled databases from the cache). Throws Error
    // naming file:line:column and the rule id when a pattern is invalid for RE2 or Hyperscan.
    // `rules` must outlive the matcher.
    RuleMatcher(const RuleSet& rules, const MatcherOptions& options);
    ~RuleMatcher();
    RuleMatcher(const RuleMatcher&) = delete;
    RuleMatcher& operator=(const RuleMatcher&) = delete;

    std::unique_ptr<MatchScratch> make_scratch() const;

    // Appends to `out` the matches of the rules of `scope` in `text`, sorted by begin offset.
    // Overlapping matches of the same rule are reported once. Never throws.
    void find(Scope scope, std::string_view text, MatchScratch& scratch,
              std::vector<RuleMatch>& out) const;

    // The rule's `context` requirement on the lines around the match, and its `allow` list.
    bool context_allows(const RuleMatch& match, std::string_view text) const;
    bool secret_allowed_by_rule(uint32_t rule, std::string_view secret) const;

    // The confirm window of a rule in bytes (declared max_width, else derived from the pattern).
    uint32_t window(uint32_t rule) const;
    // The widest window of all rules: the overlap needed between chunks of a large file.
    uint32_t max_window() const;
    bool loaded_from_cache() const;
    const RuleSet& rules() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace aaiscan
