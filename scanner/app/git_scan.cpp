// Git staged/history scanning (see git_scan.h).
#include "app/git_scan.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "app/file_rules.h"
#include "decode/text_decoding.h"
#include "source/git_delta_forest.h"
#include "source/git_history.h"
#include "source/git_objects.h"
#include "source/git_pack.h"
#include "source/git_repo.h"
#include "source/git_staged.h"
#include "util/allocator_decay.h"
#include "util/bounded_queue.h"
#include "util/error.h"
#include "util/glob.h"

namespace aaiscan {
namespace {

using Clock = std::chrono::steady_clock;

constexpr ssize_t k_history_decay_ms = 250;  // see run_history_scan

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// git exports these to hooks (GIT_INDEX_FILE names the temporary index of `git commit -a` or
// `git commit FILE`); when one is set the repository is opened the way git would open it.
bool git_environment_set() {
    for (const char* name : {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"}) {
        const char* value = std::getenv(name);
        if (value != nullptr && *value != '\0') return true;
    }
    return false;
}

// Identifies a finding within one item regardless of its line: rule, the part of its path below
// the item (archive members), value.
std::string content_key(const Finding& f, size_t item_path_size) {
    std::string key = f.rule->id;
    key += '\0';
    key += f.path.substr(std::min(item_path_size, f.path.size()));
    key += '\0';
    key += f.secret;
    return key;
}

// Identifies a finding by rule and value alone (wherever it is).
std::string value_key(const Finding& f) {
    std::string key = f.rule->id;
    key += '\0';
    key += f.secret;
    return key;
}

std::string too_large_message(uint64_t size) {
    return "larger than --max-file-size (" + std::to_string(size) + " bytes); skipped";
}

// Scans the staged files one after the other (a commit is small: threads would cost more than
// they save) and keeps the findings the commit adds.
class StagedScanner {
public:
    StagedScanner(const Engine& engine, const ScanRequest& request, const FindingFilter& filter, GitRepo& repo)
        : m_request(request), m_filter(filter), m_repo(repo), m_reader(repo), m_file_rules(engine.rules(), false),
          m_items(engine.matcher(), request.settings, request.limits, request.transcripts) {}

    void scan(const StagedFile& file, ScanOutput& out) {
        if (!m_file_rules.empty()) {
            WalkEntry entry;
            entry.fs_path = m_repo.workdir() + file.path;
            entry.display_path = file.path;
            entry.project_path = file.path;
            entry.ignored = m_repo.is_ignored(file.path);
            entry.repo = &m_repo;
            size_t first = out.findings.size();
            m_file_rules.evaluate(entry, out);
            finish(out, first);
        }
        uint64_t size = 0;
        switch (m_reader.read_blob(file.blob, m_request.limits.max_file_size, m_new, size)) {
            case BlobStatus::too_large:
                ++out.stats.skipped_too_large;
                out.note(file.path, too_large_message(size));
                return;
            case BlobStatus::unreadable:
                out.error(file.path, "cannot read the staged content: " + m_reader.error());
                return;
            case BlobStatus::ok:
                break;
        }
        ScanOutput local;
        ItemInfo item{file.path, file.path, nullptr, false, 0};
        bool scanned = m_items.scan_bytes(m_new, item, local);
        if (scanned) {
            ++local.stats.files_scanned;
            local.stats.bytes_scanned += m_new.size();
            if (file.has_old && !local.findings.empty()) keep_added(file, local);
        }
        size_t first = out.findings.size();
        out.merge(std::move(local));
        finish(out, first);
    }

private:
    // Drops the findings that the version in HEAD already had: by line for plain text (a finding
    // stays when one of its lines is added), by rule and value for what is not located by lines
    // of this file (archive members, decoded UTF-16).
    void keep_added(const StagedFile& file, ScanOutput& local) {
        uint64_t size = 0;
        BlobStatus status = m_reader.read_blob(file.old_blob, m_request.limits.max_file_size, m_old, size);
        if (status != BlobStatus::ok) {
            local.warning(file.path, "the committed version cannot be read; every finding in the file is reported");
            return;
        }
        bool text = sniff_content(std::string_view(m_new).substr(0, k_sniff_bytes)) == ContentKind::text;
        auto by_line = [&](const Finding& f) { return text && f.line > 0 && f.path == file.path; };
        std::vector<LineRange> ranges;
        std::unordered_set<std::string> old_keys;
        bool any_by_line = std::any_of(local.findings.begin(), local.findings.end(), by_line);
        bool any_by_key = !std::all_of(local.findings.begin(), local.findings.end(), by_line);
        if (any_by_line) ranges = added_line_ranges(m_old, m_new);
        if (any_by_key) {
            ScanOutput before;
            ItemInfo item{file.path, file.path, nullptr, false, 0};
            m_items.scan_bytes(m_old, item, before);
            for (const Finding& f : before.findings) old_keys.insert(content_key(f, file.path.size()));
        }
        auto& findings = local.findings;
        findings.erase(std::remove_if(findings.begin(), findings.end(),
                                      [&](const Finding& f) {
                                          if (by_line(f)) return !touches_ranges(ranges, f.line, f.end_line);
                                          return old_keys.count(content_key(f, file.path.size())) != 0;
                                      }),
                       findings.end());
    }

    void finish(ScanOutput& out, size_t first) {
        for (size_t i = first; i < out.findings.size(); ++i) {
            m_filter.apply(out.findings[i]);
            if (m_request.on_finding) m_request.on_finding(out.findings[i]);
        }
    }

    const ScanRequest& m_request;
    const FindingFilter& m_filter;
    GitRepo& m_repo;
    GitObjectReader m_reader;
    FileRuleEvaluator m_file_rules;
    ItemScanner m_items;
    std::string m_new;
    std::string m_old;
};

// A finding of the history scan and the visiting position of the commit that carries it.
struct Attributed {
    Finding finding;
    uint32_t position;
};

// Where a finding of a history blob came from.
struct Origin {
    GitOid blob;
    uint32_t commit;
    unsigned walker;
};

// Blobs of the history planned together: read by building their pack's delta forest.
struct HistorySegment {
    std::vector<HistoryBlob> blobs;
    std::unique_ptr<DeltaForest> forest;  // over `blobs` (ids are their indexes)
};

// A worker's unit: one task of a segment's forest, or (`direct` not empty) blobs to read one by
// one through libgit2.
struct HistoryWork {
    std::shared_ptr<HistorySegment> segment;
    size_t task = 0;
    std::vector<uint32_t> direct;
};

// A blob scanned on behalf of a later walker: not counted twice when an earlier one had it.
struct Repeat {
    GitOid blob;
    uint64_t bytes;
    unsigned walker;
};

// Keeps, for every fingerprint, only the findings of the earliest commit (a file edited later
// still holds the secret its first version introduced); the rest are the same finding again.
// Suppressed and unsuppressed occurrences count apart: a secret first committed with an
// `aaiscan:allow` comment that a later commit removed is still reported, at that later commit.
std::vector<Attributed> earliest_per_fingerprint(std::vector<Attributed> all) {
    auto key = [](const Attributed& a) {
        return a.finding.fingerprint + static_cast<char>('0' + static_cast<int>(a.finding.suppressed));
    };
    std::unordered_map<std::string, uint32_t> first;
    for (const auto& a : all) {
        auto [it, fresh] = first.emplace(key(a), a.position);
        if (!fresh) it->second = std::min(it->second, a.position);
    }
    std::vector<Attributed> kept;
    for (auto& a : all) {
        if (first[key(a)] == a.position) kept.push_back(std::move(a));
    }
    return kept;
}

// Which file names can belong to a path a file rule matches: a path can only match a glob whose
// last component matches its name, and that name must hold the component's longest literal run
// (".env" for ".env.*"). Spares building and remembering every path of the history.
class NameFilter {
public:
    explicit NameFilter(const std::vector<const Rule*>& rules) {
        for (const Rule* rule : rules) {
            for (const auto& glob : rule->paths) {
                size_t slash = glob.rfind('/');
                Component c;
                c.glob = slash == std::string::npos ? glob : glob.substr(slash + 1);
                if (c.glob.find("**") != std::string::npos) m_any = true;
                c.literal = glob_required_literal(c.glob);
                m_components.push_back(std::move(c));
            }
        }
    }
    bool operator()(std::string_view name) const {
        if (m_any) return true;
        for (const auto& c : m_components) {
            if (name.find(c.literal) != std::string_view::npos && glob_match(c.glob, name)) return true;
        }
        return false;
    }

private:
    struct Component {
        std::string glob;
        std::string literal;
    };
    std::vector<Component> m_components;
    bool m_any = false;
};

// The most severe file rule (condition tracked or exists) that a path committed in history
// matches, or nullptr. Whether it is ignored today says nothing about the commit.
const Rule* history_file_rule(const std::vector<const Rule*>& rules, const std::string& path) {
    const Rule* best = nullptr;
    for (const Rule* rule : rules) {
        if ((!best || rule->severity > best->severity) && file_rule_matches_path(*rule, path)) best = rule;
    }
    return best;
}

// With --since, a secret that the boundary commit already had at the same path was not introduced
// after it, although a later version of the file is where the walk first met it: drop it. Only
// the boundary versions of paths with findings are read and scanned.
void drop_older_than_boundary(const HistoryWalk& walk, GitRepo& repo, const Engine& engine, const ScanRequest& request,
                              std::vector<Attributed>& findings) {
    GitObjectReader reader(repo);
    ItemScanner scanner(engine.matcher(), request.settings, request.limits, request.transcripts);
    std::string bytes;
    // The content keys of the findings in `blob` (read as `path`) go into `keys`; with
    // `value_only`, just rule and value.
    auto scan_blob = [&](const GitOid& blob, const std::string& path, bool value_only,
                         std::unordered_set<std::string>& keys) {
        uint64_t size = 0;
        if (reader.read_blob(blob, request.limits.max_file_size, bytes, size) != BlobStatus::ok) return;
        ScanOutput before;
        ItemInfo item{path, path, nullptr, false, 0};
        scanner.scan_bytes(bytes, item, before);
        for (const Finding& f : before.findings) keys.insert(value_only ? value_key(f) : content_key(f, path.size()));
    };
    struct AtBoundary {
        bool existed = false;
        std::unordered_set<std::string> keys;
    };
    std::unordered_map<std::string, AtBoundary> old_keys;  // path -> its keys at the boundary
    auto at_boundary = [&](const std::string& path) -> const AtBoundary& {
        auto [it, fresh] = old_keys.try_emplace(path);
        if (!fresh) return it->second;
        for (const GitOid& blob : walk.boundary_blobs(path)) {
            it->second.existed = true;
            scan_blob(blob, path, false, it->second.keys);
        }
        return it->second;
    };
    // A path that did not exist at the boundary may be a moved or copied file: its values count as
    // old when the boundary held them anywhere (read once, only when such a finding comes up).
    std::optional<std::unordered_set<std::string>> anywhere;
    auto anywhere_at_boundary = [&]() -> const std::unordered_set<std::string>& {
        if (!anywhere) {
            anywhere.emplace();
            for (const auto& [path, blob] : walk.all_boundary_blobs()) scan_blob(blob, path, true, *anywhere);
        }
        return *anywhere;
    };
    findings.erase(std::remove_if(findings.begin(), findings.end(),
                                  [&](const Attributed& a) {
                                      const Finding& f = a.finding;
                                      if (f.rule->kind != RuleKind::content) return false;  // paths: seeded by the walk
                                      const std::string& path = f.project_path;
                                      const AtBoundary& old = at_boundary(path);
                                      if (old.existed) return old.keys.count(content_key(f, path.size())) != 0;
                                      return anywhere_at_boundary().count(value_key(f)) != 0;
                                  }),
                   findings.end());
}

}  // namespace

StagedSnapshot read_staged_snapshot(const std::string& path) {
    auto started = Clock::now();
    std::string error;
    StagedSnapshot snapshot;
    snapshot.repo = GitRepo::open(path, false, git_environment_set(), error);
    if (!snapshot.repo) throw Error("--staged: " + error);
    if (!list_staged_files(*snapshot.repo, snapshot.list, error)) throw Error("--staged: " + error);
    snapshot.seconds = seconds_since(started);
    return snapshot;
}

ScanOutput run_staged_scan(const Engine& engine, const ScanRequest& request, const FindingFilter& filter,
                           StagedSnapshot snapshot) {
    auto started = Clock::now();
    ScanOutput out;
    out.stats.skipped_symlinks += snapshot.list.symlinks;
    StagedScanner scanner(engine, request, filter, *snapshot.repo);
    for (const StagedFile& file : snapshot.list.files) scanner.scan(file, out);
    finish_output(out);
    out.stats.seconds = snapshot.seconds + seconds_since(started);
    return out;
}

ScanOutput run_staged_scan(const Engine& engine, const ScanRequest& request, const FindingFilter& filter,
                           const std::string& path) {
    return run_staged_scan(engine, request, filter, read_staged_snapshot(path));
}

ScanOutput run_history_scan(const Engine& engine, const ScanRequest& request, const FindingFilter& filter,
                            const std::string& path, const HistoryOptions& history) {
    auto started = Clock::now();
    // libgit2 allocates and frees every tree and blob it inflates: without a short decay jemalloc
    // keeps ~50 MB of freed pages resident on a 100,000-commit history (no measurable cost).
    AllocatorDecayScope decay(k_history_decay_ms);
    std::string error;
    auto repo = GitRepo::open(path, true, false, error);
    if (!repo) throw Error("--git-history: " + error);
    unsigned threads = request.threads ? request.threads : std::max(1u, std::thread::hardware_concurrency());
    // Blobs are built from the packs along their delta chains (DeltaForest): each entry inflated
    // once, where reading them one by one in commit order (libgit2) rebuilt most of a chain for
    // nearly every blob of a cloned history. The walk reads trees and commits from the same packs.
    auto packs = std::make_shared<const PackSet>(repo->common_dir() + "objects");
    HistoryWalkOptions walk_options;
    walk_options.since = history.since;
    walk_options.all_refs = history.all_refs;
    walk_options.walkers = threads;
    walk_options.packs = packs;
    HistoryWalk walk(*repo, walk_options);
    ScanOutput main_output;
    if (repo->is_shallow()) {
        main_output.warning("", "shallow clone: the history before its oldest commits is missing and was not "
                                "scanned; what those commits contain is attributed to them ('git fetch "
                                "--unshallow' for the full history)");
    }

    constexpr size_t k_batch = 64;
    // Each walker plans up to this many blobs at once (all of them, in most histories): more
    // shares more delta chains, fewer bounds the memory held (~100 bytes a blob).
    const size_t segment_size = std::max<size_t>(8192, (size_t(1) << 18) / threads);
    BoundedQueue<HistoryWork> queue(4 * threads);
    std::vector<ScanOutput> outputs(threads);
    std::vector<std::vector<Origin>> origins(threads);     // per finding of outputs[t]
    std::vector<std::vector<Repeat>> repeats(threads);     // blobs a later walker scanned
    const std::string git_dir = repo->git_dir();
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            ScanOutput& local = outputs[t];
            GitObjectReader reader(git_dir);  // what the packs cannot give: loose objects, damage
            PackReader pack_reader(packs, 16);  // a delta tree's entries lie all over the pack
            if (!reader.ok()) local.error("", "cannot open the repository in a worker: " + reader.error());
            ItemScanner scanner(engine.matcher(), request.settings, request.limits, request.transcripts);
            std::string bytes;
            CommitRef commit;
            auto scan_blob = [&](const HistoryBlob& blob, std::string_view content) {
                size_t first = local.findings.size();
                ItemInfo item{blob.path, blob.path, &commit, false, 0};
                if (scanner.scan_bytes(content, item, local)) {
                    ++local.stats.files_scanned;
                    ++local.stats.blobs_scanned;
                    local.stats.bytes_scanned += content.size();
                    if (blob.walker > 0) repeats[t].push_back({blob.blob, content.size(), blob.walker});
                }
                for (size_t i = first; i < local.findings.size(); ++i) {
                    filter.apply(local.findings[i]);
                    origins[t].push_back({blob.blob, blob.commit, blob.walker});
                }
            };
            auto attribute = [&](const HistoryBlob& blob) { commit.id = walk.commit_id(blob.commit).hex(); };
            // Where a diagnostic about `blob` is reported (after attribute(blob)).
            auto where_of = [&](const HistoryBlob& blob) {
                return blob.path + " (commit " + commit.id.substr(0, 12) + ")";
            };
            // Through libgit2, which also says why a blob cannot be read.
            auto read_and_scan = [&](const HistoryBlob& blob) {
                attribute(blob);
                uint64_t size = 0;
                BlobStatus status = reader.read_blob(blob.blob, request.limits.max_file_size, bytes, size);
                if (status == BlobStatus::too_large) {
                    ++local.stats.skipped_too_large;
                    local.note(where_of(blob), too_large_message(size));
                } else if (status == BlobStatus::unreadable) {
                    local.error(where_of(blob), reader.error());
                } else {
                    scan_blob(blob, bytes);
                }
            };
            while (auto work = queue.pop()) {
                if (!reader.ok()) continue;  // keep draining so the walk never blocks
                HistorySegment& segment = *work->segment;
                if (!work->direct.empty()) {
                    for (uint32_t id : work->direct) read_and_scan(segment.blobs[id]);
                    continue;
                }
                segment.forest->run(
                    work->task, pack_reader, request.limits.max_file_size,
                    [&](uint32_t id, PackEntryType type, std::string_view content) {
                        const HistoryBlob& blob = segment.blobs[id];
                        attribute(blob);
                        if (type != PackEntryType::blob) {
                            local.error(where_of(blob), "object " + blob.blob.hex() + " is not a blob");
                        } else {
                            scan_blob(blob, content);
                        }
                    },
                    [&](uint32_t id) { read_and_scan(segment.blobs[id]); });
            }
        });
    }

    std::vector<const Rule*> file_rules;
    for (const Rule& rule : engine.rules().rules()) {
        if (rule.kind == RuleKind::file &&
            (rule.condition == FileCondition::tracked || rule.condition == FileCondition::exists)) {
            file_rules.push_back(&rule);
        }
    }
    // Per walker: walkers call back concurrently (see HistoryWalk::run).
    std::vector<std::vector<Attributed>> path_findings(threads);
    std::vector<std::vector<HistoryBlob>> segments(threads);
    // Plans a segment's blobs as a delta forest (on the calling walker's thread) and queues its
    // tasks; blobs no pack here holds go to libgit2 in batches.
    auto push_segment = [&](std::vector<HistoryBlob>& blobs) {
        if (blobs.empty()) return;
        auto segment = std::make_shared<HistorySegment>();
        segment->blobs = std::move(blobs);
        blobs = {};
        // In pack order the plan reads the entry headers front to back, and the next blob in
        // the pack bounds where one's entry ends (only that much is inflated from).
        std::stable_sort(segment->blobs.begin(), segment->blobs.end(),
                         [](const HistoryBlob& a, const HistoryBlob& b) { return a.where < b.where; });
        for (size_t i = segment->blobs.size(); i-- > 1;) {
            PackLocation& here = segment->blobs[i - 1].where;
            const PackLocation& next = segment->blobs[i].where;
            if (here.found() && next.pack == here.pack) here.end = next.offset > here.offset ? next.offset : next.end;
        }
        std::vector<PackLocation> targets;
        targets.reserve(segment->blobs.size());
        for (const HistoryBlob& blob : segment->blobs) targets.push_back(blob.where);
        PackReader planner(packs);
        segment->forest = std::make_unique<DeltaForest>(*packs, planner, targets);
        for (size_t task = 0; task < segment->forest->task_count(); ++task) queue.push(HistoryWork{segment, task, {}});
        const std::vector<uint32_t>& unplanned = segment->forest->unplanned();
        for (size_t begin = 0; begin < unplanned.size(); begin += k_batch) {
            size_t end = std::min(unplanned.size(), begin + k_batch);
            queue.push(HistoryWork{segment, 0, std::vector<uint32_t>(unplanned.begin() + begin, unplanned.begin() + end)});
        }
    };
    auto on_blob = [&](HistoryBlob&& blob) {
        std::vector<HistoryBlob>& segment = segments[blob.walker];
        blob.where = packs->locate(blob.blob);
        segment.push_back(std::move(blob));
        if (segment.size() >= segment_size) push_segment(segment);
    };
    auto on_path = [&](const std::string& file, uint32_t position, unsigned walker) {
        const Rule* rule = history_file_rule(file_rules, file);
        if (!rule) return;
        Finding f;
        f.rule = rule;
        f.severity = rule->severity;
        f.path = file;
        f.project_path = file;
        f.message = rule->message;
        filter.apply(f);
        path_findings[walker].push_back({std::move(f), position});
    };
    auto on_problem = [&](const std::string& message, bool is_error) {
        if (is_error) {
            main_output.error("", message);
        } else {
            main_output.warning("", message);
        }
    };
    NameFilter wants_name(file_rules);
    walk.run(on_blob, file_rules.empty() ? nullptr : std::function<bool(std::string_view)>(std::cref(wants_name)),
             file_rules.empty() ? nullptr : std::function<void(const std::string&, uint32_t, unsigned)>(on_path),
             on_problem);
    std::vector<HistoryBlob> rest;
    for (auto& segment : segments) {
        rest.insert(rest.end(), std::make_move_iterator(segment.begin()), std::make_move_iterator(segment.end()));
    }
    push_segment(rest);
    queue.close();
    for (auto& w : workers) w.join();

    // A later walker reports again what an earlier range already had (its first tree in full, and
    // blobs that come back): drop those, so the result is exactly that of a single walk.
    std::vector<Attributed> all;
    for (unsigned k = 0; k < path_findings.size(); ++k) {
        for (Attributed& a : path_findings[k]) {
            if (k == 0 || !walk.path_seen_earlier(k, a.finding.path)) all.push_back(std::move(a));
        }
    }
    for (unsigned t = 0; t < threads; ++t) {
        for (size_t i = 0; i < outputs[t].findings.size(); ++i) {
            const Origin& origin = origins[t][i];
            if (origin.walker > 0 && walk.seen_earlier(origin.walker, origin.blob)) continue;
            all.push_back({std::move(outputs[t].findings[i]), origin.commit});
        }
        for (const Repeat& r : repeats[t]) {
            if (!walk.seen_earlier(r.walker, r.blob)) continue;
            --outputs[t].stats.files_scanned;
            --outputs[t].stats.blobs_scanned;
            outputs[t].stats.bytes_scanned -= r.bytes;
        }
        outputs[t].findings.clear();
        main_output.merge(std::move(outputs[t]));
    }
    std::vector<Attributed> kept = earliest_per_fingerprint(std::move(all));
    if (!history.since.empty()) drop_older_than_boundary(walk, *repo, engine, request, kept);
    std::unordered_map<uint32_t, CommitRef> commits;
    std::unordered_map<std::string, uint32_t> positions_by_id;
    for (Attributed& a : kept) {
        auto it = commits.find(a.position);
        if (it == commits.end()) {
            CommitInfo info = walk.describe(a.position);
            it = commits.emplace(a.position, CommitRef{info.id, info.author, info.date}).first;
            positions_by_id.emplace(info.id, a.position);
        }
        a.finding.commit = it->second;
        if (request.on_finding) request.on_finding(a.finding);
        main_output.findings.push_back(std::move(a.finding));
    }
    finish_output(main_output);
    // The same value at the same place in two commits (allowed, then not): older commit first.
    std::sort(main_output.findings.begin(), main_output.findings.end(), [&](const Finding& a, const Finding& b) {
        if (finding_less(a, b)) return true;
        if (finding_less(b, a)) return false;
        return positions_by_id[a.commit->id] < positions_by_id[b.commit->id];
    });
    main_output.stats.seconds = seconds_since(started);
    return main_output;
}

}  // namespace aaiscan
