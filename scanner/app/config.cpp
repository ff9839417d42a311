// `.aaiscan.yaml` loading (see config.h).
#include "app/config.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ruleset/rule_loader.h"
#include "util/error.h"
#include "util/size_parse.h"
#include "validate/phone_library.h"

namespace aaiscan {
namespace {

class ConfigReader {
public:
    explicit ConfigReader(const std::string& file) : m_file(file) {}

    SourceLocation location_of(const YAML::Node& at) const {
        YAML::Mark mark = at.Mark();
        return {m_file, mark.is_null() ? 0 : mark.line + 1, mark.is_null() ? 0 : mark.column + 1};
    }

    [[noreturn]] void fail(const YAML::Node& at, const std::string& message) const {
        throw Error(located_message(location_of(at), "", message));
    }

    std::vector<std::string> strings(const YAML::Node& n, const std::string& key) const {
        std::vector<std::string> out;
        if (!n || n.IsNull()) return out;
        if (!n.IsSequence()) fail(n, "'" + key + "' must be a list of strings");
        for (const auto& item : n) {
            if (!item.IsScalar()) fail(item, "every entry of '" + key + "' must be a string");
            out.push_back(item.Scalar());
        }
        return out;
    }

    std::string scalar(const YAML::Node& n, const std::string& key) const {
        if (!n.IsScalar()) fail(n, "'" + key + "' must be a string");
        return n.Scalar();
    }

    template <typename F>
    void each_key(const YAML::Node& map, const std::string& where, F&& handle) const {
        if (!map.IsMap()) fail(map, "'" + where + "' must be a mapping");
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (!it->first.IsScalar()) fail(it->first, "keys must be plain strings");
            if (!handle(it->first.Scalar(), it->second)) {
                fail(it->first, "unknown key '" + (where.empty() ? "" : where + ".") + it->first.Scalar() + "'");
            }
        }
    }

    Config read(const YAML::Node& root) const {
        Config config;
        if (root.IsNull()) return config;
        each_key(root, "", [&](const std::string& key, const YAML::Node& value) {
            if (key == "rules") {
                config.rule_paths = strings(value, key);
                for (const auto& item : value) config.rule_path_origins.push_back(location_of(item));
            } else if (key == "disable") {
                config.disable = strings(value, key);
            } else if (key == "fail_on") {
                auto s = parse_severity(scalar(value, key));
                if (!s) fail(value, "fail_on must be info, low, medium, high or critical");
                config.fail_on = s;
            } else if (key == "max_file_size") {
                auto size = parse_size(scalar(value, key));
                if (!size) fail(value, "max_file_size must be a size such as 10M or 1G");
                config.max_file_size = size;
            } else if (key == "allow") {
                each_key(value, "allow", [&](const std::string& k, const YAML::Node& v) {
                    if (k == "paths") config.allow.paths = strings(v, "allow.paths");
                    else if (k == "regexes") {
                        config.allow.regexes = strings(v, "allow.regexes");
                        for (const auto& item : v) {
                            RE2 re(item.Scalar(), RE2::Quiet);
                            if (!re.ok()) fail(item, "allow.regexes: invalid regex '" + item.Scalar() + "': " + re.error());
                        }
                    }
                    else if (k == "stopwords") config.allow.stopwords = strings(v, "allow.stopwords");
                    else return false;
                    return true;
                });
            } else if (key == "transcripts") {
                each_key(value, "transcripts", [&](const std::string& k, const YAML::Node& v) {
                    if (k == "required_policies") {
                        config.transcripts.required_policies = strings(v, "transcripts.required_policies");
                        const auto& known = known_pii_policies();
                        for (const auto& p : config.transcripts.required_policies) {
                            if (std::find(known.begin(), known.end(), p) == known.end()) {
                                fail(v, "unknown AssemblyAI PII policy '" + p + "'");
                            }
                        }
                    } else if (k == "phone_region") {
                        const std::string region = scalar(v, "transcripts.phone_region");
                        bool code = region.size() == 2 && std::all_of(region.begin(), region.end(),
                                                                      [](char c) { return c >= 'A' && c <= 'Z'; });
                        if (!code) fail(v, "transcripts.phone_region must be a two-letter region code such as US or GB");
                        // A well-formed code libphonenumber does not know ("XX") would silently
                        // turn phone numbers off (checked without loading the module: the
                        // pre-commit path must not pay for it).
                        if (!phone_region_known(region)) {
                            fail(v, "transcripts.phone_region '" + region + "' is not a region libphonenumber knows");
                        }
                        config.transcripts.phone_region = region;
                    } else if (k == "retention_days") {
                        // Read by `aaiscan checklist` (retention item): a whole number of days.
                        const std::string text = scalar(v, k);
                        bool digits = !text.empty() && text.size() <= 6 &&
                                      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
                        int days = digits ? std::stoi(text) : 0;
                        if (days < 1 || days > 100000) {
                            fail(v, "transcripts.retention_days must be a whole number of days from 1 to 100000");
                        }
                        config.transcripts.retention_days = days;
                    } else {
                        return false;
                    }
                    return true;
                });
            } else {
                return false;
            }
            return true;
        });
        return config;
    }

private:
    const std::string& m_file;
};

}  // namespace

Config parse_config(const std::string& text, const std::string& file_name) {
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        SourceLocation where{file_name, e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1};
        throw Error(located_message(where, "", "invalid YAML: " + e.msg));
    }
    Config config = ConfigReader(file_name).read(root);
    config.path = file_name;
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path dir = fs::absolute(fs::path(file_name), ec).parent_path();
    config.directory = dir.string();
    for (auto& p : config.rule_paths) {
        if (!fs::path(p).is_absolute()) p = (dir / p).lexically_normal().string();
    }
    return config;
}

Config load_config_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot read config file");
    std::stringstream buffer;
    buffer << in.rdbuf();
    Config config = parse_config(buffer.str(), path);
    // A missing rule file is named at its entry in the config, not later without a position.
    for (size_t i = 0; i < config.rule_paths.size(); ++i) {
        std::error_code ec;
        if (!std::filesystem::exists(config.rule_paths[i], ec)) {
            throw Error(located_message(config.rule_path_origins[i], "",
                                        "rule file or directory not found: " + config.rule_paths[i]));
        }
    }
    return config;
}

std::string find_config_upwards(const std::string& start) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path dir = fs::absolute(start, ec).lexically_normal();
    if (ec) return {};
    if (dir.has_filename() == false && dir.has_parent_path()) dir = dir.parent_path();  // "a/b/" -> "a/b" 
    if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
    while (true) {
        for (const char* name : {".aaiscan.yaml", ".aaiscan.yml"}) {
            fs::path candidate = dir / name;
            if (fs::is_regular_file(candidate, ec)) return candidate.string();
        }
        if (!dir.has_parent_path() || dir.parent_path() == dir) break;
        dir = dir.parent_path();
    }
    return {};
}

}  // namespace aaiscan
