// Hostile trees and exhausted resources, through the whole directory scan (run_scan): device
// files, sockets and FIFOs are skipped without being opened, and running out of file descriptors
// (EMFILE) or memory (ENOMEM) is reported as an error, so the scan exits 2 instead of silently
// skipping what it could not read or aborting.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "app/engine.h"
#include "app/scan_runner.h"
#include "test_support.h"

using namespace aaiscan;
using namespace aaiscan::testing;

namespace {

const std::string k_value = "4c3b1e0f9a8d7c6b5a4f3e2d1c0b9a8f";  // synthetic

// An engine with one rule that finds `acme_key=<32 hex>` in every scope.
struct TreeFixture {
    TempDir rules_dir;
    std::unique_ptr<Engine> engine;
    Allowlist allowlist{AllowConfig{}};
    FindingFilter filter{allowlist, nullptr};

    TreeFixture() {
        write_file(rules_dir / "acme.yaml", one_rule("acme.key", "acme_key=(?P<secret>[0-9a-f]{32})\\b", "",
                                                     "[code, config, env, ci, bundle, transcript]"));
        EngineOptions options;
        options.default_rules = false;
        options.use_cache = false;
        options.rule_paths = {(rules_dir / "acme.yaml").string()};
        engine = std::make_unique<Engine>(options, Config{});
    }

    ScanOutput scan(const std::vector<std::string>& paths, ScanLimits limits = {}, unsigned threads = 2) {
        ScanRequest request;
        request.paths = paths;
        request.limits = limits;
        request.threads = threads;
        return run_scan(*engine, request, filter);
    }
};

// Binds a Unix socket at `path` (the fd is closed; the socket file stays).
bool make_socket(const std::filesystem::path& path) {
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0) return false;
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path.string().size() >= sizeof addr.sun_path) {
        close(fd);
        return false;
    }
    std::strcpy(addr.sun_path, path.c_str());
    bool ok = bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    close(fd);
    return ok;
}

