// The validator registry: every name a rule may list under `validators:` (see validators.h).
// Each group of validators publishes its own table; this file only joins them.
#include "validate/validators.h"

#include "validate/pii_checks.h"
#include "validate/secret_checks.h"

namespace aaiscan {
namespace {

const std::vector<ValidatorEntry>& registry() {
    static const std::vector<ValidatorEntry> entries = [] {
        std::vector<ValidatorEntry> all = secret_validators();
        const auto& pii = pii_validators();
        all.insert(all.end(), pii.begin(), pii.end());
        return all;
    }();
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
