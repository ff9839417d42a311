// Section headers of nested configuration files (see config_section.h).
#include "validate/config_section.h"

#include <array>
#include <string>

#include "util/strings.h"

namespace aaiscan {
namespace {

// The line without surrounding space and a trailing ',' (`"Speech": {,` never occurs, `},` does).
std::string_view trim_line(std::string_view s) {
    s = trim(s);
    while (!s.empty() && s.back() == ',') s = trim(s.substr(0, s.size() - 1));
    return s;
}

// `"Name": {`, `Name: {`, `name:` (YAML mapping), `[name]` / `[name.sub]` (INI/TOML),
// `name {` (HCL, nginx-style), `<Name>` (XML element opening a group).
bool is_section_header(std::string_view line) {
    if (line.size() < 2) return false;
    if (line.front() == '[' && line.back() == ']') return true;
    if (line.back() == '{') return true;
    if (line.back() == ':') return line.find(' ') == std::string_view::npos || line.front() == '"';
    if (line.front() == '<' && line.back() == '>' && line[1] != '/' && line.find('=') == std::string_view::npos) return true;
    return false;
}

bool names_assemblyai(std::string_view header) {
    for (std::string_view token : {"assemblyai", "assembly_ai", "assembly-ai", "assembly ai"}) {
        if (header.find(token) != std::string_view::npos) return true;
    }
    return false;
}

// Services whose keys or tokens can be 32 lowercase hex characters, like AssemblyAI's.
bool names_other_service(std::string_view header) {
    static constexpr std::array<std::string_view, 18> k_services = {
        "azure", "cognitive", "microsoft", "mixpanel", "datadog", "sentry", "algolia", "bugsnag", "pusher",
        "mailchimp", "amplitude", "rollbar", "newrelic", "new_relic", "onesignal", "segment", "heap", "hotjar"};
    for (std::string_view service : k_services) {
        if (header.find(service) != std::string_view::npos) return true;
    }
    return false;
}

// The comment lines a file opens with ("## Datadog Agent config", "// Mixpanel settings"): a
// file about another service, when they name one and not AssemblyAI.
bool file_comment_names_other_service(std::string_view text) {
    size_t at = 0;
    for (int lines = 0; lines < 5 && at < text.size(); ++lines) {
        size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = trim(text.substr(at, end - at));
        at = end + 1;
        if (line.empty()) continue;
        if (!line.starts_with("#") && !line.starts_with("//") && !line.starts_with("--") && !line.starts_with(";")) break;
        std::string lower = to_lower_ascii(line);
        if (names_assemblyai(lower)) return false;
        if (names_other_service(lower)) return true;
    }
    return false;
}

}  // namespace

bool validate_not_other_service_section(std::string_view, const ValidationContext& context) {
    std::string_view text = context.text;
    size_t at = std::min(context.match_begin, text.size());
    size_t line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
    if (line_start == std::string_view::npos || at == 0) return true;
    // Walk the lines above the match, nearest first.
    size_t end = line_start;  // the '\n' that ends the line being looked at
    for (int lines = 0; lines < 40 && end != std::string_view::npos && end > 0; ++lines) {
        size_t begin = text.rfind('\n', end - 1);
        size_t from = begin == std::string_view::npos ? 0 : begin + 1;
        std::string_view line = trim_line(text.substr(from, end - from));
        if (is_section_header(line)) {
            std::string header = to_lower_ascii(line);
            if (names_assemblyai(header)) return true;
            if (names_other_service(header)) return false;
        }
        if (begin == std::string_view::npos) break;
        end = begin;
    }
    return !file_comment_names_other_service(text);
}

}  // namespace aaiscan
