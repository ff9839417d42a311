// Config allow-list (see allowlist.h).
#include "suppress/allowlist.h"

#include "match/regex.h"
#include "util/error.h"
#include "util/glob.h"
#include "util/strings.h"

namespace aaiscan {

Allowlist::Allowlist(const AllowConfig& config, const std::string& config_path)
    : m_paths(config.paths) {
    for (const auto& pattern : config.regexes) {
        Regex re(pattern);
        if (!re.ok()) {
            throw Error((config_path.empty() ? std::string("config") : config_path) + ": allow.regexes: invalid regex '" +
                        pattern + "': " + re.error());
        }
        m_regexes.push_back(std::move(re));
    }
    for (const auto& word : config.stopwords) m_stopwords.push_back(to_lower_ascii(word));
}

Allowlist::~Allowlist() = default;
Allowlist::Allowlist(Allowlist&&) noexcept = default;
Allowlist& Allowlist::operator=(Allowlist&&) noexcept = default;

void Allowlist::set_project_base(std::string strip, std::string add) {
    m_strip = std::move(strip);
    m_add = std::move(add);
}

bool Allowlist::covers_path(std::string_view project_path, std::string_view display_path) const {
    if (m_paths.empty()) return false;
    std::string relative;  // relative to the config's directory, when that differs
    if (!m_strip.empty() && project_path.starts_with(m_strip)) {
        relative = project_path.substr(m_strip.size());
    } else if (!m_add.empty()) {
        relative = m_add + std::string(project_path);
    }
    for (const auto& glob : m_paths) {
        if (glob_match(glob, project_path) || glob_match(glob, display_path)) return true;
        if (!relative.empty() && glob_match(glob, relative)) return true;
    }
    return false;
}

bool Allowlist::covers_value(std::string_view value) const {
    for (const auto& re : m_regexes) {
        if (re.search(value)) return true;
    }
    if (!m_stopwords.empty()) {
        std::string lower = to_lower_ascii(value);
        for (const auto& word : m_stopwords) {
            if (!word.empty() && lower.find(word) != std::string::npos) return true;
        }
    }
    return false;
}

bool Allowlist::covers(const Finding& finding) const {
    // Archive members ("a.zip!x/y.json") are covered by globs on the archive path too.
    std::string_view project = finding.project_path;
    std::string_view display = finding.path;
    if (covers_path(project, display)) return true;
    size_t bang = project.find('!');
    if (bang != std::string_view::npos && covers_path(project.substr(0, bang), display.substr(0, display.find('!')))) return true;
    return covers_value(finding.secret);
}

}  // namespace aaiscan
