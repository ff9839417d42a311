// `aaiscan redact` orchestration (see redact_command.h).
#include "app/redact_command.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "app/config.h"
#include "app/engine.h"
#include "app/redact_archive.h"
#include "app/redact_report.h"
#include "app/redact_transcript.h"
#include "ruleset/rule.h"
#include "source/walker.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/escape.h"

namespace aaiscan {
namespace {

namespace fs = std::filesystem;

constexpr uint64_t k_max_input = 2ull << 30;

struct WorkItem {
    std::string input;    // path to read
    std::string display;  // as reported
    fs::path output;      // where the redacted copy goes
    bool explicit_path = false;
};

bool is_within(const fs::path& inner, const fs::path& outer) {
    auto rel = inner.lexically_relative(outer);
    return !rel.empty() && *rel.begin() != "..";
}

fs::path canonical_or_self(const fs::path& p) {
    std::error_code ec;
    fs::path c = fs::weakly_canonical(fs::absolute(p, ec), ec);
    return ec ? p.lexically_normal() : c;
}

bool read_whole_file(const std::string& path, std::string& data, std::string& problem) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        problem = "cannot open for reading";
        return false;
    }
    in.seekg(0, std::ios::end);
    auto size = static_cast<uint64_t>(std::max<std::streamoff>(0, in.tellg()));
    if (size > k_max_input) {
        problem = "too large for redact (over 2 GiB)";
        return false;
    }
    in.seekg(0, std::ios::beg);
    data.resize(size);
    if (size > 0 && !in.read(data.data(), static_cast<std::streamsize>(size))) {
        problem = "cannot read";
        return false;
    }
    return true;
}

mode_t file_mode(const std::string& path) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) return 0644;
    return static_cast<mode_t>(st.st_mode & 0666);
}

Config resolve_config(const RedactCommandOptions& options) {
    if (options.no_config) return {};
    if (!options.config_file.empty()) return load_config_file(options.config_file);
    std::string found = find_config_upwards(options.inputs.front());
    return found.empty() ? Config{} : load_config_file(found);
}

std::vector<std::string> detectable_policies(const RuleSet& rules) {
    std::set<std::string> found;
    for (const Rule& r : rules.rules()) {
        if (r.kind == RuleKind::content && r.category == Category::pii && !r.pii_policy.empty() &&
            r.applies_to(Scope::transcript)) {
            found.insert(r.pii_policy);
        }
    }
    return {found.begin(), found.end()};
}

