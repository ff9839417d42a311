// Unit tests for util/glob: gitignore-style path globs.
#include <catch2/catch.hpp>

#include "util/glob.h"

using aaiscan::glob_match;

TEST_CASE("glob: a pattern without a slash matches the base name anywhere") {
    CHECK(glob_match(".env", ".env"));
    CHECK(glob_match(".env", "apps/web/.env"));
    CHECK(glob_match(".env.*", "apps/web/.env.local"));
    CHECK_FALSE(glob_match(".env.*", "apps/web/.env"));
    CHECK(glob_match("*.min.js", "dist/assets/app.min.js"));
}

TEST_CASE("glob: ** spans directories, * does not") {
    CHECK(glob_match("**/.env", ".env"));
    CHECK(glob_match("**/.env", "a/b/c/.env"));
    CHECK(glob_match("fixtures/**", "fixtures/demo/app.py"));
    CHECK_FALSE(glob_match("fixtures/*", "fixtures/demo/app.py"));
    CHECK(glob_match("src/*.py", "src/app.py"));
    CHECK_FALSE(glob_match("src/*.py", "src/sub/app.py"));
    CHECK(glob_match("a/**/b", "a/b"));
    CHECK(glob_match("a/**/b", "a/x/y/b"));
}

TEST_CASE("glob: classes, ? and escapes") {
    CHECK(glob_match("file[0-9].txt", "file7.txt"));
    CHECK_FALSE(glob_match("file[!0-9].txt", "file7.txt"));
    CHECK(glob_match("?.txt", "a.txt"));
    CHECK_FALSE(glob_match("?.txt", "ab.txt"));
    CHECK(glob_match("\\*.txt", "*.txt"));
    CHECK_FALSE(glob_match("\\*.txt", "a.txt"));
}
