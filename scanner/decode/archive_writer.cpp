// libarchive write side for `redact` (see archive_writer.h).
#include "decode/archive_writer.h"

#include <archive.h>
#include <archive_entry.h>

namespace aaiscan {
namespace {

la_ssize_t append_callback(struct archive*, void* client, const void* buffer, size_t length) {
    static_cast<std::string*>(client)->append(static_cast<const char*>(buffer), length);
    return static_cast<la_ssize_t>(length);
}

bool starts_with_bytes(std::string_view s, std::string_view magic) { return s.substr(0, magic.size()) == magic; }

}  // namespace

std::string_view to_string(ArchiveKind kind) {
    switch (kind) {
        case ArchiveKind::zip: return "zip";
        case ArchiveKind::tar: return "tar";
        case ArchiveKind::tar_gzip: return "tar.gz";
        case ArchiveKind::tar_bzip2: return "tar.bz2";
        case ArchiveKind::tar_xz: return "tar.xz";
        case ArchiveKind::tar_zstd: return "tar.zst";
        case ArchiveKind::gzip_file: return "gz";
        case ArchiveKind::bzip2_file: return "bz2";
        case ArchiveKind::xz_file: return "xz";
        case ArchiveKind::zstd_file: return "zst";
    }
    return "archive";
}

std::optional<ArchiveKind> compressed_file_kind(std::string_view head) {
    using namespace std::string_view_literals;
    if (starts_with_bytes(head, "\x1f\x8b"sv)) return ArchiveKind::gzip_file;
    if (starts_with_bytes(head, "BZh"sv)) return ArchiveKind::bzip2_file;
    if (starts_with_bytes(head, "\xfd" "7zXZ\x00"sv)) return ArchiveKind::xz_file;
    if (starts_with_bytes(head, "\x28\xb5\x2f\xfd"sv)) return ArchiveKind::zstd_file;
    return std::nullopt;
}

std::optional<ArchiveKind> archive_kind_of(std::string_view head, bool tar_format) {
    using namespace std::string_view_literals;
    if (starts_with_bytes(head, "PK\x03\x04"sv) || starts_with_bytes(head, "PK\x05\x06"sv)) return ArchiveKind::zip;
    // A compressed tar has the signature of the compressed file it is.
    std::optional<ArchiveKind> file = compressed_file_kind(head);
    bool compressed = file.has_value();
    ArchiveKind kind = ArchiveKind::tar;
    if (file == ArchiveKind::gzip_file) kind = ArchiveKind::tar_gzip;
    else if (file == ArchiveKind::bzip2_file) kind = ArchiveKind::tar_bzip2;
    else if (file == ArchiveKind::xz_file) kind = ArchiveKind::tar_xz;
    else if (file == ArchiveKind::zstd_file) kind = ArchiveKind::tar_zstd;
    bool ustar = head.size() >= 262 && head.substr(257, 5) == "ustar";
    if (!compressed && !ustar && !tar_format) return std::nullopt;
    if (compressed && !tar_format) return std::nullopt;
    return kind;
}

ArchiveWriter::ArchiveWriter() : m_archive(archive_write_new()) {}

ArchiveWriter::~ArchiveWriter() {
    if (m_archive) archive_write_free(m_archive);
}

bool ArchiveWriter::fail() {
    const char* message = m_archive ? archive_error_string(m_archive) : "out of memory";
    m_error = message ? message : "unknown libarchive error";
    return false;
}

namespace {

// The compression filter of `kind` (none for zip and plain tar).
int add_compression(::archive* a, ArchiveKind kind) {
    switch (kind) {
        case ArchiveKind::tar_gzip:
        case ArchiveKind::gzip_file: return archive_write_add_filter_gzip(a);
        case ArchiveKind::tar_bzip2:
        case ArchiveKind::bzip2_file: return archive_write_add_filter_bzip2(a);
        case ArchiveKind::tar_xz:
        case ArchiveKind::xz_file: return archive_write_add_filter_xz(a);
        case ArchiveKind::tar_zstd:
        case ArchiveKind::zstd_file: return archive_write_add_filter_zstd(a);
        case ArchiveKind::zip:
        case ArchiveKind::tar: break;
    }
    return ARCHIVE_OK;
}

bool is_single_file(ArchiveKind kind) {
    return kind == ArchiveKind::gzip_file || kind == ArchiveKind::bzip2_file || kind == ArchiveKind::xz_file ||
           kind == ArchiveKind::zstd_file;
}

}  // namespace

bool ArchiveWriter::open(ArchiveKind kind, std::string& out) {
    if (!m_archive) return fail();
    m_out = &out;
    int status = ARCHIVE_OK;
    if (kind == ArchiveKind::zip) {
        status = archive_write_set_format_zip(m_archive);
    } else if (is_single_file(kind)) {
        status = archive_write_set_format_raw(m_archive);
    } else {
        status = archive_write_set_format_pax_restricted(m_archive);
    }
    if (status == ARCHIVE_OK) status = add_compression(m_archive, kind);
    if (status != ARCHIVE_OK) return fail();
    // No padding of the last block beyond what the format needs: libarchive pads its output to
    // 10240-byte blocks by default, which leaves zero bytes after a zip's end record or a gzip
    // stream (strict readers refuse them; the raw writer's output is exactly the compressed stream).
    archive_write_set_bytes_in_last_block(m_archive, 1);
    if (archive_write_open(m_archive, m_out, nullptr, append_callback, nullptr) != ARCHIVE_OK) return fail();
    m_open = true;
    return true;
}

bool ArchiveWriter::add(const ArchiveMember& member, std::string_view data) {
    if (!m_open) return false;
    struct archive_entry* entry = archive_entry_new();
    if (!entry) return fail();
    archive_entry_set_pathname_utf8(entry, member.name.c_str());
    switch (member.type) {
        case MemberType::directory: archive_entry_set_filetype(entry, AE_IFDIR); break;
        case MemberType::symlink:
            archive_entry_set_filetype(entry, AE_IFLNK);
            archive_entry_set_symlink_utf8(entry, member.link_target.c_str());
            break;
        case MemberType::hardlink:
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_hardlink_utf8(entry, member.link_target.c_str());
            break;
        default: archive_entry_set_filetype(entry, AE_IFREG); break;
    }
    uint32_t fallback = member.type == MemberType::directory ? 0755 : 0644;
    archive_entry_set_perm(entry, member.mode != 0 ? member.mode : fallback);
    if (member.mtime != 0) archive_entry_set_mtime(entry, member.mtime, 0);
    bool has_data = member.type == MemberType::regular;
    archive_entry_set_size(entry, has_data ? static_cast<la_int64_t>(data.size()) : 0);
    int status = archive_write_header(m_archive, entry);
    archive_entry_free(entry);
    if (status < ARCHIVE_WARN) return fail();
    size_t written = 0;
    while (has_data && written < data.size()) {
        la_ssize_t n = archive_write_data(m_archive, data.data() + written, data.size() - written);
        if (n <= 0) return fail();
        written += static_cast<size_t>(n);
    }
    return true;
}

bool ArchiveWriter::close() {
    if (!m_open) return false;
    m_open = false;
    if (archive_write_close(m_archive) != ARCHIVE_OK) return fail();
    return true;
}

}  // namespace aaiscan
