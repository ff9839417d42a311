// Globs from a hostile `.aaiscan.yaml` (allow.paths) or rule file (paths:) must not hang the scan:
// patterns with many stars stay fast (the fuzzer found `/***...*` taking minutes), and the pruned
// matcher still agrees with a plain memoised reference on random patterns and paths.
#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <random>

#include "util/glob.h"

using aaiscan::glob_match;

namespace {

// The matcher's semantics written naively (exponential without the memo), for differential tests.
class ReferenceGlob {
public:
    ReferenceGlob(std::string_view p, std::string_view s) : m_p(p), m_s(s) {}
    bool match(size_t pi, size_t si) {
        auto key = std::make_pair(pi, si);
        if (auto it = m_memo.find(key); it != m_memo.end()) return it->second;
        bool r = compute(pi, si);
        m_memo[key] = r;
        return r;
    }

private:
    bool compute(size_t pi, size_t si) {
        if (pi == m_p.size()) return si == m_s.size();
        char pc = m_p[pi];
        if (pc == '*') {
            if (pi + 1 < m_p.size() && m_p[pi + 1] == '*') {
                size_t next = pi + 2;
                bool at_start = pi == 0 || m_p[pi - 1] == '/';
                if (at_start && next < m_p.size() && m_p[next] == '/') {
                    if (match(next + 1, si)) return true;
                    for (size_t k = si; k < m_s.size(); ++k) {
                        if (m_s[k] == '/' && match(next + 1, k + 1)) return true;
                    }
                    return false;
                }
                for (size_t k = si; k <= m_s.size(); ++k) {
                    if (match(next, k)) return true;
                }
                return false;
            }
            for (size_t k = si;; ++k) {
                if (match(pi + 1, k)) return true;
                if (k >= m_s.size() || m_s[k] == '/') return false;
            }
        }
        if (si >= m_s.size()) return false;
        if (pc == '?') return m_s[si] != '/' && match(pi + 1, si + 1);
        if (pc == '[' && pi + 2 < m_p.size() && m_p[pi + 2] == ']') {  // only "[x]" is generated
            return m_s[si] == m_p[pi + 1] && m_s[si] != '/' && match(pi + 3, si + 1);
        }
        return pc == m_s[si] && match(pi + 1, si + 1);
    }

    std::string_view m_p, m_s;
    std::map<std::pair<size_t, size_t>, bool> m_memo;
};

bool reference_glob(std::string_view pattern, std::string_view path) {
    if (pattern.starts_with("./")) pattern.remove_prefix(2);
    bool anchored = pattern.find('/') != std::string_view::npos;
    if (pattern.starts_with('/')) pattern.remove_prefix(1);
    if (anchored && pattern.starts_with("**/") && pattern.find('/', 3) == std::string_view::npos) {
        pattern.remove_prefix(3);
        anchored = false;
    }
    if (!anchored) {
        size_t slash = path.rfind('/');
        std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
        return ReferenceGlob(pattern, base).match(0, 0);
    }
    return ReferenceGlob(pattern, path).match(0, 0);
}

}  // namespace

TEST_CASE("hostile globs: many stars match in polynomial time") {
    std::string path = "src/" + std::string(200, 'a') + "/" + std::string(300, 'a');
    std::vector<std::string> patterns = {
        "/" + std::string(120, '*') + "]",         // the fuzzer's crasher, shortened
        std::string(60, '*') + "b",
        [] { std::string p; for (int i = 0; i < 40; ++i) p += "*a"; return p + "b"; }(),
        [] { std::string p; for (int i = 0; i < 40; ++i) p += "**/"; return p + "b"; }(),
        [] { std::string p = "src/"; for (int i = 0; i < 40; ++i) p += "a**"; return p + "/b"; }(),
        [] { std::string p; for (int i = 0; i < 30; ++i) p += "**a*"; return p + "c"; }(),
    };
    auto started = std::chrono::steady_clock::now();
    for (const auto& p : patterns) {
        INFO(p);
        CHECK_FALSE(glob_match(p, path));
        CHECK(glob_match(p.substr(0, p.size() - 1), path) == reference_glob(p.substr(0, p.size() - 1), path));
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK(seconds < 2.0);  // exponential backtracking takes longer than the universe here
}

TEST_CASE("hostile globs: the pruned matcher agrees with the reference on random inputs") {
    std::mt19937 rng(20240607);
    const std::vector<std::string> pattern_atoms = {"a", "b", "/", "*", "**", "**/", "?", "[a]", "."};
    const std::vector<std::string> path_atoms = {"a", "b", "/", ".", "ab"};
    size_t checked = 0, matched = 0;
    for (int round = 0; round < 60000; ++round) {
        std::string p, s;
        for (int i = 0, n = static_cast<int>(rng() % 8); i < n; ++i) p += pattern_atoms[rng() % pattern_atoms.size()];
        for (int i = 0, n = static_cast<int>(rng() % 9); i < n; ++i) s += path_atoms[rng() % path_atoms.size()];
        if (s.starts_with('/') || s.starts_with("./")) continue;
        bool expected = reference_glob(p, s);
        INFO("pattern '" << p << "' path '" << s << "'");
        REQUIRE(glob_match(p, s) == expected);
        ++checked;
        matched += expected;
    }
    CHECK(checked > 40000);
    CHECK(matched > 1000);  // the generator produces matches too, not only misses
}
