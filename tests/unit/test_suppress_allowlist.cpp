// Unit tests for suppress/allowlist: path globs relative to the config's directory wherever it
// sits relative to the project root, regexes and case-insensitive stopwords on the value.
#include <catch2/catch.hpp>

#include "suppress/allowlist.h"
#include "util/error.h"

using namespace aaiscan;

TEST_CASE("allowlist: paths are relative to the config's directory") {
    AllowConfig config;
    config.paths = {"fixtures/**"};
    Allowlist same(config);
    CHECK(same.covers_path("fixtures/a.py", "x"));
    CHECK_FALSE(same.covers_path("pkg/web/fixtures/a.py", "pkg/web/fixtures/a.py"));

    Allowlist below(config);  // the config is in pkg/web/ of the repository
    below.set_project_base("pkg/web/", "");
    CHECK(below.covers_path("pkg/web/fixtures/a.py", "pkg/web/fixtures/a.py"));
    CHECK_FALSE(below.covers_path("pkg/api/fixtures/a.py", "pkg/api/fixtures/a.py"));

    AllowConfig nested;
    nested.paths = {"sub/fixtures/*.py"};
    Allowlist above(nested);  // a scan of sub/ below the config's directory
    above.set_project_base("", "sub/");
    CHECK(above.covers_path("fixtures/a.py", "a.py"));
    CHECK_FALSE(above.covers_path("other/a.py", "a.py"));
}

TEST_CASE("allowlist: values by regex and stopword") {
    AllowConfig config;
    config.regexes = {"^ab12"};
    config.stopwords = {"DEADBEEF"};
    Allowlist allow(config);
    CHECK(allow.covers_value("ab12ffff"));
    CHECK_FALSE(allow.covers_value("ffab12"));
    CHECK(allow.covers_value("12deadbeef34"));
    CHECK_FALSE(allow.covers_value("12dead-beef34"));
    config.regexes = {"(unclosed"};
    CHECK_THROWS_WITH(Allowlist(config, "c.yaml"), Catch::Contains("c.yaml: allow.regexes"));
}
