// Text and JSON output of `aaiscan checklist` (see checklist_report.h).
#include "app/checklist_report.h"

#include <fmt/format.h>

#include <array>
#include <nlohmann/json.hpp>

#include "util/escape.h"

namespace aaiscan {
namespace {

constexpr size_t k_text_evidence_limit = 20;  // per item; the JSON lists all

std::array<size_t, 4> count_statuses(const ChecklistReport& report) {
    std::array<size_t, 4> counts{};
    for (const auto& item : report.items) ++counts[static_cast<size_t>(item.status)];
    return counts;
}

std::string location(const ChecklistEvidence& e) {
    if (e.path.empty()) return {};
    return e.line > 0 ? fmt::format("{}:{}", escape_for_terminal(e.path), e.line)
                      : escape_for_terminal(e.path);
}

}  // namespace

void write_checklist_text(const ChecklistReport& report, std::ostream& out) {
    out << "AssemblyAI security checklist: " << escape_for_terminal(report.root) << '\n';
    if (report.scan_errors > 0) {
        out << fmt::format(
            "INCOMPLETE: the scan could not read {} path{} (see the errors on stderr)\n",
            report.scan_errors, report.scan_errors == 1 ? "" : "s");
    }
    out << '\n';
    for (const auto& item : report.items) {
        out << fmt::format("{:<6}  {:<19}  {}\n", to_string(item.status), item.id, item.title);
        out << "        " << escape_for_terminal(item.summary) << '\n';
        size_t shown = 0;
        for (const auto& e : item.evidence) {
            if (shown++ == k_text_evidence_limit) {
                out << fmt::format("        ... and {} more (--format json lists all)\n",
                                   item.evidence.size() - k_text_evidence_limit);
                break;
            }
            std::string line = fmt::format("        - {:<6}", to_string(e.status));
            std::string where = location(e);
            if (!where.empty()) line += "  " + where;
            if (!e.rule_id.empty()) line += "  " + e.rule_id;
            if (!e.value.empty()) line += "  " + escape_for_terminal(e.value);
            line += "  " + escape_for_terminal(e.message);
            out << line << '\n';
        }
        if (!item.fix.empty()) out << "        fix: " << item.fix << '\n';
        out << '\n';
    }
    auto counts = count_statuses(report);
    out << fmt::format("{} FAIL, {} WARN, {} MANUAL, {} PASS\n", counts[3], counts[2], counts[1],
                       counts[0]);
}

void write_checklist_json(const ChecklistReport& report, int exit_code, std::ostream& out) {
    using Json = nlohmann::ordered_json;
    Json root;
    root["version"] = 1;
    root["path"] = to_valid_utf8(report.root);
    root["retention_days"] = report.retention_days;
    root["complete"] = report.scan_errors == 0;
    Json items = Json::array();
    for (const auto& item : report.items) {
        Json j;
        j["id"] = item.id;
        j["title"] = item.title;
        j["status"] = to_string(item.status);
        j["summary"] = to_valid_utf8(item.summary);
        j["fix"] = item.fix.empty() ? Json(nullptr) : Json(item.fix);
        Json evidence = Json::array();
        for (const auto& e : item.evidence) {
            Json je;
            je["status"] = to_string(e.status);
            je["path"] = e.path.empty() ? Json(nullptr) : Json(to_valid_utf8(e.path));
            je["line"] = e.line > 0 ? Json(e.line) : Json(nullptr);
            je["rule_id"] = e.rule_id.empty() ? Json(nullptr) : Json(e.rule_id);
            je["value"] = e.value.empty() ? Json(nullptr) : Json(to_valid_utf8(e.value));
            je["message"] = to_valid_utf8(e.message);
            evidence.push_back(std::move(je));
        }
        j["evidence"] = std::move(evidence);
        items.push_back(std::move(j));
    }
    root["items"] = std::move(items);
    auto counts = count_statuses(report);
    root["summary"] = {
        {"FAIL", counts[3]}, {"WARN", counts[2]}, {"MANUAL", counts[1]}, {"PASS", counts[0]}};
    root["exit_code"] = exit_code;
    out << root.dump(2) << '\n';
}

}  // namespace aaiscan
