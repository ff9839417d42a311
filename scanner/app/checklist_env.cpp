// Env files per environment and values shared between environments (see checklist_env.h).
#include "app/checklist_env.h"

#include <algorithm>
#include <map>
#include <set>

#include "util/sha256.h"
#include "util/strings.h"

namespace aaiscan {
namespace {

std::string normalise_environment(std::string name) {
    name = to_lower_ascii(name);
    if (name == "prod" || name == "prd" || name == "live") return "production";
    if (name == "dev" || name == "develop" || name == "devel") return "development";
    if (name == "stage" || name == "stg") return "staging";
    if (name == "testing") return "test";
    return name;
}

bool is_template_word(std::string_view word) {
    static const std::set<std::string, std::less<>> k_templates = {
        "example",  "sample",  "template", "tpl",    "dist",
        "defaults", "default", "vault",    "schema", "keys"};
    return k_templates.count(to_lower_ascii(word)) != 0;
}

bool looks_like_credential_name(std::string_view name) {
    std::string upper;
    for (char c : name) upper += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
    for (std::string_view word :
         {"KEY", "TOKEN", "SECRET", "PASSWORD", "PASSWD", "PWD", "CREDENTIAL", "AUTH"}) {
        if (upper.find(word) != std::string::npos) return true;
    }
    return false;
}

bool looks_like_assemblyai_key(std::string_view value) {
    return value.size() == 32 && std::all_of(value.begin(), value.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

bool is_placeholder(std::string_view value) {
    if (value.size() < 8) return true;
    char first = value.front();
    if (first == '$' || first == '<' || first == '{' || first == '%') return true;
    if (std::all_of(value.begin(), value.end(), [&](char c) { return c == first; })) return true;
    for (std::string_view word : {"your", "changeme", "change_me", "xxxx", "example", "placeholder",
                                  "replace", "dummy", "todo", "secret_here", "key_here"}) {
        if (contains_ci(value, word)) return true;
    }
    return false;
}

// The value of a dotenv right-hand side: quotes removed, an unquoted trailing comment dropped.
std::string_view unquote(std::string_view rhs) {
    rhs = trim(rhs);
    if (rhs.size() >= 2 && (rhs.front() == '"' || rhs.front() == '\'' || rhs.front() == '`')) {
        size_t close = rhs.find(rhs.front(), 1);
        if (close != std::string_view::npos) return rhs.substr(1, close - 1);
        return rhs.substr(1);
    }
    size_t comment = rhs.find(" #");
    if (comment != std::string_view::npos) rhs = rhs.substr(0, comment);
    return trim(rhs);
}

}  // namespace

std::string environment_of_env_file(std::string_view name) {
    if (name == ".env") return "default";
    std::vector<std::string> parts;
    if (name.starts_with(".env.")) {
        parts = split(name.substr(5), '.');
    } else if (name.size() > 4 && to_lower_ascii(name.substr(name.size() - 4)) == ".env") {
        parts = split(name.substr(0, name.size() - 4), '.');  // prod.env, local.env
    } else {
        return {};
    }
    for (const auto& p : parts) {
        if (is_template_word(p)) return {};
    }
    if (parts.empty() || parts.front().empty()) return {};
    return normalise_environment(parts.front());  // .env.production.local -> production
}

std::vector<EnvAssignment> parse_env_assignments(std::string_view text) {
    std::vector<EnvAssignment> out;
    size_t line_no = 0;
    for (const std::string& raw : split(text, '\n')) {
        ++line_no;
        std::string_view line = trim(raw);
        if (line.empty() || line.front() == '#') continue;
        if (line.starts_with("export ")) line = trim(line.substr(7));
        size_t eq = line.find('=');
        if (eq == std::string_view::npos || eq == 0) continue;
        std::string_view name = trim(line.substr(0, eq));
        if (!std::all_of(name.begin(), name.end(), [](char c) {
                return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '_' || c == '.' || c == '-';
            })) {
            continue;
        }
        std::string_view value = unquote(line.substr(eq + 1));
        if (is_placeholder(value)) continue;
        if (!looks_like_credential_name(name) && !looks_like_assemblyai_key(value)) continue;
        out.push_back({std::string(name), sha256_hex(value), line_no});
    }
    return out;
}

std::vector<SharedEnvValue> find_shared_env_values(const std::vector<EnvFile>& files) {
    std::map<std::string, SharedEnvValue> by_hash;  // ordered: deterministic output
    std::vector<std::string> order;
    for (const EnvFile& file : files) {
        if (file.environment.empty()) continue;
        for (const EnvAssignment& a : file.assignments) {
            auto [it, added] = by_hash.try_emplace(a.value_hash);
            if (added) order.push_back(a.value_hash);
            it->second.places.push_back({file.path, file.environment, a.name, a.line});
        }
    }
    std::vector<SharedEnvValue> shared;
    for (const std::string& hash : order) {
        SharedEnvValue& value = by_hash[hash];
        std::set<std::string> environments;
        for (const auto& p : value.places) environments.insert(p.environment);
        if (environments.size() >= 2) shared.push_back(std::move(value));
    }
    return shared;
}

}  // namespace aaiscan
