// History enumeration (see git_history.h).
#include "source/git_history.h"

#include <git2.h>

#include <cstring>
#include <deque>
#include <ctime>
#include <algorithm>
#include <fstream>
#include <mutex>
#include <queue>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <memory>

#include "source/git_object_parse.h"
#include "source/git_oid_set.h"
#include "source/git_pack.h"
#include "source/git_repo.h"
#include "util/error.h"

namespace aaiscan {
namespace {

struct OidHash {
    size_t operator()(const GitOid& oid) const {
        size_t h;
        std::memcpy(&h, oid.bytes.data(), sizeof h);
        return h;
    }
};

GitOid to_oid(const unsigned char* raw) {
    GitOid out;
    std::memcpy(out.bytes.data(), raw, 20);
    return out;
}

GitOid to_oid(const git_oid& id) { return to_oid(id.id); }

git_oid to_git(const GitOid& oid) {
    git_oid out;
    std::memcpy(out.id, oid.bytes.data(), 20);
    return out;
}

enum class NodeState : uint8_t { unloaded, loaded, missing };

struct Node {
    GitOid oid;
    GitOid tree;
    int64_t time = 0;
    uint32_t parent_begin = 0;
    uint32_t parent_count = 0;
    NodeState state = NodeState::unloaded;
    bool hidden = false;  // an ancestor of --since (or --since itself)
};

// The commit an object (tag, ref target) peels to, or false.
bool peel_to_commit(git_repository* repo, const git_oid& id, git_oid& out) {
    git_object* object = nullptr;
    if (git_object_lookup(&object, repo, &id, GIT_OBJECT_ANY) != 0) return false;
    git_object* commit = nullptr;
    bool ok = git_object_peel(&commit, object, GIT_OBJECT_COMMIT) == 0;
    if (ok) {
        git_oid_cpy(&out, git_object_id(commit));
        git_object_free(commit);
    }
    git_object_free(object);
    return ok;
}

}  // namespace

std::string format_git_time(int64_t seconds, int offset_minutes) {
    time_t local = static_cast<time_t>(seconds + int64_t(offset_minutes) * 60);
    struct tm parts {};
    if (gmtime_r(&local, &parts) == nullptr) return {};
    char buffer[32];
    size_t n = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &parts);
    std::string out(buffer, n);
    if (offset_minutes == 0) return out + "Z";
    int abs = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    char zone[8];
    std::snprintf(zone, sizeof zone, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+', (abs / 60) % 100, abs % 60);
    return out + zone;
}

// Reads raw trees and commits: from the packs with a PackReader where they are packed, otherwise
// (or when that fails) through libgit2's object database, which knows loose objects and
// alternates and says what is wrong.
class RawObjectReader {
public:
    RawObjectReader(git_repository* repo, const std::shared_ptr<const PackSet>& packs) : m_packs(packs) {
        if (git_repository_odb(&m_odb, repo) != 0) m_odb = nullptr;
        // Trees of consecutive commits lie in several places of a pack (each directory's versions
        // apart): 16 windows keep them mapped (4 made a 10,000-commit walk 2.3x slower). The
        // cache keeps the bases of tree deltas (a tree is built from a newer one, walked later).
        if (packs && packs->pack_count() > 0) m_pack_reader = std::make_unique<PackReader>(packs, 16, size_t(8) << 20);
    }
    ~RawObjectReader() {
        if (m_object) git_odb_object_free(m_object);
        if (m_odb) git_odb_free(m_odb);
    }
    RawObjectReader(const RawObjectReader&) = delete;
    RawObjectReader& operator=(const RawObjectReader&) = delete;

