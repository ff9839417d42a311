// Test helper: builds zip/tar/raw archives in memory with libarchive's writer (any filter, zip
// encryption with a passphrase, members of unknown size), for the archive reader and scan tests.
#pragma once

#include <archive.h>
#include <archive_entry.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace aaiscan::testing {

struct TestMember {
    TestMember(std::string name_, std::string data_, unsigned type_ = AE_IFREG, std::string link_ = {},
               bool hardlink_ = false, bool unknown_size_ = false)
        : name(std::move(name_)), data(std::move(data_)), type(type_), link(std::move(link_)), hardlink(hardlink_),
          unknown_size(unknown_size_) {}

    std::string name;
    std::string data;
    unsigned type = AE_IFREG;  // AE_IFDIR, AE_IFLNK, AE_IFIFO ...
    std::string link;          // symlink target (AE_IFLNK) or hardlink target (with hardlink = true)
    bool hardlink = false;
    bool unknown_size = false;  // zip: streamed with a data descriptor, size not in the local header
};

struct ArchiveSpec {
    ArchiveSpec(std::string format_ = "zip", std::string filter_ = {}, std::string options_ = {},
                std::string passphrase_ = {})
        : format(std::move(format_)), filter(std::move(filter_)), options(std::move(options_)),
          passphrase(std::move(passphrase_)) {}

    std::string format;      // libarchive writer names: zip, pax, ustar, gnutar, raw
    std::string filter;      // "", gzip, bzip2, xz, zstd
    std::string options;     // e.g. "zip:encryption=zipcrypt", "zip:compression=store"
    std::string passphrase;
};

namespace detail {
inline la_ssize_t append_callback(struct archive*, void* client, const void* buffer, size_t length) {
    static_cast<std::string*>(client)->append(static_cast<const char*>(buffer), length);
    return static_cast<la_ssize_t>(length);
}
inline void check(struct archive* a, int status, const char* what) {
    if (status < ARCHIVE_WARN) throw std::runtime_error(std::string(what) + ": " + archive_error_string(a));
}
}  // namespace detail

// Returns the archive's bytes; throws std::runtime_error when libarchive refuses something.
inline std::string make_archive(const std::vector<TestMember>& members, const ArchiveSpec& spec = {}) {
    std::string out;
    struct archive* a = archive_write_new();
    detail::check(a, archive_write_set_format_by_name(a, spec.format.c_str()), "format");
    if (!spec.filter.empty()) detail::check(a, archive_write_add_filter_by_name(a, spec.filter.c_str()), "filter");
    archive_write_set_bytes_in_last_block(a, 1);  // no padding to 10 KiB (zstd would not skip it)
    if (!spec.options.empty()) detail::check(a, archive_write_set_options(a, spec.options.c_str()), "options");
    if (!spec.passphrase.empty()) detail::check(a, archive_write_set_passphrase(a, spec.passphrase.c_str()), "passphrase");
    detail::check(a, archive_write_open(a, &out, nullptr, detail::append_callback, nullptr), "open");
    for (const TestMember& m : members) {
        struct archive_entry* e = archive_entry_new();
        archive_entry_set_pathname(e, m.name.c_str());
        archive_entry_set_mtime(e, 1767323045, 0);
        if (m.hardlink) {
            archive_entry_set_filetype(e, AE_IFREG);
            archive_entry_set_hardlink(e, m.link.c_str());
            archive_entry_set_size(e, 0);
        } else {
            archive_entry_set_filetype(e, m.type);
            archive_entry_set_perm(e, m.type == AE_IFDIR ? 0755 : 0644);
            if (m.type == AE_IFLNK) archive_entry_set_symlink(e, m.link.c_str());
            if (m.type == AE_IFREG && !m.unknown_size) archive_entry_set_size(e, static_cast<la_int64_t>(m.data.size()));
            if (m.unknown_size) archive_entry_unset_size(e);
        }
        detail::check(a, archive_write_header(a, e), "header");
        if (!m.data.empty()) {
            la_ssize_t n = archive_write_data(a, m.data.data(), m.data.size());
            if (n != static_cast<la_ssize_t>(m.data.size())) detail::check(a, ARCHIVE_FATAL, "data");
        }
        archive_entry_free(e);
    }
    detail::check(a, archive_write_close(a), "close");
    archive_write_free(a);
    return out;
}

}  // namespace aaiscan::testing
