// Hostile file contents and files that change under the scanner, through ItemScanner (the reader
// every walked file goes through): a single line crossing many chunk boundaries (positions stay
// right), thousands of findings on one line (linear), NUL bytes and invalid UTF-8 after the
// sniffed head, UTF-16 with a BOM (decoded, lines and columns right), and files that are
// replaced, truncated, grown or removed between the walk and the read.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <map>
#include <thread>

#include "app/item_scanner.h"
#include "decode/text_decoding.h"
#include "util/text_position.h"
#include "test_support.h"

using namespace aaiscan;
using namespace aaiscan::testing;

namespace {

const std::string k_rule = one_rule("acme.key", "acme_key=(?P<secret>[0-9a-f]{32})\\b", "", "[code, bundle]");

struct Fixture {
    InlineRules rules{k_rule};
    ScanSettings settings;
    ScanLimits limits;
    TranscriptPolicy transcripts;

    ScanOutput scan_file(const std::filesystem::path& path) {
        ItemScanner scanner(*rules.matcher, settings, limits, transcripts);
        WalkEntry entry;
        entry.fs_path = entry.display_path = entry.project_path = path.string();
        ScanOutput out;
        scanner.scan_file(entry, out);
        return out;
    }
};

// A distinct 32-hex-digit value per index (synthetic).
std::string hex_secret(size_t index) {
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string s(32, '0');
    uint64_t x = 0x9e3779b97f4a7c15ull * (index + 1);
    for (size_t i = 0; i < 32; ++i) {
        s[i] = k_hex[(x >> ((i % 16) * 4)) & 15];
        if (i == 15) x = x * 0xbf58476d1ce4e5b9ull + index;
    }
    return s;
}

constexpr bool k_sanitized =
#if defined(__SANITIZE_ADDRESS__)
    true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    true;
#else
    false;
#endif
#else
    false;
#endif

// 1-based column of byte `offset` of a single-line text, in code points.
size_t column_of(std::string_view text, size_t offset) {
    size_t column = 1;
    for (size_t i = 0; i < offset; ++i) column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    return column;
}

std::string utf16(const std::string& ascii_or_utf8, bool little_endian) {
    // Enough for the test strings: ASCII, 2-byte UTF-8 and one 4-byte sequence (a surrogate pair).
    std::u32string cps;
    for (size_t i = 0; i < ascii_or_utf8.size();) {
        auto c = static_cast<unsigned char>(ascii_or_utf8[i]);
        char32_t cp;
        size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(ascii_or_utf8[i + k]) & 0x3F);
        cps.push_back(cp);
        i += len;
    }
    std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
    auto unit = [&](uint16_t u) {
        char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
        if (little_endian) {
            out += lo;
            out += hi;
        } else {
            out += hi;
            out += lo;
        }
    };
    for (char32_t cp : cps) {
        if (cp >= 0x10000) {
            unit(static_cast<uint16_t>(0xD800 + ((cp - 0x10000) >> 10)));
            unit(static_cast<uint16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
        } else {
            unit(static_cast<uint16_t>(cp));
        }
    }
    return out;
}

}  // namespace