    // The object's bytes (valid until the next read), or false with error() set.
    bool read(const GitOid& oid, PackEntryType expected, std::string_view& out) {
        constexpr uint64_t k_max_size = uint64_t(1) << 30;
        if (m_pack_reader) {
            PackLocation where = m_packs->locate(oid);
            PackEntryType type = PackEntryType::none;
            uint64_t size = 0;
            if (where.found() && m_pack_reader->read(where, k_max_size, type, out, size) == PackReader::Result::ok) {
                return is(type, expected);
            }
        }
        if (m_object) git_odb_object_free(m_object);
        m_object = nullptr;
        git_oid id = to_git(oid);
        if (!m_odb || git_odb_read(&m_object, m_odb, &id) != 0) {
            m_error = last_git_error("missing");
            return false;
        }
        out = std::string_view(static_cast<const char*>(git_odb_object_data(m_object)), git_odb_object_size(m_object));
        return is(static_cast<PackEntryType>(git_odb_object_type(m_object)), expected);
    }
    const std::string& error() const { return m_error; }

private:
    // git's object type numbers are the same in packs and in libgit2 (commit 1, tree 2).
    bool is(PackEntryType type, PackEntryType expected) {
        if (type == expected) return true;
        m_error = expected == PackEntryType::tree ? "not a tree" : "not a commit";
        return false;
    }

    std::shared_ptr<const PackSet> m_packs;
    std::unique_ptr<PackReader> m_pack_reader;
    git_odb* m_odb = nullptr;
    git_odb_object* m_object = nullptr;
    std::string m_error;
};

// Walks trees of one range of commits: its own repository handle (libgit2 objects are not
// shared between threads), object reader and seen-sets.
struct TreeWalker {
    git_repository* repo = nullptr;
    bool owns_repo = false;
    unsigned index = 0;
    std::unique_ptr<RawObjectReader> reader;
    OidSet seen;  // trees and blobs already walked
    std::unordered_set<std::string> paths_seen;
    std::deque<std::string> levels;  // the bytes of the trees being walked, by depth (reused; a
                                     // deque, so growing it never moves what cursors point into)

    TreeWalker() = default;
    TreeWalker(const TreeWalker&) = delete;
    TreeWalker& operator=(const TreeWalker&) = delete;
    ~TreeWalker() {
        reader.reset();
        if (owns_repo) git_repository_free(repo);
    }

    // Walks `root` depth-first, skipping trees and blobs seen before. With `emit`, reports new
    // blobs and first-seen paths of commit `position`; without, only marks them seen.
    void walk_tree(const GitOid& root, uint32_t position, bool emit, const std::function<void(HistoryBlob&&)>& on_blob,
                   const std::function<bool(std::string_view)>& wants_name,
                   const std::function<void(const std::string&, uint32_t, unsigned)>& on_path,
                   const std::function<void(const std::string&, bool)>& problem) {
        if (!seen.insert(root.bytes.data())) return;
        struct Frame {
            TreeEntryCursor cursor;
            GitOid oid;
            size_t prefix_length;
        };
        std::vector<Frame> stack;
        std::string prefix;
        auto open = [&](const GitOid& oid, const std::string& where) {
            std::string_view bytes;
            if (!reader->read(oid, PackEntryType::tree, bytes)) {
                problem("tree " + oid.hex() + (where.empty() ? std::string() : " (" + where + ")") +
                            " cannot be read: " + reader->error(),
                        true);
                return;
            }
            if (levels.size() <= stack.size()) levels.resize(stack.size() + 1);
            levels[stack.size()].assign(bytes);
            stack.push_back({TreeEntryCursor(levels[stack.size()]), oid, prefix.size()});
        };
        open(root, "");
        TreeEntry entry;
        while (!stack.empty()) {
            Frame& frame = stack.back();
            if (!frame.cursor.next(entry)) {
                if (frame.cursor.malformed()) {
                    problem("tree " + frame.oid.hex() + " is malformed; the rest of it was not scanned", true);
                }
                stack.pop_back();
                continue;
            }
            if (entry.kind == TreeEntryKind::other) continue;  // symlinks (their target is not content), submodules
            if (entry.kind == TreeEntryKind::tree) {
                if (!seen.insert(entry.oid)) continue;
                prefix.resize(frame.prefix_length);
                prefix += entry.name;
                prefix += '/';
                open(to_oid(entry.oid), prefix);
                continue;
            }
            bool fresh = seen.insert(entry.oid);
            bool watched = on_path && wants_name && wants_name(entry.name);
            if (!fresh && !watched) continue;
            prefix.resize(frame.prefix_length);
            prefix += entry.name;
            if (watched && paths_seen.insert(prefix).second && emit) on_path(prefix, position, index);
            if (fresh && emit) on_blob(HistoryBlob{to_oid(entry.oid), prefix, position, static_cast<uint16_t>(index), {}});
        }
    }
};

struct HistoryWalk::Impl {
    git_repository* repo = nullptr;
    std::vector<GitOid> tips;
    std::vector<GitOid> hidden_tips;
    std::vector<std::string> ref_problems;
    std::unordered_set<GitOid, OidHash> shallow;
    std::vector<Node> nodes;
    std::vector<uint32_t> parents;
    std::unordered_map<GitOid, uint32_t, OidHash> index;
    std::vector<uint32_t> order;  // visiting position -> node
    // What the walk and the report need of each visited commit, by visiting position: the
    // graph (nodes, parents, order) is dropped once the boundary is known.
    struct Visited {
        GitOid commit;
        GitOid tree;
    };
    std::vector<Visited> visited;
    std::vector<GitOid> boundary_trees;
    std::shared_ptr<const PackSet> packs;
    std::unique_ptr<RawObjectReader> loader;  // reads commits on the thread that loads the graph
    unsigned max_walkers = 1;
    size_t min_commits_per_walker = 1000;
    std::vector<std::unique_ptr<TreeWalker>> walkers;  // one per range of `order`

