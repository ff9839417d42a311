// While a scope runs, asks jemalloc (when the binary is linked with it) to return freed pages to
// the system after `ms` milliseconds instead of its default 10 s: a history scan frees tens of MB
// of short-lived libgit2 objects a second, which jemalloc would otherwise keep resident.
#pragma once

#include <cstddef>
#include <sys/types.h>
#include <vector>

namespace aaiscan {

// jemalloc's mallctl(name, oldp, oldlenp, newp, newlen).
using MallctlFunction = int (*)(const char*, void*, size_t*, void*, size_t);

// The process's mallctl, or nullptr when the allocator is not jemalloc (tests, sanitizer builds).
MallctlFunction find_mallctl();

class AllocatorDecayScope {
public:
    // Sets the dirty-page decay of arenas created from now on and of every existing arena; a
    // no-op without `mallctl`. The previous values come back when the scope ends.
    explicit AllocatorDecayScope(ssize_t decay_ms, MallctlFunction mallctl = find_mallctl());
    ~AllocatorDecayScope();
    AllocatorDecayScope(const AllocatorDecayScope&) = delete;
    AllocatorDecayScope& operator=(const AllocatorDecayScope&) = delete;

    bool active() const { return m_have_default; }

private:
    MallctlFunction m_mallctl;
    bool m_have_default = false;
    ssize_t m_old_default = 0;
    std::vector<std::pair<unsigned, ssize_t>> m_old_arenas;  // arena index -> its old decay
};

}  // namespace aaiscan
