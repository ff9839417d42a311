// The `temp-tokens-browser` item: does a file run in the browser (where an API key is public) or
// on a server (where it belongs)? Judged from the path and the file's first bytes.
#pragma once

#include <string_view>

namespace aaiscan {

enum class CodeRuntime : unsigned char { browser, server, unknown };
std::string_view to_string(CodeRuntime runtime);

// `path` is project-relative with '/' separators; `head` is the start of the file (a "use client"
// / "use server" directive is looked for there). Built bundles, .jsx/.tsx/.vue/.svelte/.html files
// and folders such as components/, public/, client/, frontend/ are browser code; API routes,
// server/, backend/, functions/, *.server.* files and server-side languages are server code; a
// Next.js app/ file is browser code only with "use client". Server markers win over browser ones.
CodeRuntime classify_code_runtime(std::string_view path, std::string_view head);

}  // namespace aaiscan