// Collects the files to redact: named files as they are, directories walked (no symlinks, the
// output directory skipped). Errors go to `report`.
std::vector<WorkItem> collect_work(const RedactCommandOptions& options, const fs::path& out_canon, RedactReport& report) {
    std::vector<WorkItem> items;
    WalkOptions walk;
    walk.use_gitignore = false;
    walk.follow_symlinks = false;
    for (const std::string& root : options.inputs) {
        struct stat st {};
        if (stat(root.c_str(), &st) != 0) {
            report.error(root, "cannot read: no such file or directory");
            continue;
        }
        bool is_dir = S_ISDIR(st.st_mode);
        fs::path root_path = fs::path(root).lexically_normal();
        fs::path root_canon = canonical_or_self(root);
        if (is_dir && !out_canon.empty() && !options.in_place && root_canon == out_canon) {
            report.error(root, "the output directory is this input directory; choose another --out");
            continue;
        }
        // With several inputs, each directory keeps its own name under --out (`redact calls/
        // voicemail/ --out clean/` writes clean/calls/... and clean/voicemail/..., as cp -r does),
        // so files of the same name in two directories do not collide.
        fs::path prefix;
        if (is_dir && options.inputs.size() > 1) {
            fs::path name = root_canon.filename();
            if (!name.empty() && name != "." && name != "..") prefix = name;
        }
        // The output directory inside the tree being walked is skipped: its files are our output.
        bool skip_out = is_dir && !out_canon.empty() && is_within(out_canon, root_canon);
        WalkSink sink;
        sink.on_file = [&](const WalkEntry& e) {
            if (skip_out && is_within(canonical_or_self(e.fs_path), out_canon)) return;
            if (options.in_place && is_dir && e.fs_path.ends_with(".bak")) return;  // our backups
            WorkItem item;
            item.input = e.fs_path;
            item.display = e.display_path;
            item.explicit_path = !is_dir;
            fs::path rel = is_dir ? fs::path(e.fs_path).lexically_normal().lexically_relative(root_path)
                                  : fs::path(e.fs_path).filename();
            if (rel.empty() || *rel.begin() == "..") rel = fs::path(e.fs_path).filename();
            if (is_dir && !prefix.empty()) rel = prefix / rel;
            item.output = options.in_place ? fs::path(e.fs_path) : fs::path(options.out_dir) / rel;
            items.push_back(std::move(item));
        };
        sink.on_skip = [&](const std::string& path, SkipReason reason) {
            if (reason == SkipReason::symlink) report.note(path, "symbolic link not followed");
        };
        sink.on_error = [&](const std::string& path, const std::string& message) { report.error(path, message); };
        size_t first = items.size();
        walk_paths({root}, walk, sink);
        // Directory order is the file system's: sort for a deterministic run and report.
        std::sort(items.begin() + static_cast<std::ptrdiff_t>(first), items.end(),
                  [](const WorkItem& a, const WorkItem& b) { return a.display < b.display; });
    }
    return items;
}

void count_spans(const std::vector<SpanReport>& spans, FileResult& file) {
    for (const SpanReport& s : spans) ++file.spans[s.policy];
}

// Writes `data` to `target` inside the output directory (parents created), atomically.
bool write_output(const WorkItem& item, const fs::path& out_canon, std::string_view data, RedactReport& report) {
    std::error_code ec;
    fs::create_directories(item.output.parent_path(), ec);
    if (ec) {
        report.error(item.output.string(), "cannot create directory: " + ec.message());
        return false;
    }
    if (!out_canon.empty() && !is_within(canonical_or_self(item.output), out_canon)) {
        report.error(item.output.string(), "refused: would be written outside the output directory");
        return false;
    }
    std::string problem = write_file_atomically(item.output, data, file_mode(item.input));
    if (!problem.empty()) {
        report.error(item.output.string(), problem);
        return false;
    }
    return true;
}

// Redacts one file; fills `file`. Returns the bytes to write, or nothing.
std::optional<std::string> redact_item(const WorkItem& item, const std::string& data, TranscriptRedactor& redactor,
                                       FileResult& file, RedactReport& report) {
    bool archive = looks_like_archive(item.input, std::string_view(data).substr(0, 512));
    if (archive) {
        ArchiveRedaction ar;
        redact_archive(data, item.display, redactor, ar);
        if (ar.ok) {
            file.format = ar.kind;
            for (const RedactedItem& m : ar.items) {
                file.transcripts += m.result.transcripts;
                file.removed_fields += m.result.removed_fields;
                count_spans(m.result.redacted, file);
                for (const SpanReport& s : m.result.redacted) {
                    SpanReport r = s;
                    r.location = m.path.substr(item.display.size() + 1) + (r.location.empty() ? "" : ": " + r.location);
                    file.changes.push_back(std::move(r));
                }
            }
            return std::move(ar.output);
        }
        if (ar.problem != "not an archive") {
            report.error(item.display, ar.problem + "; not written");
            return std::nullopt;
        }
    }
    BufferRedaction result;
    redactor.set_force_transcript(item.explicit_path);
    redactor.redact(data, item.display, result);
    redactor.set_force_transcript(false);
    if (result.status == RedactStatus::invalid) {
        report.error(item.display, result.problem + "; not written");
        return std::nullopt;
    }
    if (result.status == RedactStatus::not_transcript) {
        // Asked for by name and not written: an error, so a script never takes it for done.
        if (item.explicit_path) report.error(item.display, "no transcript text in it; not written");
        else report.skipped_files++;
        return std::nullopt;
    }
    if (result.utf8_repaired) report.note(item.display, "invalid UTF-8 in transcript JSON kept as it is");
    file.format = std::string(to_string(result.format));
    file.transcripts = result.transcripts;
    file.removed_fields = result.removed_fields;
    count_spans(result.redacted, file);
    file.changes = std::move(result.redacted);
    return std::move(result.output);
}

