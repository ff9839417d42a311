// Unit tests for AllocatorDecayScope against a fake mallctl: what it sets while the scope runs and
// what it restores afterwards, and that it does nothing without jemalloc.
#include <catch2/catch.hpp>

#include <cerrno>
#include <cstring>
#include <map>
#include <string>

#include "util/allocator_decay.h"

namespace {

// The fake allocator: 3 arena slots of which `g_decay` holds the created ones.
std::map<std::string, ssize_t> g_decay;

int fake_mallctl(const char* name, void* oldp, size_t* oldlenp, void* newp, size_t newlen) {
    std::string key = name;
    if (key == "arenas.narenas") {
        unsigned three = 3;
        if (oldp == nullptr || *oldlenp != sizeof three || newp != nullptr) return EINVAL;
        std::memcpy(oldp, &three, sizeof three);
        return 0;
    }
    auto it = g_decay.find(key);
    if (it == g_decay.end()) return EFAULT;  // an arena not created yet
    if (oldp != nullptr) {
        if (*oldlenp != sizeof(ssize_t)) return EINVAL;
        std::memcpy(oldp, &it->second, sizeof(ssize_t));
    }
    if (newp != nullptr) {
        if (newlen != sizeof(ssize_t)) return EINVAL;
        std::memcpy(&it->second, newp, sizeof(ssize_t));
    }
    return 0;
}

}  // namespace

TEST_CASE("allocator decay: set on the default and the existing arenas, restored at the end") {
    g_decay = {{"arenas.dirty_decay_ms", 10000}, {"arena.0.dirty_decay_ms", 10000}, {"arena.1.dirty_decay_ms", 5000}};
    {
        aaiscan::AllocatorDecayScope scope(250, fake_mallctl);
        CHECK(scope.active());
        CHECK(g_decay["arenas.dirty_decay_ms"] == 250);
        CHECK(g_decay["arena.0.dirty_decay_ms"] == 250);
        CHECK(g_decay["arena.1.dirty_decay_ms"] == 250);
        g_decay["arena.2.dirty_decay_ms"] = 250;  // a worker thread's new arena takes the default
    }
    CHECK(g_decay["arenas.dirty_decay_ms"] == 10000);
    CHECK(g_decay["arena.0.dirty_decay_ms"] == 10000);
    CHECK(g_decay["arena.1.dirty_decay_ms"] == 5000);
    CHECK(g_decay["arena.2.dirty_decay_ms"] == 10000);
}

TEST_CASE("allocator decay: without jemalloc the scope does nothing") {
    aaiscan::AllocatorDecayScope scope(250, nullptr);
    CHECK_FALSE(scope.active());
}
