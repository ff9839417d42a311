// Text output (see text_reporter.h).
#include "report/text_reporter.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <set>

#include "util/escape.h"

namespace aaiscan {
namespace {

struct Palette {
    bool on;
    std::string paint(std::string_view code, std::string_view text) const {
        if (!on) return std::string(text);
        return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
    }
};

std::string_view severity_color(Severity s) {
    switch (s) {
        case Severity::critical: return "1;31";
        case Severity::high: return "31";
        case Severity::medium: return "33";
        case Severity::low: return "34";
        case Severity::info: return "2";
    }
    return "0";
}

std::string human_bytes(uint64_t bytes) {
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1024 && unit < 4) {
        value /= 1024;
        ++unit;
    }
    return unit == 0 ? fmt::format("{} B", bytes) : fmt::format("{:.1f} {}", value, units[unit]);
}

}  // namespace

std::string format_ms(int64_t ms) {
    if (ms < 0) return "?";
    int64_t h = ms / 3600000, m = (ms / 60000) % 60, s = (ms / 1000) % 60, r = ms % 1000;
    return h > 0 ? fmt::format("{}:{:02}:{:02}.{:03}", h, m, s, r) : fmt::format("{:02}:{:02}.{:03}", m, s, r);
}

void write_text_report(const ScanOutput& output, const ReportContext& context, std::ostream& out) {
    Palette p{context.color};
    // --quiet (the pre-commit hook): a clean scan says nothing; findings and errors still print.
    if (context.quiet && output.stats.findings() == 0 && output.stats.errors == 0) return;
    std::string current;
    std::set<std::string> files;
    for (const Finding& f : output.findings) {
        if (f.is_suppressed() && !context.verbose) continue;
        if (f.path != current || files.empty()) {
            if (!files.empty()) out << '\n';
            current = f.path;
            out << p.paint("1;35", escape_for_terminal(f.path)) << '\n';
        }
        files.insert(f.path);
        std::string where = f.line ? fmt::format("{}:{}", f.line, f.column) : "-";
        out << "  " << fmt::format("{:<8}", where) << ' '
            << p.paint(severity_color(f.severity), fmt::format("{:<8}", to_string(f.severity))) << ' '
            << f.rule->id << "  " << escape_for_terminal(f.message);
        std::string value = printable_value(f, context);
        if (!value.empty()) out << "  " << p.paint("36", escape_for_terminal(value));
        if (f.transcript) {
            const TranscriptRef& t = *f.transcript;
            std::vector<std::string> parts;
            if (!t.id.empty()) parts.push_back("transcript " + escape_for_terminal(t.id));
            if (t.start_ms >= 0) parts.push_back(format_ms(t.start_ms) + "-" + format_ms(t.end_ms));
            if (!t.speaker.empty()) parts.push_back("speaker " + escape_for_terminal(printable_speaker(t.speaker, context)));
            if (!t.json_path.empty()) parts.push_back(escape_for_terminal(t.json_path));
            if (!t.verdict.empty()) parts.push_back(t.verdict);
            if (!parts.empty()) {
                out << "\n           " << p.paint("2", "[");
                for (size_t i = 0; i < parts.size(); ++i) out << (i ? ", " : "") << p.paint("2", parts[i]);
                out << p.paint("2", "]");
            }
        }
        if (f.commit) {
            out << "\n           " << p.paint("2", fmt::format("commit {} by {} on {}", f.commit->id.substr(0, 12),
                                                               escape_for_terminal(f.commit->author), f.commit->date));
        }
        if (f.is_suppressed()) out << "  " << p.paint("2", fmt::format("(suppressed: {})", to_string(f.suppressed)));
        out << '\n';
    }
    const ScanStats& s = output.stats;
    uint64_t total = s.findings();
    if (!files.empty()) out << '\n';
    std::string summary;
    if (total == 0 && s.errors > 0 && s.files_scanned == 0) {
        summary = "nothing could be scanned";  // not "no findings": the scan did not happen
    } else if (total == 0) {
        summary = "no findings";
    } else {
        std::vector<std::string> parts;
        for (size_t i = s.findings_by_severity.size(); i-- > 0;) {
            if (s.findings_by_severity[i]) parts.push_back(fmt::format("{} {}", s.findings_by_severity[i], to_string(static_cast<Severity>(i))));
        }
        std::set<std::string> finding_files;
        for (const Finding& f : output.findings) {
            if (!f.is_suppressed()) finding_files.insert(f.path);
        }
        summary = fmt::format("{} finding{} ({}) in {} file{}", total, total == 1 ? "" : "s", fmt::join(parts, ", "),
                              finding_files.size(), finding_files.size() == 1 ? "" : "s");
    }
    summary += fmt::format("; {} file{} scanned ({})", s.files_scanned, s.files_scanned == 1 ? "" : "s",
                           human_bytes(s.bytes_scanned));
    // What was passed over (files git ignores are not news): binary, oversized, symlinks, FIFOs.
    std::vector<std::string> skipped;
    if (s.skipped_binary) skipped.push_back(fmt::format("{} binary", s.skipped_binary));
    if (s.skipped_too_large) skipped.push_back(fmt::format("{} over --max-file-size", s.skipped_too_large));
    if (s.skipped_symlinks) skipped.push_back(fmt::format("{} symlink{}", s.skipped_symlinks, s.skipped_symlinks == 1 ? "" : "s"));
    if (s.skipped_special) skipped.push_back(fmt::format("{} not a regular file", s.skipped_special));
    if (!skipped.empty()) summary += fmt::format("; skipped {}", fmt::join(skipped, ", "));
    if (s.suppressed()) summary += fmt::format("; {} suppressed", s.suppressed());
    if (s.errors) summary += fmt::format("; {} error{}", s.errors, s.errors == 1 ? "" : "s");
    out << p.paint(total ? "1" : "32", summary) << '\n';
}

void write_diagnostics(const ScanOutput& output, const ReportContext& context, std::ostream& err) {
    for (const Diagnostic& d : output.diagnostics) {
        if (d.level == DiagnosticLevel::note && !context.verbose) continue;
        err << "aaiscan: " << to_string(d.level) << ": ";
        if (!d.path.empty()) err << escape_for_terminal(d.path) << ": ";
        err << escape_for_terminal(d.message) << '\n';
    }
}

}  // namespace aaiscan
