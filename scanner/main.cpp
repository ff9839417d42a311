// aaiscan entry point: everything lives in aaiscan_core; see cli/cli.cpp.
#include "cli/cli.h"
#include "util/utf8_locale.h"

int main(int argc, char** argv) {
    aaiscan::use_utf8_character_type();  // archive member names in UTF-8 (util/utf8_locale.h)
    return aaiscan::run_cli(argc, argv);
}
