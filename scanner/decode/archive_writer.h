// Writes zip and tar archives (plain, gzip, bzip2, xz, zstd), and single compressed files, into memory with libarchive's write
// API, so `redact` can write an archive back as the same type with the same members in the same
// order. libarchive types stay inside archive_writer.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "decode/archive_reader.h"

struct archive;  // libarchive's handle

namespace aaiscan {

// The *_file kinds are one compressed file ("t.json.gz"), written with libarchive's raw format.
enum class ArchiveKind : uint8_t { zip, tar, tar_gzip, tar_bzip2, tar_xz, tar_zstd, gzip_file, bzip2_file, xz_file, zstd_file };
std::string_view to_string(ArchiveKind kind);

// The single-file kind of compressed bytes starting with `head`, by the compression signature.
std::optional<ArchiveKind> compressed_file_kind(std::string_view head);

// The kind of archive whose first bytes are `head` (zip by signature; tar by the ustar magic or
// `tar_format` when a reader recognised one; compressed tars by the compression signature).
// nullopt when it is none of them (for example a lone compressed file).
std::optional<ArchiveKind> archive_kind_of(std::string_view head, bool tar_format);

class ArchiveWriter {
public:
    ArchiveWriter();
    ~ArchiveWriter();
    ArchiveWriter(const ArchiveWriter&) = delete;  // owns a libarchive handle
    ArchiveWriter& operator=(const ArchiveWriter&) = delete;

    // Starts an archive of `kind` whose bytes are appended to `out` (which must outlive the
    // writer until close()). False (with error()) when libarchive cannot start it.
    bool open(ArchiveKind kind, std::string& out);
    // Adds a member: `member`'s name, type, mode, mtime and link target, and `data` for a regular
    // file. False (with error()) on failure.
    bool add(const ArchiveMember& member, std::string_view data);
    // Finishes the archive (central directory, compression trailer).
    bool close();
    const std::string& error() const { return m_error; }

private:
    bool fail();

    ::archive* m_archive = nullptr;
    std::string* m_out = nullptr;
    std::string m_error;
    bool m_open = false;
};

}  // namespace aaiscan