TEST_CASE("hostile files: a single 1 GiB line across many chunk edges keeps every position") {
    // ~5 s here (writing the gigabyte dominates). Sanitized builds use 64 MiB in 64 KiB chunks
    // instead (1,000 chunk edges, which is what can go wrong); AAISCAN_HOSTILE_HUGE=1 forces 1 GiB.
    Fixture f;
    bool huge = !k_sanitized || std::getenv("AAISCAN_HOSTILE_HUGE") != nullptr;
    f.limits.chunk_size = huge ? f.limits.chunk_size : 64u << 10;
    f.limits.max_file_size = 2ull << 30;  // the 1 GiB line plus its tail is just above the default
    const size_t size = huge ? (1ull << 30) : (64ull << 20);
    // Filler with multi-byte UTF-8 (columns count code points, and chunk edges split characters).
    const std::string filler = "lorem ipsum \xC3\xA9t\xC3\xA9 \xE2\x82\xAC 42; ";
    std::string text;
    text.reserve(size + 64);
    std::vector<std::pair<size_t, std::string>> planted;  // expected column, value
    const size_t filler_columns = column_of(filler, filler.size()) - 1;
    size_t columns = 0;  // code points so far (the text is one line)
    uint64_t rng = 12345;
    size_t next_plant = 1000;
    while (text.size() < size) {
        if (text.size() >= next_plant) {
            std::string value = hex_secret(planted.size());
            planted.emplace_back(columns + 9 + 1, value);
            text += "acme_key=" + value + " ";
            columns += 9 + value.size() + 1;
            rng = rng * 6364136223846793005ull + 1442695040888963407ull;
            next_plant = text.size() + (rng >> 33) % (size / 150);
        }
        text += filler;
        columns += filler_columns;
    }
    text += "\nacme_key=" + hex_secret(999999) + "\n";
    TempDir dir;
    write_file(dir / "one-line.min.js", text);

    ScanOutput out = f.scan_file(dir / "one-line.min.js");
    INFO(planted.size() << " planted values");
    CHECK(out.diagnostics.empty());
    CHECK(out.stats.bytes_scanned == text.size());
    REQUIRE(out.findings.size() == planted.size() + 1);
    std::map<std::string, size_t> expected_column;
    for (const auto& [column, value] : planted) expected_column[value] = column;
    size_t wrong = 0, unknown = 0;
    for (const Finding& found : out.findings) {
        if (found.line == 2) continue;
        auto it = expected_column.find(found.secret);
        if (it == expected_column.end()) {
            ++unknown;
            continue;
        }
        CHECK(found.line == 1);
        if (found.column != it->second) ++wrong;
    }
    CHECK(unknown == 0);
    CHECK(wrong == 0);
    std::sort(out.findings.begin(), out.findings.end(), finding_less);
    CHECK(out.findings.back().line == 2);
    CHECK(out.findings.back().column == 10);
}

TEST_CASE("hostile files: thousands of findings on one long line are located in linear time") {
    Fixture f;
    std::string text;
    std::vector<size_t> offsets;
    for (size_t i = 0; i < 20000; ++i) {
        text += std::string(400, 'x') + " ";
        offsets.push_back(text.size() + 9);
        text += "acme_key=" + hex_secret(i) + " ";
    }
    TempDir dir;
    write_file(dir / "bundle.min.js", text);  // 9 MB, one line: read whole, one blob
    auto started = std::chrono::steady_clock::now();
    ScanOutput out = f.scan_file(dir / "bundle.min.js");
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    REQUIRE(out.findings.size() == offsets.size());
    std::sort(out.findings.begin(), out.findings.end(), finding_less);
    CHECK(out.findings.back().column == offsets.back() + 1);
    // Quadratic column counting takes minutes here; linear takes well under a second.
    CHECK(seconds < 5.0);
}

TEST_CASE("hostile files: NUL bytes and invalid UTF-8 after the first 8 KiB do not stop the scan") {
    Fixture f;
    std::string text;
    for (int i = 0; i < 200; ++i) text += "plain text line number " + std::to_string(i) + "\n";  // ~5 KB
    text += std::string(4000, 'y') + "\n";                                                         // past 8 KiB
    static constexpr char k_hostile[] = "nul \0 here \xFF\xFE invalid \xC3( \xED\xA0\x80 surrogate \xF4\x90\x80\x80\n";
    text += std::string(k_hostile, sizeof k_hostile - 1);
    text += "\xFF\xFF acme_key=" + hex_secret(1) + "\n";
    REQUIRE(text.find('\0') > k_sniff_bytes);
    TempDir dir;
    write_file(dir / "mixed.txt", text);
    ScanOutput out = f.scan_file(dir / "mixed.txt");
    CHECK(out.stats.skipped_binary == 0);
    CHECK(out.stats.files_scanned == 1);
    REQUIRE(out.findings.size() == 1);
    CHECK(out.findings[0].secret == hex_secret(1));
    CHECK(out.findings[0].line == 203);
    CHECK(out.findings[0].column == 13);  // each invalid byte counts as one column
}

