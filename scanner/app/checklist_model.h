// The result of `aaiscan checklist`: one verdict (PASS / FAIL / WARN / MANUAL) per item of the
// AssemblyAI security checklist (DESIGN.md section 7), with the evidence behind it and the fix.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aaiscan {

// Ordered from best to worst: an item's status is the worst of its evidence.
enum class ChecklistStatus : unsigned char { pass, manual, warn, fail };
std::string_view to_string(ChecklistStatus status);  // "PASS", "MANUAL", "WARN", "FAIL"

// One observation behind a verdict. Values are masked; `path` is project-relative.
struct ChecklistEvidence {
    ChecklistStatus status = ChecklistStatus::fail;
    std::string path;     // may be empty
    size_t line = 0;      // 0: the whole file
    std::string rule_id;  // empty when the evidence comes from the checklist's own logic
    std::string value;    // masked value, or empty
    std::string message;
};

struct ChecklistItem {
    std::string id;  // checklist id, e.g. "keys-in-env"
    std::string title;
    ChecklistStatus status = ChecklistStatus::pass;
    std::string summary;  // one line: what was judged and the outcome
    std::string fix;      // what to do (empty on PASS)
    std::vector<ChecklistEvidence> evidence;
};

struct ChecklistReport {
    std::string root;  // the path as given
    std::vector<ChecklistItem> items;
    int retention_days = 30;
    uint64_t scan_errors = 0;  // paths the scan could not read: the verdicts are incomplete
};

// The title and the fix text of each checklist id (the items of DESIGN.md section 7, in order).
struct ChecklistItemInfo {
    std::string_view id;
    std::string_view title;
    std::string_view fix;
};
const std::vector<ChecklistItemInfo>& checklist_item_infos();

// The worst status among `evidence` (PASS when empty).
ChecklistStatus worst_status(const std::vector<ChecklistEvidence>& evidence);

}  // namespace aaiscan
