// Strict YAML rule parsing (see rule_loader.h).
#include "ruleset/rule_loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "util/error.h"

namespace aaiscan {
namespace {

SourceLocation location_of(const YAML::Node& node, const std::string& file) {
    YAML::Mark mark = node.Mark();
    if (mark.is_null()) return {file, 0, 0};
    return {file, mark.line + 1, mark.column + 1};
}

class RuleReader {
public:
    RuleReader(const YAML::Node& node, const std::string& file) : m_node(node), m_file(file) {}

    [[noreturn]] void fail(const YAML::Node& at, std::string_view message) const {
        throw Error(located_message(location_of(at, m_file), m_id, message));
    }

    Rule read() {
        if (!m_node.IsMap()) fail(m_node, "each rule must be a mapping");
        Rule rule;
        rule.origin = location_of(m_node, m_file);
        if (YAML::Node id = m_node["id"]; id && id.IsScalar()) m_id = id.Scalar();
        check_keys();

        rule.id = required_string("id");
        static const std::regex k_id_syntax("^[a-z0-9][a-z0-9_.-]*$");
        if (!std::regex_match(rule.id, k_id_syntax)) {
            fail(m_node["id"], "id must be lowercase letters, digits, '.', '_' or '-'");
        }
        rule.name = optional_string("name", rule.id);
        std::string kind = optional_string("kind", "content");
        if (kind == "file") {
            rule.kind = RuleKind::file;
        } else if (kind != "content") {
            fail(m_node["kind"], "kind must be 'content' or 'file'");
        }

        std::string category = required_string("category");
        auto parsed_category = parse_category(category);
        if (!parsed_category) fail(m_node["category"], "category must be secret, pii or config");
        rule.category = *parsed_category;

        std::string severity = required_string("severity");
        auto parsed_severity = parse_severity(severity);
        if (!parsed_severity) fail(m_node["severity"], "severity must be info, low, medium, high or critical");
        rule.severity = *parsed_severity;

        rule.message = optional_string("message", rule.name);
        rule.remediation = optional_string("remediation", "");
        rule.description = optional_string("description", "");
        rule.checklist = optional_string("checklist", "");
        if (!rule.checklist.empty()) {
            const auto& items = known_checklist_items();
            if (std::find(items.begin(), items.end(), rule.checklist) == items.end()) {
                fail(m_node["checklist"], "unknown checklist item '" + rule.checklist + "'");
            }
        }
        rule.pii_policy = optional_string("pii_policy", "");
        if (!rule.pii_policy.empty()) {
            const auto& policies = known_pii_policies();
            if (std::find(policies.begin(), policies.end(), rule.pii_policy) == policies.end()) {
                fail(m_node["pii_policy"], "unknown AssemblyAI PII policy '" + rule.pii_policy + "'");
            }
        }
        rule.references = string_list("references");
        rule.examples = string_list("examples");
        rule.negative_examples = string_list("negative_examples");
        if (rule.examples.empty()) fail(m_node["examples"] ? m_node["examples"] : m_node, "at least one example is required");
        if (rule.negative_examples.empty()) {
            fail(m_node["negative_examples"] ? m_node["negative_examples"] : m_node,
                 "at least one negative example is required");
        }

        if (rule.kind == RuleKind::content) {
            read_content(rule);
        } else {
            read_file_rule(rule);
        }
        return rule;
    }

private:
    void check_keys() const {
        static const std::set<std::string> k_common = {
            "id", "name", "kind", "category", "severity", "message", "remediation", "description",
            "checklist", "pii_policy", "examples", "negative_examples", "references"};
        static const std::set<std::string> k_content = {"scopes", "pattern", "prefilter", "keywords",
                                                        "min_entropy", "validators", "allow",
                                                        "context", "max_width", "except_paths", "innermost"};
        static const std::set<std::string> k_file = {"paths", "except_paths", "condition"};
        bool is_file = m_node["kind"] && m_node["kind"].IsScalar() && m_node["kind"].Scalar() == "file";
        for (auto it = m_node.begin(); it != m_node.end(); ++it) {
            if (!it->first.IsScalar()) fail(it->first, "keys must be plain strings");
            const std::string& key = it->first.Scalar();
            bool known = k_common.count(key) || (is_file ? k_file.count(key) : k_content.count(key));
            if (!known) {
                bool other_kind = is_file ? k_content.count(key) : k_file.count(key);
                fail(it->first, other_kind ? "key '" + key + "' is not allowed in a " +
                                                 (is_file ? "file" : "content") + " rule"
                                           : "unknown key '" + key + "'");
            }
        }
    }

