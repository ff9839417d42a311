// A streaming reader of zip and tar archives (plain, gzip, bzip2, xz, zstd) and of single
// compressed files, wrapping libarchive: one member at a time, data pulled in caller-sized
// pieces, never written to disk. libarchive types stay inside archive_reader.cpp.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct archive;  // libarchive's handle

namespace aaiscan {

enum class MemberType : uint8_t { regular, directory, symlink, hardlink, special };

// One archive entry's header. `name` is attacker-controlled (may hold "..", a leading "/",
// newlines, escape sequences, invalid UTF-8): use it for display only.
struct ArchiveMember {
    std::string name;
    MemberType type = MemberType::regular;
    std::optional<uint64_t> size;  // declared uncompressed size, when the format records it
    bool encrypted = false;
    uint32_t mode = 0;        // permission bits, as recorded (for writing the archive back)
    int64_t mtime = 0;        // modification time, seconds since the epoch (0 when not recorded)
    std::string link_target;  // symlink or hard-link target (attacker-controlled, like `name`)
};

enum class ArchiveStatus : uint8_t {
    ok,            // a member header was read
    end,           // no more members
    not_archive,   // (first call only) the input is neither an archive nor a compressed file
    member_error,  // this header is unusable; the next call may still succeed
    fatal,         // the archive cannot be read further (truncated, corrupt, source failed)
};

class ArchiveReader {
public:
    // Hands libarchive the next block of the input: sets `block` (empty at the end) and returns
    // true, or returns false when the source failed. The block must stay valid until the next call.
    using Pull = std::function<bool(std::string_view& block)>;

    ArchiveReader();
    ~ArchiveReader();
    ArchiveReader(const ArchiveReader&) = delete;  // owns a libarchive handle
    ArchiveReader& operator=(const ArchiveReader&) = delete;

    // Exactly one open_* per reader. Each returns false (with error()) when the input cannot even
    // be started (for example a compression stream that is corrupt from its first byte).
    // Streams from a file descriptor it does not own; seeks when the fd allows it (zip directories).
    bool open_fd(int fd);
    // Reads from memory that must outlive the reader; seekable.
    bool open_memory(std::string_view bytes);
    // Reads from a stream (for example a member of an enclosing archive); not seekable.
    bool open_pull(Pull pull);

    // Advances to the next member header (skipping unread data of the current one).
    ArchiveStatus next(ArchiveMember& member);
    // Reads up to `size` bytes (at most 64 KiB per call) of the current member's data into
    // `buffer`: the byte count, 0 at the member's end, or -1 when its data is unreadable (damaged,
    // unsupported, encrypted; error() says why; fatal() tells whether later members are lost too).
    int64_t read(char* buffer, size_t size);

    // True once the archive cannot be read any further.
    bool fatal() const { return m_fatal; }
    // libarchive's description of the last problem (untrusted text: may quote member names).
    const std::string& error() const { return m_error; }
    // True when the input is a single compressed file (gzip ...) rather than an archive: it then
    // has one member whose name the format does not record (none when its content is empty).
    bool single_file() const;
    // libarchive's name of the format and compression ("ZIP 2.0 (deflation)", "GNU tar format").
    std::string format_name() const;

private:
    bool finish_open(int status);
    void record_error(int status);

    ::archive* m_archive;
    Pull m_pull;
    std::string m_error;
    bool m_first = true;
    bool m_fatal = false;
    bool m_empty = false;  // a compressed file whose content is empty: no members, no error
};

}  // namespace aaiscan
