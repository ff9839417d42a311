// Atomic file writes (see atomic_file.h).
#include "util/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <string>
#include <unistd.h>

namespace aaiscan {

std::string write_file_atomically(const std::filesystem::path& path, std::string_view data,
                                  mode_t mode) {
    std::string temp = path.string() + ".tmp.XXXXXX";
    int fd = mkstemp(temp.data());
    if (fd < 0) return "cannot create temporary file next to " + path.string() + ": " + std::strerror(errno);
    auto fail = [&](const char* what) {
        std::string message = std::string(what) + " " + temp + ": " + std::strerror(errno);
        close(fd);
        unlink(temp.c_str());
        return message;
    };
    if (fchmod(fd, mode) != 0) return fail("cannot set permissions of");
    size_t written = 0;
    while (written < data.size()) {
        ssize_t n = write(fd, data.data() + written, data.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("cannot write");
        }
        written += static_cast<size_t>(n);
    }
    if (fsync(fd) != 0) return fail("cannot sync");
    if (close(fd) != 0) {
        std::string message = "cannot close " + temp + ": " + std::strerror(errno);
        unlink(temp.c_str());
        return message;
    }
    if (rename(temp.c_str(), path.c_str()) != 0) {
        std::string message = "cannot rename " + temp + " to " + path.string() + ": " + std::strerror(errno);
        unlink(temp.c_str());
        return message;
    }
    return {};
}

namespace {

std::string write_all(int fd, std::string_view data, const std::filesystem::path& path) {
    size_t written = 0;
    while (written < data.size()) {
        ssize_t n = write(fd, data.data() + written, data.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return "cannot write " + path.string() + ": " + std::strerror(errno);
        }
        written += static_cast<size_t>(n);
    }
    return {};
}

}  // namespace

std::string write_output_file(const std::filesystem::path& path, std::string_view data) {
    struct stat st {};
    struct stat link {};
    bool exists = stat(path.c_str(), &st) == 0;
    bool is_link = lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode);
    if (exists && S_ISDIR(st.st_mode)) return path.string() + ": is a directory";
    if (!exists && is_link) return path.string() + ": is a dangling symbolic link";
    // Devices, FIFOs, sockets and symlinks are written through, never replaced: /dev/stdout is a
    // symlink, and replacing it when stdout is a regular file would put a regular file in /dev.
    if (exists && (is_link || !S_ISREG(st.st_mode))) {
        struct stat out {};
        if (fstat(STDOUT_FILENO, &out) == 0 && out.st_dev == st.st_dev && out.st_ino == st.st_ino) {
            return write_all(STDOUT_FILENO, data, path);  // our own stdout: keep its offset
        }
        int flags = O_WRONLY | O_CLOEXEC | O_NOCTTY | (S_ISREG(st.st_mode) ? O_TRUNC : 0);
        int fd = open(path.c_str(), flags);
        if (fd < 0) return "cannot open " + path.string() + ": " + std::strerror(errno);
        std::string problem = write_all(fd, data, path);
        if (close(fd) != 0 && problem.empty()) problem = "cannot close " + path.string() + ": " + std::strerror(errno);
        return problem;
    }
    return write_file_atomically(path, data, 0644);
}

}  // namespace aaiscan
