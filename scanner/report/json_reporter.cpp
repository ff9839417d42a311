// JSON and JSON Lines output (see json_reporter.h).
#include "report/json_reporter.h"

namespace aaiscan {

std::string dump_json(const nlohmann::ordered_json& value, int indent) {
    return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

void write_transcript_ref(JsonWriter& out, const Finding& f, const ReportContext& context) {
    if (!f.transcript) {
        out.null();
        return;
    }
    const TranscriptRef& t = *f.transcript;
    out.begin_object();
    out.key("id");
    out.string_or_null(t.id);
    out.key("json_path");
    out.string_or_null(t.json_path);
    out.key("start_ms");
    t.start_ms >= 0 ? out.value(t.start_ms) : out.null();
    out.key("end_ms");
    t.end_ms >= 0 ? out.value(t.end_ms) : out.null();
    out.key("speaker");
    t.speaker.empty() ? out.null() : out.value(printable_speaker(t.speaker, context));
    out.key("verdict");
    out.string_or_null(t.verdict);
    out.end_object();
}

void write_commit_ref(JsonWriter& out, const Finding& f) {
    if (!f.commit) {
        out.null();
        return;
    }
    out.begin_object();
    out.field("id", f.commit->id);
    out.field("author", f.commit->author);
    out.field("date", f.commit->date);
    out.end_object();
}

void write_finding(JsonWriter& out, const Finding& f, const ReportContext& context) {
    out.begin_object();
    out.field("rule_id", f.rule->id);
    out.field("category", to_string(f.rule->category));
    out.field("severity", to_string(f.severity));
    out.field("path", f.path);
    out.field("line", f.line);
    out.field("column", f.column);
    out.field("end_line", f.end_line);
    out.field("end_column", f.end_column);
    out.field("secret", printable_value(f, context));
    out.field("fingerprint", f.fingerprint);
    out.field("message", f.message);
    out.key("checklist");
    out.string_or_null(f.rule->checklist);
    out.key("pii_policy");
    out.string_or_null(f.rule->pii_policy);
    out.key("transcript");
    write_transcript_ref(out, f, context);
    out.key("commit");
    write_commit_ref(out, f);
    out.key("suppressed");
    f.is_suppressed() ? out.value(to_string(f.suppressed)) : out.null();
    out.end_object();
}

namespace {

void write_stats(JsonWriter& out, const ScanStats& s) {
    out.begin_object();
    out.field("files_scanned", s.files_scanned);
    out.field("bytes_scanned", s.bytes_scanned);
    out.field("blobs_scanned", s.blobs_scanned);
    out.key("skipped");
    out.begin_object();
    out.field("binary", s.skipped_binary);
    out.field("too_large", s.skipped_too_large);
    out.field("ignored", s.skipped_ignored);
    out.field("symlinks", s.skipped_symlinks);
    out.field("special", s.skipped_special);
    out.end_object();
    out.field("errors", s.errors);
    out.field("findings", s.findings());
    out.key("findings_by_severity");
    out.begin_object();
    for (size_t i = 0; i < s.findings_by_severity.size(); ++i) {
        out.field(to_string(static_cast<Severity>(i)), s.findings_by_severity[i]);
    }
    out.end_object();
    out.key("suppressed");
    out.begin_object();
    out.field("inline", s.suppressed_inline);
    out.field("allowlist", s.suppressed_allowlist);
    out.field("baseline", s.suppressed_baseline);
    out.end_object();
    out.end_object();
}

}  // namespace

void write_json_report(const ScanOutput& output, const ReportContext& context, std::ostream& out) {
    JsonWriter w(out, 2);
    w.begin_object();
    w.field("version", 1);
    w.key("tool");
    w.begin_object();
    w.field("name", "aaiscan");
    w.field("version", AAISCAN_VERSION);
    w.end_object();
    w.key("findings");
    w.begin_array();
    for (const Finding& f : output.findings) write_finding(w, f, context);
    w.end_array();
    w.key("stats");
    write_stats(w, output.stats);
    w.key("diagnostics");
    w.begin_array();
    for (const Diagnostic& d : output.diagnostics) {
        w.begin_object();
        w.field("level", to_string(d.level));
        w.field("path", d.path);
        w.field("message", d.message);
        w.end_object();
    }
    w.end_array();
    w.field("exit_code", context.exit_code);
    w.end_object();
    w.flush();
    out << '\n';
}

void write_jsonl_finding(const Finding& finding, const ReportContext& context, std::ostream& out) {
    {
        JsonWriter w(out, -1);
        write_finding(w, finding, context);
    }
    out << '\n';
}

}  // namespace aaiscan