    uint32_t intern(const GitOid& oid) {
        auto [it, fresh] = index.emplace(oid, static_cast<uint32_t>(nodes.size()));
        if (fresh) {
            nodes.emplace_back();
            nodes.back().oid = oid;
        }
        return it->second;
    }

    void read_shallow_file(const std::string& common_dir) {
        std::ifstream in(common_dir + "shallow");
        std::string line;
        while (std::getline(in, line)) {
            git_oid id;
            if (line.size() >= 40 && git_oid_fromstrn(&id, line.data(), 40) == 0) shallow.insert(to_oid(id));
        }
    }

    // Loads every commit reachable from `starts` that is not loaded yet: its header parsed from
    // the raw object, or by libgit2 when that cannot be (libgit2 then says why it is unreadable).
    void load(const std::vector<GitOid>& starts, bool hidden, const std::function<void(const std::string&, bool)>& problem) {
        std::vector<uint32_t> stack;
        for (const auto& s : starts) stack.push_back(intern(s));
        CommitSummary summary;
        while (!stack.empty()) {
            uint32_t i = stack.back();
            stack.pop_back();
            if (nodes[i].state != NodeState::unloaded) continue;
            std::string_view raw;
            if (!loader->read(nodes[i].oid, PackEntryType::commit, raw) || !parse_commit_summary(raw, summary)) {
                git_oid id = to_git(nodes[i].oid);
                git_commit* commit = nullptr;
                if (git_commit_lookup(&commit, repo, &id) != 0) {
                    nodes[i].state = NodeState::missing;
                    problem("commit " + nodes[i].oid.hex() + " cannot be read (" + last_git_error("missing") +
                                "); the history behind it was not scanned",
                            true);
                    continue;
                }
                summary.tree = to_oid(*git_commit_tree_id(commit));
                summary.time = git_commit_time(commit);
                summary.parents.clear();
                for (unsigned k = 0; k < git_commit_parentcount(commit); ++k) {
                    summary.parents.push_back(to_oid(*git_commit_parent_id(commit, k)));
                }
                git_commit_free(commit);
            }
            nodes[i].tree = summary.tree;
            nodes[i].time = summary.time;
            nodes[i].state = NodeState::loaded;
            nodes[i].hidden = hidden;
            nodes[i].parent_begin = static_cast<uint32_t>(parents.size());
            if (!shallow.count(nodes[i].oid)) {
                for (const GitOid& parent : summary.parents) {
                    uint32_t p = intern(parent);
                    parents.push_back(p);
                    stack.push_back(p);
                }
                nodes[i].parent_count = static_cast<uint32_t>(summary.parents.size());
            }
        }
    }

