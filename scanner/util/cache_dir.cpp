// Private cache directory helpers (see cache_dir.h).
#include "util/cache_dir.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace aaiscan {

std::string default_cache_dir() {
    if (const char* dir = std::getenv("AAISCAN_CACHE_DIR"); dir && *dir) return dir;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/aaiscan";
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/aaiscan";
    return {};
}

bool ensure_private_cache_dir(const std::string& dir) {
    std::error_code ec;
    bool created = std::filesystem::create_directories(dir, ec);
    if (ec) return false;
    struct stat st {};
    if (lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid()) return false;
    // Only a directory we just created is made private: an existing one the user pointed us at
    // (a shared /tmp, $HOME) keeps its permissions; the entries are private files either way.
    if (created && (st.st_mode & 077) != 0) chmod(dir.c_str(), 0700);
    return true;
}

bool read_private_cache_file(const std::filesystem::path& path, uint64_t max_bytes, std::string& out) {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) return false;
    struct stat st {};
    bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() && (st.st_mode & 077) == 0 &&
              static_cast<uint64_t>(st.st_size) <= max_bytes;
    if (ok) {
        out.resize(static_cast<size_t>(st.st_size));
        size_t got = 0;
        while (got < out.size()) {
            ssize_t n = read(fd, out.data() + got, out.size() - got);
            if (n <= 0) break;
            got += static_cast<size_t>(n);
        }
        ok = got == out.size();
    }
    close(fd);
    return ok;
}

void prune_cache_dir(const std::string& dir, const std::string& prefix, size_t keep) {
    std::error_code ec;
    std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> entries;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        if (e.path().filename().string().rfind(prefix, 0) != 0) continue;
        if (e.path().filename().string().find(".tmp.") != std::string::npos) continue;
        entries.emplace_back(e.last_write_time(ec), e.path());
    }
    if (entries.size() <= keep) return;
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t i = keep; i < entries.size(); ++i) std::filesystem::remove(entries[i].second, ec);
}

}  // namespace aaiscan
