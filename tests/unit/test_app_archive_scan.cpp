// Unit tests for app/archive_scan through the real ItemScanner: members found with
// "outer.zip!member" paths in every format, from disk and memory; nesting and its depth limit;
// zip bombs, member and total limits; chunked large members; encrypted, truncated and misnamed
// archives; hostile member names that are only ever displayed.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "app/archive_scan.h"
#include "app/item_scanner.h"
#include "test_decode_archive_writer.h"
#include "test_support.h"

using namespace aaiscan;
using namespace aaiscan::testing;

namespace {

const std::string k_rule = one_rule("acme.key", "acme_key=(?P<secret>[0-9a-f]{32})\\b", "", "[code]");

// A distinct synthetic secret per index.
std::string secret(int i) {
    std::string s = "4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f";
    s[0] = "0123456789abcdef"[i % 16];
    return s;
}
std::string secret_line(int i) { return "acme_key=" + secret(i) + "\n"; }

std::string pseudo_random_text(size_t size, unsigned seed) {
    std::string text;
    uint32_t x = seed * 2654435761u + 1;
    while (text.size() < size) {
        x = x * 1664525u + 1013904223u;
        text += static_cast<char>('a' + (x >> 24) % 26);
        if ((x >> 8) % 9 == 0) text += ((x >> 4) % 7 == 0) ? '\n' : ' ';
    }
    text.resize(size);
    return text;
}

struct Fixture {
    InlineRules rules{k_rule};
    ScanSettings settings;
    ScanLimits limits;
    TranscriptPolicy transcripts;
    TempDir dir;

    ScanOutput scan_file(const std::string& name, const std::string& bytes) {
        write_file(dir / name, bytes);
        ItemScanner scanner(*rules.matcher, settings, limits, transcripts);
        WalkEntry entry;
        entry.fs_path = (dir / name).string();
        entry.display_path = name;
        entry.project_path = "proj/" + name;
        ScanOutput out;
        scanner.scan_file(entry, out);
        return out;
    }

