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

}  // namespace aaiscan
