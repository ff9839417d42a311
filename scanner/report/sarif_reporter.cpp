// SARIF 2.1.0 writer (see sarif_reporter.h).
#include "report/sarif_reporter.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "report/json_reporter.h"
#include "util/strings.h"

namespace aaiscan {
namespace {

std::string_view sarif_level(Severity s) {
    switch (s) {
        case Severity::critical:
        case Severity::high: return "error";
        case Severity::medium: return "warning";
        case Severity::low:
        case Severity::info: return "note";
    }
    return "warning";
}

// GitHub's scale (0.0-10.0): >= 9 critical, >= 7 high, >= 4 medium, else low.
std::string_view security_severity(Severity s) {
    switch (s) {
        case Severity::critical: return "9.5";
        case Severity::high: return "8.0";
        case Severity::medium: return "5.5";
        case Severity::low: return "3.0";
        case Severity::info: return "1.0";
    }
    return "5.0";
}

// "assemblyai.api-key.assignment" -> "AssemblyaiApiKeyAssignment" (SARIF rule names are PascalCase).
std::string pascal_name(std::string_view id) {
    std::string out;
    bool upper = true;
    for (char c : id) {
        if (c == '.' || c == '-' || c == '_') {
            upper = true;
            continue;
        }
        out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    return out;
}

void write_rule_descriptor(JsonWriter& out, const Rule& r) {
    out.begin_object();
    out.field("id", r.id);
    out.field("name", pascal_name(r.id));
    out.key("shortDescription");
    out.begin_object();
    out.field("text", r.name);
    out.end_object();
    out.key("fullDescription");
    out.begin_object();
    out.field("text", r.description.empty() ? r.message : r.description);
    out.end_object();
    std::string help = r.message + ".";
    if (!r.remediation.empty()) help += " Fix: " + r.remediation;
    std::string markdown = "**" + r.message + "**";
    if (!r.remediation.empty()) markdown += "\n\n**Fix:** " + r.remediation;
    if (!r.checklist.empty()) markdown += "\n\nAssemblyAI security checklist item: `" + r.checklist + "`.";
    for (const auto& ref : r.references) markdown += "\n\n" + ref;
    out.key("help");
    out.begin_object();
    out.field("text", help);
    out.field("markdown", markdown);
    out.end_object();
    if (!r.references.empty()) out.field("helpUri", r.references.front());
    out.key("defaultConfiguration");
    out.begin_object();
    out.field("level", sarif_level(r.severity));
    out.end_object();
    out.key("properties");
    out.begin_object();
    out.key("tags");
    out.begin_array();
    out.value("security");
    out.value(to_string(r.category));
    if (!r.checklist.empty()) out.value("checklist:" + r.checklist);
    if (!r.pii_policy.empty()) out.value("pii:" + r.pii_policy);
    out.end_array();
    out.field("precision", r.category == Category::pii ? "medium" : "high");
    out.field("security-severity", security_severity(r.severity));
    out.field("aaiscan-severity", to_string(r.severity));
    out.end_object();
    out.end_object();
}

std::string result_message(const Finding& f, const ReportContext& context) {
    std::string text = f.message;
    std::string value = printable_value(f, context);
    if (!value.empty()) text += " (" + value + ")";
    if (f.transcript) {
        const TranscriptRef& t = *f.transcript;
        if (t.start_ms >= 0) text += " at " + std::to_string(t.start_ms) + " ms";
        if (!t.speaker.empty()) text += ", speaker " + printable_speaker(t.speaker, context);
        if (!t.verdict.empty()) text += " [" + t.verdict + "]";
    }
    if (f.commit) text += " in commit " + f.commit->id.substr(0, 12);
    if (!f.rule->remediation.empty()) text += ". " + f.rule->remediation;
    return text;
}

}  // namespace

std::string sarif_uri(std::string_view path) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : path) {
        bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    std::string_view("-._~/!$&'()*+,;=:@").find(static_cast<char>(c)) != std::string_view::npos;
        if (keep) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += k_hex[c >> 4];
            out += k_hex[c & 15];
        }
    }
    return out;
}

