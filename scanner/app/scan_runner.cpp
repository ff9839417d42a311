// Parallel scan orchestration (see scan_runner.h).
#include "app/scan_runner.h"

#include <unistd.h>

#include <cerrno>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <new>
#include <thread>

#include "app/file_rules.h"
#include "util/bounded_queue.h"

namespace aaiscan {
namespace {

// Reads all of stdin (bounded by `limit`). Returns false on a read error.
bool read_stdin(std::string& out, uint64_t limit, bool& truncated) {
    char buffer[1 << 16];
    truncated = false;
    while (true) {
        ssize_t n = read(STDIN_FILENO, buffer, sizeof buffer);
        if (n == 0) return true;
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        if (out.size() + static_cast<size_t>(n) > limit) {
            truncated = true;
            return true;
        }
        out.append(buffer, static_cast<size_t>(n));
    }
}

}  // namespace

void FindingFilter::apply(Finding& f) const {
    f.fingerprint = compute_fingerprint(f.rule->id, f.project_path, f.secret);
    if (f.suppressed != Suppression::none) return;
    if (m_allowlist.covers(f)) {
        f.suppressed = Suppression::allowlist;
    } else if (m_baseline && m_baseline->count(f.fingerprint)) {
        f.suppressed = Suppression::baseline;
    }
}

void finish_output(ScanOutput& out) {
    ScanStats& s = out.stats;
    s.findings_by_severity = {};
    s.suppressed_inline = s.suppressed_allowlist = s.suppressed_baseline = 0;
    for (const Finding& f : out.findings) {
        switch (f.suppressed) {
            case Suppression::none: ++s.findings_by_severity[static_cast<size_t>(f.severity)]; break;
            case Suppression::inline_comment: ++s.suppressed_inline; break;
            case Suppression::allowlist: ++s.suppressed_allowlist; break;
            case Suppression::baseline: ++s.suppressed_baseline; break;
        }
    }
    std::sort(out.findings.begin(), out.findings.end(), finding_less);
    std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.path < b.path;
    });
}

int exit_code_for(const ScanOutput& out, Severity fail_on) {
    if (out.stats.errors > 0) return 2;
    for (const Finding& f : out.findings) {
        if (!f.is_suppressed() && f.severity >= fail_on) return 1;
    }
    return 0;
}

ScanOutput run_scan(const Engine& engine, const ScanRequest& request, const FindingFilter& filter) {
    auto started = std::chrono::steady_clock::now();
    unsigned threads = request.threads ? request.threads : std::max(1u, std::thread::hardware_concurrency());
    // Paths travel in small batches: one lock round-trip per batch, not per file.
    constexpr size_t k_batch = 32;
    BoundedQueue<std::vector<WalkEntry>> queue(256);
    std::vector<WalkEntry> batch;
    batch.reserve(k_batch);
    std::mutex stream_mutex;

    auto finish_item = [&](ScanOutput& local, size_t first) {
        for (size_t i = first; i < local.findings.size(); ++i) filter.apply(local.findings[i]);
        if (request.on_finding && first < local.findings.size()) {
            std::lock_guard lock(stream_mutex);
            for (size_t i = first; i < local.findings.size(); ++i) request.on_finding(local.findings[i]);
        }
    };

    std::vector<ScanOutput> outputs(threads);
    std::vector<std::thread> workers;
    // Should the walk or stdin throw (out of memory), stop the workers before unwinding: a joinable
    // std::thread being destroyed would abort the process instead of reporting the error.
    struct JoinWorkers {
        BoundedQueue<std::vector<WalkEntry>>& queue;
        std::vector<std::thread>& workers;
        ~JoinWorkers() {
            queue.close();
            for (auto& w : workers) {
                if (w.joinable()) w.join();
            }
        }
    } join_workers{queue, workers};
    for (unsigned t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            ItemScanner scanner(engine.matcher(), request.settings, request.limits, request.transcripts);
            ScanOutput& local = outputs[t];
            while (auto entries = queue.pop()) {
                for (const WalkEntry& entry : *entries) {
                    size_t first = local.findings.size();
                    // Out of memory on one item (a huge file, millions of findings) is reported
                    // for that item and the scan goes on: never a silent skip, never an abort.
                    try {
                        scanner.scan_file(entry, local);
                        finish_item(local, first);
                    } catch (const std::bad_alloc&) {
                        local.error(entry.display_path, "out of memory while scanning; not scanned");
                    }
                }
            }
        });
    }

    ScanOutput main_output;
    FileRuleEvaluator file_rules(engine.rules());
    WalkSink sink;
    sink.on_file = [&](const WalkEntry& entry) {
        if (!file_rules.empty()) {
            size_t first = main_output.findings.size();
            file_rules.evaluate(entry, main_output);
            finish_item(main_output, first);
        }
        batch.push_back(entry);
        batch.back().repo = nullptr;
        if (batch.size() >= k_batch) {
            queue.push(std::move(batch));
            batch = {};
            batch.reserve(k_batch);
        }
    };
    sink.on_ignored_file = [&](const WalkEntry& entry) {
        if (file_rules.empty()) return;
        size_t first = main_output.findings.size();
        file_rules.evaluate(entry, main_output);
        finish_item(main_output, first);
    };
    sink.on_skip = [&](const std::string&, SkipReason reason) {
        switch (reason) {
            case SkipReason::ignored: ++main_output.stats.skipped_ignored; break;
            case SkipReason::symlink: ++main_output.stats.skipped_symlinks; break;
            case SkipReason::special_file: ++main_output.stats.skipped_special; break;
            case SkipReason::vcs_dir: break;
        }
    };
    sink.on_error = [&](const std::string& path, const std::string& message) { main_output.error(path, message); };

    std::vector<std::string> roots;
    bool want_stdin = false;
    for (const auto& p : request.paths) {
        if (p == "-") {
            want_stdin = true;
        } else {
            roots.push_back(p);
        }
    }
    walk_paths(roots, request.walk, sink);
    if (!batch.empty()) queue.push(std::move(batch));
    queue.close();

    if (want_stdin) {
        std::string input;
        bool truncated = false;
        if (!read_stdin(input, request.limits.max_file_size, truncated)) {
            main_output.error("<stdin>", "cannot read standard input");
        } else {
            if (truncated) main_output.warning("<stdin>", "input larger than --max-file-size; only the start was scanned");
            ItemScanner scanner(engine.matcher(), request.settings, request.limits, request.transcripts);
            ItemInfo item{"<stdin>", "<stdin>", nullptr, true, 0};
            size_t first = main_output.findings.size();
            if (scanner.scan_bytes(input, item, main_output)) {
                ++main_output.stats.files_scanned;
                main_output.stats.bytes_scanned += input.size();
            }
            finish_item(main_output, first);
        }
    }

    for (auto& w : workers) w.join();
    for (auto& o : outputs) main_output.merge(std::move(o));
    finish_output(main_output);
    main_output.stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return main_output;
}

}  // namespace aaiscan
