// Archive scanning (see archive_scan.h): walks the members of an archive with ArchiveReader,
// applies the member, total, ratio and depth limits, and hands each member back to ItemScanner.
#include "app/archive_scan.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <deque>
#include <limits>
#include <optional>
#include <string>

#include "app/item_scanner.h"
#include "decode/archive_reader.h"
#include "decode/archive_signature.h"

namespace aaiscan {
namespace {

constexpr size_t k_first_read = 64 << 10;  // first buffer size for a member of unknown size
constexpr size_t k_pull_block = 1 << 20;   // block handed to a nested archive read as a stream
constexpr int k_max_header_errors = 16;    // consecutive unreadable headers before giving up

// "4 GiB", "32 MiB", "49.9 MiB", "300 bytes".
std::string format_size(uint64_t bytes) {
    constexpr const char* k_units[] = {"GiB", "MiB", "KiB"};
    for (int i = 0; i < 3; ++i) {
        uint64_t unit = 1ull << (30 - 10 * i);
        if (bytes < unit) continue;
        if (bytes % unit == 0) return fmt::format("{} {}", bytes / unit, k_units[i]);
        return fmt::format("{:.1f} {}", static_cast<double>(bytes) / static_cast<double>(unit), k_units[i]);
    }
    return fmt::format("{} byte{}", bytes, bytes == 1 ? "" : "s");
}

// A configured limit: "4 GiB" when it is a round number, else exact ("10000 bytes").
std::string format_limit(uint64_t bytes) {
    for (uint64_t unit : {1ull << 30, 1ull << 20, 1ull << 10}) {
        if (bytes >= unit && bytes % unit == 0) return format_size(bytes);
    }
    return fmt::format("{} bytes", bytes);
}

uint64_t saturating_multiply(uint64_t a, uint64_t b) {
    if (a != 0 && b > std::numeric_limits<uint64_t>::max() / a) return std::numeric_limits<uint64_t>::max();
    return a * b;
}

// Why reading a member stopped before its end (none: still reading, end: read to its end).
enum class Stop { none, end, damaged, member_limit, total_limit, ratio_limit };

// State shared by an outermost archive and every archive nested in it (on this thread).
struct Session {
    Session(ItemScanner& scanner_, const ScanLimits& limits_, ScanOutput& out_, std::string_view root_path_,
            uint64_t root_size)
        : scanner(scanner_), limits(limits_), out(out_), root_path(root_path_),
          expand_budget(limits_.archive_max_ratio == 0
                            ? std::numeric_limits<uint64_t>::max()
                            : std::max(saturating_multiply(root_size, limits_.archive_max_ratio), k_archive_ratio_floor)) {}

    // The reusable member buffer of a nesting level.
    std::string& buffer(int depth) {
        size_t index = static_cast<size_t>(std::max(depth, 0));
        if (buffers.size() <= index) buffers.resize(index + 1);
        return buffers[index];
    }

    // Counts `bytes` more expanded (read or skipped) bytes against the total and ratio limits.
    // Returns how many fit; when not all did, sets `stop` to the limit hit and stops the scan.
    uint64_t charge(uint64_t bytes, Stop& stop) {
        uint64_t room_total = expanded >= limits.archive_max_total ? 0 : limits.archive_max_total - expanded;
        uint64_t room_ratio = expanded >= expand_budget ? 0 : expand_budget - expanded;
        uint64_t keep = std::min({bytes, room_total, room_ratio});
        if (keep < bytes) {
            stop = room_total <= room_ratio ? Stop::total_limit : Stop::ratio_limit;
            stopped = true;
        }
        expanded += keep;
        return keep;
    }

