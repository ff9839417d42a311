// Helpers shared by the unit tests: temporary directories, file writing, and a rule set plus
// matcher built from inline YAML.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "match/rule_matcher.h"
#include "ruleset/rule_loader.h"
#include "ruleset/rule_set.h"

namespace aaiscan::testing {

// A fresh directory under the system temp dir, removed (permissions restored) on destruction.
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "aaiscan-test-XXXXXX").string();
        m_path = mkdtemp(pattern.data());
    }
    ~TempDir() {
        std::error_code ec;
        for (auto it = std::filesystem::recursive_directory_iterator(m_path, ec);
             it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
            std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                         std::filesystem::perm_options::add, ec);
        }
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::string str() const { return m_path.string(); }
    std::filesystem::path operator/(const std::string& rel) const { return m_path / rel; }

private:
    std::filesystem::path m_path;
};

inline void write_file(const std::filesystem::path& path, const std::string& content) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// A RuleSet and matcher compiled from YAML text (no cache unless a directory is given).
struct InlineRules {
    RuleSet rules;
    std::unique_ptr<RuleMatcher> matcher;

    explicit InlineRules(const std::string& yaml, MatchEngine engine = MatchEngine::hyperscan,
                         const std::string& cache_dir = "") {
        rules.add(parse_rule_file(yaml, "inline.yaml"));
        matcher = std::make_unique<RuleMatcher>(rules, MatcherOptions{engine, cache_dir});
    }
};

// One content rule with mandatory examples filled in, for terse tests.
inline std::string one_rule(const std::string& id, const std::string& pattern, const std::string& extra = "",
                            const std::string& scopes = "[code]") {
    return "rules:\n  - id: " + id + "\n    category: secret\n    severity: high\n    scopes: " + scopes +
           "\n    pattern: '" + pattern + "'\n    examples: ['x']\n    negative_examples: ['y']\n" + extra;
}

}  // namespace aaiscan::testing
