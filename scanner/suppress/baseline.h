// A baseline: the fingerprints of findings a team has accepted for now (legacy secrets being
// rotated, reviewed false positives). Findings whose fingerprint is listed are kept, counted and
// reported with `suppressed: "baseline"`, but never fail a scan. Fingerprints hash rule id,
// repository-relative path and value, never a line, so an entry survives edits around it.
//
// File format (`.aaiscan-baseline.json`), written sorted and one entry per line so that it is
// deterministic, reviewable and merges cleanly; `rule_id` and `path` are for people reading it:
//   {
//     "version": 1,
//     "fingerprints": [
//       {"fingerprint":"<sha256 hex>","rule_id":"assemblyai.api-key","path":"src/app.py"},
//       ...
//     ]
//   }
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "findings/finding.h"

namespace aaiscan {

struct BaselineEntry {
    std::string fingerprint;
    std::string rule_id;  // informative
    std::string path;     // informative (repository-relative)
};

class Baseline {
public:
    // Parses baseline JSON (entries may also be bare fingerprint strings). Throws Error naming
    // `file_name` when the text is not a version-1 baseline.
    static Baseline parse(const std::string& text, const std::string& file_name);
    // Reads and parses `path`; throws Error when it cannot be read or parsed.
    static Baseline load(const std::string& path);

    // Adds the finding's fingerprint (computed by FindingFilter). False when already present.
    bool add(const Finding& finding);
    // Keeps only the entries whose fingerprint is in `present`; returns how many were removed.
    size_t prune(const std::unordered_set<std::string>& present);

    bool contains(const std::string& fingerprint) const { return m_index.count(fingerprint) != 0; }
    const std::unordered_set<std::string>& fingerprints() const { return m_index; }
    size_t size() const { return m_entries.size(); }

    // The file text: entries sorted by path, rule id, fingerprint; ends with a newline.
    std::string to_json() const;

private:
    std::vector<BaselineEntry> m_entries;
    std::unordered_set<std::string> m_index;
};

}  // namespace aaiscan
