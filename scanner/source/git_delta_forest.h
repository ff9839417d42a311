// Builds many packed objects in the order their deltas need them. Every delta in a pack names
// its base; the entries a scan wants and the bases below them form a forest whose roots are whole
// objects. Walking each tree depth first builds every entry exactly once, from its base still in
// memory, holding only the chain being walked (no cache to size, none to thrash). This is how
// `git index-pack` resolves a pack; a history scan reads its blobs this way.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "source/git_objects.h"
#include "source/git_pack_format.h"

namespace aaiscan {

class PackSet;
class PackReader;

class DeltaForest {
public:
    // Plans the building of `targets` (pack locations; a target's index in the vector is its id):
    // reads the entry headers of the targets and of every base they need, with `reader`. Targets
    // that cannot be planned (an unreadable header, a base outside its pack, a cycle) are left to
    // the caller: unplanned().
    DeltaForest(const PackSet& packs, PackReader& reader, const std::vector<PackLocation>& targets);
    ~DeltaForest();
    DeltaForest(const DeltaForest&) = delete;
    DeltaForest& operator=(const DeltaForest&) = delete;

    // Ids of the targets this forest will not build.
    const std::vector<uint32_t>& unplanned() const;
    // The trees, in pack order, grouped into tasks of about `targets_per_task` targets.
    size_t task_count() const;

    using OnObject = std::function<void(uint32_t id, PackEntryType type, std::string_view bytes)>;
    using OnFailed = std::function<void(uint32_t id)>;
    // Builds the trees of task `task` with `reader` (each thread its own): `on_object` for every
    // target built (its bytes valid during the call), `on_failed` for every target that could not
    // be (damage, an object above `max_size` on its chain): the caller reads those another way.
    void run(size_t task, PackReader& reader, uint64_t max_size, const OnObject& on_object,
             const OnFailed& on_failed) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace aaiscan
