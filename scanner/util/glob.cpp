// Glob matcher used for allow-lists, kind:file rules and scope assignment (see glob.h).
#include "util/glob.h"

#include <cstdint>

namespace aaiscan {
namespace {

// Matches a bracket expression at pattern[pi] ('[' ... ']') against character c.
// Returns the index just past ']' or npos when the bracket is malformed (then '[' is literal).
size_t match_class(std::string_view pattern, size_t pi, char c, bool& matched) {
    size_t i = pi + 1;
    bool negate = false;
    if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
        negate = true;
        ++i;
    }
    bool found = false;
    bool first = true;
    while (i < pattern.size() && (first || pattern[i] != ']')) {
        first = false;
        char lo = pattern[i];
        if (lo == '\\' && i + 1 < pattern.size()) lo = pattern[++i];
        char hi = lo;
        if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
            hi = pattern[i + 2];
            i += 2;
        }
        if (c >= lo && c <= hi) found = true;
        ++i;
    }
    if (i >= pattern.size()) return std::string_view::npos;
    matched = (found != negate) && c != '/';
    return i + 1;
}

// Result of matching a pattern suffix against a path suffix. The two abort results prune the
// backtracking the way git's wildmatch does, which keeps adversarial patterns ("*a*a*a*...b",
// "/***...*") polynomial instead of exponential: `abort_all` means no later start in the path can
// match either, `abort_to_double_star` means only an earlier `**` (which may cross '/') can help.
enum class Match : uint8_t { match, no_match, abort_all, abort_to_double_star };

Match match_from(std::string_view p, size_t pi, std::string_view s, size_t si) {
    while (pi < p.size()) {
        char pc = p[pi];
        if (pc == '*') {
            bool double_star = pi + 1 < p.size() && p[pi + 1] == '*';
            if (double_star) {
                size_t next = pi + 2;
                bool at_component_start = pi == 0 || p[pi - 1] == '/';
                if (at_component_start && next < p.size() && p[next] == '/') {
                    // "**/" matches zero or more whole components.
                    for (size_t k = si; k <= s.size(); ++k) {
                        if (k != si && s[k - 1] != '/') continue;
                        Match m = match_from(p, next + 1, s, k);
                        if (m == Match::match || m == Match::abort_all) return m;
                    }
                    return Match::abort_all;
                }
                // "**" elsewhere (e.g. trailing "dir/**") matches anything, '/' included.
                for (size_t k = si; k <= s.size(); ++k) {
                    Match m = match_from(p, next, s, k);
                    if (m == Match::match || m == Match::abort_all) return m;
                }
                return Match::abort_all;
            }
            // Single '*': anything but '/'.
            for (size_t k = si;; ++k) {
                Match m = match_from(p, pi + 1, s, k);
                if (m != Match::no_match) return m;
                if (k >= s.size()) return Match::abort_all;
                if (s[k] == '/') return Match::abort_to_double_star;
            }
        }
        if (si >= s.size()) return Match::abort_all;
        if (pc == '?') {
            if (s[si] == '/') return Match::no_match;
            ++pi;
            ++si;
            continue;
        }
        if (pc == '[') {
            bool matched = false;
            size_t after = match_class(p, pi, s[si], matched);
            if (after != std::string_view::npos) {
                if (!matched) return Match::no_match;
                pi = after;
                ++si;
                continue;
            }
        }
        if (pc == '\\' && pi + 1 < p.size()) pc = p[++pi];
        if (pc != s[si]) return Match::no_match;
        ++pi;
        ++si;
    }
    return si == s.size() ? Match::match : Match::no_match;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
    if (pattern.starts_with("./")) pattern.remove_prefix(2);
    if (path.starts_with("./")) path.remove_prefix(2);
    bool anchored = pattern.find('/') != std::string_view::npos;
    if (pattern.starts_with('/')) pattern.remove_prefix(1);
    // "**/name" with no further '/' is a base-name match: skip the per-directory recursion.
    if (anchored && pattern.starts_with("**/") && pattern.find('/', 3) == std::string_view::npos) {
        pattern.remove_prefix(3);
        anchored = false;
    }
    if (!anchored) {
        size_t slash = path.rfind('/');
        std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
        return match_from(pattern, 0, base, 0) == Match::match;
    }
    return match_from(pattern, 0, path, 0) == Match::match;
}

std::string glob_required_literal(std::string_view pattern) {
    if (pattern.starts_with("./")) pattern.remove_prefix(2);
    std::string best;
    std::string_view run;
    size_t run_begin = 0;
    for (size_t i = 0; i <= pattern.size(); ++i) {
        char ch = i < pattern.size() ? pattern[i] : '*';
        if (ch == '*' || ch == '?' || ch == '[' || ch == '\\' || ch == '/') {
            run = pattern.substr(run_begin, i - run_begin);
            if (run.size() > best.size()) best = std::string(run);
            run_begin = i + 1;
            // Past a class or an escape the pattern's plain runs are not read (kept conservative).
            if (ch == '[' || ch == '\\') break;
        }
    }
    return best;
}

}  // namespace aaiscan
