// Per-blob validation pipeline (see blob_scanner.h).
#include "app/blob_scanner.h"

#include <algorithm>

#include "suppress/inline_allow.h"
#include "util/glob.h"
#include "util/entropy.h"
#include "validate/validators.h"

namespace aaiscan {
namespace {

// True when `a` should be reported instead of an overlapping `b` of another rule.
bool outranks(const RuleMatch& a, const RuleMatch& b, const RuleSet& rules) {
    const Rule& ra = rules[a.rule];
    const Rule& rb = rules[b.rule];
    if (ra.severity != rb.severity) return ra.severity > rb.severity;
    size_t la = a.secret_end - a.secret_begin;
    size_t lb = b.secret_end - b.secret_begin;
    if (la != lb) return la > lb;
    return a.rule < b.rule;
}

bool overlaps(const RuleMatch& a, const RuleMatch& b) {
    return a.secret_begin < b.secret_end && b.secret_begin < a.secret_end;
}

// A rule's except_paths, tested on the path inside the project and on the displayed path
// (archive members: "exports.zip!notes/README.md").
bool excluded_path(const Rule& rule, const BlobOrigin& origin) {
    for (const std::string& glob : rule.except_paths) {
        if (glob_match(glob, origin.project_path) || (origin.path != origin.project_path && glob_match(glob, origin.path))) {
            return true;
        }
    }
    return false;
}

}  // namespace

BlobScanner::BlobScanner(const RuleMatcher& matcher, const ScanSettings& settings)
    : m_matcher(matcher), m_settings(settings), m_scratch(matcher.make_scratch()) {}

bool BlobScanner::accepts(const RuleMatch& match, std::string_view text, const TextFacts& facts) const {
    const Rule& rule = m_matcher.rules()[match.rule];
    std::string_view secret = text.substr(match.secret_begin, match.secret_end - match.secret_begin);
    if (secret.empty()) return false;
    if (rule.min_entropy > 0 && shannon_entropy(secret) < rule.min_entropy) return false;
    if (!rule.allow.empty() && m_matcher.secret_allowed_by_rule(match.rule, secret)) return false;
    if (!m_matcher.context_allows(match, text)) return false;
    ValidationContext context{text, match.begin, match.end, m_settings.phone_region, &facts};
    for (const auto& name : rule.validators) {
        ValidatorFn fn = find_validator(name);
        if (fn != nullptr && !fn(secret, context)) return false;
    }
    return true;
}

void BlobScanner::scan(std::string_view text, Scope scope, SourceMap& map, const BlobOrigin& origin,
                       std::vector<Finding>& out, size_t accept_begin, size_t accept_end) {
    m_matches.clear();
    m_kept.clear();
    m_matcher.find(scope, text, *m_scratch, m_matches);
    if (m_matches.empty()) return;

    // Validation, then cross-rule deduplication over secret spans (matches are begin-ordered).
    std::vector<RuleMatch> valid;
    const TextFacts facts(text);
    for (const RuleMatch& m : m_matches) {
        if (m.secret_begin < accept_begin || m.secret_begin >= accept_end) continue;
        if (excluded_path(m_matcher.rules()[m.rule], origin)) continue;
        if (accepts(m, text, facts)) valid.push_back(m);
    }
    std::sort(valid.begin(), valid.end(), [](const RuleMatch& a, const RuleMatch& b) {
        return a.secret_begin != b.secret_begin ? a.secret_begin < b.secret_begin : a.rule < b.rule;
    });
    // Kept matches are begin-ordered and no longer than the widest window, so only the tail
    // within that distance can overlap a new match: linear overall.
    const RuleSet& rules = m_matcher.rules();
    const size_t reach = m_matcher.max_window();
    for (const RuleMatch& m : valid) {
        bool dominated = false;
        size_t first_near = m_kept.size();
        while (first_near > 0 && m.secret_begin - m_kept[first_near - 1].secret_begin < reach) --first_near;
        for (size_t k = first_near; k < m_kept.size() && !dominated; ++k) {
            const RuleMatch& other = m_kept[k];
            dominated = overlaps(other, m) && (other.rule == m.rule || outranks(other, m, rules));
        }
        if (dominated) continue;
        auto tail = m_kept.begin() + static_cast<std::ptrdiff_t>(first_near);
        m_kept.erase(std::remove_if(tail, m_kept.end(),
                                    [&](const RuleMatch& other) { return overlaps(other, m) && outranks(m, other, rules); }),
                     m_kept.end());
        m_kept.push_back(m);
    }

    // Allow markers are looked for once, and only when there is a finding they could suppress.
    const InlineAllowMarkers markers(m_settings.inline_ignore && !m_kept.empty() ? text : std::string_view());
    for (const RuleMatch& m : m_kept) {
        const Rule& rule = rules[m.rule];
        Finding f;
        f.rule = &rule;
        f.severity = rule.severity;
        f.path = std::string(origin.path);
        f.project_path = std::string(origin.project_path);
        f.secret.assign(text.substr(m.secret_begin, m.secret_end - m.secret_begin));
        f.message = rule.message;
        if (origin.commit) f.commit = *origin.commit;
        map.locate(m.secret_begin, m.secret_end, f);
        if (markers.allows(m.begin, m.end)) {
            f.suppressed = Suppression::inline_comment;
        }
        out.push_back(std::move(f));
    }
}

}  // namespace aaiscan
