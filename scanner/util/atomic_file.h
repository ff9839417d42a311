// Atomic file replacement: write to a temporary file in the same directory, fsync, rename.
// A crash at any point leaves either the old file or the complete new one under the final name.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <sys/types.h>

namespace aaiscan {

// Writes `data` to `path` atomically with permissions `mode`. Returns an empty string on
// success, otherwise a description of what failed (the temporary file is removed).
std::string write_file_atomically(const std::filesystem::path& path, std::string_view data,
                                  mode_t mode = 0644);

// Writes a report to `path`: atomically (as above) when `path` is a regular file or does not
// exist yet; directly when it is a device, FIFO, socket or symlink (`-o /dev/null`,
// `-o /dev/stdout`), which must never be replaced by a regular file (our own stdout is written
// through its descriptor). A dangling symlink or a directory is an error.
std::string write_output_file(const std::filesystem::path& path, std::string_view data);

}  // namespace aaiscan
