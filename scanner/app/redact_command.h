// `aaiscan redact`: local, format-preserving PII redaction of transcript exports (DESIGN.md
// sections 5 and 6, docs/redact.md). Resolves the policies against the rules, walks the inputs
// (never following symlinks, skipping the output directory), redacts each transcript file or
// archive in memory, writes it atomically under --out mirroring the input's relative path,
// reads it back and re-scans it, and prints a summary.
// Exit: 0 written and verified clean; 1 PII of an applied policy remains; 2 usage, I/O or parse errors.
#pragma once

#include <string>
#include <vector>

namespace aaiscan {

struct RedactCommandOptions {
    std::vector<std::string> inputs;
    std::string out_dir;
    std::string substitution = "hash";  // hash | entity_name
    std::string policies;               // comma-separated, "all" or empty (every detectable policy)
    bool dry_run = false;
    bool in_place = false;              // replace the inputs, keeping INPUT.bak
    std::string format = "text";        // text | json
    std::vector<std::string> rule_paths;
    std::vector<std::string> disable;
    std::string config_file;
    bool no_config = false;
    bool no_cache = false;
};

// Returns the exit code. Throws Error for usage and configuration problems (exit 2).
int execute_redact(const RedactCommandOptions& options);

// The policies `redact` applies for a --policies value: "" or "all" -> every policy some
// transcript PII rule of `detectable` reports; otherwise the listed names, each checked against
// AssemblyAI's policy names (Error for an unknown one). Known policies no rule detects are left
// out and named in `undetectable`. The result is sorted and without duplicates.
std::vector<std::string> resolve_redact_policies(const std::string& value, const std::vector<std::string>& detectable,
                                                 std::vector<std::string>& undetectable);

}  // namespace aaiscan
