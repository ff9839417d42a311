// Planning and building a forest of pack deltas (see git_delta_forest.h).
#include "source/git_delta_forest.h"

#include <algorithm>
#include <unordered_map>

#include "source/git_pack.h"

namespace aaiscan {
namespace {

constexpr uint32_t k_none = UINT32_MAX;
constexpr size_t k_max_depth = 10000;       // a chain this long is damage (git stops at 4,095)
constexpr size_t k_targets_per_task = 64;   // enough to amortise a task, small enough to share

struct Node {
    PackLocation where;
    PackEntryHeader header;
    uint32_t first_child = k_none;
    uint32_t next_sibling = k_none;
    uint32_t first_target = k_none;  // ids chained through DeltaForest::Impl::next_target
    bool has_base = false;
    bool failed = false;  // its header or its base cannot be read: nothing below it is built
};

}  // namespace

struct DeltaForest::Impl {
    std::vector<Node> nodes;
    std::vector<uint32_t> next_target;  // by target id: the next target of the same node
    std::vector<uint32_t> roots;        // in pack order
    std::vector<size_t> task_begin;     // index into roots where each task starts (+ the end)
    std::vector<uint32_t> unplanned;

    // Calls `visit(node)` for `root` and every node below it.
    template <typename Visit>
    void each_below(uint32_t root, Visit&& visit) const {
        std::vector<uint32_t> stack{root};
        while (!stack.empty()) {
            uint32_t n = stack.back();
            stack.pop_back();
            visit(n);
            for (uint32_t c = nodes[n].first_child; c != k_none; c = nodes[c].next_sibling) stack.push_back(c);
        }
    }

    template <typename Each>
    void each_target(uint32_t node, Each&& each) const {
        for (uint32_t id = nodes[node].first_target; id != k_none; id = next_target[id]) each(id);
    }

    void fail_below(uint32_t node, const OnFailed& on_failed) const {
        each_below(node, [&](uint32_t n) { each_target(n, on_failed); });
    }
};

DeltaForest::DeltaForest(const PackSet& packs, PackReader& reader, const std::vector<PackLocation>& targets)
    : m_impl(std::make_unique<Impl>()) {
    Impl& f = *m_impl;
    f.next_target.assign(targets.size(), k_none);
    std::unordered_map<uint64_t, uint32_t> by_position;
    by_position.reserve(targets.size() * 2);
    // The node of a pack position, and whether it was created now.
    auto node_at = [&](const PackLocation& where) -> std::pair<uint32_t, bool> {
        uint64_t key = (uint64_t(where.pack) << 48) | where.offset;
        auto [it, fresh] = by_position.try_emplace(key, static_cast<uint32_t>(f.nodes.size()));
        if (fresh) {
            f.nodes.emplace_back();
            f.nodes.back().where = where;
        }
        return {it->second, fresh};
    };
    for (uint32_t id = 0; id < targets.size(); ++id) {
        const PackLocation& where = targets[id];
        if (!where.found() || where.pack >= (1u << 16) || where.offset >= (uint64_t(1) << 48)) {
            f.unplanned.push_back(id);
            continue;
        }
        auto [node, fresh] = node_at(where);
        f.next_target[id] = f.nodes[node].first_target;
        f.nodes[node].first_target = id;
        // Down the chain until a base already planned or a whole object.
        for (size_t depth = 0; fresh; ++depth) {
            Node& n = f.nodes[node];
            if (!reader.read_header(n.where, n.header)) {
                n.failed = true;
                break;
            }
            if (n.header.type != PackEntryType::ofs_delta && n.header.type != PackEntryType::ref_delta) break;
            PackLocation base = n.header.type == PackEntryType::ofs_delta
                                    ? PackLocation{n.where.pack, n.header.base_offset}
                                    : packs.locate_in(n.where.pack, n.header.base_oid);
            if (!base.found() || depth >= k_max_depth) {
                n.failed = true;  // a thin pack's base is elsewhere; libgit2 finds it
                break;
            }
            auto [below, created] = node_at(base);
            Node& child = f.nodes[node];  // node_at may have moved the nodes
            child.has_base = true;
            child.next_sibling = f.nodes[below].first_child;
            f.nodes[below].first_child = node;
            node = below;
            fresh = created;
        }
    }
    // Roots: whole objects that were read. What hangs below none of them (below a failed node,
    // or in a cycle of ref deltas) is not built here.
    std::vector<bool> reached(f.nodes.size(), false);
    std::vector<size_t> targets_below;
    for (uint32_t n = 0; n < f.nodes.size(); ++n) {
        if (!f.nodes[n].has_base && !f.nodes[n].failed) f.roots.push_back(n);
    }
    std::sort(f.roots.begin(), f.roots.end(),
              [&](uint32_t a, uint32_t b) { return f.nodes[a].where < f.nodes[b].where; });
    size_t in_task = 0;
    for (size_t r = 0; r < f.roots.size(); ++r) {
        if (in_task == 0) f.task_begin.push_back(r);
        f.each_below(f.roots[r], [&](uint32_t n) {
            if (f.nodes[n].failed) return;  // counted as unplanned below
            reached[n] = true;
            f.each_target(n, [&](uint32_t) { ++in_task; });
        });
        if (in_task >= k_targets_per_task) in_task = 0;
    }
    f.task_begin.push_back(f.roots.size());
    for (uint32_t n = 0; n < f.nodes.size(); ++n) {
        if (!reached[n]) f.each_target(n, [&](uint32_t id) { f.unplanned.push_back(id); });
    }
    std::sort(f.unplanned.begin(), f.unplanned.end());
}

DeltaForest::~DeltaForest() = default;

const std::vector<uint32_t>& DeltaForest::unplanned() const { return m_impl->unplanned; }

size_t DeltaForest::task_count() const { return m_impl->task_begin.size() - 1; }

void DeltaForest::run(size_t task, PackReader& reader, uint64_t max_size, const OnObject& on_object,
                      const OnFailed& on_failed) const {
    const Impl& f = *m_impl;
    struct Level {
        uint32_t node;
        std::unique_ptr<char[]> data;
        uint64_t size;
        uint32_t next_child;
    };
    std::vector<Level> path;
    for (size_t r = f.task_begin[task]; r < f.task_begin[task + 1]; ++r) {
        uint32_t root = f.roots[r];
        const Node& whole = f.nodes[root];
        PackEntryType type = whole.header.type;
        std::unique_ptr<char[]> data;
        uint64_t size = 0;
        if (!reader.build(whole.where, whole.header, {}, max_size, data, size)) {
            f.fail_below(root, on_failed);
            continue;
        }
        f.each_target(root, [&](uint32_t id) { on_object(id, type, std::string_view(data.get(), size)); });
        path.clear();
        path.push_back({root, std::move(data), size, whole.first_child});
        while (!path.empty()) {
            Level& top = path.back();
            uint32_t child = top.next_child;
            if (child == k_none) {
                path.pop_back();
                continue;
            }
            const Node& node = f.nodes[child];
            top.next_child = node.next_sibling;
            std::unique_ptr<char[]> built;
            uint64_t target = 0;
            if (node.failed || !reader.build(node.where, node.header, std::string_view(top.data.get(), top.size),
                                             max_size, built, target)) {
                f.fail_below(child, on_failed);
                continue;
            }
            f.each_target(child, [&](uint32_t id) { on_object(id, type, std::string_view(built.get(), target)); });
            path.push_back({child, std::move(built), target, node.first_child});
        }
    }
}

}  // namespace aaiscan
