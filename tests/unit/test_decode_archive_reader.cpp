// Unit tests for decode/archive_reader: every supported format and filter round-trips, member
// types and hostile names come through as stored, encryption is flagged, truncation and
// non-archives are told apart, and archives can be read from a pulled stream and from an fd.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <map>

#include "decode/archive_reader.h"
#include "test_decode_archive_writer.h"
#include "test_support.h"

using namespace aaiscan;
using namespace aaiscan::testing;

namespace {

struct ReadMember {
    ArchiveMember header;
    std::string data;
    bool data_error = false;
};

// Reads every member (data in small pieces) until the end or a fatal error.
std::vector<ReadMember> read_all(ArchiveReader& reader, ArchiveStatus& last) {
    std::vector<ReadMember> members;
    while (true) {
        ReadMember m;
        last = reader.next(m.header);
        if (last != ArchiveStatus::ok) break;
        char piece[1000];
        while (true) {
            int64_t n = reader.read(piece, sizeof piece);
            if (n < 0) m.data_error = true;
            if (n <= 0) break;
            m.data.append(piece, static_cast<size_t>(n));
        }
        members.push_back(std::move(m));
        if (reader.fatal()) break;
    }
    return members;
}

std::vector<ReadMember> read_memory(const std::string& bytes, ArchiveStatus& last) {
    ArchiveReader reader;
    REQUIRE(reader.open_memory(bytes));
    return read_all(reader, last);
}

std::string pseudo_random_text(size_t size, unsigned seed) {
    std::string text;
    uint32_t x = seed * 2654435761u + 1;
    while (text.size() < size) {
        x = x * 1664525u + 1013904223u;
        text += static_cast<char>('a' + (x >> 24) % 26);
        if ((x >> 8) % 9 == 0) text += ' ';
    }
    text.resize(size);
    return text;
}

const std::vector<TestMember> k_members = {
    {"dir/app.py", "ASSEMBLYAI_API_KEY = \"4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f\"\n"},
    {"exports/t_1.json", "{\"id\": \"t_1\", \"text\": \"hello\"}"},
    {"empty.txt", ""},
};

}  // namespace

TEST_CASE("archive reader: zip and tar with every filter round-trip names, sizes and data") {
    struct Case {
        ArchiveSpec spec;
        std::string format_word;
    };
    std::vector<Case> cases = {
        {{"zip", "", "", ""}, "ZIP"},      {{"pax", "", "", ""}, "tar"},     {{"ustar", "gzip", "", ""}, "gzip"},
        {{"pax", "bzip2", "", ""}, "bzip2"}, {{"gnutar", "xz", "", ""}, "xz"}, {{"pax", "zstd", "", ""}, "zstd"},
    };
    for (const Case& c : cases) {
        INFO(c.spec.format << " + " << c.spec.filter);
        std::string bytes = make_archive(k_members, c.spec);
        ArchiveReader reader;
        REQUIRE(reader.open_memory(bytes));
        ArchiveStatus last{};
        auto members = read_all(reader, last);
        CHECK(last == ArchiveStatus::end);
        CHECK_FALSE(reader.single_file());
        CHECK(reader.format_name().find(c.format_word) != std::string::npos);
        REQUIRE(members.size() == k_members.size());
        for (size_t i = 0; i < members.size(); ++i) {
            CHECK(members[i].header.name == k_members[i].name);
            CHECK(members[i].header.type == MemberType::regular);
            CHECK_FALSE(members[i].header.encrypted);
            CHECK(members[i].data == k_members[i].data);
            CHECK_FALSE(members[i].data_error);
            if (members[i].header.size) CHECK(*members[i].header.size == k_members[i].data.size());
        }
    }
}

