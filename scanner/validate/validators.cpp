// The validator registry: every name a rule may list under `validators:` (see validators.h).
#include "validate/validators.h"

#include <array>
#include <utility>

#include "validate/secret_checks.h"

namespace aaiscan {
namespace {

struct Entry {
    std::string_view name;
    ValidatorFn fn;
};

const std::vector<Entry>& registry() {
    static const std::vector<Entry> entries = {
        {"not_placeholder", &validate_not_placeholder},
        {"hex_mixed", &validate_hex_mixed},
        {"jwt", &validate_jwt},
        {"luhn", &validate_luhn},
    };
    return entries;
}

}  // namespace

ValidatorFn find_validator(std::string_view name) {
    for (const auto& e : registry()) {
        if (e.name == name) return e.fn;
    }
    return nullptr;
}

std::vector<std::string> validator_names() {
    std::vector<std::string> names;
    for (const auto& e : registry()) names.emplace_back(e.name);
    return names;
}

}  // namespace aaiscan
