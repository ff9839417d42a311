// Per-rule cost on a fixed buffer: each content rule is compiled alone into a Hyperscan block
// database and timed over the buffer (prefilter), then its candidates are confirmed with RE2.
// Used by `aaiscan rules check --timing` to point rule authors at patterns that scan slowly
// (usually ones without a literal Hyperscan can search for).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ruleset/rule_set.h"

namespace aaiscan {

struct RuleTiming {
    size_t rule = 0;          // index into the RuleSet
    double prefilter_mbps = 0;  // Hyperscan alone, MB/s (10^6 bytes)
    double total_mbps = 0;      // prefilter + RE2 confirmation of every hit
    size_t hits = 0;            // prefilter end offsets reported
    std::string error;          // when the rule could not be timed
};

// Times every content rule of `rules` over `buffer` (best of `repeats` runs each). Slow: it
// compiles one database per rule. Never throws; problems go to RuleTiming::error.
std::vector<RuleTiming> time_rules(const RuleSet& rules, std::string_view buffer, int repeats = 3);

// The cost of the rules together, as the scanner runs them: one database for the transcript
// scope, one for every other scope (a rule with both kinds of scope is in both).
struct DatabaseTiming {
    std::string name;       // "transcript" or "source"
    size_t rules = 0;       // content rules in the database
    double mbps = 0;        // Hyperscan over the buffer, MB/s
    size_t hits = 0;
    std::string error;
};
std::vector<DatabaseTiming> time_databases(const RuleSet& rules, std::string_view buffer, int repeats = 3);

// A deterministic ~`size`-byte mix of source, config, logs, hex and digits: the fixed buffer.
std::string timing_corpus(size_t size);

}  // namespace aaiscan