TEST_CASE("archive reader: a lone gzip/bzip2/xz/zstd file is one member; plain bytes are not archives") {
    std::string json = "{\"id\": \"t_123\", \"text\": \"a transcript\"}\n";
    for (std::string filter : {"gzip", "bzip2", "xz", "zstd"}) {
        INFO(filter);
        std::string bytes = make_archive({{"ignored", json}}, {"raw", filter, "", ""});
        ArchiveStatus last{};
        ArchiveReader reader;
        REQUIRE(reader.open_memory(bytes));
        auto members = read_all(reader, last);
        CHECK(reader.single_file());
        REQUIRE(members.size() == 1);
        CHECK(members[0].data == json);
        CHECK(last == ArchiveStatus::end);
    }
    for (std::string plain : {std::string("just some text\n"), std::string("PK but not a zip"),
                              std::string("\x7f" "ELF\0\0\0\0 binary", 16), std::string()}) {
        ArchiveReader reader;
        ArchiveMember member;
        bool opened = reader.open_memory(plain);
        CHECK((!opened || reader.next(member) == ArchiveStatus::not_archive));
    }
}

TEST_CASE("archive reader: an empty compressed file ends cleanly, with no member and no error") {
    for (std::string filter : {"gzip", "bzip2", "xz", "zstd"}) {
        INFO(filter);
        std::string bytes = make_archive({{"ignored", ""}}, {"raw", filter, "", ""});
        ArchiveStatus last{};
        ArchiveReader reader;
        REQUIRE(reader.open_memory(bytes));
        auto members = read_all(reader, last);
        CHECK(members.size() <= 1);  // libarchive gives no member; an empty one would do as well
        if (!members.empty()) CHECK(members[0].data.empty());
        CHECK(last == ArchiveStatus::end);
        CHECK_FALSE(reader.fatal());
        CHECK(reader.single_file());
    }
    // A compressed stream cut inside its header is still an error.
    std::string cut = make_archive({{"ignored", "some text that compresses"}}, {"raw", "gzip", "", ""}).substr(0, 12);
    ArchiveStatus last{};
    ArchiveReader reader;
    if (reader.open_memory(cut)) {
        read_all(reader, last);
        CHECK(last != ArchiveStatus::end);
    }
}

TEST_CASE("archive reader: member types, and hostile names come back byte for byte") {
    std::vector<TestMember> members = {
        {"dir", "", AE_IFDIR},
        {"dir/link", "", AE_IFLNK, "../../etc/passwd"},
        {"dir/hard", "", AE_IFREG, "dir/app.py", true},
        {"dir/fifo", "", AE_IFIFO},
        {"../../etc/passwd", "root:x:0:0"},
        {"/abs/path.txt", "abs"},
        {"new\nline\x1b[31m.txt", "escape"},
    };
    for (std::string format : {"pax", "zip"}) {
        INFO(format);
        std::vector<TestMember> input = members;
        if (format == "zip") input = {members[0], members[1], members[4], members[5], members[6]};  // no fifos
        std::string bytes = make_archive(input, {format, "", "", ""});
        ArchiveStatus last{};
        auto got = read_memory(bytes, last);
        CHECK(last == ArchiveStatus::end);
        std::map<std::string, ReadMember> by_name;
        for (auto& m : got) by_name[m.header.name] = m;
        CHECK(by_name["dir/"].header.type == MemberType::directory);  // writers add the slash
        CHECK(by_name["dir/link"].header.type == MemberType::symlink);
        if (format == "pax") {
            CHECK(by_name["dir/hard"].header.type == MemberType::hardlink);
            CHECK(by_name["dir/fifo"].header.type == MemberType::special);
        }
        CHECK(by_name["../../etc/passwd"].data == "root:x:0:0");
        CHECK(by_name.count("/abs/path.txt") + by_name.count("abs/path.txt") == 1);
        CHECK(by_name["new\nline\x1b[31m.txt"].data == "escape");
    }
}

