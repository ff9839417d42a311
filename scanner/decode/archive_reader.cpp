// libarchive wrapper (see archive_reader.h). Only formats and filters built into libarchive are
// enabled: no external decompression programs, and none of the formats (mtree ...) that could
// make libarchive open other files.
#include "decode/archive_reader.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cerrno>

namespace aaiscan {
namespace {

constexpr size_t k_fd_block = 64 << 10;
// archive_read_data() drops what it copied in a call that ends in an error: small calls keep the
// readable start of a damaged member.
constexpr size_t k_max_read = 64 << 10;

using FilterSupport = int (*)(struct archive*);

// Which compression filters libarchive implements in-process (ARCHIVE_OK, not ARCHIVE_WARN,
// which means "through an external program"). Probed once.
struct BuiltinFilters {
    bool gzip = false, bzip2 = false, xz = false, zstd = false;
    BuiltinFilters() {
        auto probe = [](FilterSupport support) {
            struct archive* a = archive_read_new();
            bool ok = a && support(a) == ARCHIVE_OK;
            archive_read_free(a);
            return ok;
        };
        gzip = probe(archive_read_support_filter_gzip);
        bzip2 = probe(archive_read_support_filter_bzip2);
        xz = probe(archive_read_support_filter_xz);
        zstd = probe(archive_read_support_filter_zstd);
    }
};

const BuiltinFilters& builtin_filters() {
    static const BuiltinFilters filters;
    return filters;
}

la_ssize_t pull_callback(struct archive* a, void* client, const void** buffer) {
    auto* pull = static_cast<ArchiveReader::Pull*>(client);
    std::string_view block;
    if (!(*pull)(block)) {
        archive_set_error(a, EIO, "the enclosing stream could not be read");
        return -1;
    }
    *buffer = block.data();
    return static_cast<la_ssize_t>(block.size());
}

MemberType member_type(struct archive_entry* entry) {
    if (archive_entry_hardlink(entry) != nullptr) return MemberType::hardlink;
    switch (archive_entry_filetype(entry)) {
        case AE_IFREG: return MemberType::regular;
        case AE_IFDIR: return MemberType::directory;
        case AE_IFLNK: return MemberType::symlink;
        case 0: return MemberType::regular;  // formats without a type (raw) hold plain data
        default: return MemberType::special;
    }
}

std::string member_name(struct archive_entry* entry) {
    // UTF-8 when libarchive can convert the stored name, else the stored bytes as they are.
    if (const char* utf8 = archive_entry_pathname_utf8(entry)) return utf8;
    if (const char* raw = archive_entry_pathname(entry)) return raw;
    return {};
}

}  // namespace

ArchiveReader::ArchiveReader() : m_archive(archive_read_new()) {
    if (!m_archive) return;
    const BuiltinFilters& filters = builtin_filters();
    if (filters.gzip) archive_read_support_filter_gzip(m_archive);
    if (filters.bzip2) archive_read_support_filter_bzip2(m_archive);
    if (filters.xz) archive_read_support_filter_xz(m_archive);
    if (filters.zstd) archive_read_support_filter_zstd(m_archive);
    archive_read_support_format_zip(m_archive);
    archive_read_support_format_tar(m_archive);
    archive_read_support_format_raw(m_archive);  // lowest bid: a lone compressed file
}

ArchiveReader::~ArchiveReader() {
    if (m_archive) archive_read_free(m_archive);
}

bool ArchiveReader::finish_open(int status) {
    if (status == ARCHIVE_OK || status == ARCHIVE_WARN) return true;
    record_error(ARCHIVE_FATAL);
    if (archive_filter_count(m_archive) >= 2 && archive_format(m_archive) == 0 &&
        m_error == "Unrecognized archive format") {
        // The compression decoded but no format bid, not even raw (which takes any byte): an
        // empty compressed file ("gzip < /dev/null"), as Debian ships some man pages. It holds nothing.
        m_error.clear();
        m_fatal = false;
        m_empty = true;
        return true;
    }
    return false;
}

void ArchiveReader::record_error(int status) {
    const char* message = m_archive ? archive_error_string(m_archive) : "out of memory";
    m_error = message ? message : "unknown libarchive error";
    if (status <= ARCHIVE_FATAL) m_fatal = true;
}

bool ArchiveReader::open_fd(int fd) {
    if (!m_archive) return finish_open(ARCHIVE_FATAL);
    return finish_open(archive_read_open_fd(m_archive, fd, k_fd_block));
}

bool ArchiveReader::open_memory(std::string_view bytes) {
    if (!m_archive) return finish_open(ARCHIVE_FATAL);
    return finish_open(archive_read_open_memory(m_archive, bytes.data(), bytes.size()));
}

bool ArchiveReader::open_pull(Pull pull) {
    if (!m_archive) return finish_open(ARCHIVE_FATAL);
    m_pull = std::move(pull);
    return finish_open(archive_read_open(m_archive, &m_pull, nullptr, pull_callback, nullptr));
}

ArchiveStatus ArchiveReader::next(ArchiveMember& member) {
    if (m_fatal || !m_archive) return ArchiveStatus::fatal;
    if (m_empty) return ArchiveStatus::end;
    bool first = m_first;
    m_first = false;
    struct archive_entry* entry = nullptr;
    int status = archive_read_next_header(m_archive, &entry);
    if (status == ARCHIVE_EOF) return ArchiveStatus::end;
    if (first && (archive_format(m_archive) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_RAW &&
        archive_filter_count(m_archive) <= 1) {
        return ArchiveStatus::not_archive;  // raw data with no compression: not ours to unpack
    }
    if (status < ARCHIVE_WARN) {
        record_error(status);
        if (first && archive_format(m_archive) == 0 && archive_filter_count(m_archive) <= 1) {
            return ArchiveStatus::not_archive;  // no format and no compression recognised at all
        }

        return status <= ARCHIVE_FATAL ? ArchiveStatus::fatal : ArchiveStatus::member_error;
    }
    // ARCHIVE_WARN here is usually a name that does not convert to the locale's charset: usable.
    member.name = member_name(entry);
    member.type = member_type(entry);
    member.size.reset();
    if (archive_entry_size_is_set(entry) && archive_entry_size(entry) >= 0) {
        member.size = static_cast<uint64_t>(archive_entry_size(entry));
    }
    member.encrypted = archive_entry_is_data_encrypted(entry) > 0;
    member.mode = static_cast<uint32_t>(archive_entry_perm(entry));
    member.mtime = archive_entry_mtime_is_set(entry) ? static_cast<int64_t>(archive_entry_mtime(entry)) : 0;
    const char* target = archive_entry_hardlink(entry);
    if (target == nullptr) target = archive_entry_symlink(entry);
    member.link_target = target ? target : "";
    return ArchiveStatus::ok;
}

int64_t ArchiveReader::read(char* buffer, size_t size) {
    if (m_fatal || !m_archive) return -1;
    if (size == 0) return 0;
    la_ssize_t n = archive_read_data(m_archive, buffer, std::min(size, k_max_read));
    if (n >= 0) return n;
    record_error(static_cast<int>(n));
    return -1;
}

bool ArchiveReader::single_file() const {
    if (m_empty) return true;
    return m_archive && (archive_format(m_archive) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_RAW;
}

std::string ArchiveReader::format_name() const {
    if (!m_archive) return {};
    std::string name;
    if (const char* f = archive_format_name(m_archive)) name = f;
    for (int i = 0; i < archive_filter_count(m_archive); ++i) {
        const char* filter = archive_filter_name(m_archive, i);
        if (filter && std::string_view(filter) != "none") name += std::string(name.empty() ? "" : " + ") + filter;
    }
    return name;
}

}  // namespace aaiscan
