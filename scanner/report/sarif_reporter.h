// SARIF 2.1.0 output for CI (GitHub code scanning, GitLab, Azure DevOps): one reportingDescriptor
// per rule that has results, with help and remediation, one result per finding with a masked message,
// repository-relative URIs, partialFingerprints from our fingerprint, suppressions, and an
// invocation carrying the exit status and the diagnostics.
#pragma once

#include <ostream>

#include "report/report_context.h"

namespace aaiscan {

void write_sarif_report(const ScanOutput& output, const ReportContext& context, std::ostream& out);

// Percent-encodes a relative path for an artifactLocation URI (RFC 3986; '/' kept).
std::string sarif_uri(std::string_view path);

}  // namespace aaiscan
