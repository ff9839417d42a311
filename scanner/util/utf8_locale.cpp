// LC_CTYPE with a UTF-8 character set (see utf8_locale.h).
#include "util/utf8_locale.h"

#include <langinfo.h>

#include <clocale>
#include <cstring>

namespace aaiscan {
namespace {

bool character_set_is_utf8() {
    const char* codeset = nl_langinfo(CODESET);
    return codeset != nullptr && (std::strcmp(codeset, "UTF-8") == 0 || std::strcmp(codeset, "utf8") == 0);
}

}  // namespace

bool use_utf8_character_type() {
    if (std::setlocale(LC_CTYPE, "") != nullptr && character_set_is_utf8()) return true;
    if (std::setlocale(LC_CTYPE, "C.UTF-8") != nullptr && character_set_is_utf8()) return true;
    std::setlocale(LC_CTYPE, "C");
    return false;
}

}  // namespace aaiscan