TEST_CASE("hostile files: UTF-16 LE and BE files with a BOM are decoded with the right positions") {
    Fixture f;
    TempDir dir;
    // CRLF line ends, 2-byte characters and a surrogate pair before the value on its line.
    std::string plain = "first line\r\nsecond \xC3\xA9\xC3\xA9\r\n\xF0\x9F\x98\x80 caf\xC3\xA9 acme_key=" +
                        hex_secret(7) + "\r\nlast\r\n";
    for (bool little : {true, false}) {
        INFO((little ? "UTF-16LE" : "UTF-16BE"));
        auto path = dir / (little ? "le.txt" : "be.txt");
        write_file(path, utf16(plain, little));
        ScanOutput out = f.scan_file(path);
        CHECK(out.stats.skipped_binary == 0);
        REQUIRE(out.findings.size() == 1);
        CHECK(out.findings[0].secret == hex_secret(7));
        CHECK(out.findings[0].line == 3);
        CHECK(out.findings[0].column == 17);  // "😀 café acme_key=": 16 code points before it
    }
}

TEST_CASE("hostile files: a UTF-16 file larger than the chunk size is decoded, not skipped") {
    Fixture f;
    f.limits.chunk_size = 64u << 10;
    std::string plain;
    for (int i = 0; i < 4000; ++i) plain += "line " + std::to_string(i) + " of a wide file\n";
    plain += "acme_key=" + hex_secret(3) + "\n";
    TempDir dir;
    for (bool little : {true, false}) {
        auto path = dir / (little ? "big-le.txt" : "big-be.txt");
        write_file(path, utf16(plain, little));
        REQUIRE(std::filesystem::file_size(path) > f.limits.chunk_size);
        ScanOutput out = f.scan_file(path);
        INFO((little ? "UTF-16LE" : "UTF-16BE"));
        CHECK(out.stats.skipped_binary == 0);
        REQUIRE(out.findings.size() == 1);
        CHECK(out.findings[0].line == 4001);
    }
}

TEST_CASE("hostile files: UTF-16 surrogate pairs split across read blocks and chunks decode intact") {
    Fixture f;
    f.limits.chunk_size = 64u << 10;
    std::string emoji = "\xF0\x9F\x98\x80";  // U+1F600: a surrogate pair in UTF-16
    std::string plain;
    for (int i = 0; i < 300000; ++i) plain += emoji;  // 1.2 MB of UTF-16: pairs straddle the 1 MiB blocks
    plain += " acme_key=" + hex_secret(11) + "\n";
    for (int i = 0; i < 10; ++i) plain += emoji;
    plain += "acme_key=" + hex_secret(12) + "\n";
    TempDir dir;
    {
        write_file(dir / "emoji-utf8.txt", plain);
        ScanOutput out = f.scan_file(dir / "emoji-utf8.txt");
        REQUIRE(out.findings.size() == 2);
        std::sort(out.findings.begin(), out.findings.end(), finding_less);
        CHECK(out.findings[0].column == 300011);
    }
    for (bool little : {true, false}) {
        INFO((little ? "UTF-16LE" : "UTF-16BE"));
        auto path = dir / (little ? "emoji-le.txt" : "emoji-be.txt");
        write_file(path, utf16(plain, little));
        ScanOutput out = f.scan_file(path);
        CHECK(out.stats.bytes_scanned == std::filesystem::file_size(path));
        REQUIRE(out.findings.size() == 2);
        std::sort(out.findings.begin(), out.findings.end(), finding_less);
        CHECK(out.findings[0].secret == hex_secret(11));
        CHECK(out.findings[0].line == 1);
        CHECK(out.findings[0].column == 300011);
        CHECK(out.findings[1].secret == hex_secret(12));
        CHECK(out.findings[1].line == 2);
        CHECK(out.findings[1].column == 20);
    }
}

