// Hostile inputs through the real binary: file names with newlines, terminal escapes, invalid
// UTF-8 and C1 controls in every output format (escaped; JSON stays valid UTF-8 JSON), a report
// that cannot be written (exit 2, never a silent loss), and a rule file of 10,000 rules (loads,
// checks and scans in reasonable time).
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace aaiscan::testing;

namespace {

struct Run {
    int code = -1;
    std::string out;
    std::string err;
    double seconds = 0;
};

// Runs the aaiscan binary with `args` in `cwd`; stdout goes to `stdout_path` when given; `env`
// is added to the environment.
Run run_aaiscan(const std::vector<std::string>& args, const std::string& cwd, const std::string& stdout_path = "",
                const std::vector<std::pair<std::string, std::string>>& env = {}) {
    TempDir capture;
    std::string out_path = stdout_path.empty() ? (capture / "out").string() : stdout_path;
    std::string err_path = (capture / "err").string();
    auto started = std::chrono::steady_clock::now();
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        if (chdir(cwd.c_str()) != 0) _exit(126);
        int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        int in = open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (out < 0 || err < 0 || in < 0) _exit(126);
        dup2(in, 0);
        dup2(out, 1);
        dup2(err, 2);
        std::vector<char*> argv;
        std::string binary = AAISCAN_BINARY;
        argv.push_back(binary.data());
        std::vector<std::string> copy = args;
        for (auto& a : copy) argv.push_back(a.data());
        argv.push_back(nullptr);
        setenv("NO_COLOR", "1", 1);
        for (const auto& [name, value] : env) setenv(name.c_str(), value.c_str(), 1);
        execv(binary.c_str(), argv.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    Run r;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (stdout_path.empty()) r.out = read_file(out_path);
    r.err = read_file(err_path);
    return r;
}

// True when `s` holds a byte a terminal acts on: C0 controls other than '\n', and (unless
// `c0_only`: JSON escapes C0 but may carry DEL and C1 as characters) DEL or a C1 control
// (U+0080..U+009F as C2 80..C2 9F).
bool has_control(const std::string& s, bool c0_only = false) {
    for (size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 && c != '\n') return true;
        if (c0_only) continue;
        if (c == 0x7F) return true;
        if (c == 0xC2 && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xE0) == 0x80) return true;
    }
    return false;
}

constexpr bool k_address_sanitizer =
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

const std::vector<std::string> k_hostile_names = {
    "evil\nname.sh",                 // a newline: fakes a second finding line
    "red\x1b[31mtext\x1b[0m.sh",     // an ANSI colour sequence
    "title\x1b]0;pwned\x07.sh",      // an OSC sequence (sets the terminal title)
    "carriage\rreturn.sh",           // overwrites the line on a terminal
    "c1\xc2\x9b" "31m.sh",           // C1 CSI, valid UTF-8
    "bad\xff\xfeutf8.sh",            // invalid UTF-8
    "tab\tand\\back\"quote.sh",      // JSON/SARIF escaping
};

}  // namespace

TEST_CASE("hostile CLI: hostile file names are escaped in every output format") {
    TempDir dir;
    for (size_t i = 0; i < k_hostile_names.size(); ++i) {
        // A distinct synthetic key per file, in the .env-style assignment the default rules find.
        std::string value = "4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a" + std::string(1, "0123456789abcdef"[i]) + "0";
        write_file(dir / k_hostile_names[i], "ASSEMBLYAI_API_KEY=" + value + "\n");
    }
    for (const std::string format : {"text", "json", "jsonl", "sarif"}) {
        INFO("format " << format);
        Run r = run_aaiscan({"scan", "--no-config", "-f", format, "-v", "."}, dir.str());
        CHECK(r.code == 1);
        CHECK_FALSE(has_control(r.out, format != "text"));
        CHECK_FALSE(has_control(r.err));
        if (format == "text") {
            // Each finding's path is on one line: the newline in the name is shown as \n.
            CHECK(r.out.find("evil\\nname.sh") != std::string::npos);
            CHECK(r.out.find("red\\x1b[31mtext") != std::string::npos);
            continue;
        }
        std::vector<nlohmann::json> docs;
        if (format == "jsonl") {
            std::istringstream lines(r.out);
            for (std::string line; std::getline(lines, line);) {
                REQUIRE_NOTHROW(docs.push_back(nlohmann::json::parse(line)));  // strict: invalid UTF-8 throws
            }
        } else {
            REQUIRE_NOTHROW(docs.push_back(nlohmann::json::parse(r.out)));
        }
        std::vector<std::string> paths;
        for (const auto& doc : docs) {
            if (format == "json") {
                for (const auto& f : doc["findings"]) paths.push_back(f["path"]);
            } else if (format == "jsonl") {
                paths.push_back(doc["path"]);
            } else {
                for (const auto& res : doc["runs"][0]["results"]) {
                    paths.push_back(res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]);
                }
            }
        }
        CHECK(paths.size() == k_hostile_names.size());
        if (format != "sarif") {
            // JSON keeps the real name (escaped by JSON itself), invalid bytes as U+FFFD.
            CHECK(std::find(paths.begin(), paths.end(), "evil\nname.sh") != paths.end());
            CHECK(std::find(paths.begin(), paths.end(), "bad\xef\xbf\xbd\xef\xbf\xbdutf8.sh") != paths.end());
        } else {
            // SARIF URIs are percent-encoded.
            CHECK(std::find(paths.begin(), paths.end(), "evil%0Aname.sh") != paths.end());
        }
    }
}