namespace {

void write_result(JsonWriter& out, const Finding& f, size_t rule_index, const ReportContext& context) {
    out.begin_object();
    out.field("ruleId", f.rule->id);
    out.field("ruleIndex", static_cast<uint64_t>(rule_index));
    out.field("level", sarif_level(f.severity));
    out.key("message");
    out.begin_object();
    out.field("text", result_message(f, context));
    out.end_object();
    out.key("locations");
    out.begin_array();
    out.begin_object();
    out.key("physicalLocation");
    out.begin_object();
    out.key("artifactLocation");
    out.begin_object();
    out.field("uri", sarif_uri(f.project_path.empty() ? f.path : f.project_path));
    out.field("uriBaseId", "%SRCROOT%");
    out.end_object();
    out.key("region");
    out.begin_object();
    if (f.line > 0) {
        out.field("startLine", f.line);
        out.field("startColumn", f.column);
        out.field("endLine", f.end_line);
        out.field("endColumn", f.end_column);
    } else {
        out.field("startLine", 1);
    }
    out.end_object();
    out.end_object();
    out.end_object();
    out.end_array();
    out.key("partialFingerprints");
    out.begin_object();
    out.field("aaiscan/v1", f.fingerprint);
    out.end_object();
    if (f.is_suppressed()) {
        out.key("suppressions");
        out.begin_array();
        out.begin_object();
        out.field("kind", f.suppressed == Suppression::inline_comment ? "inSource" : "external");
        out.field("justification", "aaiscan " + std::string(to_string(f.suppressed)));
        out.end_object();
        out.end_array();
    }
    out.key("properties");
    out.begin_object();
    out.field("severity", to_string(f.severity));
    out.field("category", to_string(f.rule->category));
    if (!f.rule->checklist.empty()) out.field("checklist", f.rule->checklist);
    if (!f.rule->pii_policy.empty()) out.field("pii_policy", f.rule->pii_policy);
    if (f.transcript) {
        out.key("transcript");
        write_transcript_ref(out, f, context);
    }
    if (f.commit) {
        out.key("commit");
        write_commit_ref(out, f);
    }
    out.end_object();
    out.end_object();
}

}  // namespace

void write_sarif_report(const ScanOutput& output, const ReportContext& context, std::ostream& stream) {
    // Only the rules that have results are described, in rule-set order: the output stays small
    // and stable.
    std::unordered_map<std::string_view, size_t> rule_index;
    for (const Finding& f : output.findings) rule_index.emplace(f.rule->id, 0);
    std::vector<const Rule*> used;
    for (const Rule& r : context.rules->rules()) {
        auto it = rule_index.find(r.id);
        if (it == rule_index.end()) continue;
        it->second = used.size();
        used.push_back(&r);
    }

    JsonWriter out(stream, 2);
    out.begin_object();
    out.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    out.field("version", "2.1.0");
    out.key("runs");
    out.begin_array();
    out.begin_object();
    out.key("tool");
    out.begin_object();
    out.key("driver");
    out.begin_object();
    out.field("name", "aaiscan");
    out.field("version", AAISCAN_VERSION);
    out.field("semanticVersion", AAISCAN_VERSION);
    out.field("informationUri", "https://www.assemblyai.com/docs");
    out.key("rules");
    out.begin_array();
    for (const Rule* r : used) write_rule_descriptor(out, *r);
    out.end_array();
    out.end_object();
    out.end_object();

    out.key("invocations");
    out.begin_array();
    out.begin_object();
    out.field("executionSuccessful", context.exit_code != 2);
    out.field("exitCode", context.exit_code);
    if (!context.command_line.empty()) out.field("commandLine", join(context.command_line, " "));
    out.key("toolExecutionNotifications");
    out.begin_array();
    for (const Diagnostic& d : output.diagnostics) {
        out.begin_object();
        out.field("level", d.level == DiagnosticLevel::error     ? "error"
                           : d.level == DiagnosticLevel::warning ? "warning"
                                                                 : "note");
        out.key("message");
        out.begin_object();
        out.field("text", (d.path.empty() ? "" : d.path + ": ") + d.message);
        out.end_object();
        out.end_object();
    }
    out.end_array();
    out.end_object();
    out.end_array();

    out.field("columnKind", "unicodeCodePoints");
    out.key("results");
    out.begin_array();
    for (const Finding& f : output.findings) write_result(out, f, rule_index[f.rule->id], context);
    out.end_array();
    out.end_object();
    out.end_array();
    out.end_object();
    out.flush();
    stream << '\n';
}

}  // namespace aaiscan
