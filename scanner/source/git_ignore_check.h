// A second opinion on files libgit2 calls ignored. libgit2 (1.5 here, still 1.9) drops a
// negation (`!pattern`) that does not negate an earlier pattern of the same .gitignore, so a
// nested .gitignore cannot re-include what a parent one ignores (`.env*` at the top,
// `!.env.production` in apps/api/): git re-includes it, and such a file would be committed.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

namespace aaiscan {

class NestedNegationCheck {
public:
    // `workdir`: the working tree, with a trailing '/'.
    explicit NestedNegationCheck(std::string workdir) : m_workdir(std::move(workdir)) {}

    // True when, reading the .gitignore files from the file's directory upwards, the first one
    // with a pattern matching `relative` (a file path) matches it last with a negation. The
    // caller must still check that no parent directory is ignored (git cannot re-include a file
    // there). Each .gitignore is read once.
    bool reincludes(const std::string& relative);

private:
    struct Pattern {
        std::string glob;
        bool negated = false;
        bool anchored = false;  // contains '/': relative to the .gitignore's directory
    };
    const std::vector<Pattern>& patterns(const std::string& directory);

    std::string m_workdir;
    std::unordered_map<std::string, std::vector<Pattern>> m_cache;
};

}  // namespace aaiscan
