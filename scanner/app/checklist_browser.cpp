// Browser/server classification of source files (see checklist_browser.h).
#include "app/checklist_browser.h"

#include <string>
#include <vector>

#include "source/scope_classifier.h"
#include "util/strings.h"

namespace aaiscan {
namespace {

bool ends_with_any(std::string_view name, std::initializer_list<std::string_view> suffixes) {
    for (auto s : suffixes) {
        if (name.ends_with(s)) return true;
    }
    return false;
}

bool has_directory(const std::vector<std::string>& dirs,
                   std::initializer_list<std::string_view> names) {
    for (const auto& d : dirs) {
        for (auto n : names) {
            if (d == n) return true;
        }
    }
    return false;
}

bool has_directive(std::string_view head, std::string_view directive) {
    head = head.substr(0, 1024);
    for (size_t at = head.find(directive); at != std::string_view::npos;
         at = head.find(directive, at + 1)) {
        size_t end = at + directive.size();
        if (at == 0 || end >= head.size()) continue;
        char open = head[at - 1];
        if ((open == '"' || open == '\'') && head[end] == open) return true;
    }
    return false;
}

}  // namespace

std::string_view to_string(CodeRuntime runtime) {
    switch (runtime) {
        case CodeRuntime::browser:
            return "browser";
        case CodeRuntime::server:
            return "server";
        case CodeRuntime::unknown:
            return "unknown";
    }
    return "unknown";
}

CodeRuntime classify_code_runtime(std::string_view path, std::string_view head) {
    if (is_bundle_path(path)) return CodeRuntime::browser;
    std::string lower = to_lower_ascii(path);
    std::vector<std::string> parts = split(lower, '/');
    std::string name = parts.empty() ? std::string() : parts.back();
    if (!parts.empty()) parts.pop_back();

    if (has_directive(head, "use server")) return CodeRuntime::server;
    if (has_directive(head, "use client")) return CodeRuntime::browser;

    if (ends_with_any(name, {".py", ".go", ".rb", ".java", ".kt", ".php", ".rs", ".cs", ".ex",
                             ".exs", ".scala", ".swift", ".sh", ".bash"})) {
        return CodeRuntime::server;
    }
    if (name.find(".server.") != std::string::npos || name.starts_with("+server.") ||
        name.starts_with("server.") || name.starts_with("route.") ||
        name.starts_with("middleware.") || name.starts_with("+page.server.") ||
        name.starts_with("+layout.server.")) {
        return CodeRuntime::server;
    }
    if (has_directory(parts,
                      {"api", "server", "servers", "backend", "functions", "lambda", "lambdas",
                       "workers", "worker", "serverless", "edge-functions", "cmd", "scripts"})) {
        return CodeRuntime::server;
    }
    // Next.js app router: components are server components unless marked "use client".
    bool next_app =
        has_directory(parts, {"app"}) && ends_with_any(name, {".tsx", ".jsx", ".ts", ".js"});
    if (next_app && !has_directory(parts, {"components", "hooks"})) return CodeRuntime::unknown;

    if (ends_with_any(name, {".jsx", ".tsx", ".vue", ".svelte", ".html", ".htm"}))
        return CodeRuntime::browser;
    if (has_directory(parts,
                      {"components", "hooks", "public", "static", "client", "frontend", "browser",
                       "pages", "views", "extension", "popup", "content-scripts"})) {
        return CodeRuntime::browser;
    }
    return CodeRuntime::unknown;
}

}  // namespace aaiscan
