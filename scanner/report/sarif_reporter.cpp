// SARIF 2.1.0 writer (see sarif_reporter.h).
#include "report/sarif_reporter.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "report/json_reporter.h"
#include "util/strings.h"

namespace aaiscan {
namespace {

using ojson = nlohmann::ordered_json;

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

ojson rule_descriptor(const Rule& r) {
    ojson d;
    d["id"] = r.id;
    d["name"] = pascal_name(r.id);
    d["shortDescription"] = {{"text", r.name}};
    d["fullDescription"] = {{"text", r.description.empty() ? r.message : r.description}};
    std::string help = r.message + ".";
    if (!r.remediation.empty()) help += " Fix: " + r.remediation;
    std::string markdown = "**" + r.message + "**";
    if (!r.remediation.empty()) markdown += "\n\n**Fix:** " + r.remediation;
    if (!r.checklist.empty()) markdown += "\n\nAssemblyAI security checklist item: `" + r.checklist + "`.";
    for (const auto& ref : r.references) markdown += "\n\n" + ref;
    d["help"] = {{"text", help}, {"markdown", markdown}};
    if (!r.references.empty()) d["helpUri"] = r.references.front();
    d["defaultConfiguration"] = {{"level", std::string(sarif_level(r.severity))}};
    ojson tags = ojson::array({"security", std::string(to_string(r.category))});
    if (!r.checklist.empty()) tags.push_back("checklist:" + r.checklist);
    if (!r.pii_policy.empty()) tags.push_back("pii:" + r.pii_policy);
    d["properties"] = {{"tags", tags},
                       {"precision", r.category == Category::pii ? "medium" : "high"},
                       {"security-severity", std::string(security_severity(r.severity))},
                       {"aaiscan-severity", std::string(to_string(r.severity))}};
    return d;
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

void write_sarif_report(const ScanOutput& output, const ReportContext& context, std::ostream& out) {
    // Only the rules that have results are described: the output stays small and stable.
    ojson rules = ojson::array();
    std::unordered_map<std::string, size_t> rule_index;
    for (const Rule& r : context.rules->rules()) {
        bool used = std::any_of(output.findings.begin(), output.findings.end(),
                                [&](const Finding& f) { return f.rule->id == r.id; });
        if (!used) continue;
        rule_index[r.id] = rules.size();
        rules.push_back(rule_descriptor(r));
    }
    ojson results = ojson::array();
    for (const Finding& f : output.findings) {
        ojson res;
        res["ruleId"] = f.rule->id;
        res["ruleIndex"] = rule_index[f.rule->id];
        res["level"] = std::string(sarif_level(f.severity));
        res["message"] = {{"text", result_message(f, context)}};
        ojson physical;
        std::string uri_path = f.project_path.empty() ? f.path : f.project_path;
        physical["artifactLocation"] = {{"uri", sarif_uri(uri_path)}, {"uriBaseId", "%SRCROOT%"}};
        if (f.line > 0) {
            physical["region"] = {{"startLine", f.line}, {"startColumn", f.column},
                                  {"endLine", f.end_line}, {"endColumn", f.end_column}};
        } else {
            physical["region"] = {{"startLine", 1}};
        }
        res["locations"] = ojson::array({{{"physicalLocation", physical}}});
        res["partialFingerprints"] = {{"aaiscan/v1", f.fingerprint}};
        if (f.is_suppressed()) {
            std::string kind = f.suppressed == Suppression::inline_comment ? "inSource" : "external";
            res["suppressions"] = ojson::array({{{"kind", kind}, {"justification", std::string("aaiscan ") + std::string(to_string(f.suppressed))}}});
        }
        ojson props;
        props["severity"] = std::string(to_string(f.severity));
        props["category"] = std::string(to_string(f.rule->category));
        if (!f.rule->checklist.empty()) props["checklist"] = f.rule->checklist;
        if (!f.rule->pii_policy.empty()) props["pii_policy"] = f.rule->pii_policy;
        ojson finding_json = finding_to_json(f, context);
        if (!finding_json["transcript"].is_null()) props["transcript"] = finding_json["transcript"];
        if (!finding_json["commit"].is_null()) props["commit"] = finding_json["commit"];
        res["properties"] = props;
        results.push_back(std::move(res));
    }
    ojson notifications = ojson::array();
    for (const Diagnostic& d : output.diagnostics) {
        ojson n;
        n["level"] = d.level == DiagnosticLevel::error ? "error" : d.level == DiagnosticLevel::warning ? "warning" : "note";
        n["message"] = {{"text", (d.path.empty() ? "" : d.path + ": ") + d.message}};
        notifications.push_back(std::move(n));
    }
    ojson invocation;
    invocation["executionSuccessful"] = context.exit_code != 2;
    invocation["exitCode"] = context.exit_code;
    if (!context.command_line.empty()) invocation["commandLine"] = join(context.command_line, " ");
    invocation["toolExecutionNotifications"] = notifications;

    ojson run;
    run["tool"] = {{"driver", {{"name", "aaiscan"},
                               {"version", AAISCAN_VERSION},
                               {"semanticVersion", AAISCAN_VERSION},
                               {"informationUri", "https://www.assemblyai.com/docs"},
                               {"rules", rules}}}};
    run["invocations"] = ojson::array({invocation});
    run["columnKind"] = "unicodeCodePoints";
    run["results"] = results;
    ojson doc;
    doc["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    doc["version"] = "2.1.0";
    doc["runs"] = ojson::array({run});
    out << dump_json(doc, 2) << '\n';
}

}  // namespace aaiscan
