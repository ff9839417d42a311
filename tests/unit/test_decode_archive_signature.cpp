// Unit tests for decode/archive_signature: archive names, magic numbers (including look-alikes
// that must not match) and the member name of a single compressed file.
#include <catch2/catch.hpp>

#include "decode/archive_signature.h"
#include "test_decode_archive_writer.h"

using namespace aaiscan;
using namespace aaiscan::testing;
using namespace std::string_view_literals;

TEST_CASE("archive signature: names") {
    for (auto name : {"exports.zip", "a/b/EXPORTS.ZIP", "x.tar", "x.tar.gz", "x.tgz", "x.tar.bz2", "x.tbz2", "x.tar.xz",
                      "x.txz", "x.tar.zst", "t_123.json.gz", "dump.sql.bz2", "a.zip!b/c.tgz"}) {
        INFO(name);
        CHECK(is_archive_file_name(name));
    }
    for (auto name : {"zip", ".zip", "archive.zip/readme.md", "x.gzip", "notes.txt", "x.7z", "app.py", "dir.tar/x.py"}) {
        INFO(name);
        CHECK_FALSE(is_archive_file_name(name));
    }
}

TEST_CASE("archive signature: magic numbers of real archives, not of look-alikes") {
    std::vector<TestMember> members = {{"a.txt", "hello"}};
    for (ArchiveSpec spec : {ArchiveSpec{"zip", "", "", ""}, ArchiveSpec{"ustar", "", "", ""}, ArchiveSpec{"gnutar", "", "", ""},
                             ArchiveSpec{"pax", "gzip", "", ""}, ArchiveSpec{"pax", "bzip2", "", ""},
                             ArchiveSpec{"pax", "xz", "", ""}, ArchiveSpec{"pax", "zstd", "", ""},
                             ArchiveSpec{"raw", "gzip", "", ""}}) {
        INFO(spec.format << " " << spec.filter);
        std::string bytes = make_archive(members, spec);
        CHECK(has_archive_signature(std::string_view(bytes).substr(0, 512)));
    }
    // An empty zip is just the end-of-directory record.
    CHECK(has_archive_signature("PK\x05\x06" "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"sv));
    // A v7 tar header (no "ustar" magic) is recognised by its checksum.
    std::string v7(512, '\0');
    auto put = [&](size_t offset, std::string_view field) { v7.replace(offset, field.size(), field); };
    put(0, "a.txt");
    put(100, "0000644");
    put(124, "00000000005");
    unsigned sum = 0;
    for (size_t i = 0; i < 512; ++i) sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(v7[i]);
    char field[8];
    std::snprintf(field, sizeof field, "%06o", sum);
    put(148, std::string(field, 6));
    CHECK(has_archive_signature(v7));
    v7[0] = 'b';  // checksum no longer matches
    CHECK_FALSE(has_archive_signature(v7));

    CHECK_FALSE(has_archive_signature(""));
    CHECK_FALSE(has_archive_signature("PK"));
    CHECK_FALSE(has_archive_signature("PKG-INFO: 1.0\n"));
    CHECK_FALSE(has_archive_signature("BZh9 is how a bzip2 file starts, said the text file"));
    CHECK_FALSE(has_archive_signature(std::string(512, '\0')));  // a zero block is not a tar header
    CHECK_FALSE(has_archive_signature(std::string(600, 'x')));
    CHECK_FALSE(has_archive_signature("\x1f\x8b"sv));  // gzip needs its method byte too
}

TEST_CASE("archive signature: the member name of a single compressed file") {
    CHECK(compressed_member_name("exports/t_123.json.gz") == "t_123.json");
    CHECK(compressed_member_name("a.zip!logs/app.log.BZ2") == "app.log");
    CHECK(compressed_member_name("dump.sql.xz") == "dump.sql");
    CHECK(compressed_member_name("x.zst") == "x");
    CHECK(compressed_member_name(".gz") == "data");
    CHECK(compressed_member_name("<stdin>") == "<stdin>");
}