TEST_CASE("hostile files: a file replaced after the walk is never followed, opened blocking or read as a directory") {
    Fixture f;
    TempDir dir;
    TempDir outside;
    write_file(outside / "secret.txt", "acme_key=" + hex_secret(1) + "\n");
    // The walker saw regular files; by the time the worker opens them they are something else.
    std::filesystem::create_symlink(outside / "secret.txt", dir / "was-a-file.txt");
    REQUIRE(mkfifo((dir / "now-a-fifo.txt").c_str(), 0600) == 0);
    std::filesystem::create_directory(dir / "now-a-dir.txt");

    ItemScanner scanner(*f.rules.matcher, f.settings, f.limits, f.transcripts);
    ScanOutput out;
    for (const char* name : {"was-a-file.txt", "now-a-fifo.txt", "now-a-dir.txt", "gone.txt"}) {
        WalkEntry entry;
        entry.fs_path = entry.display_path = entry.project_path = (dir / name).string();
        scanner.scan_file(entry, out);  // a FIFO opened blocking would hang here
    }
    CHECK(out.findings.empty());
    CHECK(out.stats.skipped_symlinks == 1);
    CHECK(out.stats.skipped_special == 2);
    CHECK(out.stats.errors == 0);
    REQUIRE(out.diagnostics.size() == 1);
    CHECK(out.diagnostics[0].level == DiagnosticLevel::warning);
    CHECK(out.diagnostics[0].message.find("vanished") != std::string::npos);
}

TEST_CASE("hostile files: files truncated and grown while being read are scanned without errors") {
    Fixture f;
    f.limits.chunk_size = 4096;  // small and chunked reads both race with the writer
    TempDir dir;
    auto path = dir / "churn.log";
    const std::string line = "acme_key=" + hex_secret(5) + "\n";
    std::string big;
    while (big.size() < 64 * 1024) big += std::string(60, '.') + "\n" + line;
    write_file(path, big);

    std::atomic<bool> stop{false};
    std::thread writer([&] {
        int flip = 0;
        while (!stop.load()) {
            int fd = open(path.c_str(), O_WRONLY | O_CLOEXEC);
            if (fd < 0) continue;
            switch (flip++ % 3) {
                case 0: (void)!ftruncate(fd, 0); break;  // truncated
                case 1: (void)!ftruncate(fd, 100); break;  // cut mid-line
                default: (void)!pwrite(fd, big.data(), big.size(), 0); break;  // grown back
            }
            close(fd);
        }
    });
    size_t scans = 0, with_findings = 0;
    auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(1500);
    while (std::chrono::steady_clock::now() < until) {
        ScanOutput out = f.scan_file(path);
        ++scans;
        if (!out.findings.empty()) ++with_findings;
        bool clean = out.stats.errors == 0 && out.diagnostics.empty();
        CHECK(clean);
        for (const Finding& found : out.findings) CHECK(found.secret == hex_secret(5));
        CHECK(out.stats.bytes_scanned <= big.size() + f.limits.chunk_size);
        if (!clean) break;
    }
    stop = true;
    writer.join();
    INFO(scans << " scans, " << with_findings << " with findings");
    CHECK(scans > 10);
}

TEST_CASE("hostile files: positions on a long line are right in any query order, from any start column") {
    std::string text = std::string(5000, 'a') + "\xC3\xA9" + std::string(5000, 'b') + "\nx\xE2\x82\xAC" + "y";
    LinePositioner chunk(text, 7, 100);  // a chunk that starts at line 7, column 100
    const size_t after_e = 5002;         // byte offset just past the 2-byte character
    for (size_t offset : {size_t(9000), size_t(10), after_e, size_t(4999), size_t(10003), size_t(10006), size_t(0)}) {
        TextPosition p = chunk.position(offset);
        INFO("offset " << offset);
        if (offset <= 10002) {
            CHECK(p.line == 7);
            CHECK(p.column == 100 + offset - (offset >= after_e ? 1 : 0));
        } else {
            CHECK(p.line == 8);
            CHECK(p.column == (offset == 10003 ? 1u : 3u));  // "x€" then "y"
        }
    }
}

TEST_CASE("hostile files: an inline allow marker next to a value on a very long line still counts") {
    Fixture f;
    std::string text = std::string(3u << 20, 'x') + " acme_key=" + hex_secret(2) + " // aaiscan:allow " +
                       std::string(1u << 20, 'z') + " acme_key=" + hex_secret(3) + " " + std::string(1u << 20, 'z');
    TempDir dir;
    write_file(dir / "long.js", text);
    ScanOutput out = f.scan_file(dir / "long.js");
    REQUIRE(out.findings.size() == 2);
    std::sort(out.findings.begin(), out.findings.end(), finding_less);
    CHECK(out.findings[0].suppressed == Suppression::inline_comment);
    // A marker megabytes away on the same line is not "next to" the value.
    CHECK(out.findings[1].suppressed == Suppression::none);
}
