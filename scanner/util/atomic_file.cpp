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

std::string write_output_file(const std::filesystem::path& path, std::string_view data) {
    struct stat st {};
    if (stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) return path.string() + ": is a directory";
        int fd = open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
        if (fd < 0) return "cannot open " + path.string() + ": " + std::strerror(errno);
        size_t written = 0;
        while (written < data.size()) {
            ssize_t n = write(fd, data.data() + written, data.size() - written);
            if (n < 0) {
                if (errno == EINTR) continue;
                std::string message = "cannot write " + path.string() + ": " + std::strerror(errno);
                close(fd);
                return message;
            }
            written += static_cast<size_t>(n);
        }
        close(fd);
        return {};
    }
    return write_file_atomically(path, data, 0644);
}

}  // namespace aaiscan
