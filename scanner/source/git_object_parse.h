// Parsers for the raw bytes of git tree and commit objects (as a pack or libgit2's object
// database gives them), for the history walk: a tree's entries in stored order, and the tree,
// parents and committer time of a commit. Untrusted input: malformed bytes give false.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "source/git_objects.h"

namespace aaiscan {

enum class TreeEntryKind : uint8_t { tree, blob, other };  // other: symlink, submodule

struct TreeEntry {
    TreeEntryKind kind = TreeEntryKind::other;
    std::string_view name;
    const unsigned char* oid = nullptr;  // 20 bytes inside the tree's bytes
};

// Steps through a tree's entries ("<octal mode> <name>\0<20-byte id>" each).
class TreeEntryCursor {
public:
    explicit TreeEntryCursor(std::string_view bytes) : m_bytes(bytes) {}
    // The next entry; false at the end or at a malformed entry (malformed() then says so).
    bool next(TreeEntry& entry);
    bool malformed() const { return m_malformed; }

private:
    std::string_view m_bytes;
    size_t m_pos = 0;
    bool m_malformed = false;
};

struct CommitSummary {
    GitOid tree;
    std::vector<GitOid> parents;
    int64_t time = 0;  // committer time, seconds since the epoch
};

// Reads the header of a raw commit; false when it is malformed.
bool parse_commit_summary(std::string_view bytes, CommitSummary& out);

}  // namespace aaiscan
