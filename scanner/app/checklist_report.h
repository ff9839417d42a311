// Writers of the checklist result: a human-readable text report and the stable JSON object
// documented in docs/checklist.md.
#pragma once

#include <ostream>

#include "app/checklist_model.h"

namespace aaiscan {

void write_checklist_text(const ChecklistReport& report, std::ostream& out);
void write_checklist_json(const ChecklistReport& report, int exit_code, std::ostream& out);

}  // namespace aaiscan
