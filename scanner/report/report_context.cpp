// Shared reporter helpers (see report_context.h).
#include "report/report_context.h"

#include "util/escape.h"

namespace aaiscan {

std::string printable_value(const Finding& finding, const ReportContext& context) {
    if (finding.secret.empty()) return {};
    if (context.show_secrets) return to_valid_utf8(finding.secret);
    return mask_value(finding.secret, finding.rule->category);
}

}  // namespace aaiscan
