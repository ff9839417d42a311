// `aaiscan scan` orchestration (see scan_command.h).
#include "app/scan_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <sstream>
#include <thread>

#include "app/config.h"
#include "app/engine.h"
#include "app/git_scan.h"
#include "app/scan_runner.h"
#include "report/json_reporter.h"
#include "report/sarif_reporter.h"
#include "report/text_reporter.h"
#include "source/git_repo.h"
#include "util/atomic_file.h"
#include "util/error.h"

namespace aaiscan {
namespace {

Config resolve_config(const ScanCommandOptions& options, const std::string& first_path) {
    if (options.no_config) return {};
    if (!options.config_file.empty()) return load_config_file(options.config_file);
    std::string start = first_path == "-" ? "." : first_path;
    std::string found = find_config_upwards(start);
    return found.empty() ? Config{} : load_config_file(found);
}

bool want_color(const ScanCommandOptions& options) {
    if (options.color == "always") return true;
    if (options.color == "never" || !options.output_file.empty()) return false;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    return isatty(STDOUT_FILENO) != 0;
}

// Where the config's directory lies relative to the root that project paths are relative to (the
// repository top level, or the scanned directory outside a repository), for allow.paths.
void set_allowlist_base(Allowlist& allowlist, const Config& config, const ScanCommandOptions& options) {
    if (config.directory.empty() || config.allow.paths.empty()) return;
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path config_dir = fs::canonical(config.directory, ec);
    if (ec) return;
    fs::path root;
    if (auto repo = GitRepo::discover(config.directory)) {
        root = fs::canonical(repo->workdir(), ec);
    } else if (!options.paths.empty() && options.paths.front() != "-") {
        root = fs::canonical(options.paths.front(), ec);
        if (!ec && !fs::is_directory(root)) root = root.parent_path();
    } else {
        root = fs::current_path(ec);
    }
    if (ec || root.empty()) return;
    auto under = [](const fs::path& inner, const fs::path& outer) -> std::string {
        std::string rel = inner.lexically_relative(outer).generic_string();
        if (rel.empty() || rel == "." || rel.starts_with("..")) return {};
        return rel + "/";
    };
    allowlist.set_project_base(under(config_dir, root), under(root, config_dir));
}

void print_stats(const ScanOutput& output, std::ostream& err) {
    const ScanStats& s = output.stats;
    double mb = static_cast<double>(s.bytes_scanned) / (1024.0 * 1024.0);
    err << fmt::format(
        "aaiscan: {} files, {:.1f} MiB in {:.3f} s ({:.0f} MiB/s); skipped: {} binary, {} too large, {} ignored, "
        "{} symlinks, {} special; {} findings, {} suppressed, {} errors\n",
        s.files_scanned, mb, s.seconds, s.seconds > 0 ? mb / s.seconds : 0.0, s.skipped_binary, s.skipped_too_large,
        s.skipped_ignored, s.skipped_symlinks, s.skipped_special, s.findings(), s.suppressed(), s.errors);
}

}  // namespace

std::unique_ptr<ScanSession> open_scan_session(const ScanCommandOptions& options) {
    if (options.staged && options.git_history) throw Error("--staged and --git-history cannot be combined");
    if ((options.staged || options.git_history) && options.paths.size() > 1) {
        throw Error(std::string(options.staged ? "--staged" : "--git-history") +
                    " takes at most one PATH: a directory of the repository to scan");
    }
    std::string first_path = options.paths.empty() ? std::string(".") : options.paths.front();
    // libgit2's start-up is slow; overlap it with loading the rules. On the pre-commit path
    // (--staged) the same thread also reads the index and compares it with HEAD.
    auto session = std::make_unique<ScanSession>();
    std::jthread git_warmup;
    if (options.staged) {
        session->staged = std::async(std::launch::async, [path = first_path] {
                              ensure_libgit2();
                              return read_staged_snapshot(path);
                          }).share();
    } else if (may_be_in_repository(first_path == "-" ? "." : first_path)) {
        git_warmup = std::jthread([] { ensure_libgit2(); });
    }
    session->config = resolve_config(options, first_path);
    const Config& config = session->config;

    EngineOptions engine_options;
    engine_options.rule_paths = options.rule_paths;
    engine_options.default_rules = !options.no_default_rules;
    engine_options.disable = options.disable;
    engine_options.engine = options.engine;
    engine_options.use_cache = !options.no_cache;
    session->engine = std::make_unique<Engine>(engine_options, config);
    for (const auto& w : session->engine->warnings()) std::cerr << "aaiscan: warning: " << w << '\n';

    session->allowlist = std::make_unique<Allowlist>(config.allow, config.path);
    set_allowlist_base(*session->allowlist, config, options);
    if (!options.baseline_file.empty()) session->baseline = Baseline::load(options.baseline_file);
    session->filter = std::make_unique<FindingFilter>(*session->allowlist,
                                                      session->baseline ? &session->baseline->fingerprints() : nullptr);
    return session;
}

ScanOutput run_scan_source(const ScanSession& session, const ScanCommandOptions& options,
                           std::function<void(const Finding&)> on_finding) {
    const Config& config = session.config;
    std::vector<std::string> paths = options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
    ScanRequest request;
    request.paths = paths;
    request.walk.use_gitignore = !options.no_gitignore;
    request.walk.follow_symlinks = options.follow_symlinks;
    request.settings.inline_ignore = !options.no_inline_ignore;
    request.settings.phone_region = config.transcripts.phone_region;
    if (options.max_file_size) {
        request.limits.max_file_size = *options.max_file_size;
    } else if (config.max_file_size) {
        request.limits.max_file_size = *config.max_file_size;
    }
    request.transcripts.required_policies = config.transcripts.required_policies;
    request.transcripts.retention_days = config.transcripts.retention_days;
    request.transcripts.force_transcript = options.transcripts;
    request.threads = options.threads;
    request.on_finding = std::move(on_finding);

    const Engine& engine = *session.engine;
    if (options.staged) {
        StagedSnapshot snapshot = session.staged.valid() ? session.staged.get() : read_staged_snapshot(paths.front());
        return run_staged_scan(engine, request, *session.filter, std::move(snapshot));
    }
    if (options.git_history) {
        return run_history_scan(engine, request, *session.filter, paths.front(),
                                HistoryOptions{options.since, options.all_refs});
    }
    return run_scan(engine, request, *session.filter);
}

int execute_scan(const ScanCommandOptions& options) {
    if (options.format != "text" && options.format != "json" && options.format != "jsonl" && options.format != "sarif") {
        throw Error("unknown --format '" + options.format + "' (text, json, jsonl, sarif)");
    }
    auto session = open_scan_session(options);
    const Config& config = session->config;

    ReportContext context;
    context.rules = &session->engine->rules();
    context.show_secrets = options.show_secrets;
    context.color = want_color(options);
    context.verbose = options.verbose;
    context.quiet = options.quiet;
    context.fail_on = options.fail_on.value_or(config.fail_on.value_or(Severity::low));
    context.command_line = options.command_line;

    // Streaming JSON Lines goes straight to the destination; other formats are written at the end.
    std::ofstream file_stream;
    std::ostringstream buffered;
    std::ostream* stream_out = &std::cout;
    if (options.format == "jsonl" && !options.output_file.empty()) {
        file_stream.open(options.output_file, std::ios::binary | std::ios::trunc);
        if (!file_stream) throw Error(options.output_file + ": cannot open output file");
        stream_out = &file_stream;
    }
    std::function<void(const Finding&)> on_finding;
    if (options.format == "jsonl") {
        on_finding = [&](const Finding& f) { write_jsonl_finding(f, context, *stream_out); };
    }

    ScanOutput output = run_scan_source(*session, options, std::move(on_finding));
    context.exit_code = exit_code_for(output, context.fail_on);

    if (options.format != "jsonl") {
        std::ostream& out = options.output_file.empty() ? std::cout : static_cast<std::ostream&>(buffered);
        if (options.format == "json") {
            write_json_report(output, context, out);
        } else if (options.format == "sarif") {
            write_sarif_report(output, context, out);
        } else {
            write_text_report(output, context, out);
        }
        if (!options.output_file.empty()) {
            std::string problem = write_output_file(options.output_file, buffered.str());
            if (!problem.empty()) throw Error(problem);
        }
    }
    std::cout.flush();
    write_diagnostics(output, context, std::cerr);
    if (options.stats) print_stats(output, std::cerr);
    // A report that did not reach its destination (disk full, closed pipe) must fail the run: a
    // CI gate reading it would otherwise see nothing and pass.
    if (file_stream.is_open()) {
        file_stream.close();
        if (!file_stream) throw Error(options.output_file + ": cannot write the report");
    }
    if (!std::cout) throw Error("cannot write the report to standard output");
    return context.exit_code;
}

}  // namespace aaiscan