    void read_content(Rule& rule) {
        rule.pattern = required_string("pattern");
        if (rule.pattern.empty()) fail(m_node["pattern"], "pattern must not be empty");
        rule.pattern_origin = location_of(m_node["pattern"], m_file);
        if (YAML::Node p = m_node["prefilter"]) {
            rule.prefilter = required_string("prefilter");
            if (rule.prefilter.empty()) fail(p, "prefilter must not be empty (leave it out instead)");
            rule.prefilter_origin = location_of(p, m_file);
        }
        YAML::Node scopes = m_node["scopes"];
        if (!scopes) fail(m_node, "missing required key 'scopes'");
        for (const std::string& s : string_list("scopes")) {
            auto scope = parse_scope(s);
            if (!scope) fail(scopes, "unknown scope '" + s + "' (code, config, env, ci, bundle, transcript)");
            rule.scopes |= scope_bit(*scope);
        }
        if (rule.scopes == 0) fail(scopes, "at least one scope is required");
        rule.keywords = string_list("keywords");
        for (const std::string& k : rule.keywords) {
            if (std::any_of(k.begin(), k.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
                fail(m_node["keywords"], "keywords must be lowercase");
            }
        }
        if (YAML::Node e = m_node["min_entropy"]) {
            rule.min_entropy = as_number(e, "min_entropy");
            if (rule.min_entropy < 0 || rule.min_entropy > 8) fail(e, "min_entropy must be within 0..8");
        }
        rule.validators = string_list("validators");
        if (m_node["validators"]) rule.validators_origin = location_of(m_node["validators"], m_file);
        rule.allow = string_list("allow");
        rule.except_paths = string_list("except_paths");
        if (YAML::Node w = m_node["max_width"]) {
            double width = as_number(w, "max_width");
            if (width < 1 || width > 1 << 20) fail(w, "max_width must be within 1..1048576");
            rule.max_width = static_cast<uint32_t>(width);
        }
        if (YAML::Node i = m_node["innermost"]) {
            if (!i.IsScalar() || (i.Scalar() != "true" && i.Scalar() != "false")) fail(i, "innermost must be true or false");
            rule.innermost = i.Scalar() == "true";
        }
        if (YAML::Node c = m_node["context"]) {
            if (!c.IsMap()) fail(c, "context must be a mapping with require/exclude/exclude_before_secret/lines");
            for (auto it = c.begin(); it != c.end(); ++it) {
                const std::string& key = it->first.Scalar();
                if (key == "require" || key == "exclude") {
                    if (!it->second.IsScalar()) fail(it->second, "context." + key + " must be a string");
                    (key == "require" ? rule.context.require : rule.context.exclude) = it->second.Scalar();
                } else if (key == "exclude_before_secret") {
                    if (!it->second.IsScalar() || (it->second.Scalar() != "true" && it->second.Scalar() != "false")) {
                        fail(it->second, "context.exclude_before_secret must be true or false");
                    }
                    rule.context.exclude_before_secret = it->second.Scalar() == "true";
                } else if (key == "lines") {
                    double lines = as_number(it->second, "context.lines");
                    if (lines < 0 || lines > 50) fail(it->second, "context.lines must be within 0..50");
                    rule.context.lines = static_cast<int>(lines);
                } else {
                    fail(it->first, "unknown key 'context." + key + "'");
                }
            }
        }
    }

    void read_file_rule(Rule& rule) {
        rule.paths = string_list("paths");
        if (rule.paths.empty()) fail(m_node, "a file rule needs at least one entry in 'paths'");
        rule.except_paths = string_list("except_paths");
        std::string condition = optional_string("condition", "not_ignored");
        auto parsed = parse_file_condition(condition);
        if (!parsed) fail(m_node["condition"], "condition must be not_ignored, tracked, exists or env_ignore_missing");
        rule.condition = *parsed;
    }

    std::string required_string(const char* key) const {
        YAML::Node n = m_node[key];
        if (!n) fail(m_node, std::string("missing required key '") + key + "'");
        if (!n.IsScalar()) fail(n, std::string("'") + key + "' must be a string");
        return n.Scalar();
    }

    std::string optional_string(const char* key, const std::string& fallback) const {
        YAML::Node n = m_node[key];
        if (!n || n.IsNull()) return fallback;
        if (!n.IsScalar()) fail(n, std::string("'") + key + "' must be a string");
        return n.Scalar();
    }

    std::vector<std::string> string_list(const char* key) const {
        std::vector<std::string> out;
        YAML::Node n = m_node[key];
        if (!n || n.IsNull()) return out;
        if (n.IsScalar()) {
            out.push_back(n.Scalar());
            return out;
        }
        if (!n.IsSequence()) fail(n, std::string("'") + key + "' must be a list of strings");
        for (const YAML::Node& item : n) {
            if (!item.IsScalar()) fail(item, std::string("every entry of '") + key + "' must be a string");
            out.push_back(item.Scalar());
        }
        return out;
    }

    double as_number(const YAML::Node& n, const std::string& key) const {
        if (!n.IsScalar()) fail(n, "'" + key + "' must be a number");
        try {
            size_t used = 0;
            double value = std::stod(n.Scalar(), &used);
            if (used != n.Scalar().size()) throw std::invalid_argument("trailing");
            return value;
        } catch (const std::exception&) {
            fail(n, "'" + key + "' must be a number");
        }
    }

    const YAML::Node& m_node;
    const std::string& m_file;
    std::string m_id;
};

}  // namespace

std::string located_message(const SourceLocation& where, std::string_view rule_id,
                            std::string_view message) {
    std::ostringstream out;
    out << where.file;
    if (where.line > 0) out << ':' << where.line << ':' << where.column;
    out << ": ";
    if (!rule_id.empty()) out << "rule '" << rule_id << "': ";
    out << message;
    return out.str();
}

std::vector<Rule> parse_rule_file(std::string_view yaml_text, const std::string& file_name) {
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml_text));
    } catch (const YAML::Exception& e) {
        SourceLocation where{file_name, e.mark.is_null() ? 0 : e.mark.line + 1,
                             e.mark.is_null() ? 0 : e.mark.column + 1};
        throw Error(located_message(where, "", "invalid YAML: " + e.msg));
    }
    if (!root.IsMap()) {
        throw Error(located_message({file_name, 1, 1}, "", "a rule file must be a mapping with a 'rules' list"));
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!it->first.IsScalar() || it->first.Scalar() != "rules") {
            throw Error(located_message(location_of(it->first, file_name), "",
                                        "unknown top-level key '" + (it->first.IsScalar() ? it->first.Scalar() : "?") + "'"));
        }
    }
    if (!root["rules"]) {
        throw Error(located_message({file_name, 1, 1}, "", "a rule file must be a mapping with a 'rules' list"));
    }
    YAML::Node list = root["rules"];
    if (!list.IsSequence()) {
        throw Error(located_message(location_of(list, file_name), "", "'rules' must be a list"));
    }
    std::vector<Rule> rules;
    rules.reserve(list.size());
    std::set<std::string> seen;
    for (const YAML::Node& node : list) {
        Rule rule = RuleReader(node, file_name).read();
        if (!seen.insert(rule.id).second) {
            throw Error(located_message(rule.origin, rule.id, "duplicate rule id"));
        }
        rules.push_back(std::move(rule));
    }
    return rules;
}

std::vector<RuleSource> read_rule_sources(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<fs::path> files;
    if (fs::is_directory(path, ec)) {
        for (const auto& entry : fs::directory_iterator(path, ec)) {
            auto ext = entry.path().extension();
            if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(entry.path());
        }
        if (ec) throw Error(path + ": cannot list rule directory: " + ec.message());
        std::sort(files.begin(), files.end());
        if (files.empty()) throw Error(path + ": no *.yaml rule files in this directory");
    } else if (fs::exists(path, ec)) {
        files.emplace_back(path);
    } else {
        throw Error(path + ": rule file not found");
    }
    std::vector<RuleSource> sources;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) throw Error(file.string() + ": cannot read rule file");
        std::stringstream buffer;
        buffer << in.rdbuf();
        sources.push_back({file.string(), buffer.str()});
    }
    return sources;
}

std::vector<Rule> load_rule_path(const std::string& path) {
    std::vector<Rule> all;
    for (const auto& source : read_rule_sources(path)) {
        auto rules = parse_rule_file(source.text, source.name);
        std::move(rules.begin(), rules.end(), std::back_inserter(all));
    }
    return all;
}

}  // namespace aaiscan
