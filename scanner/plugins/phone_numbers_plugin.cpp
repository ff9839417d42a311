// libaaiscan_phone.so: libphonenumber behind a small C interface, loaded by the scanner on the
// first phone number it validates (validate/phone_library.cpp). libphonenumber brings protobuf,
// ICU and abseil; linking them into the binary cost every run, a pre-commit check included,
// about 8 ms of start-up (loading and relocating a dozen libraries). Built as a module of its own
// so only scans that meet a phone-number candidate pay for it.
#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumberutil.h>

#include <cstddef>
#include <string>

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

const PhoneNumberUtil& phone_util() {
    static PhoneNumberUtil* util = [] {
        PhoneNumberUtil* u = PhoneNumberUtil::GetInstance();
        u->SetLogger(new i18n::phonenumbers::NullLogger());  // never print from the scan path
        return u;
    }();
    return *util;
}

}  // namespace

// The verdict on `number` ("+4420..." or national digits) in `region` (ISO 3166 code):
// -1 does not parse, 0 not a possible number, 1 possible but not assigned, 2 valid, 3 valid but a
// business service number (toll-free, premium rate, shared cost, a company's universal access
// number), not a person's.
extern "C" __attribute__((visibility("default"))) int aaiscan_phone_classify(const char* number, size_t number_size,
                                                                             const char* region, size_t region_size) {
    try {
        const PhoneNumberUtil& util = phone_util();
        PhoneNumber parsed;
        if (util.Parse(std::string(number, number_size), std::string(region, region_size), &parsed) !=
            PhoneNumberUtil::NO_PARSING_ERROR) {
            return -1;
        }
        if (util.IsValidNumber(parsed)) {
            switch (util.GetNumberType(parsed)) {
                case PhoneNumberUtil::TOLL_FREE:
                case PhoneNumberUtil::PREMIUM_RATE:
                case PhoneNumberUtil::SHARED_COST:
                case PhoneNumberUtil::UAN:
                    return 3;
                default:
                    return 2;
            }
        }
        return util.IsPossibleNumber(parsed) ? 1 : 0;
    } catch (...) {
        return -1;  // no exception crosses the C boundary
    }
}
