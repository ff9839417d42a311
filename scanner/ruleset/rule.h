// The rule model: what a YAML rule says once it has been loaded and validated. Content rules
// match bytes (Hyperscan prefilter + RE2 confirm); file rules match paths and git state.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aaiscan {

enum class Severity : uint8_t { info, low, medium, high, critical };
enum class Category : uint8_t { secret, pii, config };
enum class RuleKind : uint8_t { content, file };
// not_ignored: git would commit it; tracked: git has it; exists: present at all;
// env_ignore_missing: the repository has no ignore rule for `.env` files next to it (reported once
// per repository).
enum class FileCondition : uint8_t { not_ignored, tracked, exists, env_ignore_missing };

// Scopes decide which rules run on a blob (DESIGN.md section 2).
enum class Scope : uint8_t { code, config, env, ci, bundle, transcript };
inline constexpr size_t k_scope_count = 6;
using ScopeMask = uint8_t;
constexpr ScopeMask scope_bit(Scope s) { return static_cast<ScopeMask>(1u << static_cast<unsigned>(s)); }
inline constexpr std::array<Scope, k_scope_count> k_all_scopes = {
    Scope::code, Scope::config, Scope::env, Scope::ci, Scope::bundle, Scope::transcript};

std::string_view to_string(Severity s);
std::string_view to_string(Category c);
std::string_view to_string(Scope s);
std::string_view to_string(FileCondition c);
std::optional<Severity> parse_severity(std::string_view text);
std::optional<Category> parse_category(std::string_view text);
std::optional<Scope> parse_scope(std::string_view text);
std::optional<FileCondition> parse_file_condition(std::string_view text);

// Where a rule (or one of its keys) was written, for error messages.
struct SourceLocation {
    std::string file;
    int line = 0;    // 1-based; 0 when unknown
    int column = 0;  // 1-based
};

// An optional requirement on the text around a match.
struct RuleContext {
    std::string require;  // RE2; at least one match within the window, or no finding
    std::string exclude;  // RE2; any match within the window vetoes the finding
    int lines = 0;        // window: the match's lines plus this many lines above and below
    bool exclude_before_secret = false;  // exclude looks only before the secret (the name, not a
                                         // trailing comment: `KEY = "..."  # do not commit`)
};

struct Rule {
    std::string id;
    std::string name;
    RuleKind kind = RuleKind::content;
    Category category = Category::secret;
    Severity severity = Severity::medium;
    std::string message;
    std::string remediation;
    std::string description;
    std::string checklist;   // checklist item id or empty
    std::string pii_policy;  // AssemblyAI redact_pii policy name or empty
    std::vector<std::string> examples;
    std::vector<std::string> negative_examples;
    std::vector<std::string> references;
    SourceLocation origin;            // where the rule's mapping starts
    SourceLocation pattern_origin;    // where `pattern` is written (regex errors point here)
    SourceLocation validators_origin; // where `validators` is written

    // kind: content
    ScopeMask scopes = 0;
    std::string pattern;  // RE2 syntax that Hyperscan also accepts; group `secret` is the value
    // Optional: what Hyperscan searches for instead of `pattern` (RE2 still confirms `pattern`). It
    // must match, ending at the same byte, wherever `pattern` matches: a cheap superset for a
    // pattern whose literals are expensive to search together (a thousand given names).
    std::string prefilter;
    SourceLocation prefilter_origin;
    std::vector<std::string> keywords;
    double min_entropy = 0.0;
    std::vector<std::string> validators;
    std::vector<std::string> allow;  // RE2 patterns; a secret matching one is not a finding
    RuleContext context;
    uint32_t max_width = 0;  // confirm window in bytes (declared, or derived from the pattern)
    bool innermost = false;  // of overlapping matches, report the one that starts last (the value
                             // nearest what the pattern ends on, e.g. a request in a bundle)

    // The pattern the Hyperscan database holds for this rule, and where it is written.
    const std::string& hyperscan_pattern() const { return prefilter.empty() ? pattern : prefilter; }
    const SourceLocation& hyperscan_pattern_origin() const {
        return prefilter.empty() ? pattern_origin : prefilter_origin;
    }

    // kind: file
    std::vector<std::string> paths;
    // Both kinds: paths the rule never reports on (content rules: e.g. checklist lints skip docs).
    std::vector<std::string> except_paths;
    FileCondition condition = FileCondition::not_ignored;

    bool applies_to(Scope s) const { return (scopes & scope_bit(s)) != 0; }
};

// The AssemblyAI redact_pii_policies names (all of them, as documented by AssemblyAI).
const std::vector<std::string_view>& known_pii_policies();
// The checklist item ids (DESIGN.md section 7).
const std::vector<std::string_view>& known_checklist_items();

}  // namespace aaiscan
