// `aaiscan scan`: resolves the config, builds the engine, runs the requested source (paths and
// stdin, the git index, or git history), writes the report in the requested format and returns
// the exit status (DESIGN.md section 5).
#pragma once

#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/config.h"
#include "app/engine.h"
#include "app/git_scan.h"
#include "app/scan_runner.h"
#include "match/rule_matcher.h"
#include "ruleset/rule.h"
#include "suppress/allowlist.h"
#include "suppress/baseline.h"

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
    bool quiet = false;
    std::vector<std::string> command_line;
};

// Returns the exit code. Throws Error for configuration problems (the CLI prints them, exit 2).
int execute_scan(const ScanCommandOptions& options);

// What every scan-based command (`scan`, `baseline`) shares: the resolved config, the engine,
// the allow-list and the --baseline fingerprints. Findings point into `engine`: keep the session
// alive as long as they are used.
struct ScanSession {
    // --staged: the staged files, listed on another thread while the rules load.
    std::shared_future<StagedSnapshot> staged;
    Config config;
    std::unique_ptr<Engine> engine;
    std::unique_ptr<Allowlist> allowlist;
    std::optional<Baseline> baseline;
    std::unique_ptr<FindingFilter> filter;
};

// Resolves the config, builds the engine (printing its warnings) and loads --baseline.
// Throws Error for any configuration, rule or baseline problem.
std::unique_ptr<ScanSession> open_scan_session(const ScanCommandOptions& options);

// Runs the source the options select (paths and stdin, --staged or --git-history) with every
// finding fingerprinted and checked against the allow-list and baseline. `on_finding` (may be
// empty) sees each finding as soon as it is final. Throws Error when a git source cannot start.
ScanOutput run_scan_source(const ScanSession& session, const ScanCommandOptions& options,
                           std::function<void(const Finding&)> on_finding);

}  // namespace aaiscan
