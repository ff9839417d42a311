// Text and JSON output of `aaiscan redact` (see redact_report.h).
#include "app/redact_report.h"

#include <nlohmann/json.hpp>

#include "findings/finding.h"
#include "util/escape.h"

namespace aaiscan {
namespace {

std::string masked(const std::string& value) { return mask_value(value, Category::pii); }

std::string spans_text(const std::map<std::string, size_t>& spans) {
    std::string out;
    for (const auto& [policy, count] : spans) {
        if (!out.empty()) out += ", ";
        out += policy + " " + std::to_string(count);
    }
    return out.empty() ? "none" : out;
}

}  // namespace

bool RedactReport::has_residual() const {
    for (const FileResult& f : files) {
        if (!f.residual.empty()) return true;
    }
    return false;
}

void write_redact_text(const RedactReport& report, std::ostream& out, std::ostream& err) {
    std::map<std::string, size_t> totals;
    size_t transcripts = 0;
    for (const FileResult& f : report.files) {
        for (const auto& [policy, count] : f.spans) totals[policy] += count;
        transcripts += f.transcripts;
        size_t spans = 0;
        for (const auto& [policy, count] : f.spans) spans += count;
        if (report.dry_run) {
            out << escape_for_terminal(f.input) << ": would redact " << spans << " span(s) in " << f.transcripts
                << " transcript(s)" << (f.removed_fields ? ", drop " + std::to_string(f.removed_fields) + " unredacted_* field(s)" : "")
                << "\n";
            for (const SpanReport& c : f.changes) {
                out << "  " << escape_for_terminal(c.location) << ": " << c.policy << " " << masked(c.value) << "\n";
            }
        } else {
            out << escape_for_terminal(f.input) << " -> " << escape_for_terminal(f.output) << ": " << spans
                << " span(s) redacted (" << spans_text(f.spans) << ")"
                << (f.removed_fields ? ", " + std::to_string(f.removed_fields) + " unredacted_* field(s) removed" : "")
                << "\n";
        }
        for (const SpanReport& r : f.residual) {
            err << "aaiscan: error: " << escape_for_terminal(f.output.empty() ? f.input : f.output)
                << ": PII remains after redaction: " << r.policy << " " << masked(r.value) << " at "
                << escape_for_terminal(r.location) << "\n";
        }
    }
    for (const Diagnostic& d : report.diagnostics) {
        err << "aaiscan: " << to_string(d.level) << ": " << escape_for_terminal(d.path) << (d.path.empty() ? "" : ": ")
            << escape_for_terminal(d.message) << "\n";
    }
    err << "aaiscan: redact: " << report.files.size() << " file(s) " << (report.dry_run ? "checked (dry run)" : "written")
        << ", " << transcripts << " transcript(s); spans " << (report.dry_run ? "to redact" : "redacted") << ": "
        << spans_text(totals);
    if (report.skipped_files > 0) err << "; " << report.skipped_files << " non-transcript file(s) skipped";
    err << "; " << report.errors << " error(s)\n";
}

void write_redact_json(const RedactReport& report, std::ostream& out) {
    using nlohmann::ordered_json;
    ordered_json doc;
    doc["version"] = 1;
    doc["dry_run"] = report.dry_run;
    doc["policies"] = report.policies;
    doc["substitution"] = report.substitution;
    ordered_json files = ordered_json::array();
    std::map<std::string, size_t> totals;
    for (const FileResult& f : report.files) {
        ordered_json j;
        j["input"] = to_valid_utf8(f.input);
        j["output"] = f.output.empty() ? ordered_json(nullptr) : ordered_json(to_valid_utf8(f.output));
        j["format"] = f.format;
        j["status"] = f.status;
        j["transcripts"] = f.transcripts;
        j["removed_fields"] = f.removed_fields;
        j["spans"] = ordered_json::object();
        for (const auto& [policy, count] : f.spans) {
            j["spans"][policy] = count;
            totals[policy] += count;
        }
        ordered_json changes = ordered_json::array();
        for (const SpanReport& c : f.changes) {
            changes.push_back({{"policy", c.policy}, {"value", masked(c.value)}, {"location", to_valid_utf8(c.location)}});
        }
        j["changes"] = std::move(changes);
        ordered_json residual = ordered_json::array();
        for (const SpanReport& c : f.residual) {
            residual.push_back({{"policy", c.policy}, {"value", masked(c.value)}, {"location", to_valid_utf8(c.location)}});
        }
        j["residual"] = std::move(residual);
        files.push_back(std::move(j));
    }
    doc["files"] = std::move(files);
    doc["totals"] = ordered_json::object();
    for (const auto& [policy, count] : totals) doc["totals"][policy] = count;
    doc["skipped_files"] = report.skipped_files;
    ordered_json diags = ordered_json::array();
    for (const Diagnostic& d : report.diagnostics) {
        diags.push_back({{"level", std::string(to_string(d.level))}, {"path", to_valid_utf8(d.path)},
                         {"message", to_valid_utf8(d.message)}});
    }
    doc["diagnostics"] = std::move(diags);
    out << doc.dump(2) << "\n";
}

}  // namespace aaiscan
