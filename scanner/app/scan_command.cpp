// `aaiscan scan` orchestration (see scan_command.h).
#include "app/scan_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
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

int execute_scan(const ScanCommandOptions& options) {
    if (options.format != "text" && options.format != "json" && options.format != "jsonl" && options.format != "sarif") {
        throw Error("unknown --format '" + options.format + "' (text, json, jsonl, sarif)");
    }
    if (options.staged && options.git_history) throw Error("--staged and --git-history cannot be combined");
    std::vector<std::string> paths = options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
    // libgit2's start-up is slow; overlap it with loading the rules (the pre-commit path).
    std::jthread git_warmup;
    if (may_be_in_repository(paths.front() == "-" ? "." : paths.front())) git_warmup = std::jthread([] { ensure_libgit2(); });
    Config config = resolve_config(options, paths.front());

    EngineOptions engine_options;
    engine_options.rule_paths = options.rule_paths;
    engine_options.default_rules = !options.no_default_rules;
    engine_options.disable = options.disable;
    engine_options.engine = options.engine;
    engine_options.use_cache = !options.no_cache;
    Engine engine(engine_options, config);
    for (const auto& w : engine.warnings()) std::cerr << "aaiscan: warning: " << w << '\n';

    Allowlist allowlist(config.allow, config.path);
    FindingFilter filter(allowlist, nullptr);

    ReportContext context;
    context.rules = &engine.rules();
    context.show_secrets = options.show_secrets;
    context.color = want_color(options);
    context.verbose = options.verbose;
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
    if (options.format == "jsonl") {
        request.on_finding = [&](const Finding& f) { write_jsonl_finding(f, context, *stream_out); };
    }

    ScanOutput output;
    if (options.staged) {
        output = run_staged_scan(engine, request, filter, paths.front());
    } else if (options.git_history) {
        output = run_history_scan(engine, request, filter, paths.front(), HistoryOptions{options.since, options.all_refs});
    } else {
        output = run_scan(engine, request, filter);
    }
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
