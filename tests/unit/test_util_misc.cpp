// Unit tests for the small util/ helpers: text positions, escaping, sizes, entropy, atomic
// output files.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <thread>

#include "test_support.h"
#include "util/atomic_file.h"
#include "util/entropy.h"
#include "util/escape.h"
#include "util/size_parse.h"
#include "util/text_position.h"

using namespace aaiscan;
using namespace aaiscan::testing;

TEST_CASE("text positions: lines and code-point columns, any query order") {
    std::string text = "ab\nc\xC3\xA9z\n\nx";
    LinePositioner p(text);
    CHECK(p.position(0).line == 1);
    CHECK(p.position(1).column == 2);
    TextPosition z = p.position(text.find('z'));
    CHECK(z.line == 2);
    CHECK(z.column == 3);  // é is one column
    CHECK(p.position(text.size()).line == 4);
    CHECK(p.position(3).line == 2);  // backwards works
    LinePositioner shifted(text, 100);
    CHECK(shifted.position(text.find('x')).line == 103);
    CHECK(surrounding_lines("a\nbb\ncc\nd", 3, 4, 0) == "bb");
    CHECK(surrounding_lines("a\nbb\ncc\nd", 3, 4, 1) == "a\nbb\ncc");
}

TEST_CASE("escaping: control characters and invalid UTF-8 become visible") {
    CHECK(escape_for_terminal("plain/path.txt") == "plain/path.txt");
    CHECK(escape_for_terminal("a\nb") == "a\\nb");
    CHECK(escape_for_terminal("evil\x1b[31mred") == "evil\\x1b[31mred");
    CHECK(escape_for_terminal("bad\xff") == "bad\\xff");
    CHECK(escape_for_terminal("caf\xC3\xA9") == "caf\xC3\xA9");
    CHECK(escape_for_terminal("\xC2\x9B" "2J") == "\\xc2\\x9b2J");  // C1 CSI
    CHECK(is_valid_utf8("caf\xC3\xA9"));
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));  // overlong
    CHECK(to_valid_utf8("a\xffz") == "a\xEF\xBF\xBDz");
}

TEST_CASE("sizes and entropy") {
    CHECK(parse_size("512") == 512u);
    CHECK(parse_size("64K") == 64u << 10);
    CHECK(parse_size("10mb") == 10u << 20);
    CHECK(parse_size("1G") == 1ull << 30);
    CHECK_FALSE(parse_size("ten"));
    CHECK_FALSE(parse_size("99999999999999999999999"));
    CHECK(shannon_entropy("") == 0.0);
    CHECK(shannon_entropy("aaaa") == 0.0);
    CHECK(shannon_entropy("abcd") == Approx(2.0));
    CHECK(shannon_entropy("0123456789abcdef") == Approx(4.0));
}

TEST_CASE("output files: regular files are replaced atomically, FIFOs are written, never replaced") {
    TempDir dir;
    auto file = dir / "report.json";
    CHECK(write_output_file(file, "one").empty());
    CHECK(write_output_file(file, "two").empty());
    CHECK(read_file(file) == "two");
    auto fifo = dir / "pipe";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    FILE* reader = nullptr;
    std::thread t([&] {
        reader = fopen(fifo.c_str(), "r");
        char buffer[16] = {};
        if (reader) {
            size_t n = fread(buffer, 1, sizeof buffer - 1, reader);
            CHECK(std::string(buffer, n) == "streamed");
            fclose(reader);
        }
    });
    CHECK(write_output_file(fifo, "streamed").empty());
    t.join();
    struct stat st {};
    REQUIRE(stat(fifo.c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
    CHECK_FALSE(write_output_file(dir.path(), "x").empty());  // a directory is an error
}

TEST_CASE("output files: a symlink (like /dev/stdout) is written through, never replaced") {
    TempDir dir;
    auto target = dir / "target.txt";
    write_file(target, "a much longer previous content");
    auto link = dir / "link";
    REQUIRE(symlink(target.c_str(), link.c_str()) == 0);
    CHECK(write_output_file(link, "new").empty());
    struct stat st {};
    REQUIRE(lstat(link.c_str(), &st) == 0);
    CHECK(S_ISLNK(st.st_mode));
    CHECK(read_file(target) == "new");
    auto dangling = dir / "dangling";
    REQUIRE(symlink((dir / "missing").c_str(), dangling.c_str()) == 0);
    CHECK_FALSE(write_output_file(dangling, "x").empty());
    CHECK_FALSE(std::filesystem::exists(dir / "missing"));
}