TEST_CASE("hostile CLI: a report that cannot be written fails the run (exit 2)") {
    TempDir dir;
    write_file(dir / "app.env", "ASSEMBLYAI_API_KEY=4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f\n");
    write_file(dir / "clean/readme.txt", "nothing here\n");
    // /dev/full: every write fails with ENOSPC, like a full disk.
    for (const std::string format : {"text", "json", "jsonl", "sarif"}) {
        INFO("format " << format);
        Run to_stdout = run_aaiscan({"scan", "--no-config", "-f", format, "app.env"}, dir.str(), "/dev/full");
        CHECK(to_stdout.code == 2);
        CHECK(to_stdout.err.find("error") != std::string::npos);
        Run clean = run_aaiscan({"scan", "--no-config", "-f", format, "clean"}, dir.str(), "/dev/full");
        if (format != "jsonl") CHECK(clean.code == 2);  // jsonl prints nothing for a clean scan
        Run to_file = run_aaiscan({"scan", "--no-config", "-f", format, "-o", "/dev/full", "app.env"}, dir.str());
        CHECK(to_file.code == 2);
        CHECK(to_file.err.find("/dev/full") != std::string::npos);
    }
}

TEST_CASE("hostile CLI: a rule file of 10,000 rules loads, checks and scans in reasonable time") {
    // Compiling 10,000 patterns costs Hyperscan ~12 s of CPU per scope here (once: then cached);
    // one scope keeps the suite quick. Sanitized builds are ~3x slower: 2,000 rules there.
    const int count = k_address_sanitizer ? 2000 : 10000;
    TempDir dir;
    std::string yaml = "rules:\n";
    for (int i = 0; i < count; ++i) {
        std::string id = std::to_string(i);
        yaml += "  - id: bulk.rule-" + id + "\n    category: secret\n    severity: medium\n    scopes: [code]\n"
                "    pattern: 'bulk" + id + "_(?P<secret>[a-z0-9]{24})\\b'\n"
                "    message: Bulk rule " + id + "\n"
                "    examples: ['token = bulk" + id + "_abcdefghijklmnop12345678']\n"
                "    negative_examples: ['bulk" + id + "_short']\n";
    }
    write_file(dir / "big.yaml", yaml);
    write_file(dir / "tree/app.py", "a = 'bulk42_abcdefghijklmnop12345678'\nb = 'bulk" + std::to_string(count - 1) +
                                        "_zyxwvutsrqponmlk87654321'\n");
    std::string cache = (dir / "cache").string();
    std::optional<std::string> previous_cache;
    if (const char* env = std::getenv("AAISCAN_CACHE_DIR")) previous_cache = env;
    setenv("AAISCAN_CACHE_DIR", cache.c_str(), 1);  // a cold cache first, then a warm one

    Run check = run_aaiscan({"rules", "check", "--no-default-rules", "--rules", "big.yaml"}, dir.str());
    INFO(check.err.substr(0, 2000));
    CHECK(check.code == 0);
    Run cold = run_aaiscan({"scan", "--no-config", "--no-default-rules", "--rules", "big.yaml", "-f", "json", "tree"},
                           dir.str());
    Run warm = run_aaiscan({"scan", "--no-config", "--no-default-rules", "--rules", "big.yaml", "-f", "json", "tree"},
                           dir.str());
    if (previous_cache) {
        setenv("AAISCAN_CACHE_DIR", previous_cache->c_str(), 1);
    } else {
        unsetenv("AAISCAN_CACHE_DIR");
    }
    CHECK(cold.code == 1);
    CHECK(warm.code == 1);
    auto doc = nlohmann::json::parse(warm.out);
    CHECK(doc["findings"].size() == 2);
    WARN(count << " rules: rules check " << check.seconds << " s, first scan " << cold.seconds << " s, cached scan "
                                      << warm.seconds << " s");
    CHECK(check.seconds < 180);  // cold: compiles
    CHECK(cold.seconds < 30);    // the cache written by `rules check` is used
    CHECK(warm.seconds < 30);
}

TEST_CASE("hostile CLI: without the phone-number module a scan warns and reports no phone numbers") {
    TempDir dir;
    // A London number: only libphonenumber can judge it.
    write_file(dir / "call.srt", "1\n00:00:01,000 --> 00:00:04,000\nSure, call me at +44 20 7946 0958.\n");
    Run with = run_aaiscan({"scan", "--no-config", "-f", "jsonl", "call.srt"}, dir.path().string());
    CHECK(with.code == 1);
    CHECK(with.out.find("pii.phone-number") != std::string::npos);
    CHECK(with.err.find("warning") == std::string::npos);

    Run without = run_aaiscan({"scan", "--no-config", "-f", "jsonl", "call.srt"}, dir.path().string(), "",
                              {{"AAISCAN_PHONE_PLUGIN", (dir / "missing.so").string()}});
    CHECK(without.code == 0);
    CHECK(without.out.find("pii.phone-number") == std::string::npos);
    CHECK(without.err.find("phone numbers are not validated") != std::string::npos);
    CHECK(without.err.find("missing.so") != std::string::npos);

    // A North American number written 3-3-4 is judged without the module: reported, no warning.
    write_file(dir / "call.srt", "1\n00:00:01,000 --> 00:00:04,000\nSure, call me at (415) 555-2671.\n");
    Run nanp = run_aaiscan({"scan", "--no-config", "-f", "jsonl", "call.srt"}, dir.path().string(), "",
                           {{"AAISCAN_PHONE_PLUGIN", (dir / "missing.so").string()}});
    CHECK(nanp.code == 1);
    CHECK(nanp.out.find("pii.phone-number") != std::string::npos);
    CHECK(nanp.err.find("warning") == std::string::npos);
}
