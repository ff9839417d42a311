// libphonenumber, loaded on first use from the libaaiscan_phone.so module that is built next to
// the binary (see plugins/phone_numbers_plugin.cpp for why it is not linked in).
#pragma once

#include <string_view>

namespace aaiscan {

// `service`: valid, but a business line (toll-free, premium rate, shared cost, a company's
// universal access number such as the Dutch 088), not a person's number.
enum class PhoneVerdict { unparsable, impossible, possible, valid, service };

// libphonenumber's verdict on `number` ("+..." or national digits) in `region` ("US", "GB").
// Loads the module on the first call (thread-safe). When it cannot be loaded, prints one warning
// to stderr and answers `unparsable`, so no phone number is reported. Never throws.
PhoneVerdict classify_phone_number(std::string_view number, std::string_view region);

// True when libphonenumber knows `region` ("GB", "DE"; not "XX"), without loading the module.
bool phone_region_known(std::string_view region);

// Loads the module if needed; false (with the reason in `why`) when it cannot be loaded.
bool phone_library_available(std::string* why = nullptr);

}  // namespace aaiscan
