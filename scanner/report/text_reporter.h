// Human output: findings grouped by file (path, then line:col, severity, rule, message, masked
// value, transcript time/speaker or commit), then a one-line summary. Colour only when asked.
#pragma once

#include <ostream>

#include "report/report_context.h"

namespace aaiscan {

void write_text_report(const ScanOutput& output, const ReportContext& context, std::ostream& out);
// Diagnostics go to stderr in every format: errors and warnings always, notes with -v.
void write_diagnostics(const ScanOutput& output, const ReportContext& context, std::ostream& err);
// "01:02.345" or "1:02:03.456".
std::string format_ms(int64_t ms);

}  // namespace aaiscan
