// Helpers for unit tests that build real git repositories with the git command line: runs git
// in a directory with a fixed identity and dates and no system or global configuration.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "test_support.h"

namespace aaiscan::testing {

// Runs `git <args>` in `dir` (shell syntax: quote paths yourself). Returns the exit status.
inline int git_in(const std::string& dir, const std::string& args) {
    std::string cmd = "cd '" + dir +
                      "' && GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 "
                      "GIT_AUTHOR_NAME='Ada Tester' GIT_AUTHOR_EMAIL=ada@example.com "
                      "GIT_COMMITTER_NAME='Ada Tester' GIT_COMMITTER_EMAIL=ada@example.com "
                      "GIT_AUTHOR_DATE='2026-01-02T03:04:05+02:00' GIT_COMMITTER_DATE='2026-01-02T03:04:05+02:00' "
                      "git -c init.defaultBranch=main -c commit.gpgsign=false " +
                      args + " >/dev/null 2>&1";
    return std::system(cmd.c_str());
}

inline int git_in(const TempDir& dir, const std::string& args) { return git_in(dir.str(), args); }

// The first line git prints for `args` in `dir` ("" on failure).
inline std::string git_output(const std::string& dir, const std::string& args) {
    std::string cmd = "cd '" + dir + "' && GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 git " + args + " 2>/dev/null";
    std::string out;
    if (FILE* pipe = popen(cmd.c_str(), "r")) {
        char buffer[512];
        if (fgets(buffer, sizeof buffer, pipe)) out = buffer;
        pclose(pipe);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

// A fresh repository (branch main) in a temporary directory.
struct TempRepo {
    TempDir dir;
    TempRepo() { git_in(dir, "init -q"); }
    int git(const std::string& args) const { return git_in(dir, args); }
    std::string output(const std::string& args) const { return git_output(dir.str(), args); }
    void write(const std::string& relative, const std::string& content) const { write_file(dir / relative, content); }
    // Stages everything and commits; returns the new commit id.
    std::string commit(const std::string& message) const {
        git("add -A");
        git("commit -q --allow-empty -m '" + message + "'");
        return output("rev-parse HEAD");
    }
    std::string str() const { return dir.str(); }
};

}  // namespace aaiscan::testing
