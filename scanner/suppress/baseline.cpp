// Baseline files (see baseline.h).
#include "suppress/baseline.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <tuple>

#include "util/error.h"

namespace aaiscan {
namespace {

constexpr int k_version = 1;

}  // namespace

Baseline Baseline::parse(const std::string& text, const std::string& file_name) {
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw Error(file_name + ": not a baseline file: invalid JSON (" + e.what() + ")");
    }
    auto fail = [&](const std::string& what) { return Error(file_name + ": not a baseline file: " + what); };
    if (!root.is_object()) throw fail("expected a JSON object");
    auto version = root.find("version");
    if (version == root.end() || !version->is_number_integer() || version->get<int>() != k_version) {
        throw fail("\"version\" must be " + std::to_string(k_version));
    }
    auto list = root.find("fingerprints");
    if (list == root.end() || !list->is_array()) throw fail("\"fingerprints\" must be an array");
    Baseline out;
    size_t position = 0;
    for (const auto& item : *list) {
        BaselineEntry entry;
        if (item.is_string()) {
            entry.fingerprint = item.get<std::string>();
        } else if (item.is_object() && item.contains("fingerprint") && item["fingerprint"].is_string()) {
            entry.fingerprint = item["fingerprint"].get<std::string>();
            if (item.contains("rule_id") && item["rule_id"].is_string()) entry.rule_id = item["rule_id"].get<std::string>();
            if (item.contains("path") && item["path"].is_string()) entry.path = item["path"].get<std::string>();
        } else {
            throw fail("entry " + std::to_string(position) + " has no \"fingerprint\" string");
        }
        if (entry.fingerprint.empty()) throw fail("entry " + std::to_string(position) + " has an empty fingerprint");
        if (out.m_index.insert(entry.fingerprint).second) out.m_entries.push_back(std::move(entry));
        ++position;
    }
    return out;
}

Baseline Baseline::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot read baseline file");
    std::stringstream buffer;
    buffer << in.rdbuf();
    return parse(buffer.str(), path);
}

bool Baseline::add(const Finding& finding) {
    if (finding.fingerprint.empty() || !m_index.insert(finding.fingerprint).second) return false;
    m_entries.push_back({finding.fingerprint, finding.rule ? finding.rule->id : std::string(), finding.project_path});
    return true;
}

size_t Baseline::prune(const std::unordered_set<std::string>& present) {
    size_t before = m_entries.size();
    m_entries.erase(std::remove_if(m_entries.begin(), m_entries.end(),
                                   [&](const BaselineEntry& e) {
                                       if (present.count(e.fingerprint)) return false;
                                       m_index.erase(e.fingerprint);
                                       return true;
                                   }),
                    m_entries.end());
    return before - m_entries.size();
}

std::string Baseline::to_json() const {
    std::vector<const BaselineEntry*> sorted;
    for (const auto& e : m_entries) sorted.push_back(&e);
    std::sort(sorted.begin(), sorted.end(), [](const BaselineEntry* a, const BaselineEntry* b) {
        return std::tie(a->path, a->rule_id, a->fingerprint) < std::tie(b->path, b->rule_id, b->fingerprint);
    });
    std::string out = "{\n  \"version\": " + std::to_string(k_version) + ",\n  \"fingerprints\": [";
    for (size_t i = 0; i < sorted.size(); ++i) {
        nlohmann::ordered_json entry;
        entry["fingerprint"] = sorted[i]->fingerprint;
        entry["rule_id"] = sorted[i]->rule_id;
        entry["path"] = sorted[i]->path;
        out += i ? ",\n    " : "\n    ";
        // Paths that are not UTF-8 are informative only: replace what JSON cannot hold.
        out += entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    out += sorted.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

}  // namespace aaiscan
