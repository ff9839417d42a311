// PII validators (see pii_checks.h).
#include "validate/pii_checks.h"

namespace aaiscan {

const std::vector<ValidatorEntry>& pii_validators() {
    static const std::vector<ValidatorEntry> entries = {};
    return entries;
}

}  // namespace aaiscan
