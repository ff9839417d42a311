// The one place where the checklist's cross-file logic lives: turns the scan's findings plus an
// inventory of the tree (env files, transcript exports and their age, where code runs) into one
// verdict per item of DESIGN.md section 7. Pure: no I/O, `now` is passed in.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/checklist_browser.h"
#include "app/checklist_env.h"
#include "app/checklist_model.h"
#include "findings/finding.h"

namespace aaiscan {

// A transcript export and when it was made.
struct TranscriptExport {
    std::string path;
    int64_t seconds = 0;        // Unix time
    std::string source;         // "`created` field", "file modification time", ...
    bool from_content = false;  // true: the transcript's own timestamp; false: file mtime
};

struct ChecklistInventory {
    std::vector<EnvFile> env_files;  // every env-style file, ignored or not (templates too)
    size_t env_files_outside_repository = 0;  // env files git cannot judge
    std::optional<bool>
        repository_ignores_env;  // top-level ignore rules cover .env; nullopt: no repo
    std::vector<TranscriptExport> transcripts;
    std::map<std::string, CodeRuntime> runtimes;  // by finding path
    std::vector<std::string> request_files;   // code that sends transcription requests
    std::vector<std::string> deleting_files;  // code that deletes transcripts
    uint64_t files_scanned = 0;
};

// True when the temp-tokens-browser item needs to know where `finding`'s file runs.
bool checklist_needs_runtime(const Finding& finding);

// Every item, in DESIGN.md order. Suppressed findings are ignored.
ChecklistReport evaluate_checklist(const std::vector<Finding>& findings,
                                   const ChecklistInventory& inventory, int retention_days,
                                   int64_t now_seconds);

}  // namespace aaiscan
