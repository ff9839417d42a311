// `aaiscan rules list|check|explain`: inspect the active rules and prove each rule's examples
// (must be found) and negative examples (must not be found) through the real scan pipeline.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "app/engine.h"

namespace aaiscan {

struct RuleCheckFailure {
    const Rule* rule;
    std::string what;  // "example 2 was not found" ...
};

// Runs every example of `rules` (all active rules when empty) through the engine.
std::vector<RuleCheckFailure> check_rule_examples(const Engine& engine, const std::vector<const Rule*>& rules);

// Times each rule of `which` (all when empty) alone on a fixed buffer; prints the slowest first and
// a warning line for each rule below `min_mbps`.
// `corpus_path` "" times over the built-in mixed buffer; otherwise over that file (at most 64 MB
// of it), e.g. exported transcript text. Throws ConfigError when the file cannot be read.
void print_rule_timings(const Engine& engine, const std::vector<const Rule*>& which, double min_mbps,
                        const std::string& corpus_path, std::ostream& out);

void list_rules(const Engine& engine, bool json, std::ostream& out);
// Returns false when `id` is unknown.
bool explain_rule(const Engine& engine, const std::string& id, std::ostream& out);

}  // namespace aaiscan
