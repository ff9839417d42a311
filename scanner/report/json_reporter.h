// The JSON formats: `json` (one document: version, tool, findings, stats, diagnostics; stable key
// order, documented in docs/json-format.md) and `jsonl` (one finding object per line, streamed).
// Both are written as they go with JsonWriter, so a large report never exists as a tree.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "report/json_writer.h"
#include "report/report_context.h"

namespace aaiscan {

// The finding object of docs/json-format.md.
void write_finding(JsonWriter& out, const Finding& finding, const ReportContext& context);
// Its "transcript" and "commit" members (null when the finding has none).
void write_transcript_ref(JsonWriter& out, const Finding& finding, const ReportContext& context);
void write_commit_ref(JsonWriter& out, const Finding& finding);

void write_json_report(const ScanOutput& output, const ReportContext& context, std::ostream& out);
// One line, newline-terminated.
void write_jsonl_finding(const Finding& finding, const ReportContext& context, std::ostream& out);
// Serialises with invalid UTF-8 replaced (paths and values are untrusted bytes).
std::string dump_json(const nlohmann::ordered_json& value, int indent = -1);

}  // namespace aaiscan
