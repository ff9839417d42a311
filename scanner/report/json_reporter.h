// The JSON formats: `json` (one document: version, tool, findings, stats, diagnostics; stable key
// order, documented in docs/json-format.md) and `jsonl` (one finding object per line, streamed).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "report/report_context.h"

namespace aaiscan {

nlohmann::ordered_json finding_to_json(const Finding& finding, const ReportContext& context);
nlohmann::ordered_json stats_to_json(const ScanStats& stats);
nlohmann::ordered_json diagnostic_to_json(const Diagnostic& diagnostic);

void write_json_report(const ScanOutput& output, const ReportContext& context, std::ostream& out);
// One line, newline-terminated.
void write_jsonl_finding(const Finding& finding, const ReportContext& context, std::ostream& out);
// Serialises with invalid UTF-8 replaced (paths and values are untrusted bytes).
std::string dump_json(const nlohmann::ordered_json& value, int indent = -1);

}  // namespace aaiscan
