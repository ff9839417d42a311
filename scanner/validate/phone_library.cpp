// Loading of the libphonenumber module (see phone_library.h). Looked for, in order: the path in
// $AAISCAN_PHONE_PLUGIN, next to the running binary, in ../lib/aaiscan from it (the install
// layout), and in the build directory the binary was built in.
#include "validate/phone_library.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <vector>

namespace aaiscan {
namespace {

using ClassifyFn = int (*)(const char*, size_t, const char*, size_t);

constexpr const char* k_module_name = "libaaiscan_phone.so";

struct PhoneLibrary {
    ClassifyFn classify = nullptr;
    std::string error;
};

std::string executable_dir() {
    std::string path(4096, '\0');
    ssize_t n = readlink("/proc/self/exe", path.data(), path.size() - 1);
    if (n <= 0) return {};
    path.resize(static_cast<size_t>(n));
    size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::vector<std::string> candidate_paths() {
    std::vector<std::string> paths;
    if (const char* explicit_path = std::getenv("AAISCAN_PHONE_PLUGIN"); explicit_path && *explicit_path) {
        paths.emplace_back(explicit_path);
        return paths;
    }
    std::string dir = executable_dir();
    if (!dir.empty()) {
        paths.push_back(dir + "/" + k_module_name);
        paths.push_back(dir + "/../lib/aaiscan/" + k_module_name);
    }
#ifdef AAISCAN_PLUGIN_BUILD_DIR
    paths.push_back(std::string(AAISCAN_PLUGIN_BUILD_DIR) + "/" + k_module_name);
#endif
    return paths;
}

PhoneLibrary load() {
    PhoneLibrary library;
    std::string tried;
    for (const std::string& path : candidate_paths()) {
        if (access(path.c_str(), R_OK) != 0) {
            tried += (tried.empty() ? "" : ", ") + path;
            continue;
        }
        void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (handle == nullptr) {
            const char* why = dlerror();
            library.error = path + ": " + (why ? why : "cannot be loaded");
            return library;
        }
        library.classify = reinterpret_cast<ClassifyFn>(dlsym(handle, "aaiscan_phone_classify"));
        if (library.classify == nullptr) library.error = path + ": no aaiscan_phone_classify";
        return library;  // the module stays loaded for the life of the process
    }
    library.error = std::string(k_module_name) + " not found (looked in " + tried + ")";
    return library;
}

const PhoneLibrary& library() {
    static std::once_flag once;
    static PhoneLibrary instance;
    std::call_once(once, [] {
        instance = load();
        if (instance.classify == nullptr) {
            std::fprintf(stderr,
                         "aaiscan: warning: phone numbers are not validated, so none are reported (but North American "
                         "ones written 3-3-4): %s. "
                         "Keep %s next to the aaiscan binary or set AAISCAN_PHONE_PLUGIN.\n",
                         instance.error.c_str(), k_module_name);
        }
    });
    return instance;
}

}  // namespace

PhoneVerdict classify_phone_number(std::string_view number, std::string_view region) {
    const PhoneLibrary& lib = library();
    if (lib.classify == nullptr) return PhoneVerdict::unparsable;
    switch (lib.classify(number.data(), number.size(), region.data(), region.size())) {
        case 3: return PhoneVerdict::service;
        case 2: return PhoneVerdict::valid;
        case 1: return PhoneVerdict::possible;
        case 0: return PhoneVerdict::impossible;
        default: return PhoneVerdict::unparsable;
    }
}

bool phone_region_known(std::string_view region) {
    // libphonenumber's supported regions (PhoneNumberUtil::GetSupportedRegions of the Debian 12
    // library, 245 codes), kept here so a config check never has to load the module.
    static constexpr std::string_view k_regions =
        "AC AD AE AF AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ "
        "BR BS BT BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO "
        "DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GT GU "
        "GW GY HK HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW "
        "KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT "
        "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PR PS PT "
        "PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TA "
        "TC TD TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VG VI VN VU WF WS XK "
        "YE YT ZA ZM ZW";
    if (region.size() != 2) return false;
    for (size_t at = 0; at + 2 <= k_regions.size(); at += 3) {
        if (k_regions.substr(at, 2) == region) return true;
    }
    return false;
}

bool phone_library_available(std::string* why) {
    const PhoneLibrary& lib = library();
    if (why) *why = lib.error;
    return lib.classify != nullptr;
}

}  // namespace aaiscan
