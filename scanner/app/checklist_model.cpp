// Item titles, fixes and status ordering of the checklist (see checklist_model.h).
#include "app/checklist_model.h"

#include <algorithm>

namespace aaiscan {

std::string_view to_string(ChecklistStatus status) {
    switch (status) {
        case ChecklistStatus::pass:
            return "PASS";
        case ChecklistStatus::manual:
            return "MANUAL";
        case ChecklistStatus::warn:
            return "WARN";
        case ChecklistStatus::fail:
            return "FAIL";
    }
    return "?";
}

const std::vector<ChecklistItemInfo>& checklist_item_infos() {
    static const std::vector<ChecklistItemInfo> infos = {
        {"keys-in-env", "API keys live in the environment, not in code",
         "Rotate every key found in the AssemblyAI dashboard, delete it from the code (and the git "
         "history), "
         "and read it from the ASSEMBLYAI_API_KEY environment variable."},
        {"env-ignored", ".env files are ignored by git and untracked",
         "Add `.env*` and `!.env.example` to .gitignore; `git rm --cached` any tracked .env file "
         "and rotate "
         "what it held."},
        {"separate-keys", "Each environment has its own API key",
         "Create one API key per environment (development, staging, production) in the AssemblyAI "
         "dashboard "
         "so a leaked development key can be revoked without touching production."},
        {"temp-tokens-browser", "Browsers use temporary tokens, never the API key",
         "Keep the API key on your server. Add an endpoint that calls "
         "client.streaming.createTemporaryToken({ expires_in_seconds: 60 }) (or GET "
         "https://streaming.assemblyai.com/v3/token) and give the browser only that token; drop "
         "the "
         "NEXT_PUBLIC_/VITE_/REACT_APP_/PUBLIC_/EXPO_PUBLIC_ prefix from key variables."},
        {"pii-redaction", "PII is redacted from transcripts",
         "Request redact_pii=True with the redact_pii_policies you need; re-run `aaiscan redact` "
         "on exports "
         "that already hold PII and delete the unredacted copies."},
        {"retention", "Transcripts and exports are not kept longer than needed",
         "Delete each transcript once its result is stored (client.transcripts.delete(id), "
         "aai.Transcript.delete_by_id(id), DELETE /v2/transcript/{id}) or run a job that does; "
         "delete transcript exports older than the retention period, or raise "
         "transcripts.retention_days in .aaiscan.yaml if policy allows."},
        {"content-safety", "User audio is checked with content moderation where needed",
         "Decide per request whether user-supplied audio needs content_safety=True; this cannot be "
         "judged "
         "from code alone."},
        {"webhook-auth", "Webhooks are authenticated",
         "Send webhook_auth_header_name and webhook_auth_header_value (a secret from your secret "
         "store) with "
         "every request that sets webhook_url, and reject webhook calls without that header."},
        {"ci-secrets", "CI uses the platform's secret store",
         "Rotate the value, store it as a CI secret (GitHub: repository/environment secrets, "
         "GitLab: masked "
         "CI/CD variables) and reference it, e.g. `${{ secrets.ASSEMBLYAI_API_KEY }}`."},
    };
    return infos;
}

ChecklistStatus worst_status(const std::vector<ChecklistEvidence>& evidence) {
    ChecklistStatus worst = ChecklistStatus::pass;
    for (const auto& e : evidence) worst = std::max(worst, e.status);
    return worst;
}

}  // namespace aaiscan
