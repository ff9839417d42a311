// Assigns a scope to a path (DESIGN.md section 2): `.env*` files are env, workflow files are ci,
// built browser assets are bundle, subtitles and transcript exports are transcript, config-like
// files are config, the rest is code. Content sniffing (JSON transcripts) happens in decode/.
#pragma once

#include <string_view>

#include "ruleset/rule.h"

namespace aaiscan {

Scope classify_path(std::string_view path);

// True for `.env`, `.env.local`, `.env.production`, `prod.env`, ... (not `.envrc` or `env.ts`).
bool is_env_file_name(std::string_view basename);

// True for paths of CI definitions (.github/workflows/*, .gitlab-ci.yml, Jenkinsfile, ...).
bool is_ci_path(std::string_view path);

// True for built browser assets (dist/, build/, .next/static/, *.min.js, *.bundle.js ...).
bool is_bundle_path(std::string_view path);

std::string_view base_name(std::string_view path);

}  // namespace aaiscan
