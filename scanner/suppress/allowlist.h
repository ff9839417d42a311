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
    ~Allowlist();
    Allowlist(Allowlist&&) noexcept;
    Allowlist& operator=(Allowlist&&) noexcept;

    bool covers_path(std::string_view project_path, std::string_view display_path) const;
    bool covers_value(std::string_view value) const;
    bool covers(const Finding& finding) const;

private:
    std::vector<std::string> m_paths;
    std::vector<Regex> m_regexes;
    std::vector<std::string> m_stopwords;  // lowercase
};

}  // namespace aaiscan
