// Unit tests for app/item_scanner: chunked reading of large files (a secret straddling a chunk
// edge is found exactly once, with the right line), binary and UTF-16 handling, a sparse file.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include "app/item_scanner.h"
#include "test_support.h"

using namespace aaiscan;
using namespace aaiscan::testing;

namespace {

const std::string k_rule = one_rule("acme.key", "acme_key=(?P<secret>[0-9a-f]{32})\\b", "", "[code]");

struct Fixture {
    InlineRules rules{k_rule};
    ScanSettings settings;
    ScanLimits limits;
    TranscriptPolicy transcripts;

    ScanOutput scan_file(const std::filesystem::path& path, const std::string& project_path = "") {
        ItemScanner scanner(*rules.matcher, settings, limits, transcripts);
        WalkEntry entry;
        entry.fs_path = entry.display_path = entry.project_path = path.string();
        if (!project_path.empty()) entry.project_path = project_path;
        ScanOutput out;
        scanner.scan_file(entry, out);
        return out;
    }
};

const std::string k_secret_line = "acme_key=4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f";

}  // namespace

TEST_CASE("item scanner: a secret straddling every possible chunk edge is found once") {
    Fixture f;
    f.limits.chunk_size = 4096;
    TempDir dir;
    for (size_t shift : {0u, 1u, 20u, 41u, 4095u, 4096u, 4097u, 8191u}) {
        // Lines of filler so that the secret starts near the chunk edge at various offsets.
        std::string text;
        size_t target = 4096 * 3 - shift;
        size_t lines = 0;
        while (text.size() + 10 < target) {
            text += std::string(std::min<size_t>(59, target - text.size() - 1), 'x') + "\n";
            ++lines;
        }
        text += std::string(target - text.size(), 'y');
        text += " " + k_secret_line + "\n" + std::string(10000, 'z') + "\n";
        auto path = dir / ("big" + std::to_string(shift) + ".txt");
        write_file(path, text);
        ScanOutput out = f.scan_file(path);
        INFO("shift " << shift);
        REQUIRE(out.findings.size() == 1);
        CHECK(out.findings[0].secret == "4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f");
        CHECK(out.findings[0].line == lines + 1);
        CHECK(out.stats.files_scanned == 1);
        CHECK(out.stats.bytes_scanned == text.size());
    }
}

TEST_CASE("item scanner: binary files are skipped, UTF-16 files are decoded") {
    Fixture f;
    TempDir dir;
    write_file(dir / "bin.dat", std::string("\x7f" "ELF\0\0\0", 7) + k_secret_line);
    ScanOutput bin = f.scan_file(dir / "bin.dat");
    CHECK(bin.findings.empty());
    CHECK(bin.stats.skipped_binary == 1);
    std::string utf16 = "\xFF\xFE";
    for (char c : k_secret_line) {
        utf16 += c;
        utf16 += '\0';
    }
    write_file(dir / "wide.txt", utf16);
    ScanOutput wide = f.scan_file(dir / "wide.txt");
    REQUIRE(wide.findings.size() == 1);
    CHECK(wide.findings[0].secret == "4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f");
}

TEST_CASE("item scanner: a 1 GiB sparse file is read as binary without scanning it all") {
    Fixture f;
    TempDir dir;
    auto path = dir / "sparse.img";
    int fd = open(path.c_str(), O_CREAT | O_WRONLY, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(ftruncate(fd, 1ll << 30) == 0);
    REQUIRE(pwrite(fd, k_secret_line.data(), k_secret_line.size(), 600ll << 20) == static_cast<ssize_t>(k_secret_line.size()));
    close(fd);
    ScanOutput out = f.scan_file(path);
    CHECK(out.findings.empty());
    CHECK(out.stats.skipped_binary == 1);
    CHECK(out.stats.bytes_scanned == 0);
}

TEST_CASE("item scanner: files above --max-file-size are skipped and noted, unreadable ones are errors") {
    Fixture f;
    f.limits.max_file_size = 10;
    TempDir dir;
    write_file(dir / "a.txt", k_secret_line);
    ScanOutput big = f.scan_file(dir / "a.txt");
    CHECK(big.findings.empty());
    CHECK(big.stats.skipped_too_large == 1);
    CHECK(big.stats.errors == 0);
    ScanOutput missing = f.scan_file(dir / "nope.txt");
    CHECK(missing.stats.errors == 0);  // vanished after the walk: a warning, not an error
    CHECK(missing.diagnostics.size() == 1);
}

TEST_CASE("item scanner: the scope comes from the path inside the project, not the folders above it") {
    Fixture f;  // acme.key runs in the code scope only
    TempDir dir;
    auto file = dir.path() / "build" / "app" / "main.js";
    write_file(file, k_secret_line + "\n");
    CHECK(f.scan_file(file, "main.js").findings.size() == 1);                 // a project at ~/build/app
    CHECK(f.scan_file(file, "build/app/main.js").findings.empty());          // build output inside the project
}