    ScanOutput scan_bytes(const std::string& name, const std::string& bytes) {
        ItemScanner scanner(*rules.matcher, settings, limits, transcripts);
        std::string project_path = "proj/" + name;
        ItemInfo item{name, project_path, nullptr, true, 0};
        ScanOutput out;
        scanner.scan_bytes(bytes, item, out);
        return out;
    }
};

std::set<std::string> finding_paths(const ScanOutput& out) {
    std::set<std::string> paths;
    for (const Finding& f : out.findings) paths.insert(f.path);
    return paths;
}

// The messages of error-level diagnostics, "path: message".
std::vector<std::string> errors(const ScanOutput& out) {
    std::vector<std::string> list;
    for (const Diagnostic& d : out.diagnostics) {
        if (d.level == DiagnosticLevel::error) list.push_back(d.path + ": " + d.message);
    }
    return list;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("archive scan: zip members are scanned as 'outer.zip!member' with stats") {
    Fixture f;
    std::string app = "import os\n\n" + secret_line(1);
    std::string zip = make_archive({{"src/", "", AE_IFDIR},
                                    {"src/app.py", app},
                                    {"docs/readme.md", "nothing here\n"},
                                    {"src/link.py", "", AE_IFLNK, "/etc/passwd"}});
    ScanOutput out = f.scan_file("x.zip", zip);
    REQUIRE(out.findings.size() == 1);
    const Finding& finding = out.findings[0];
    CHECK(finding.path == "x.zip!src/app.py");
    CHECK(finding.project_path == "proj/x.zip!src/app.py");
    CHECK(finding.secret == secret(1));
    CHECK(finding.line == 3);
    CHECK(out.stats.files_scanned == 1);
    CHECK(out.stats.blobs_scanned == 2);
    CHECK(out.stats.bytes_scanned == app.size() + 13);
    CHECK(out.stats.skipped_symlinks == 1);
    CHECK(out.diagnostics.empty());
}

TEST_CASE("archive scan: every format, from disk and from memory") {
    struct Case {
        std::string name;
        ArchiveSpec spec;
    };
    std::vector<Case> cases = {{"a.zip", {"zip"}},          {"a.tar", {"pax"}},           {"a.tar.gz", {"pax", "gzip"}},
                               {"a.tgz", {"ustar", "gzip"}}, {"a.tar.bz2", {"pax", "bzip2"}}, {"a.tar.xz", {"gnutar", "xz"}},
                               {"a.tar.zst", {"pax", "zstd"}}};
    for (const Case& c : cases) {
        INFO(c.name);
        Fixture f;
        std::string bytes = make_archive({{"./src/app.py", secret_line(2)}}, c.spec);
        ScanOutput disk = f.scan_file(c.name, bytes);
        CHECK(finding_paths(disk) == std::set<std::string>{c.name + "!src/app.py"});  // "./" dropped
        CHECK(disk.stats.errors == 0);
        ScanOutput memory = f.scan_bytes("<stdin>", bytes);
        CHECK(finding_paths(memory) == std::set<std::string>{"<stdin>!src/app.py"});
    }
    Fixture f;
    std::string gz = make_archive({{"x", secret_line(3)}}, {"raw", "gzip"});
    CHECK(finding_paths(f.scan_file("app.py.gz", gz)) == std::set<std::string>{"app.py.gz!app.py"});
    CHECK(finding_paths(f.scan_file("misnamed.bin", gz)) == std::set<std::string>{"misnamed.bin!misnamed.bin"});
}

TEST_CASE("archive scan: a misnamed archive is found by signature; a fake .zip is scanned as a file") {
    Fixture f;
    std::string zip = make_archive({{"app.py", secret_line(4)}});
    CHECK(finding_paths(f.scan_file("backup.bin", zip)) == std::set<std::string>{"backup.bin!app.py"});

    ScanOutput fake = f.scan_file("notes.zip", "see below\n" + secret_line(4));
    CHECK(finding_paths(fake) == std::set<std::string>{"notes.zip"});
    CHECK(fake.stats.errors == 0);
    REQUIRE(fake.diagnostics.size() == 1);
    CHECK(fake.diagnostics[0].level == DiagnosticLevel::warning);
    CHECK(contains(fake.diagnostics[0].message, "not one"));

    ScanOutput empty = f.scan_file("empty.zip", "");
    CHECK(empty.diagnostics.empty());
    CHECK(empty.stats.errors == 0);

    // In memory, bytes that are not an archive are just text.
    ScanOutput text = f.scan_bytes("<stdin>", "PK-like text " + secret_line(4));
    CHECK(finding_paths(text) == std::set<std::string>{"<stdin>"});
}

TEST_CASE("archive scan: nested archives are scanned down to the depth limit, then reported") {
    std::string inner = make_archive({{"a.py", secret_line(5)}});
    std::string mid = make_archive({{"inner.zip", inner}, {"b.py", secret_line(6)}}, {"pax", "gzip"});
    std::string outer = make_archive({{"mid.tgz", mid}, {"c.py", secret_line(7)}});
    Fixture f;
    ScanOutput out = f.scan_file("outer.zip", outer);
    CHECK(finding_paths(out) ==
          std::set<std::string>{"outer.zip!c.py", "outer.zip!mid.tgz!b.py", "outer.zip!mid.tgz!inner.zip!a.py"});
    CHECK(out.stats.errors == 0);
    auto deepest = std::find_if(out.findings.begin(), out.findings.end(),
                                [](const Finding& x) { return x.path == "outer.zip!mid.tgz!inner.zip!a.py"; });
    REQUIRE(deepest != out.findings.end());
    CHECK(deepest->project_path == "proj/outer.zip!mid.tgz!inner.zip!a.py");
    // bytes_scanned counts the bytes of scanned non-archive members only.
    CHECK(out.stats.bytes_scanned == 3 * secret_line(0).size());
    CHECK(out.stats.blobs_scanned == 5);  // mid.tgz, c.py, inner.zip, b.py, a.py

    f.limits.archive_max_depth = 2;
    ScanOutput limited = f.scan_file("outer.zip", outer);
    CHECK(finding_paths(limited) == std::set<std::string>{"outer.zip!c.py", "outer.zip!mid.tgz!b.py"});
    REQUIRE(errors(limited).size() == 1);
    CHECK(contains(errors(limited)[0], "outer.zip!mid.tgz!inner.zip: archive nested more than 2 levels deep"));
}

TEST_CASE("archive scan: zip bombs hit the ratio limit; what came before is still reported") {
    const std::string after = secret_line(9);
    SECTION("text bomb, scanned as a stream until the limit") {
        Fixture f;
        std::string bomb = make_archive({{"a.py", secret_line(8)}, {"bomb.txt", std::string(64u << 20, 'a')}, {"z.py", after}});
        REQUIRE(bomb.size() < (1u << 20));
        ScanOutput out = f.scan_file("bomb.zip", bomb);
        CHECK(finding_paths(out) == std::set<std::string>{"bomb.zip!a.py"});
        REQUIRE(errors(out).size() == 1);
        CHECK(contains(errors(out)[0], "bomb.zip!bomb.txt: bomb.zip expands to more than 32 MiB"));
        CHECK(contains(errors(out)[0], "zip bomb"));
        CHECK(out.stats.bytes_scanned <= k_archive_ratio_floor + 100);
    }
    SECTION("binary bomb of declared size, skipped but counted") {
        Fixture f;
        std::string bomb =
            make_archive({{"a.py", secret_line(8)}, {"zeros.bin", std::string(64u << 20, '\0')}, {"z.py", after}},
                         {"pax", "gzip"});
        ScanOutput out = f.scan_file("bomb.tar.gz", bomb);
        CHECK(finding_paths(out) == std::set<std::string>{"bomb.tar.gz!a.py"});
        REQUIRE(errors(out).size() == 1);
        CHECK(contains(errors(out)[0], "bomb.tar.gz!zeros.bin: bomb.tar.gz expands to more than 32 MiB"));
    }
    SECTION("single gzip file of unknown size, drained with the limit") {
        Fixture f;
        std::string ones(64u << 20, '\1');  // (gzipped zeros would read as an empty tar)
        ones[0] = '\0';                       // binary: not scanned, only drained
        std::string bomb = make_archive({{"x", ones}}, {"raw", "gzip"});
        ScanOutput out = f.scan_bytes("zeros.gz", bomb);
        REQUIRE(errors(out).size() == 1);
        CHECK(contains(errors(out)[0], "zeros.gz!zeros: zeros.gz expands to more than 32 MiB"));
    }
    SECTION("nested bomb: the outer archive's budget covers inner ones") {
        Fixture f;
        std::string inner = make_archive({{"zeros.txt", std::string(20u << 20, 'b')}});
        std::string outer = make_archive({{"1.zip", inner}, {"2.zip", inner}, {"3.zip", inner}, {"z.py", after}});
        ScanOutput out = f.scan_file("nested.zip", outer);
        CHECK(out.findings.empty());
        REQUIRE(errors(out).size() == 1);
        CHECK(contains(errors(out)[0], "nested.zip!2.zip!zeros.txt: nested.zip expands to more than 32 MiB"));
    }
    SECTION("a large nested archive read as a stream: the limit is reported once, where it was hit") {
        Fixture f;
        std::string inner = make_archive({{"log.txt", std::string(40u << 20, 'c')}}, {"zip", "", "zip:compression=store"});
        std::string outer = make_archive({{"inner.zip", inner}, {"z.py", after}}, {"pax", "gzip"});
        ScanOutput out = f.scan_file("outer.tgz", outer);
        CHECK(out.findings.empty());
        REQUIRE(errors(out).size() == 1);
        CHECK(contains(errors(out)[0], "outer.tgz!inner.zip!log.txt: outer.tgz expands to more than 32 MiB"));
    }
    SECTION("a ratio of 0 disables the ratio limit") {
        Fixture f;
        f.limits.archive_max_ratio = 0;
        std::string bomb = make_archive({{"bomb.txt", std::string(40u << 20, 'a')}, {"z.py", after}});
        ScanOutput out = f.scan_file("bomb.zip", bomb);
        CHECK(finding_paths(out) == std::set<std::string>{"bomb.zip!z.py"});
        CHECK(out.stats.errors == 0);
    }
}

TEST_CASE("archive scan: member and total limits") {
    Fixture f;
    f.limits.archive_max_member = 1000;
    std::string big = secret_line(10) + std::string(5000, 'x');
    ScanOutput declared = f.scan_file("a.zip", make_archive({{"big.py", big}, {"small.py", secret_line(11)}}));
    CHECK(finding_paths(declared) == std::set<std::string>{"a.zip!small.py"});  // big.py refused unread
    REQUIRE(errors(declared).size() == 1);
    CHECK(errors(declared)[0] == "a.zip!big.py: member is 4.9 KiB uncompressed, above the per-member limit of 1000 bytes; not scanned");

    // A size the format does not record (a lone .gz) is found out while reading: the start is scanned.
    ScanOutput unknown = f.scan_file("big.py.gz", make_archive({{"x", big}}, {"raw", "gzip"}));
    CHECK(finding_paths(unknown) == std::set<std::string>{"big.py.gz!big.py"});
    REQUIRE(errors(unknown).size() == 1);
    CHECK(contains(errors(unknown)[0], "only its first 1000 bytes were scanned"));

    // Skipping a refused member of a compressed tar means decompressing it: that counts too.
    Fixture r;
    r.limits.archive_max_member = 1u << 20;
    std::string tgz = make_archive({{"huge.txt", std::string(40u << 20, 'a')}, {"z.py", secret_line(12)}}, {"pax", "gzip"});
    ScanOutput refused = r.scan_file("r.tgz", tgz);
    CHECK(refused.findings.empty());
    REQUIRE(errors(refused).size() == 2);
    CHECK(contains(errors(refused)[0], "r.tgz!huge.txt: member is 40 MiB uncompressed, above the per-member limit of 1 MiB"));
    CHECK(contains(errors(refused)[1], "r.tgz!huge.txt: r.tgz expands to more than 32 MiB"));

    Fixture t;
    t.limits.archive_max_total = 10000;
    std::vector<TestMember> members;
    for (int i = 1; i <= 5; ++i) {
        std::string name = fmt::format("m{}.py", i);
        members.emplace_back(name, secret_line(i) + std::string(2950, 'y'));
    }
    ScanOutput total = t.scan_file("t.zip", make_archive(members));
    CHECK(finding_paths(total) == std::set<std::string>{"t.zip!m1.py", "t.zip!m2.py", "t.zip!m3.py", "t.zip!m4.py"});
    REQUIRE(errors(total).size() == 1);
    CHECK(contains(errors(total)[0], "t.zip!m4.py: t.zip expands beyond the total limit of 10000 bytes per archive"));
}

TEST_CASE("archive scan: large members are scanned in chunks, large nested archives as streams") {
    Fixture f;
    f.limits.chunk_size = 4096;
    std::string text;
    size_t target_line = 0;
    for (size_t line = 1; text.size() < 100000; ++line) {
        if (line == 700) {
            text += secret_line(12);
            target_line = line;
        } else {
            text += "filler line " + std::to_string(line) + " of a long generated file\n";
        }
    }
    std::string binary = std::string("\0\1\2\3", 4) + std::string(20000, '\0');
    std::string zip = make_archive({{"big.py", text}, {"blob.bin", binary}, {"after.py", secret_line(13)}});
    ScanOutput out = f.scan_file("a.zip", zip);
    REQUIRE(finding_paths(out) == std::set<std::string>{"a.zip!big.py", "a.zip!after.py"});
    REQUIRE(out.findings.size() == 2);
    const Finding& in_big = out.findings[0].path == "a.zip!big.py" ? out.findings[0] : out.findings[1];
    CHECK(in_big.line == target_line);
    CHECK(out.stats.skipped_binary == 1);
    CHECK(out.stats.errors == 0);

    // A nested zip larger than the chunk size is read straight from the enclosing tar.
    std::string nested = make_archive({{"noise.txt", pseudo_random_text(60000, 4)}, {"deep/app.py", secret_line(14)}});
    REQUIRE(nested.size() > 3 * f.limits.chunk_size);
    std::string tar = make_archive({{"release/nested.zip", nested}, {"z.py", secret_line(15)}}, {"pax", "xz"});
    ScanOutput streamed = f.scan_file("r.tar.xz", tar);
    CHECK(finding_paths(streamed) == std::set<std::string>{"r.tar.xz!release/nested.zip!deep/app.py", "r.tar.xz!z.py"});
    CHECK(streamed.stats.errors == 0);
}

TEST_CASE("archive scan: encrypted members are errors; clear members around them are scanned") {
    Fixture f;
    std::string locked = make_archive({{"a.py", secret_line(16)}}, {"zip", "", "zip:encryption=zipcrypt", "hunter2"});
    std::string tar = make_archive({{"clear.py", secret_line(17)}, {"locked.zip", locked}}, {"pax"});
    ScanOutput out = f.scan_file("mixed.tar", tar);
    CHECK(finding_paths(out) == std::set<std::string>{"mixed.tar!clear.py"});
    REQUIRE(errors(out).size() == 1);
    CHECK(errors(out)[0] == "mixed.tar!locked.zip!a.py: encrypted member, not scanned");
}

TEST_CASE("archive scan: truncated and corrupt archives report what was read and an error") {
    Fixture f;
    std::vector<TestMember> members = {{"a.py", secret_line(18)}, {"b.txt", pseudo_random_text(300000, 5)},
                                       {"c.py", secret_line(19)}};
    std::string zip = make_archive(members);
    std::string cut_zip = zip.substr(0, zip.size() / 2);
    for (bool disk : {true, false}) {
        INFO("disk " << disk);
        ScanOutput out = disk ? f.scan_file("cut.zip", cut_zip) : f.scan_bytes("cut.zip", cut_zip);
        CHECK(finding_paths(out) == std::set<std::string>{"cut.zip!a.py"});
        REQUIRE(errors(out).size() == 1);
        CHECK(contains(errors(out)[0], "cut.zip!b.txt: cannot read member"));
        CHECK(contains(errors(out)[0], "truncated or corrupt"));
    }
    std::string tgz = make_archive(members, {"pax", "gzip"});
    ScanOutput out = f.scan_file("cut.tar.gz", tgz.substr(0, tgz.size() * 3 / 4));
    CHECK(finding_paths(out) == std::set<std::string>{"cut.tar.gz!a.py"});
    CHECK(errors(out).size() == 1);

    // A gzip header followed by garbage: an error, never a crash or a silent skip.
    std::string garbage = std::string("\x1f\x8b\x08\0\0\0\0\0\0\3", 10) + pseudo_random_text(5000, 6);
    CHECK(f.scan_bytes("<stdin>", garbage).stats.errors == 1);
    CHECK(f.scan_file("junk.gz", garbage).stats.errors == 1);
}

TEST_CASE("archive scan: hostile member names are displayed as stored and nothing is written") {
    Fixture f;
    std::vector<std::string> names = {"../../evil.py", "/etc/cron.d/abs.py", "a\nb\x1b[31mred.py"};
    std::vector<TestMember> members;
    for (size_t i = 0; i < names.size(); ++i) members.emplace_back(names[i], secret_line(static_cast<int>(i) + 20));
    std::filesystem::create_directories(f.dir / "a" / "b");
    std::string zip = make_archive(members);
    std::string tar = make_archive(members, {"pax"});
    auto listing = [&] {
        std::set<std::string> all;
        for (auto& e : std::filesystem::recursive_directory_iterator(f.dir.path())) all.insert(e.path().string());
        return all;
    };
    write_file(f.dir / "a" / "b" / "h.zip", zip);
    write_file(f.dir / "a" / "b" / "h.tar", tar);
    auto before = listing();
    for (std::string name : {"a/b/h.zip", "a/b/h.tar"}) {
        ItemScanner scanner(*f.rules.matcher, f.settings, f.limits, f.transcripts);
        WalkEntry entry;
        entry.fs_path = (f.dir / name).string();
        entry.display_path = entry.project_path = name;
        ScanOutput out;
        scanner.scan_file(entry, out);
        std::set<std::string> expected;
        for (const auto& n : names) expected.insert(name + "!" + n);
        CHECK(finding_paths(out) == expected);
    }
    CHECK(listing() == before);
}

TEST_CASE("archive scan: randomly damaged archives never crash and never report outside the archive") {
    std::string inner = make_archive({{"a.py", secret_line(30)}});
    std::vector<std::string> originals = {
        make_archive({{"a.py", secret_line(31)}, {"inner.zip", inner}, {"b.txt", pseudo_random_text(3000, 7)}}),
        make_archive({{"a.py", secret_line(32)}, {"inner.zip", inner}}, {"pax", "gzip"}),
        make_archive({{"a.py", secret_line(33)}, {"b.txt", pseudo_random_text(3000, 8)}}, {"gnutar", "xz"}),
        make_archive({{"x", secret_line(34)}}, {"raw", "bzip2"}),
    };
    Fixture f;
    uint32_t x = 12345;
    auto next = [&] { return x = x * 1664525u + 1013904223u; };
    size_t runs = 0;
    for (const std::string& original : originals) {
        for (int round = 0; round < 150; ++round) {
            std::string damaged = original;
            switch (next() % 3) {
                case 0:  // flip a few bytes
                    for (int i = 0; i < 1 + static_cast<int>(next() % 4); ++i) damaged[next() % damaged.size()] ^= static_cast<char>(1 + next() % 255);
                    break;
                case 1: damaged.resize(next() % damaged.size()); break;  // truncate
                default: damaged.insert(next() % damaged.size(), std::string(1 + next() % 64, static_cast<char>(next()))); break;
            }
            ScanOutput out = f.scan_bytes("<stdin>", damaged);
            ++runs;
            for (const Finding& finding : out.findings) CHECK(finding.path.starts_with("<stdin>"));
            for (const Diagnostic& d : out.diagnostics) CHECK(d.path.starts_with("<stdin>"));
        }
    }
    CHECK(runs == 600);
}
