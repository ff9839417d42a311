// JSON and JSON Lines output (see json_reporter.h).
#include "report/json_reporter.h"

namespace aaiscan {

using ojson = nlohmann::ordered_json;

std::string dump_json(const ojson& value, int indent) {
    return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

ojson finding_to_json(const Finding& f, const ReportContext& context) {
    ojson j;
    j["rule_id"] = f.rule->id;
    j["category"] = std::string(to_string(f.rule->category));
    j["severity"] = std::string(to_string(f.severity));
    j["path"] = f.path;
    j["line"] = f.line;
    j["column"] = f.column;
    j["end_line"] = f.end_line;
    j["end_column"] = f.end_column;
    j["secret"] = printable_value(f, context);
    j["fingerprint"] = f.fingerprint;
    j["message"] = f.message;
    j["checklist"] = f.rule->checklist.empty() ? ojson(nullptr) : ojson(f.rule->checklist);
    j["pii_policy"] = f.rule->pii_policy.empty() ? ojson(nullptr) : ojson(f.rule->pii_policy);
    if (f.transcript) {
        const TranscriptRef& t = *f.transcript;
        ojson tj;
        tj["id"] = t.id.empty() ? ojson(nullptr) : ojson(t.id);
        tj["json_path"] = t.json_path.empty() ? ojson(nullptr) : ojson(t.json_path);
        tj["start_ms"] = t.start_ms >= 0 ? ojson(t.start_ms) : ojson(nullptr);
        tj["end_ms"] = t.end_ms >= 0 ? ojson(t.end_ms) : ojson(nullptr);
        tj["speaker"] = t.speaker.empty() ? ojson(nullptr) : ojson(printable_speaker(t.speaker, context));
        tj["verdict"] = t.verdict.empty() ? ojson(nullptr) : ojson(t.verdict);
        j["transcript"] = tj;
    } else {
        j["transcript"] = nullptr;
    }
    if (f.commit) {
        j["commit"] = ojson{{"id", f.commit->id}, {"author", f.commit->author}, {"date", f.commit->date}};
    } else {
        j["commit"] = nullptr;
    }
    j["suppressed"] = f.is_suppressed() ? ojson(std::string(to_string(f.suppressed))) : ojson(nullptr);
    return j;
}

ojson stats_to_json(const ScanStats& s) {
    ojson j;
    j["files_scanned"] = s.files_scanned;
    j["bytes_scanned"] = s.bytes_scanned;
    j["blobs_scanned"] = s.blobs_scanned;
    j["skipped"] = ojson{{"binary", s.skipped_binary},     {"too_large", s.skipped_too_large},
                         {"ignored", s.skipped_ignored},   {"symlinks", s.skipped_symlinks},
                         {"special", s.skipped_special}};
    j["errors"] = s.errors;
    ojson sev;
    for (size_t i = 0; i < s.findings_by_severity.size(); ++i) {
        sev[std::string(to_string(static_cast<Severity>(i)))] = s.findings_by_severity[i];
    }
    j["findings"] = s.findings();
    j["findings_by_severity"] = sev;
    j["suppressed"] = ojson{{"inline", s.suppressed_inline}, {"allowlist", s.suppressed_allowlist},
                            {"baseline", s.suppressed_baseline}};
    return j;
}

ojson diagnostic_to_json(const Diagnostic& d) {
    return ojson{{"level", std::string(to_string(d.level))}, {"path", d.path}, {"message", d.message}};
}

void write_json_report(const ScanOutput& output, const ReportContext& context, std::ostream& out) {
    ojson doc;
    doc["version"] = 1;
    doc["tool"] = ojson{{"name", "aaiscan"}, {"version", AAISCAN_VERSION}};
    ojson findings = ojson::array();
    for (const Finding& f : output.findings) findings.push_back(finding_to_json(f, context));
    doc["findings"] = std::move(findings);
    doc["stats"] = stats_to_json(output.stats);
    ojson diagnostics = ojson::array();
    for (const Diagnostic& d : output.diagnostics) diagnostics.push_back(diagnostic_to_json(d));
    doc["diagnostics"] = std::move(diagnostics);
    doc["exit_code"] = context.exit_code;
    out << dump_json(doc, 2) << '\n';
}

void write_jsonl_finding(const Finding& finding, const ReportContext& context, std::ostream& out) {
    out << dump_json(finding_to_json(finding, context)) << '\n';
}

}  // namespace aaiscan
