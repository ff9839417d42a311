// Unit tests for util/glob: gitignore-style path globs.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "util/glob.h"

using aaiscan::glob_match;
using aaiscan::glob_required_literal;

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

TEST_CASE("glob: the required literal is in every path the pattern matches") {
    CHECK(glob_required_literal("**/.env.*") == ".env.");
    CHECK(glob_required_literal("**/*.env") == ".env");
    CHECK(glob_required_literal("./config/**/secrets.yml") == "secrets.yml");
    CHECK(glob_required_literal("id_[rd]sa") == "id_");
    CHECK(glob_required_literal("**") == "");
    CHECK(glob_required_literal("*.p\\[12\\]") == ".p");
    // Property: on a grid of patterns and paths, a match always contains the literal.
    const char* patterns[] = {"**/.env", "**/.env.*", "*.pem", "/src/*.key", "a/**/b.txt", "**/x/**",
                              "./x", "?.env", "[.]env", "credentials*.json", "dir/", "**/id_*sa"};
    const char* paths[] = {".env", "a/.env", "a/.env.local", "x.pem", "src/a.key", "a/b.txt", "a/c/d/b.txt",
                           "x", "x/y", "b/x/z", "a.env", ".env.", "credentials.json", "k/id_rsa", "dir"};
    for (const char* p : patterns) {
        std::string literal = glob_required_literal(p);
        for (const char* path : paths) {
            if (glob_match(p, path)) CHECK(std::string_view(path).find(literal) != std::string_view::npos);
        }
    }
}
