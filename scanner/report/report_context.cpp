// Shared reporter helpers (see report_context.h).
#include "report/report_context.h"

#include "decode/speaker_names.h"
#include "util/escape.h"

namespace aaiscan {

std::string printable_value(const Finding& finding, const ReportContext& context) {
    if (finding.secret.empty()) return {};
    if (context.show_secrets) return to_valid_utf8(finding.secret);
    return mask_value(finding.secret, finding.rule->category);
}

std::string printable_speaker(std::string_view speaker, const ReportContext& context) {
    if (context.show_secrets || !is_person_like_speaker(speaker)) return to_valid_utf8(speaker);
    return mask_value(speaker, Category::pii);
}

}  // namespace aaiscan