// Runs `body` in a child process and returns what it wrote to the pipe (fd passed to it) plus its
// exit status (-1 when it died of a signal, e.g. an abort).
std::pair<std::string, int> in_child(const std::function<void(int)>& body) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        body(fds[1]);
        _exit(0);
    }
    close(fds[1]);
    std::string text;
    char buffer[4096];
    ssize_t n;
    while ((n = read(fds[0], buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<size_t>(n));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    return {text, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

void write_all(int fd, const std::string& text) {
    size_t done = 0;
    while (done < text.size()) {
        ssize_t n = write(fd, text.data() + done, text.size() - done);
        if (n <= 0) return;
        done += static_cast<size_t>(n);
    }
}

// "errors=N exit=M" and every diagnostic, one per line.
std::string describe(const ScanOutput& out) {
    std::string text = "errors=" + std::to_string(out.stats.errors) +
                       " exit=" + std::to_string(exit_code_for(out, Severity::low)) + "\n";
    for (const auto& d : out.diagnostics) text += d.path + ": " + d.message + "\n";
    return text;
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

}  // namespace

TEST_CASE("hostile trees: device files, sockets and FIFOs in the tree are skipped, never opened") {
    TreeFixture f;
    TempDir dir;
    write_file(dir / "app.env", "acme_key=" + k_value + "\n");
    REQUIRE(mkfifo((dir / "pipe").c_str(), 0600) == 0);  // opening it for reading would block
    REQUIRE(make_socket(dir / "agent.sock"));
    size_t specials = 2;
    // /dev/zero and /dev/urandom look-alikes: reading either would never end. Creating device
    // nodes needs CAP_MKNOD (root outside a user namespace); without it, the rest still runs.
    bool devices = mknod((dir / "zero").c_str(), S_IFCHR | 0666, makedev(1, 5)) == 0 &&
                   mknod((dir / "urandom").c_str(), S_IFCHR | 0666, makedev(1, 9)) == 0;
    if (devices) specials += 2;
    std::filesystem::create_directories(dir / "sub");
    if (devices) REQUIRE(mknod((dir / "sub/disk").c_str(), S_IFBLK | 0600, makedev(7, 0)) == 0);
    if (devices) ++specials;

    ScanOutput out = f.scan({dir.str()});
    INFO(describe(out));
    CHECK(out.stats.errors == 0);
    CHECK(out.stats.files_scanned == 1);
    CHECK(out.stats.skipped_special == specials);
    REQUIRE(out.findings.size() == 1);
    CHECK(out.findings[0].secret == k_value);
    if (!devices) WARN("mknod not permitted here: device nodes not tested");

    // Named explicitly, a device or FIFO is an error (asked for, not scanned), and nothing hangs.
    std::vector<std::string> named = {(dir / "pipe").string()};
    if (devices) named.push_back((dir / "zero").string());
    ScanOutput explicit_out = f.scan(named);
    CHECK(explicit_out.stats.errors == named.size());
    CHECK(exit_code_for(explicit_out, Severity::low) == 2);
}

TEST_CASE("hostile trees: running out of file descriptors is an error (exit 2), not a silent skip") {
    if (k_address_sanitizer) {
        // The sanitizer runtime needs descriptors itself (UBSan's vptr check probes memory through
        // a pipe) and reports false errors without them.
        WARN("skipped under the sanitizers: their runtime needs free file descriptors");
        return;
    }
    TreeFixture f;
    TempDir dir;
    write_file(dir / "a/one.env", "acme_key=" + k_value + "\n");
    write_file(dir / "b/two.env", "acme_key=" + k_value + "\n");
    write_file(dir / "top.env", "acme_key=" + k_value + "\n");
    auto [report, code] = in_child([&](int pipe_fd) {
        // No descriptor can be opened from here on: the lowest free one is the limit.
        int next = dup(0);
        if (next >= 0) close(next);
        rlimit limit{static_cast<rlim_t>(next), static_cast<rlim_t>(next)};
        if (setrlimit(RLIMIT_NOFILE, &limit) != 0) _exit(3);
        ScanOutput tree = f.scan({dir.str()});
        ScanOutput file = f.scan({(dir / "top.env").string()});
        write_all(pipe_fd, describe(tree) + "--\n" + describe(file));
    });
    INFO(report);
    REQUIRE(code == 0);
    size_t split = report.find("--\n");
    REQUIRE(split != std::string::npos);
    std::string tree = report.substr(0, split), file = report.substr(split + 3);
    CHECK(tree.find(" exit=2") != std::string::npos);
    CHECK(tree.find("errors=0") == std::string::npos);
    CHECK(tree.find("Too many open files") != std::string::npos);
    CHECK(file.find(" exit=2") != std::string::npos);
    CHECK(file.find("Too many open files") != std::string::npos);
}

TEST_CASE("hostile trees: running out of memory on one file is an error (exit 2), not an abort") {
    if (k_address_sanitizer) {
        WARN("skipped under AddressSanitizer: it reserves terabytes of address space, RLIMIT_AS cannot apply");
        return;
    }
    TreeFixture f;
    TempDir dir;
    write_file(dir / "small.env", "acme_key=" + k_value + "\n");
    // A 2 GiB file (sparse: costs no disk), read whole because the chunk size is raised above it.
    {
        int fd = open((dir / "huge.log").c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
        REQUIRE(fd >= 0);
        REQUIRE(ftruncate(fd, 2ll << 30) == 0);
        close(fd);
    }
    ScanLimits limits;
    limits.max_file_size = 4ull << 30;
    limits.chunk_size = size_t(4) << 30;
    auto [report, code] = in_child([&](int pipe_fd) {
        // Allow what the process uses now plus 512 MiB: the 2 GiB buffer cannot be had.
        std::ifstream status("/proc/self/status");
        std::string line;
        uint64_t vm_kb = 0;
        while (std::getline(status, line)) {
            if (line.rfind("VmSize:", 0) == 0) vm_kb = std::stoull(line.substr(7));
        }
        rlimit limit{static_cast<rlim_t>((vm_kb << 10) + (512ull << 20)), RLIM_INFINITY};
        if (vm_kb == 0 || setrlimit(RLIMIT_AS, &limit) != 0) _exit(3);
        ScanOutput out = f.scan({dir.str()}, limits, 1);
        write_all(pipe_fd, describe(out) + "findings=" + std::to_string(out.findings.size()) + "\n");
    });
    INFO(report);
    REQUIRE(code == 0);  // -1 would mean the child aborted (uncaught std::bad_alloc)
    CHECK(report.find(" exit=2") != std::string::npos);
    CHECK(report.find("huge.log: out of memory") != std::string::npos);
    CHECK(report.find("findings=1") != std::string::npos);  // the other file is still scanned
}

TEST_CASE("hostile trees: a tree deeper than PATH_MAX is reported, not silently cut") {
    TreeFixture f;
    TempDir dir;
    // 60 levels of 100-character names: 6 KB paths, beyond PATH_MAX (4096) for open()/opendir().
    std::filesystem::path deep = dir.path();
    std::string name(100, 'd');
    int at = open(dir.str().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    REQUIRE(at >= 0);
    for (int level = 0; level < 60; ++level) {
        REQUIRE(mkdirat(at, name.c_str(), 0700) == 0);
        int next = openat(at, name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        close(at);
        REQUIRE(next >= 0);
        at = next;
    }
    std::string line = "acme_key=" + k_value + "\n";
    int fd = openat(at, "deep.env", O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    REQUIRE(fd >= 0);
    REQUIRE(write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()));
    close(fd);
    close(at);
    write_file(dir / "shallow.env", line);

    ScanOutput out = f.scan({dir.str()});
    INFO(describe(out).substr(0, 600));
    CHECK(out.findings.size() == 1);  // the shallow one
    CHECK(out.stats.errors >= 1);
    CHECK(exit_code_for(out, Severity::low) == 2);
    bool named = false;
    for (const auto& d : out.diagnostics) named |= d.message.find("File name too long") != std::string::npos;
    CHECK(named);
    // TempDir's cleanup works by path, which is too long down there; rm -rf works relatively.
    std::string command = "rm -rf '" + (dir / name).string() + "'";
    CHECK(std::system(command.c_str()) == 0);
}