// Reads the written file back and re-scans it with the same detectors.
void verify_output(const WorkItem& item, TranscriptRedactor& redactor, FileResult& file, RedactReport& report) {
    std::string written;
    std::string problem;
    std::string path = item.output.string();
    if (!read_whole_file(path, written, problem)) {
        report.error(path, "cannot read back for verification: " + problem);
        return;
    }
    if (looks_like_archive(path, std::string_view(written).substr(0, 512))) {
        if (!find_archive_pii(written, path, redactor, file.residual, problem)) {
            report.error(path, "cannot read back for verification: " + problem);
        }
        return;
    }
    redactor.find_pii(written, path, file.residual, problem);
}

// "[12/340] exports/t_5f2a1c.json" on one stderr line, only on a terminal and for long runs.
class Progress {
public:
    Progress(size_t total, bool text) : m_total(total), m_on(text && total >= 20 && isatty(STDERR_FILENO) != 0) {}
    void show(const std::string& path) {
        if (!m_on) return;
        ++m_done;
        std::string shown = escape_for_terminal(path);
        if (shown.size() > 60) shown = "..." + shown.substr(shown.size() - 57);
        std::cerr << "\r\x1b[K[" << m_done << "/" << m_total << "] " << shown << std::flush;
    }
    void clear() {
        if (m_on) std::cerr << "\r\x1b[K" << std::flush;
    }

private:
    size_t m_total;
    size_t m_done = 0;
    bool m_on;
};

}  // namespace

std::vector<std::string> resolve_redact_policies(const std::string& value, const std::vector<std::string>& detectable,
                                                 std::vector<std::string>& undetectable) {
    if (value.empty() || value == "all") return detectable;
    std::set<std::string> chosen;
    const auto& known = known_pii_policies();
    std::string_view rest = value;
    while (!rest.empty()) {
        size_t comma = rest.find(',');
        std::string name(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        name.erase(0, name.find_first_not_of(" \t"));
        name.erase(name.find_last_not_of(" \t") + 1);
        if (name.empty()) continue;
        if (name == "all") {
            chosen.insert(detectable.begin(), detectable.end());
            continue;
        }
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            throw Error("unknown policy '" + name + "' in --policies (AssemblyAI's redact_pii_policies names, or all)");
        }
        if (std::find(detectable.begin(), detectable.end(), name) == detectable.end()) {
            undetectable.push_back(name);
        } else {
            chosen.insert(name);
        }
    }
    return {chosen.begin(), chosen.end()};
}

