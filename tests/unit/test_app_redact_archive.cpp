// Unit tests for app/redact_archive.cpp and decode/archive_writer.cpp: archives written back as
// the same type with the same members in order, transcripts redacted, others copied, zip-slip
// names refused.
#include <catch2/catch.hpp>

#include <memory>

#include "app/engine.h"
#include "app/redact_archive.h"
#include "decode/archive_writer.h"

using namespace aaiscan;

namespace {

const Engine& engine() {
    static std::unique_ptr<Engine> e = std::make_unique<Engine>(EngineOptions{}, Config{});
    return *e;
}

std::string build(ArchiveKind kind, const std::vector<std::pair<std::string, std::string>>& files) {
    std::string out;
    ArchiveWriter writer;
    REQUIRE(writer.open(kind, out));
    for (const auto& [name, data] : files) {
        ArchiveMember m;
        m.name = name;
        m.type = name.ends_with("/") ? MemberType::directory : MemberType::regular;
        m.mtime = 1767323045;
        REQUIRE(writer.add(m, data));
    }
    REQUIRE(writer.close());
    return out;
}

std::vector<std::pair<std::string, std::string>> read_all(const std::string& bytes) {
    std::vector<std::pair<std::string, std::string>> out;
    ArchiveReader reader;
    REQUIRE(reader.open_memory(bytes));
    ArchiveMember m;
    while (reader.next(m) == ArchiveStatus::ok) {
        std::string data;
        char buffer[4096];
        int64_t n = 0;
        while ((n = reader.read(buffer, sizeof buffer)) > 0) data.append(buffer, static_cast<size_t>(n));
        out.emplace_back(m.name, data);
    }
    return out;
}

const std::string k_srt = "1\n00:00:00,500 --> 00:00:02,000\nMy email is dana.whitfield@example.com\n";

}  // namespace

TEST_CASE("member names that leave the tree are unsafe", "[redact][archive]") {
    CHECK(is_unsafe_member_name("../x.json"));
    CHECK(is_unsafe_member_name("a/../../x.json"));
    CHECK(is_unsafe_member_name("/etc/passwd"));
    CHECK(is_unsafe_member_name("..\\win.json"));
    CHECK(is_unsafe_member_name("C:\\x.json"));
    CHECK_FALSE(is_unsafe_member_name("exports/t..json"));
    CHECK_FALSE(is_unsafe_member_name("exports/t.json"));
}

TEST_CASE("archives are written back as the same kind with the same members in order", "[redact][archive]") {
    RedactOptions options;
    options.policies = {"email_address"};
    options.matcher = &engine().matcher();
    TranscriptRedactor redactor(options);
    for (ArchiveKind kind : {ArchiveKind::zip, ArchiveKind::tar, ArchiveKind::tar_gzip}) {
        CAPTURE(to_string(kind));
        std::string input = build(kind, {{"exports/", ""}, {"exports/call.srt", k_srt}, {"exports/notes.md", "# notes\n"}});
        REQUIRE(archive_kind_of(std::string_view(input).substr(0, 512), kind != ArchiveKind::zip) == kind);
        ArchiveRedaction result;
        redact_archive(input, "a", redactor, result);
        REQUIRE(result.ok);
        CHECK(result.kind == to_string(kind));
        CHECK(result.items.size() == 1);
        CHECK(result.copied_members == 2);
        auto members = read_all(result.output);
        REQUIRE(members.size() == 3);
        CHECK(members[0].first == "exports/");
        CHECK(members[1].first == "exports/call.srt");
        CHECK(members[1].second == "1\n00:00:00,500 --> 00:00:02,000\nMy email is ####.#########@#######.###\n");
        CHECK(members[2].first == "exports/notes.md");
        CHECK(members[2].second == "# notes\n");
        std::vector<SpanReport> residual;
        std::string problem;
        CHECK(find_archive_pii(result.output, "a", redactor, residual, problem));
        CHECK(residual.empty());
        std::vector<SpanReport> before;
        CHECK(find_archive_pii(input, "a", redactor, before, problem));
        CHECK(before.size() == 1);
    }
}

TEST_CASE("an archive with a zip-slip member is refused whole", "[redact][archive]") {
    RedactOptions options;
    options.policies = {"email_address"};
    options.matcher = &engine().matcher();
    TranscriptRedactor redactor(options);
    std::string input = build(ArchiveKind::zip, {{"call.srt", k_srt}, {"../../evil.srt", k_srt}});
    ArchiveRedaction result;
    redact_archive(input, "hostile.zip", redactor, result);
    CHECK_FALSE(result.ok);
    CHECK(result.problem.find("zip-slip") != std::string::npos);
    CHECK(result.output.empty());
}

TEST_CASE("an archive with a broken transcript member is refused, not half-redacted", "[redact][archive]") {
    RedactOptions options;
    options.policies = {"email_address"};
    options.matcher = &engine().matcher();
    TranscriptRedactor redactor(options);
    std::string broken = R"({"id": "t", "status": "completed", "audio_url": "https://e.com/a.mp3", "words": [{"text": "hi")";
    std::string input = build(ArchiveKind::tar_gzip, {{"call.srt", k_srt}, {"t.json", broken}});
    ArchiveRedaction result;
    redact_archive(input, "exports.tgz", redactor, result);
    CHECK_FALSE(result.ok);
    CHECK(result.problem.find("exports.tgz!t.json") != std::string::npos);
}

TEST_CASE("nested archives are redacted inside their parent", "[redact][archive]") {
    RedactOptions options;
    options.policies = {"email_address"};
    options.matcher = &engine().matcher();
    TranscriptRedactor redactor(options);
    std::string inner = build(ArchiveKind::zip, {{"call.srt", k_srt}});
    std::string outer = build(ArchiveKind::tar, {{"inner.zip", inner}, {"readme.txt", "hello\n"}});
    ArchiveRedaction result;
    redact_archive(outer, "outer.tar", redactor, result);
    REQUIRE(result.ok);
    REQUIRE(result.items.size() == 1);
    CHECK(result.items[0].path == "outer.tar!inner.zip!call.srt");
    auto members = read_all(result.output);
    REQUIRE(members.size() == 2);
    auto nested = read_all(members[0].second);
    REQUIRE(nested.size() == 1);
    CHECK(nested[0].second.find("####.#########@#######.###") != std::string::npos);
    CHECK(members[1].second == "hello\n");
}

TEST_CASE("archive writer: no zero padding after a zip's end record or a gzip stream", "[redact][archive]") {
    std::string zip = build(ArchiveKind::zip, {{"call.srt", k_srt}});
    REQUIRE(zip.size() > 22);
    CHECK(zip.compare(zip.size() - 22, 4, "PK\x05\x06") == 0);  // the end of central directory record, last
    std::string tgz = build(ArchiveKind::tar_gzip, {{"call.srt", k_srt}});
    CHECK(tgz.size() < 10240);
    // A gzip stream ends with CRC32 and ISIZE (the uncompressed size mod 2^32: a tar of one
    // small member is a few 512-byte blocks, so not zero).
    REQUIRE(tgz.size() > 8);
    CHECK(tgz.substr(tgz.size() - 4) != std::string(4, '\0'));
    CHECK(read_all(tgz).size() == 1);
}