    bool visible(uint32_t i) const { return nodes[i].state == NodeState::loaded && !nodes[i].hidden; }

    // Parents first; among commits that are ready, the oldest (then the first found) first.
    void order_commits() {
        std::vector<uint32_t> pending(nodes.size(), 0);
        std::vector<uint32_t> child_count(nodes.size() + 1, 0);
        for (uint32_t i = 0; i < nodes.size(); ++i) {
            if (!visible(i)) continue;
            for (uint32_t k = 0; k < nodes[i].parent_count; ++k) {
                uint32_t p = parents[nodes[i].parent_begin + k];
                if (!visible(p)) continue;
                ++pending[i];
                ++child_count[p + 1];
            }
        }
        for (size_t i = 1; i < child_count.size(); ++i) child_count[i] += child_count[i - 1];
        std::vector<uint32_t> children(child_count.back());
        std::vector<uint32_t> fill(child_count.begin(), child_count.end() - 1);
        for (uint32_t i = 0; i < nodes.size(); ++i) {
            if (!visible(i)) continue;
            for (uint32_t k = 0; k < nodes[i].parent_count; ++k) {
                uint32_t p = parents[nodes[i].parent_begin + k];
                if (visible(p)) children[fill[p]++] = i;
            }
        }
        using Item = std::pair<int64_t, uint32_t>;
        std::priority_queue<Item, std::vector<Item>, std::greater<>> ready;
        for (uint32_t i = 0; i < nodes.size(); ++i) {
            if (visible(i) && pending[i] == 0) ready.emplace(nodes[i].time, i);
        }
        while (!ready.empty()) {
            uint32_t i = ready.top().second;
            ready.pop();
            order.push_back(i);
            for (uint32_t c = child_count[i]; c < child_count[i + 1]; ++c) {
                uint32_t child = children[c];
                if (--pending[child] == 0) ready.emplace(nodes[child].time, child);
            }
        }
    }

};

HistoryWalk::HistoryWalk(GitRepo& repo, const HistoryWalkOptions& options) : m_impl(std::make_unique<Impl>()) {
    Impl& impl = *m_impl;
    impl.repo = static_cast<git_repository*>(repo.raw());
    impl.max_walkers = std::max(1u, options.walkers);
    impl.min_commits_per_walker = std::max<size_t>(1, options.min_commits_per_walker);
    impl.packs = options.packs;
    impl.read_shallow_file(repo.common_dir());
    int unborn = git_repository_head_unborn(impl.repo);
    git_oid head;
    bool have_head = unborn == 0 && git_reference_name_to_id(&head, impl.repo, "HEAD") == 0 &&
                     peel_to_commit(impl.repo, head, head);
    if (!options.all_refs) {
        if (unborn == 1) throw Error("HEAD is a branch without commits yet: there is no history to scan");
        if (!have_head) throw Error("cannot resolve HEAD to a commit: " + last_git_error("unknown error"));
        impl.tips.push_back(to_oid(head));
    } else {
        if (have_head) impl.tips.push_back(to_oid(head));
        git_reference_iterator* it = nullptr;
        if (git_reference_iterator_new(&it, impl.repo) != 0) {
            throw Error("cannot list the references: " + last_git_error("unknown error"));
        }
        git_reference* ref = nullptr;
        while (git_reference_next(&ref, it) == 0) {
            git_reference* resolved = nullptr;
            git_oid target;
            if (git_reference_resolve(&resolved, ref) == 0 &&
                peel_to_commit(impl.repo, *git_reference_target(resolved), target)) {
                impl.tips.push_back(to_oid(target));
            } else if (std::strncmp(git_reference_name(ref), "refs/tags/", 10) != 0) {
                // A tag may name a tree or blob; any other ref that does not lead to a commit is broken.
                impl.ref_problems.push_back(std::string("reference ") + git_reference_name(ref) +
                                            " does not lead to a readable commit; skipped");
            }
            git_reference_free(resolved);
            git_reference_free(ref);
        }
        git_reference_iterator_free(it);
        if (impl.tips.empty()) throw Error("the repository has no commits: there is no history to scan");
    }
    if (!options.since.empty()) {
        git_object* object = nullptr;
        if (git_revparse_single(&object, impl.repo, options.since.c_str()) != 0) {
            throw Error("--since: unknown revision '" + options.since + "': " + last_git_error("not found"));
        }
        git_oid since;
        bool ok = peel_to_commit(impl.repo, *git_object_id(object), since);
        git_object_free(object);
        if (!ok) throw Error("--since: '" + options.since + "' does not name a commit");
        impl.hidden_tips.push_back(to_oid(since));
    }
}

HistoryWalk::~HistoryWalk() = default;

void HistoryWalk::run(const std::function<void(HistoryBlob&&)>& on_blob,
                      const std::function<bool(std::string_view)>& wants_name,
                      const std::function<void(const std::string&, uint32_t, unsigned)>& on_path,
                      const std::function<void(const std::string&, bool)>& on_problem) {
    Impl& impl = *m_impl;
    for (const auto& p : impl.ref_problems) on_problem(p, false);
    impl.loader = std::make_unique<RawObjectReader>(impl.repo, impl.packs);
    impl.load(impl.hidden_tips, true, on_problem);
    impl.load(impl.tips, false, on_problem);
    impl.order_commits();
    impl.loader.reset();  // unmaps what it read
    std::unordered_map<GitOid, uint32_t, OidHash>().swap(impl.index);  // not needed while walking

    // With --since, the boundary marks what counts as seen: one walker.
    const size_t commits = impl.order.size();
    unsigned count = 1;
    if (impl.hidden_tips.empty() && impl.max_walkers > 1) {
        count = static_cast<unsigned>(std::min<size_t>(impl.max_walkers, commits / impl.min_commits_per_walker));
        count = std::max(1u, std::min(count, 64u));
    }
    std::string git_dir = git_repository_path(impl.repo);
    for (unsigned k = 0; k < count; ++k) {
        auto walker = std::make_unique<TreeWalker>();
        walker->index = k;
        walker->repo = impl.repo;
        if (k > 0 && git_repository_open(&walker->repo, git_dir.c_str()) != 0) {
            on_problem("cannot open the repository for a parallel walk: " + last_git_error("unknown error") +
                           "; walking with fewer threads",
                       false);
            break;
        }
        walker->owns_repo = k > 0;
        walker->reader = std::make_unique<RawObjectReader>(walker->repo, impl.packs);
        impl.walkers.push_back(std::move(walker));
    }
    count = static_cast<unsigned>(impl.walkers.size());

    std::mutex problem_mutex;
    std::function<void(const std::string&, bool)> problem = [&](const std::string& message, bool is_error) {
        std::lock_guard<std::mutex> lock(problem_mutex);
        on_problem(message, is_error);
    };

    // What the commits right after --since start from counts as seen: only changes are scanned.
    TreeWalker& first = *impl.walkers[0];
    std::unordered_set<uint32_t> boundary;
    for (uint32_t i : impl.order) {
        const Node& n = impl.nodes[i];
        for (uint32_t k = 0; k < n.parent_count; ++k) {
            uint32_t p = impl.parents[n.parent_begin + k];
            if (impl.nodes[p].hidden && impl.nodes[p].state == NodeState::loaded && boundary.insert(p).second) {
                impl.boundary_trees.push_back(impl.nodes[p].tree);
                first.walk_tree(impl.nodes[p].tree, 0, false, on_blob, wants_name, on_path, problem);
            }
        }
    }
    impl.visited.reserve(impl.order.size());
    for (uint32_t i : impl.order) impl.visited.push_back({impl.nodes[i].oid, impl.nodes[i].tree});
    std::vector<Node>().swap(impl.nodes);
    std::vector<uint32_t>().swap(impl.parents);
    std::vector<uint32_t>().swap(impl.order);
    auto walk_range = [&](unsigned k) {
        size_t begin = commits * k / count;
        size_t end = commits * (k + 1) / count;
        for (size_t position = begin; position < end; ++position) {
            impl.walkers[k]->walk_tree(impl.visited[position].tree, static_cast<uint32_t>(position), true,
                                       on_blob, wants_name, on_path, problem);
        }
    };
    std::vector<std::thread> threads;
    for (unsigned k = 1; k < count; ++k) threads.emplace_back(walk_range, k);
    walk_range(0);
    for (auto& t : threads) t.join();
    for (auto& walker : impl.walkers) walker->reader.reset();  // unmaps what the walk read
}

unsigned HistoryWalk::walker_count() const { return static_cast<unsigned>(m_impl->walkers.size()); }

bool HistoryWalk::seen_earlier(unsigned walker, const GitOid& blob) const {
    for (unsigned k = 0; k < walker && k < m_impl->walkers.size(); ++k) {
        if (m_impl->walkers[k]->seen.contains(blob.bytes.data())) return true;
    }
    return false;
}

bool HistoryWalk::path_seen_earlier(unsigned walker, const std::string& path) const {
    for (unsigned k = 0; k < walker && k < m_impl->walkers.size(); ++k) {
        if (m_impl->walkers[k]->paths_seen.count(path)) return true;
    }
    return false;
}

size_t HistoryWalk::commit_count() const { return m_impl->visited.size(); }

std::vector<GitOid> HistoryWalk::boundary_blobs(const std::string& path) const {
    std::vector<GitOid> out;
    for (const GitOid& oid : m_impl->boundary_trees) {
        git_oid id = to_git(oid);
        git_tree* tree = nullptr;
        if (git_tree_lookup(&tree, m_impl->repo, &id) != 0) continue;
        git_tree_entry* entry = nullptr;
        if (git_tree_entry_bypath(&entry, tree, path.c_str()) == 0) {
            if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB) out.push_back(to_oid(*git_tree_entry_id(entry)));
            git_tree_entry_free(entry);
        }
        git_tree_free(tree);
    }
    return out;
}

