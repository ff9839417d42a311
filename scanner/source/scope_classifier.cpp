// Path-based scope assignment (see scope_classifier.h).
#include "source/scope_classifier.h"

#include <array>

#include "util/strings.h"

namespace aaiscan {
namespace {

bool ends_with_ci(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    s = s.substr(s.size() - suffix.size());
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != suffix[i]) return false;
    }
    return true;
}

}  // namespace

std::string_view base_name(std::string_view path) {
    size_t slash = path.find_last_of("/!");
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool is_env_file_name(std::string_view name) {
    if (name == ".env") return true;
    if (name.starts_with(".env.")) return true;
    if (name.size() > 4 && ends_with_ci(name, ".env")) return true;  // prod.env, local.env
    return false;
}

bool is_ci_path(std::string_view path) {
    std::string_view name = base_name(path);
    if ((path.find(".github/workflows/") != std::string_view::npos ||
         path.find(".gitea/workflows/") != std::string_view::npos ||
         path.find(".forgejo/workflows/") != std::string_view::npos) &&
        (ends_with_ci(name, ".yml") || ends_with_ci(name, ".yaml"))) {
        return true;
    }
    if (path.find(".github/actions/") != std::string_view::npos && (name == "action.yml" || name == "action.yaml")) return true;
    static constexpr std::array<std::string_view, 9> k_names = {
        ".gitlab-ci.yml", "Jenkinsfile", "azure-pipelines.yml", "bitbucket-pipelines.yml", ".travis.yml",
        "cloudbuild.yaml", "cloudbuild.yml", "buildspec.yml", ".drone.yml"};
    for (auto n : k_names) {
        if (name == n) return true;
    }
    if (name == "config.yml" && path.find(".circleci/") != std::string_view::npos) return true;
    if (path.find(".buildkite/") != std::string_view::npos && (ends_with_ci(name, ".yml") || ends_with_ci(name, ".yaml"))) return true;
    return false;
}

bool is_bundle_path(std::string_view path) {
    std::string_view name = base_name(path);
    bool script = ends_with_ci(name, ".js") || ends_with_ci(name, ".mjs") || ends_with_ci(name, ".cjs") ||
                  ends_with_ci(name, ".map") || ends_with_ci(name, ".html");
    if (!script) return false;
    if (ends_with_ci(name, ".min.js") || ends_with_ci(name, ".bundle.js") || ends_with_ci(name, ".chunk.js")) return true;
    if (path.find(".next/static/") != std::string_view::npos || path.find(".nuxt/dist/") != std::string_view::npos ||
        path.find(".svelte-kit/output/") != std::string_view::npos || path.find(".output/public/") != std::string_view::npos) {
        return true;
    }
    // Output directories; a source directory below one ("out/tools/src/app.js") is source again.
    size_t output_end = std::string_view::npos;
    size_t start = 0;
    while (start <= path.size()) {
        size_t slash = path.find_first_of("/!", start);
        std::string_view part = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        if (slash == std::string_view::npos) break;  // the file name itself
        if (part == "dist" || part == "build" || part == "public" || part == "out" || part == "static") {
            output_end = slash;
        } else if (output_end != std::string_view::npos && (part == "src" || part == "source" || part == "lib")) {
            output_end = std::string_view::npos;
        }
        start = slash + 1;
    }
    return output_end != std::string_view::npos;
}

Scope classify_path(std::string_view path) {
    std::string_view name = base_name(path);
    if (is_env_file_name(name)) return Scope::env;
    if (is_ci_path(path)) return Scope::ci;
    if (ends_with_ci(name, ".srt") || ends_with_ci(name, ".vtt")) return Scope::transcript;
    if (is_bundle_path(path)) return Scope::bundle;
    static constexpr std::array<std::string_view, 16> k_config_ext = {
        ".json", ".yaml", ".yml", ".toml", ".ini", ".cfg", ".conf", ".properties", ".xml", ".plist",
        ".tfvars", ".tf", ".hcl", ".npmrc", ".pypirc", ".netrc"};
    for (auto ext : k_config_ext) {
        if (ends_with_ci(name, ext)) return Scope::config;
    }
    static constexpr std::array<std::string_view, 8> k_config_names = {
        "Dockerfile", "docker-compose.yml", ".npmrc", ".pypirc", ".netrc", ".dockercfg", "credentials", ".envrc"};
    for (auto n : k_config_names) {
        if (name == n) return Scope::config;
    }
    return Scope::code;
}

}  // namespace aaiscan
