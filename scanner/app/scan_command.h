// `aaiscan scan`: resolves the config, builds the engine, runs the requested source (paths and
// stdin, the git index, or git history), writes the report in the requested format and returns
// the exit status (DESIGN.md section 5).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "match/rule_matcher.h"
#include "ruleset/rule.h"

namespace aaiscan {

struct ScanCommandOptions {
    std::vector<std::string> paths;
    bool staged = false;
    bool git_history = false;
    std::string since;
    bool all_refs = false;
    std::string format = "text";  // text | json | jsonl | sarif
    std::string output_file;      // empty: stdout
    std::vector<std::string> rule_paths;
    bool no_default_rules = false;
    std::vector<std::string> disable;
    std::string config_file;
    bool no_config = false;
    std::string baseline_file;
    std::optional<Severity> fail_on;
    bool show_secrets = false;
    bool no_inline_ignore = false;
    unsigned threads = 0;
    std::optional<uint64_t> max_file_size;
    bool no_gitignore = false;
    bool follow_symlinks = false;
    bool transcripts = false;  // treat text inputs as transcripts
    MatchEngine engine = MatchEngine::hyperscan;
    bool no_cache = false;
    std::string color = "auto";  // auto | always | never
    bool stats = false;
    bool verbose = false;
    std::vector<std::string> command_line;
};

// Returns the exit code. Throws Error for configuration problems (the CLI prints them, exit 2).
int execute_scan(const ScanCommandOptions& options);

}  // namespace aaiscan