std::vector<std::pair<std::string, GitOid>> HistoryWalk::all_boundary_blobs() const {
    struct Collect {
        std::vector<std::pair<std::string, GitOid>> out;
        std::unordered_set<GitOid, OidHash> seen;
    } collect;
    auto visit = [](const char* root, const git_tree_entry* entry, void* payload) -> int {
        auto& c = *static_cast<Collect*>(payload);
        git_filemode_t mode = git_tree_entry_filemode(entry);
        if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) return 0;
        GitOid oid = to_oid(*git_tree_entry_id(entry));
        if (c.seen.insert(oid).second) c.out.emplace_back(std::string(root) + git_tree_entry_name(entry), oid);
        return 0;
    };
    for (const GitOid& oid : m_impl->boundary_trees) {
        git_oid id = to_git(oid);
        git_tree* tree = nullptr;
        if (git_tree_lookup(&tree, m_impl->repo, &id) != 0) continue;
        git_tree_walk(tree, GIT_TREEWALK_PRE, visit, &collect);
        git_tree_free(tree);
    }
    return std::move(collect.out);
}

GitOid HistoryWalk::commit_id(uint32_t commit) const { return m_impl->visited[commit].commit; }

CommitInfo HistoryWalk::describe(uint32_t commit) const {
    CommitInfo info;
    GitOid oid = commit_id(commit);
    info.id = oid.hex();
    git_oid id = to_git(oid);
    git_commit* c = nullptr;
    if (git_commit_lookup(&c, m_impl->repo, &id) != 0) return info;
    if (const git_signature* author = git_commit_author(c)) {
        info.author = std::string(author->name ? author->name : "") + " <" + (author->email ? author->email : "") + ">";
        info.date = format_git_time(author->when.time, author->when.offset);
    }
    git_commit_free(c);
    return info;
}

}  // namespace aaiscan
