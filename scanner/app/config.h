// The project configuration, `.aaiscan.yaml`, found upwards from the scanned path (the nearest
// one wins). Parsed strictly: an unknown key or a wrong type is an Error naming file:line:column.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ruleset/rule.h"

namespace aaiscan {

struct AllowConfig {
    std::vector<std::string> paths;      // globs, relative to the config's directory
    std::vector<std::string> regexes;    // RE2, matched against the secret value
    std::vector<std::string> stopwords;  // a value containing one (case-insensitively) is ignored
};

struct TranscriptConfig {
    std::vector<std::string> required_policies;  // PII policies a team requires to be redacted
    std::string phone_region = "US";            // libphonenumber default region
    int retention_days = 30;
};

struct Config {
    std::string path;       // the file it came from; empty for the built-in defaults
    std::string directory;  // its directory (allow.paths are relative to it)
    std::vector<std::string> rule_paths;  // extra rule files/directories (absolute)
    std::vector<SourceLocation> rule_path_origins;  // where each rule_paths entry is written
    std::vector<std::string> disable;
    std::optional<Severity> fail_on;
    std::optional<uint64_t> max_file_size;
    AllowConfig allow;
    TranscriptConfig transcripts;
};

// Parses config text. Throws Error with file:line:column on any problem.
Config parse_config(const std::string& text, const std::string& file_name);

// Reads `path` (throws Error when unreadable or invalid).
Config load_config_file(const std::string& path);

// Finds `.aaiscan.yaml` (or `.aaiscan.yml`) in `start` or its parents, stopping at the file
// system root. Returns an empty string when there is none.
std::string find_config_upwards(const std::string& start);

}  // namespace aaiscan