TEST_CASE("archive reader: encrypted zip members are flagged and their data is refused") {
    std::string bytes = make_archive({{"clear.txt", "visible"}, {"secret.txt", "hidden text"}},
                                     {"zip", "", "zip:encryption=zipcrypt", "hunter2"});
    ArchiveStatus last{};
    auto members = read_memory(bytes, last);
    REQUIRE(members.size() == 2);
    CHECK(members[1].header.encrypted);
    CHECK(members[1].data.empty());
    CHECK(members[1].data_error);
    // AES (WinZip) encryption too.
    std::string aes = make_archive({{"secret.txt", "hidden text"}}, {"zip", "", "zip:encryption=aes256", "hunter2"});
    members = read_memory(aes, last);
    REQUIRE(members.size() == 1);
    CHECK(members[0].header.encrypted);
    CHECK(members[0].data_error);
}

TEST_CASE("archive reader: truncated archives keep the members before the cut and end fatally") {
    std::vector<TestMember> members = {{"a.txt", "first member"}, {"b.txt", pseudo_random_text(300000, 1)},
                                       {"c.txt", "never reached"}};
    std::string zip = make_archive(members, {"zip", "", "", ""});
    std::string cut = zip.substr(0, zip.size() / 2);
    ArchiveStatus last{};
    auto got = read_memory(cut, last);
    REQUIRE(got.size() == 2);
    CHECK(got[0].data == "first member");
    CHECK(got[1].data_error);
    CHECK(got[1].data.size() < members[1].data.size());

    std::string tgz = make_archive(members, {"pax", "gzip", "", ""});
    ArchiveReader reader;
    REQUIRE(reader.open_memory(std::string_view(tgz).substr(0, tgz.size() * 3 / 4)));
    got = read_all(reader, last);
    REQUIRE(got.size() >= 1);
    CHECK(got[0].data == "first member");
    CHECK(reader.fatal());
    CHECK_FALSE(reader.error().empty());
}

TEST_CASE("archive reader: a pulled stream (not seekable) reads zip with data descriptors and tar.gz") {
    std::vector<TestMember> members = {{"a.txt", "alpha", AE_IFREG, "", false, true},
                                       {"b.txt", pseudo_random_text(200000, 2), AE_IFREG, "", false, true}};
    for (ArchiveSpec spec : {ArchiveSpec{"zip", "", "", ""}, ArchiveSpec{"pax", "gzip", "", ""}}) {
        INFO(spec.format);
        std::vector<TestMember> input = members;
        if (spec.format != "zip") {
            for (auto& m : input) m.unknown_size = false;
        }
        std::string bytes = make_archive(input, spec);
        size_t offset = 0;
        ArchiveReader reader;
        REQUIRE(reader.open_pull([&](std::string_view& block) {
            block = std::string_view(bytes).substr(offset, 777);  // odd block size on purpose
            offset += block.size();
            return true;
        }));
        ArchiveStatus last{};
        auto got = read_all(reader, last);
        CHECK(last == ArchiveStatus::end);
        REQUIRE(got.size() == 2);
        CHECK(got[0].data == "alpha");
        CHECK(got[1].data == members[1].data);
        if (spec.format == "zip") CHECK_FALSE(got[1].header.size.has_value());
    }
}

TEST_CASE("archive reader: a failing pull source is a fatal error, not a crash") {
    std::string bytes = make_archive(k_members, {"pax", "gzip", "", ""});
    int calls = 0;
    ArchiveReader reader;
    bool opened = reader.open_pull([&](std::string_view& block) {
        if (calls++ > 0) return false;
        block = std::string_view(bytes).substr(0, 40);
        return true;
    });
    ArchiveStatus last = ArchiveStatus::ok;
    if (opened) read_all(reader, last);
    CHECK((!opened || last == ArchiveStatus::fatal || reader.fatal()));
}

TEST_CASE("archive reader: reads from a file descriptor") {
    TempDir dir;
    write_file(dir / "a.zip", make_archive(k_members, {"zip", "", "", ""}));
    int fd = open((dir / "a.zip").c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    {
        ArchiveReader reader;
        REQUIRE(reader.open_fd(fd));
        ArchiveStatus last{};
        auto got = read_all(reader, last);
        CHECK(last == ArchiveStatus::end);
        REQUIRE(got.size() == 3);
        CHECK(got[0].data == k_members[0].data);
    }
    close(fd);
}
