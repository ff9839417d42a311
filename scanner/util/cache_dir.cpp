// Private cache directory helpers (see cache_dir.h).
#include "util/cache_dir.h"

#include <fcntl.h>
#include <sys/mman.h>
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

namespace {

// Opens `path` when it is a regular file owned by us, without group/other permissions and at
// most `max_bytes`; -1 otherwise. `size` receives its size.
int open_private_cache_file(const std::filesystem::path& path, uint64_t max_bytes, size_t& size) {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) return -1;
    struct stat st {};
    bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() && (st.st_mode & 077) == 0 &&
              static_cast<uint64_t>(st.st_size) <= max_bytes;
    if (!ok) {
        close(fd);
        return -1;
    }
    size = static_cast<size_t>(st.st_size);
    return fd;
}

}  // namespace

bool read_private_cache_file(const std::filesystem::path& path, uint64_t max_bytes, std::string& out) {
    size_t size = 0;
    int fd = open_private_cache_file(path, max_bytes, size);
    if (fd < 0) return false;
    out.resize(size);
    size_t got = 0;
    while (got < out.size()) {
        ssize_t n = read(fd, out.data() + got, out.size() - got);
        if (n <= 0) break;
        got += static_cast<size_t>(n);
    }
    close(fd);
    return got == out.size();
}

MappedCacheFile::~MappedCacheFile() { munmap(const_cast<void*>(m_data), m_size); }

std::shared_ptr<const MappedCacheFile> map_private_cache_file(const std::filesystem::path& path, uint64_t max_bytes) {
    size_t size = 0;
    int fd = open_private_cache_file(path, max_bytes, size);
    if (fd < 0) return nullptr;
    void* data = size == 0 ? MAP_FAILED : mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    close(fd);
    if (data == MAP_FAILED) return nullptr;
    return std::make_shared<const MappedCacheFile>(data, size);
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
