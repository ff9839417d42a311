// Validators for personal data in transcripts: structure and checksums of the values AssemblyAI's
// redact_pii policies cover (SSN, IBAN, ABA routing, NPI, VIN, phone numbers, IPs, dates...).
#pragma once

#include <vector>

#include "validate/validators.h"

namespace aaiscan {

// The PII validators, for the registry in validators.cpp.
const std::vector<ValidatorEntry>& pii_validators();

}  // namespace aaiscan
