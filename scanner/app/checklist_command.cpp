// `aaiscan checklist` orchestration (see checklist_command.h).
#include "app/checklist_command.h"

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/checklist_evaluate.h"
#include "app/checklist_lifecycle.h"
#include "app/checklist_report.h"
#include "app/checklist_retention.h"
#include "app/scan_command.h"
#include "decode/transcript_detect.h"
#include "report/text_reporter.h"
#include "source/git_repo.h"
#include "source/scope_classifier.h"
#include "source/walker.h"
#include "util/atomic_file.h"
#include "util/error.h"

namespace aaiscan {
namespace {

constexpr size_t k_max_env_file = 1 << 20;            // bigger "env files" are not dotenv files
constexpr size_t k_max_transcript_json = 256u << 20;  // parsed for timestamps
constexpr size_t k_runtime_head = 1024;
constexpr size_t k_max_code_file = 1 << 20;  // read for transcription requests and deletions

std::string read_prefix(const std::string& path, size_t limit, bool* complete = nullptr) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::error_code ec;
    uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec && size < limit) limit = static_cast<size_t>(size) + 1;  // +1: sees the end of the file
    std::string data(limit, '\0');
    in.read(data.data(), static_cast<std::streamsize>(limit));
    data.resize(static_cast<size_t>(in.gcount()));
    if (complete) *complete = in.peek() == std::char_traits<char>::eof();
    return data;
}

int64_t modification_time(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? static_cast<int64_t>(st.st_mtime) : 0;
}

class InventoryCollector {
  public:
    InventoryCollector(ChecklistInventory& inventory, const Allowlist& allowlist)
        : m_inventory(inventory), m_allowlist(allowlist) {}

    void on_file(const WalkEntry& entry, bool ignored) {
        // allow.paths (e.g. test fixtures) are out of the checklist like they are out of the scan.
        if (m_allowlist.covers_path(entry.project_path, entry.display_path)) return;
        if (entry.repo && !m_inventory.repository_ignores_env) {
            m_inventory.repository_ignores_env = entry.repo->ignores_env_files("");
        }
        std::string_view name = base_name(entry.project_path);
        if (is_env_file_name(name)) {
            add_env_file(entry, name);
            return;
        }
        if (ignored) return;
        // One read per file: code and CI files are read further, for their transcript lifecycle.
        Scope scope = classify_path(entry.project_path.empty() ? entry.display_path : entry.project_path);
        bool code = scope == Scope::code || scope == Scope::ci;
        std::string text = read_prefix(entry.fs_path, code ? k_max_code_file : k_transcript_sniff_bytes);
        add_transcript(entry, std::string_view(text).substr(0, k_transcript_sniff_bytes));
        if (code) add_lifecycle(entry, text);
    }

  private:
    void add_env_file(const WalkEntry& entry, std::string_view name) {
        if (!entry.repo) ++m_inventory.env_files_outside_repository;
        EnvFile file;
        file.path = entry.display_path;
        file.environment = environment_of_env_file(name);
        if (!file.environment.empty()) {
            bool complete = false;
            std::string text = read_prefix(entry.fs_path, k_max_env_file, &complete);
            if (complete) file.assignments = parse_env_assignments(text);
        }
        m_inventory.env_files.push_back(std::move(file));
    }

    // `head`: the file's first k_transcript_sniff_bytes.
    void add_transcript(const WalkEntry& entry, std::string_view head) {
        TranscriptFormat format = detect_transcript_format(head, entry.display_path, false);
        if (format == TranscriptFormat::none) return;
        TranscriptExport t;
        t.path = entry.display_path;
        if (format == TranscriptFormat::assemblyai_json) {
            if (!has_assemblyai_markers(head)) return;
            bool complete = false;
            std::string text = read_prefix(entry.fs_path, k_max_transcript_json, &complete);
            if (complete) {
                if (auto stamp = oldest_transcript_timestamp(text)) {
                    t.seconds = stamp->seconds;
                    t.source = "`" + stamp->field + "` field";
                    t.from_content = true;
                }
            }
        }
        if (!t.from_content) {
            t.seconds = modification_time(entry.fs_path);
            t.source = "file modification time";
        }
        m_inventory.transcripts.push_back(std::move(t));
    }