    ItemScanner& scanner;
    const ScanLimits& limits;
    ScanOutput& out;
    std::string root_path;
    uint64_t expand_budget;      // expanded bytes allowed by the ratio limit
    uint64_t expanded = 0;       // member bytes read or skipped so far, at every nesting level
    bool stopped = false;        // a total or ratio limit was hit: unwind everything
    bool limit_reported = false;  // ... and that was reported
    bool nested_opened = false;  // the last scan_bytes() call opened a nested archive
    std::deque<std::string> buffers;  // a deque: growing it keeps references to buffers valid
};

thread_local Session* t_session = nullptr;

// Makes `session` the one nested calls on this thread join, for its lifetime.
class SessionScope {
public:
    explicit SessionScope(Session& session) : m_previous(t_session) { t_session = &session; }
    ~SessionScope() { t_session = m_previous; }
    SessionScope(const SessionScope&) = delete;
    SessionScope& operator=(const SessionScope&) = delete;

private:
    Session* m_previous;
};

// Reports a stop other than `end` at `path` (a member): errors, the scan is incomplete.
void report_stop(Session& s, const std::string& path, Stop stop, uint64_t member_bytes, const ArchiveReader& reader) {
    const ScanLimits& limits = s.limits;
    if (stop == Stop::total_limit || stop == Stop::ratio_limit) {
        // Levels of nested archives read as streams all stop at once: report it where it was hit.
        if (s.limit_reported) return;
        s.limit_reported = true;
    }
    switch (stop) {
        case Stop::none:
        case Stop::end: return;
        case Stop::damaged:
            s.out.error(path, fmt::format("cannot read member {}({}){}",
                                          member_bytes ? "past its first " + format_size(member_bytes) + " " : "",
                                          reader.error(),
                                          reader.fatal() ? "; the archive is truncated or corrupt, nothing after "
                                                           "this point was scanned"
                                                         : ""));
            return;
        case Stop::member_limit:
            s.out.error(path, fmt::format("member larger than the per-member limit of {}; only its first {} were "
                                          "scanned",
                                          format_limit(limits.archive_max_member), format_size(member_bytes)));
            return;
        case Stop::total_limit:
            s.out.error(path, fmt::format("{} expands beyond the total limit of {} per archive; stopped at this "
                                          "member, the rest of the archive was not scanned",
                                          s.root_path, format_limit(limits.archive_max_total)));
            return;
        case Stop::ratio_limit:
            s.out.error(path, fmt::format("{} expands to more than {}, over {} times its size (a zip bomb?); "
                                          "stopped at this member, the rest of the archive was not scanned",
                                          s.root_path, format_size(s.expand_budget), limits.archive_max_ratio));
            return;
    }
}

// Reads the current member's data with the limits applied, remembering why it stopped.
class MemberStream {
public:
    MemberStream(Session& session, ArchiveReader& reader) : m_session(session), m_reader(reader) {}

    // Reads into dst until `size` bytes, the member's end or a limit; returns the bytes read.
    size_t fill(char* dst, size_t size) {
        size_t got = 0;
        while (got < size && m_stop == Stop::none) {
            int64_t n = m_reader.read(dst + got, size - got);
            if (n <= 0) {
                m_stop = n == 0 ? Stop::end : Stop::damaged;
                break;
            }
            uint64_t keep = static_cast<uint64_t>(n);
            uint64_t room = m_bytes >= m_session.limits.archive_max_member ? 0
                                                                            : m_session.limits.archive_max_member - m_bytes;
            if (keep > room) {
                keep = room;
                m_stop = Stop::member_limit;
            }
            keep = m_session.charge(keep, m_stop);
            m_bytes += keep;
            got += static_cast<size_t>(keep);
        }
        return got;
    }

    // Passes over the rest of a member that is not scanned (binary, too deep, trailing bytes of a
    // nested archive), still counting it against the total and ratio limits: by its declared size
    // when known (libarchive then skips it), else by reading it through `scratch`.
    void discard_rest(std::optional<uint64_t> declared, std::string& scratch) {
        if (ended() || m_session.stopped) return;  // a stop was reported where it happened
        if (declared) {
            uint64_t rest = *declared > m_bytes ? *declared - m_bytes : 0;
            m_bytes += m_session.charge(rest, m_stop);
            if (m_stop == Stop::none) m_stop = Stop::end;
            return;
        }
        if (scratch.empty()) scratch.resize(k_first_read);
        while (m_stop == Stop::none) {
            int64_t n = m_reader.read(scratch.data(), scratch.size());
            if (n <= 0) {
                m_stop = n == 0 ? Stop::end : Stop::damaged;
                break;
            }
            m_bytes += m_session.charge(static_cast<uint64_t>(n), m_stop);
        }
    }

    Stop stop() const { return m_stop; }
    bool ended() const { return m_stop != Stop::none; }

