// Raw tree and commit parsing (see git_object_parse.h).
#include "source/git_object_parse.h"

#include <git2.h>

#include <cstring>

namespace aaiscan {
namespace {

bool parse_hex_oid(std::string_view text, GitOid& out) {
    git_oid id;
    if (text.size() != 40 || git_oid_fromstrn(&id, text.data(), 40) != 0) return false;
    std::memcpy(out.bytes.data(), id.id, 20);
    return true;
}

// Mode bits as libgit2 normalises them (git_tree_entry_filemode).
TreeEntryKind kind_of(uint32_t mode) {
    uint32_t type = mode & 0170000;
    if (type == 0040000) return TreeEntryKind::tree;
    if (mode & 0100) return TreeEntryKind::blob;  // any executable bit: an executable blob
    if (type == 0160000 || type == 0120000) return TreeEntryKind::other;
    return TreeEntryKind::blob;
}

}  // namespace

bool TreeEntryCursor::next(TreeEntry& entry) {
    if (m_malformed || m_pos >= m_bytes.size()) return false;
    uint32_t mode = 0;
    size_t pos = m_pos;
    size_t digits = 0;
    while (pos < m_bytes.size() && m_bytes[pos] != ' ') {
        char c = m_bytes[pos++];
        if (c < '0' || c > '7' || ++digits > 7) {
            m_malformed = true;
            return false;
        }
        mode = mode * 8 + static_cast<uint32_t>(c - '0');
    }
    if (digits == 0 || pos >= m_bytes.size()) {
        m_malformed = true;
        return false;
    }
    size_t name_begin = ++pos;
    const void* nul = std::memchr(m_bytes.data() + name_begin, '\0', m_bytes.size() - name_begin);
    if (!nul) {
        m_malformed = true;
        return false;
    }
    size_t name_end = static_cast<size_t>(static_cast<const char*>(nul) - m_bytes.data());
    if (name_end == name_begin || m_bytes.size() - name_end - 1 < 20) {
        m_malformed = true;
        return false;
    }
    entry.kind = kind_of(mode);
    entry.name = m_bytes.substr(name_begin, name_end - name_begin);
    entry.oid = reinterpret_cast<const unsigned char*>(m_bytes.data()) + name_end + 1;
    m_pos = name_end + 21;
    return true;
}

bool parse_commit_summary(std::string_view bytes, CommitSummary& out) {
    out = CommitSummary{};
    bool have_tree = false;
    bool have_time = false;
    size_t pos = 0;
    while (pos < bytes.size()) {
        size_t end = bytes.find('\n', pos);
        if (end == std::string_view::npos) end = bytes.size();
        std::string_view line = bytes.substr(pos, end - pos);
        pos = end + 1;
        if (line.empty()) break;  // the message follows
        if (line.substr(0, 5) == "tree ") {
            if (have_tree || !parse_hex_oid(line.substr(5), out.tree)) return false;
            have_tree = true;
        } else if (line.substr(0, 7) == "parent ") {
            GitOid parent;
            if (!have_tree || !parse_hex_oid(line.substr(7), parent)) return false;
            out.parents.push_back(parent);
        } else if (line.substr(0, 10) == "committer ") {
            // "committer Name <email> 1700000000 +0100": the time is the second last field.
            size_t close = line.rfind('>');
            if (close == std::string_view::npos) return false;
            size_t at = close + 1;
            while (at < line.size() && line[at] == ' ') ++at;
            int64_t value = 0;
            size_t digits = 0;
            while (at < line.size() && line[at] >= '0' && line[at] <= '9' && digits < 18) {
                value = value * 10 + (line[at++] - '0');
                ++digits;
            }
            if (digits == 0) return false;
            out.time = value;
            have_time = true;
        }
    }
    return have_tree && have_time;
}

}  // namespace aaiscan