int execute_redact(const RedactCommandOptions& options) {
    if (options.inputs.empty()) throw Error("redact needs at least one INPUT");
    if (options.in_place && !options.out_dir.empty()) throw Error("--in-place and --out cannot be combined");
    if (!options.in_place && !options.dry_run && options.out_dir.empty()) {
        throw Error("redact needs --out DIR (or --in-place, or --dry-run)");
    }
    if (options.substitution != "hash" && options.substitution != "entity_name") {
        throw Error("unknown --sub '" + options.substitution + "' (hash, entity_name)");
    }
    if (options.format != "text" && options.format != "json") throw Error("unknown --format '" + options.format + "'");
    Config config = resolve_config(options);
    EngineOptions engine_options;
    engine_options.rule_paths = options.rule_paths;
    engine_options.disable = options.disable;
    engine_options.use_cache = !options.no_cache;
    Engine engine(engine_options, config);
    for (const auto& w : engine.warnings()) std::cerr << "aaiscan: warning: " << w << '\n';

    RedactOptions redact;
    redact.substitution = options.substitution == "hash" ? Substitution::hash : Substitution::entity_name;
    std::vector<std::string> undetectable;
    redact.policies = resolve_redact_policies(options.policies, detectable_policies(engine.rules()), undetectable);
    for (const auto& p : undetectable) {
        std::cerr << "aaiscan: warning: no rule detects policy '" << p << "': it is not applied\n";
    }
    if (redact.policies.empty()) throw Error("no policy to apply: none of --policies is detected by the rules");
    redact.matcher = &engine.matcher();
    redact.phone_region = config.transcripts.phone_region;

    RedactReport report;
    report.dry_run = options.dry_run;
    report.policies = redact.policies;
    report.substitution = std::string(to_string(redact.substitution));
    fs::path out_canon;
    bool created_out = false;  // by this run: removed again when nothing was written into it
    if (!options.out_dir.empty()) {
        std::error_code ec;
        created_out = !options.dry_run && !fs::exists(options.out_dir, ec);
        if (!options.dry_run) fs::create_directories(options.out_dir, ec);
        if (ec) throw Error(options.out_dir + ": cannot create the output directory: " + ec.message());
        out_canon = canonical_or_self(options.out_dir);
    }
    std::vector<WorkItem> work = collect_work(options, out_canon, report);

    TranscriptRedactor redactor(redact);
    std::set<std::string> outputs;
    Progress progress(work.size(), options.format == "text");
    for (const WorkItem& item : work) {
        progress.show(item.display);
        if (!options.in_place && !options.dry_run) {  // a dry run writes nothing: no output to clash
            std::string key = canonical_or_self(item.output).string();
            if (!outputs.insert(key).second) {
                report.error(item.display, "another input is written to " + item.output.string() + "; not written");
                continue;
            }
            std::error_code ec;
            if (fs::exists(item.output, ec) && fs::equivalent(item.output, item.input, ec)) {
                report.error(item.display, "the output would replace the input; not written");
                continue;
            }
        }
        std::string data;
        std::string problem;
        if (!read_whole_file(item.input, data, problem)) {
            report.error(item.display, problem);
            continue;
        }
        FileResult file;
        file.input = item.display;
        file.output = options.dry_run ? "" : item.output.string();
        std::optional<std::string> output = redact_item(item, data, redactor, file, report);
        if (!output) continue;
        if (options.dry_run) {
            file.status = "dry-run";
            report.files.push_back(std::move(file));
            continue;
        }
        if (options.in_place) {
            std::string backup = item.input + ".bak";
            std::error_code ec;
            if (fs::exists(fs::symlink_status(backup, ec))) {
                report.error(item.display, "backup " + backup + " already exists; not replaced");
                continue;
            }
            std::string written = write_file_atomically(backup, data, file_mode(item.input));
            if (!written.empty()) {
                report.error(item.display, written);
                continue;
            }
            written = write_file_atomically(item.output, *output, file_mode(item.input));
            if (!written.empty()) {
                report.error(item.display, written);
                continue;
            }
        } else if (!write_output(item, out_canon, *output, report)) {
            continue;
        }
        verify_output(item, redactor, file, report);
        file.status = file.residual.empty() ? "written" : "residual";
        report.files.push_back(std::move(file));
    }
    progress.clear();
    if (options.format == "json") {
        write_redact_json(report, std::cout);
    } else {
        write_redact_text(report, std::cout, std::cerr);
    }
    std::cout.flush();
    if (created_out) {
        std::error_code ec;
        if (fs::is_empty(options.out_dir, ec) && !ec) fs::remove(options.out_dir, ec);
    }
    if (report.errors > 0) return 2;
    return report.has_residual() ? 1 : 0;
}

}  // namespace aaiscan
