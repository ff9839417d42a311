// jemalloc dirty-page decay for a scope (see allocator_decay.h).
#include "util/allocator_decay.h"

#include <dlfcn.h>

#include <string>

namespace aaiscan {

MallctlFunction find_mallctl() { return reinterpret_cast<MallctlFunction>(dlsym(RTLD_DEFAULT, "mallctl")); }

namespace {

std::string arena_key(unsigned arena) { return "arena." + std::to_string(arena) + ".dirty_decay_ms"; }

}  // namespace

AllocatorDecayScope::AllocatorDecayScope(ssize_t decay_ms, MallctlFunction mallctl) : m_mallctl(mallctl) {
    if (m_mallctl == nullptr) return;
    size_t size = sizeof m_old_default;
    // Arenas are created lazily, one per new thread up to a limit: the default covers the workers.
    if (m_mallctl("arenas.dirty_decay_ms", &m_old_default, &size, &decay_ms, sizeof decay_ms) != 0) return;
    m_have_default = true;
    unsigned arenas = 0;
    size = sizeof arenas;
    if (m_mallctl("arenas.narenas", &arenas, &size, nullptr, 0) != 0) return;
    for (unsigned i = 0; i < arenas; ++i) {
        ssize_t old = 0;
        size = sizeof old;
        // Fails for arenas not created yet: they will take the new default.
        if (m_mallctl(arena_key(i).c_str(), &old, &size, &decay_ms, sizeof decay_ms) == 0) {
            m_old_arenas.emplace_back(i, old);
        }
    }
}

AllocatorDecayScope::~AllocatorDecayScope() {
    if (!m_have_default) return;
    m_mallctl("arenas.dirty_decay_ms", nullptr, nullptr, &m_old_default, sizeof m_old_default);
    unsigned arenas = 0;
    size_t size = sizeof arenas;
    if (m_mallctl("arenas.narenas", &arenas, &size, nullptr, 0) != 0) return;
    for (unsigned i = 0; i < arenas; ++i) {
        ssize_t old = m_old_default;  // arenas created within the scope get the old default
        for (const auto& [arena, value] : m_old_arenas) {
            if (arena == i) old = value;
        }
        m_mallctl(arena_key(i).c_str(), nullptr, nullptr, &old, sizeof old);
    }
}

}  // namespace aaiscan