    // Reports why the member was not read to its end, if it was not (errors: scan incomplete).
    void report(const std::string& path);

private:
    Session& m_session;
    ArchiveReader& m_reader;
    Stop m_stop = Stop::none;
    uint64_t m_bytes = 0;  // bytes of this member read or skipped
};

void MemberStream::report(const std::string& path) { report_stop(m_session, path, m_stop, m_bytes, m_reader); }

// True when `bytes` (a whole input or just its start) opens as an archive or compressed file.
bool is_archive(std::string_view bytes) {
    ArchiveReader probe;
    ArchiveMember member;
    return probe.open_memory(bytes) && probe.next(member) != ArchiveStatus::not_archive;
}

// The member name to display: "./" prefixes dropped, the single file of a .gz named after it.
std::string display_name(const ArchiveReader& reader, const ArchiveMember& member, std::string_view archive_path) {
    if (reader.single_file()) return std::string(compressed_member_name(archive_path));
    std::string_view name = member.name;
    while (name.starts_with("./")) name.remove_prefix(2);
    return name.empty() ? std::string("(unnamed)") : std::string(name);
}

void report_too_deep(const ItemInfo& item, const ScanLimits& limits, ScanOutput& out) {
    out.error(std::string(item.path), fmt::format("archive nested more than {} levels deep; not scanned",
                                                  limits.archive_max_depth));
}

bool scan_members(Session& s, ArchiveReader& reader, const ItemInfo& archive, const MemberStream* source);

// A member larger than the chunk size whose first `filled` bytes are in `buffer`: a nested archive
// is read as a stream from this one, anything else is scanned in chunks.
void scan_large_member(Session& s, MemberStream& stream, std::string& buffer, size_t filled, const ItemInfo& item) {
    std::string_view head(buffer.data(), filled);
    if (has_archive_signature(head.substr(0, 512)) && is_archive(head)) {
        if (item.archive_depth >= s.limits.archive_max_depth) {
            report_too_deep(item, s.limits, s.out);
            return;
        }
        bool head_given = false;
        ArchiveReader nested;
        bool opened = nested.open_pull([&](std::string_view& block) {
            if (!head_given) {
                head_given = true;
                block = head;
            } else {  // libarchive is done with the previous block: the buffer can be refilled
                block = std::string_view(buffer.data(), stream.fill(buffer.data(), std::min(k_pull_block, buffer.size())));
            }
            return true;
        });
        if (!opened) {
            s.out.error(std::string(item.path), "cannot read nested archive (" + nested.error() + ")");
            return;
        }
        if (scan_members(s, nested, item, &stream)) ++s.out.stats.blobs_scanned;
        return;
    }
    auto read = [&](char* dst, size_t size) { return static_cast<ssize_t>(stream.fill(dst, size)); };
    if (s.scanner.scan_stream(item, buffer, filled, read, std::numeric_limits<uint64_t>::max(), s.out)) {
        ++s.out.stats.blobs_scanned;
    }
}

// Reads the current (regular, unencrypted) member and routes it like a file.
void scan_member(Session& s, ArchiveReader& reader, const ArchiveMember& member, const ItemInfo& item) {
    MemberStream stream(s, reader);
    std::string& buffer = s.buffer(item.archive_depth);
    const size_t whole_limit = s.limits.chunk_size + 1;  // reading this much means "large member"
    size_t capacity = member.size ? static_cast<size_t>(std::min<uint64_t>(*member.size + 1, whole_limit))
                                  : std::min(k_first_read, whole_limit);
    size_t filled = 0;
    while (true) {
        if (buffer.size() < capacity) buffer.resize(capacity);
        filled += stream.fill(buffer.data() + filled, capacity - filled);
        if (stream.ended() || capacity == whole_limit) break;
        capacity = std::min(capacity * 2, whole_limit);  // the declared size was wrong or unknown
    }
    if (!stream.ended()) {
        scan_large_member(s, stream, buffer, filled, item);
        stream.discard_rest(member.size, buffer);  // what a binary or nested member left unread
    } else {
        std::string_view bytes(buffer.data(), filled);
        s.nested_opened = false;
        bool nothing_read = filled == 0 && stream.stop() != Stop::end;  // damaged from its first byte
        if (!nothing_read && s.scanner.scan_bytes(bytes, item, s.out)) {
            ++s.out.stats.blobs_scanned;
            if (!s.nested_opened) s.out.stats.bytes_scanned += bytes.size();
        }
    }
    stream.report(std::string(item.path));
}

// Scans every member of an opened archive. Returns false (having reported nothing) when the input
// is not an archive. `source` is the enclosing member when the archive is read as a stream.
bool scan_members(Session& s, ArchiveReader& reader, const ItemInfo& archive, const MemberStream* source) {
    const int depth = archive.archive_depth + 1;
    uint64_t members = 0;
    int header_errors = 0;
    while (!s.stopped) {
        ArchiveMember member;
        ArchiveStatus status = reader.next(member);
        if (status == ArchiveStatus::not_archive) return false;
        if (status == ArchiveStatus::end) break;
        if (status == ArchiveStatus::fatal) {
            // A source cut short by a limit or damage was reported as such already.
            bool source_cut = source && source->stop() != Stop::end && source->stop() != Stop::none;
            if (!s.stopped && !source_cut) {
                s.out.error(std::string(archive.path),
                            fmt::format("truncated or corrupt archive ({}); {} member{} before this point scanned, "
                                        "the rest could not be read",
                                        reader.error(), members, members == 1 ? " was" : "s were"));
            }
            break;
        }
        if (status == ArchiveStatus::member_error) {
            s.out.error(std::string(archive.path), "unreadable member header (" + reader.error() + ")");
            if (++header_errors >= k_max_header_errors) break;
            continue;
        }
        header_errors = 0;
        ++members;
        std::string name = display_name(reader, member, archive.path);
        std::string path = std::string(archive.path) + "!" + name;
        std::string project_path = std::string(archive.project_path) + "!" + name;
        switch (member.type) {
            case MemberType::directory: continue;
            case MemberType::symlink:
            case MemberType::hardlink: ++s.out.stats.skipped_symlinks; continue;
            case MemberType::special: ++s.out.stats.skipped_special; continue;
            case MemberType::regular: break;
        }
        if (member.encrypted) {
            s.out.error(path, "encrypted member, not scanned");
            continue;
        }
        if (member.size && *member.size > s.limits.archive_max_member) {
            s.out.error(path, fmt::format("member is {} uncompressed, above the per-member limit of {}; not scanned",
                                          format_size(*member.size), format_limit(s.limits.archive_max_member)));
            Stop stop = Stop::none;  // skipping it may cost decompression: it counts as expanded
            s.charge(*member.size, stop);
            report_stop(s, path, stop, 0, reader);
            continue;
        }
        ItemInfo item{path, project_path, archive.commit, false, depth};
        scan_member(s, reader, member, item);
        if (reader.fatal()) break;  // reported with the member
    }
    return true;
}

}  // namespace

bool has_archive_name(std::string_view path) { return is_archive_file_name(path); }

bool has_archive_magic(std::string_view head) { return has_archive_signature(head); }

bool scan_archive_file(int fd, const WalkEntry& entry, ItemScanner& scanner, const ScanLimits& limits, ScanOutput& out) {
    struct stat st {};
    if (fstat(fd, &st) != 0 || st.st_size == 0) return false;  // the caller reports or scans it
    Session session(scanner, limits, out, entry.display_path, static_cast<uint64_t>(st.st_size));
    SessionScope scope(session);
    ItemInfo item{entry.display_path, entry.project_path, nullptr, entry.explicit_path, 0};
    ArchiveReader reader;
    if (!reader.open_fd(fd)) {
        out.error(entry.display_path, "cannot read archive (" + reader.error() + ")");
        return true;
    }
    if (!scan_members(session, reader, item, nullptr)) {
        if (lseek(fd, 0, SEEK_SET) != 0) {
            out.error(entry.display_path, "cannot rewind after reading it as an archive");
            return true;
        }
        out.warning(entry.display_path, "named like an archive but is not one; scanned as a plain file");
        return false;
    }
    ++out.stats.files_scanned;
    return true;
}

bool scan_archive_bytes(std::string_view bytes, const ItemInfo& item, ItemScanner& scanner, const ScanLimits& limits,
                        ScanOutput& out) {
    Session* session = t_session;
    if (item.archive_depth >= limits.archive_max_depth) {
        if (!is_archive(bytes)) return false;
        report_too_deep(item, limits, out);
        if (session) session->nested_opened = true;
        return true;
    }
    ArchiveReader reader;
    if (!reader.open_memory(bytes)) {  // a compressed stream broken within its first block
        out.error(std::string(item.path), "cannot read archive (" + reader.error() + ")");
        if (session) session->nested_opened = true;
        return true;
    }
    if (session) {
        if (!scan_members(*session, reader, item, nullptr)) return false;
        session->nested_opened = true;
        return true;
    }
    Session root(scanner, limits, out, item.path, bytes.size());
    SessionScope scope(root);
    return scan_members(root, reader, item, nullptr);
}

}  // namespace aaiscan
