// The config's allow-list (`allow.paths`, `allow.regexes`, `allow.stopwords`): findings it
// covers are kept, counted and listed with `suppressed: "allowlist"`, but never fail a scan.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/config.h"
#include "findings/finding.h"

namespace aaiscan {

class Regex;

class Allowlist {
public:
    // Throws Error naming the config file when a regex is invalid.
    explicit Allowlist(const AllowConfig& config, const std::string& config_path = "");
    // `allow.paths` are relative to the config's directory, project paths to the repository top
    // (or the scanned root): a project path is turned into a config-relative one by removing
    // `strip` from its start (config in "pkg/web/" of a repository) or putting `add` before it
    // (a scan of "sub/" below the config's directory). Both empty: the same directory.
    void set_project_base(std::string strip, std::string add);
    ~Allowlist();
    Allowlist(Allowlist&&) noexcept;
    Allowlist& operator=(Allowlist&&) noexcept;

    bool covers_path(std::string_view project_path, std::string_view display_path) const;
    bool covers_value(std::string_view value) const;
    bool covers(const Finding& finding) const;

private:
    std::vector<std::string> m_paths;
    std::string m_strip;
    std::string m_add;
    std::vector<Regex> m_regexes;
    std::vector<std::string> m_stopwords;  // lowercase
};

}  // namespace aaiscan