    // A code or CI file (its first k_max_code_file bytes): does it send transcription requests,
    // or delete transcripts?
    void add_lifecycle(const WalkEntry& entry, std::string_view text) {
        if (sends_transcription_request(text)) m_inventory.request_files.push_back(entry.display_path);
        if (deletes_transcripts(text)) m_inventory.deleting_files.push_back(entry.display_path);
    }

    ChecklistInventory& m_inventory;
    const Allowlist& m_allowlist;
};

ChecklistInventory take_inventory(const std::string& root, const ScanOutput& output,
                                  const Allowlist& allowlist) {
    ChecklistInventory inventory;
    inventory.files_scanned = output.stats.files_scanned;
    InventoryCollector collector(inventory, allowlist);
    WalkSink sink;
    sink.on_file = [&](const WalkEntry& e) { collector.on_file(e, false); };
    sink.on_ignored_file = [&](const WalkEntry& e) { collector.on_file(e, true); };
    sink.on_skip = [](const std::string&, SkipReason) {};
    sink.on_error = [](const std::string&, const std::string&) {};  // the scan reports them
    walk_paths({root}, WalkOptions{}, sink);
    for (const Finding& f : output.findings) {
        if (!checklist_needs_runtime(f) || inventory.runtimes.count(f.path)) continue;
        bool readable_file = f.path.find('!') == std::string::npos && f.path != "-" && !f.commit;
        std::string head = readable_file ? read_prefix(f.path, k_runtime_head) : std::string();
        inventory.runtimes[f.path] =
            classify_code_runtime(f.project_path.empty() ? f.path : f.project_path, head);
    }
    return inventory;
}

}  // namespace

int execute_checklist(const ChecklistCommandOptions& options) {
    if (options.format != "text" && options.format != "json") {
        throw Error("unknown --format '" + options.format + "' (text, json)");
    }
    std::error_code ec;
    if (!std::filesystem::exists(options.path, ec))
        throw Error(options.path + ": no such file or directory");
    ScanCommandOptions scan;
    scan.paths = {options.path};
    scan.config_file = options.config_file;
    scan.no_config = options.no_config;
    scan.threads = options.threads;
    scan.no_cache = options.no_cache;
    auto session = open_scan_session(scan);
    ScanOutput output = run_scan_source(*session, scan, {});

    ChecklistInventory inventory = take_inventory(options.path, output, *session->allowlist);
    int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
    ChecklistReport report = evaluate_checklist(output.findings, inventory,
                                                session->config.transcripts.retention_days, now);
    report.root = options.path;
    report.scan_errors = output.stats.errors;

    int exit_code = 0;
    if (output.stats.errors > 0) {
        exit_code = 2;
    } else {
        for (const auto& item : report.items) {
            if (item.status != ChecklistStatus::pass && item.status >= options.fail_on)
                exit_code = 1;
        }
    }

    std::ostringstream buffered;
    std::ostream& out =
        options.output_file.empty() ? std::cout : static_cast<std::ostream&>(buffered);
    if (options.format == "json") {
        write_checklist_json(report, exit_code, out);
    } else {
        write_checklist_text(report, out);
    }
    if (!options.output_file.empty()) {
        std::string problem = write_output_file(options.output_file, buffered.str());
        if (!problem.empty()) throw Error(problem);
    }
    std::cout.flush();
    ReportContext context;
    context.rules = &session->engine->rules();
    write_diagnostics(output, context, std::cerr);
    if (!std::cout) throw Error("cannot write the report to standard output");
    return exit_code;
}

}  // namespace aaiscan
