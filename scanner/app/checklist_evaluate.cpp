// Verdicts of the checklist items from findings and the tree inventory (see checklist_evaluate.h).
#include "app/checklist_evaluate.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "app/checklist_retention.h"
#include "source/scope_classifier.h"

namespace aaiscan {
namespace {

bool is_assemblyai_key_rule(const Rule& rule) {
    return rule.category == Category::secret && rule.id.starts_with("assemblyai.api-key");
}

ChecklistEvidence evidence_of(const Finding& f, ChecklistStatus status, std::string message = {}) {
    ChecklistEvidence e;
    e.status = status;
    e.path = f.path;
    e.line = f.line;
    e.rule_id = f.rule->id;
    if (f.rule->category != Category::config && !f.secret.empty())
        e.value = mask_value(f.secret, f.rule->category);
    e.message = message.empty() ? f.message : std::move(message);
    return e;
}

CodeRuntime runtime_of(const ChecklistInventory& inventory, const Finding& f) {
    auto it = inventory.runtimes.find(f.path);
    return it == inventory.runtimes.end() ? CodeRuntime::unknown : it->second;
}

std::string plural(size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

class Evaluator {
  public:
    Evaluator(const std::vector<Finding>& findings, const ChecklistInventory& inventory,
              int retention_days, int64_t now)
        : m_inventory(inventory), m_retention_days(retention_days), m_now(now) {
        for (const Finding& f : findings) {
            if (!f.is_suppressed() && f.rule != nullptr) m_findings.push_back(&f);
        }
    }

    ChecklistItem keys_in_env() const {
        ChecklistItem item = make("keys-in-env");
        for (const Finding* f : m_findings) {
            if (f->rule->category == Category::secret &&
                (f->rule->checklist == "keys-in-env" || is_assemblyai_key_rule(*f->rule))) {
                item.evidence.push_back(evidence_of(*f, ChecklistStatus::fail));
            }
        }
        item.summary =
            item.evidence.empty()
                ? fmt::format("no hard-coded API keys or credentials in {}",
                              plural(m_inventory.files_scanned, "file"))
                : fmt::format("{} hard-coded", plural(item.evidence.size(), "credential"));
        return finish(std::move(item));
    }

    ChecklistItem env_ignored() const {
        ChecklistItem item = make("env-ignored");
        for (const Finding* f : m_findings) {
            if (f->rule->checklist != "env-ignored") continue;
            item.evidence.push_back(evidence_of(*f, f->severity >= Severity::medium
                                                        ? ChecklistStatus::fail
                                                        : ChecklistStatus::warn));
        }
        size_t env_count = 0;
        for (const EnvFile& e : m_inventory.env_files) env_count += !e.environment.empty();
        if (m_inventory.env_files_outside_repository > 0) {
            ChecklistEvidence e;
            e.status = ChecklistStatus::manual;
            e.message =
                fmt::format("{} outside a git repository: git's ignore rules cannot be judged",
                            plural(m_inventory.env_files_outside_repository, "env file"));
            item.evidence.push_back(std::move(e));
        }
        if (m_inventory.repository_ignores_env == false) {
            bool reported = std::any_of(
                item.evidence.begin(), item.evidence.end(),
                [](const ChecklistEvidence& e) { return e.rule_id == "env.gitignore-missing"; });
            if (!reported) {
                ChecklistEvidence e;
                e.status = ChecklistStatus::warn;
                e.message =
                    "the repository's top-level ignore rules do not cover .env files (a new .env "
                    "would be committed)";
                item.evidence.push_back(std::move(e));
            }
        }
        if (item.evidence.empty()) {
            std::string files = env_count == 0
                                    ? "no env files"
                                    : plural(env_count, "env file") + ", all ignored and untracked";
            item.summary = m_inventory.repository_ignores_env
                               ? files + "; the ignore rules cover .env files"
                               : files;
        } else {
            item.summary =
                fmt::format("{} about env files", plural(item.evidence.size(), "problem"));
        }
        return finish(std::move(item));
    }

    ChecklistItem separate_keys() const {
        ChecklistItem item = make("separate-keys");
        std::set<std::string> environments;
        for (const EnvFile& e : m_inventory.env_files) {
            if (!e.environment.empty()) environments.insert(e.environment);
        }
        for (const SharedEnvValue& shared : find_shared_env_values(m_inventory.env_files)) {
            const auto& first = shared.places.front();
            std::vector<std::string> others;
            for (size_t i = 1; i < shared.places.size(); ++i) {
                const auto& p = shared.places[i];
                others.push_back(
                    fmt::format("{} in {}:{} ({})", p.name, p.path, p.line, p.environment));
            }
            ChecklistEvidence e;
            e.status = ChecklistStatus::fail;
            e.path = first.path;
            e.line = first.line;
            e.message = fmt::format("{} ({}) has the same value as {} (compared by SHA-256)",
                                    first.name, first.environment, fmt::join(others, ", "));
            item.evidence.push_back(std::move(e));
        }
        if (!item.evidence.empty()) {
            item.summary = fmt::format("{} shared between environments",
                                       plural(item.evidence.size(), "credential"));
        } else if (environments.size() < 2) {
            ChecklistEvidence e;
            e.status = ChecklistStatus::manual;
            e.message = environments.empty() ? "no env files found: check in the AssemblyAI "
                                               "dashboard that each environment has its own key"
                                             : fmt::format(
                                                   "env files of one environment only ({}): check "
                                                   "in the AssemblyAI dashboard "
                                                   "that each environment has its own key",
                                                   *environments.begin());
            item.evidence.push_back(std::move(e));
            item.summary = "cannot compare keys across environments from this tree";
        } else {
            item.summary =
                fmt::format("no credential shared between the env files of {} environments ({})",
                            environments.size(), fmt::join(environments, ", "));
        }
        return finish(std::move(item));
    }

    ChecklistItem temp_tokens_browser() const {
        ChecklistItem item = make("temp-tokens-browser");
        for (const Finding* f : m_findings) {
            const Rule& rule = *f->rule;
            if (rule.id == "assemblyai.streaming-transcriber.api-key") {
                CodeRuntime runtime = runtime_of(m_inventory, *f);
                if (runtime == CodeRuntime::browser) {
                    item.evidence.push_back(
                        evidence_of(*f, ChecklistStatus::fail,
                                    "streaming transcriber built with apiKey in browser code"));
                } else if (runtime == CodeRuntime::unknown) {
                    item.evidence.push_back(
                        evidence_of(*f, ChecklistStatus::warn,
                                    "streaming transcriber built with apiKey: make sure this file "
                                    "runs only on a server"));
                }
            } else if (rule.checklist == "temp-tokens-browser") {
                item.evidence.push_back(evidence_of(*f, ChecklistStatus::fail));
            } else if (is_assemblyai_key_rule(rule) &&
                       runtime_of(m_inventory, *f) == CodeRuntime::browser) {
                item.evidence.push_back(
                    evidence_of(*f, ChecklistStatus::fail, "AssemblyAI API key in browser code"));
            }
        }
        item.summary =
            item.evidence.empty()
                ? "no API key, key variable or key-built streaming client in browser code"
                : fmt::format("{} of browser exposure", plural(item.evidence.size(), "sign"));
        return finish(std::move(item));
    }

    ChecklistItem pii_redaction() const {
        ChecklistItem item = make("pii-redaction");
        // Transcript PII: one line per file and verdict, with counts per policy.
        struct Group {
            const Finding* first = nullptr;
            std::map<std::string, size_t> policies;
            size_t count = 0;
        };
        std::map<std::pair<std::string, std::string>, Group> groups;
        std::vector<std::pair<std::string, std::string>> order;
        size_t transcript_files = 0;
        std::set<std::string> seen_files;
        for (const Finding* f : m_findings) {
            // PII rules run on transcripts only; a finding without a verdict counts as unredacted.
            if (f->rule->category == Category::pii) {
                std::string verdict = f->transcript ? f->transcript->verdict : std::string();
                if (verdict.empty()) verdict = "unredacted";
                auto key = std::make_pair(f->path, verdict);
                auto [it, added] = groups.try_emplace(key);
                if (added) {
                    order.push_back(key);
                    it->second.first = f;
                }
                ++it->second.count;
                ++it->second
                      .policies[f->rule->pii_policy.empty() ? f->rule->id : f->rule->pii_policy];
                if (seen_files.insert(f->path).second) ++transcript_files;
            }
        }
        for (const auto& key : order) {
            const Group& g = groups[key];
            const std::string& verdict = key.second;
            std::vector<std::string> counts;
            for (const auto& [policy, n] : g.policies)
                counts.push_back(fmt::format("{} {}", policy, n));
            ChecklistEvidence e;
            e.path = key.first;
            e.line = g.first->line;
            if (verdict == "not_covered") {
                e.status = ChecklistStatus::warn;
                e.message = fmt::format("{} of policies the transcript did not request ({})",
                                        plural(g.count, "PII value"), fmt::join(counts, ", "));
            } else {
                e.status = ChecklistStatus::fail;
                e.message =
                    verdict == "unredacted"
                        ? fmt::format("{} in a transcript with redaction off ({})",
                                      plural(g.count, "PII value"), fmt::join(counts, ", "))
                        : fmt::format("{} left by redaction of a requested policy ({})",
                                      plural(g.count, "PII value"), fmt::join(counts, ", "));
            }
            item.evidence.push_back(std::move(e));
        }
        size_t requests = 0;
        for (const Finding* f : m_findings) {
            if (f->rule->category == Category::config && f->rule->checklist == "pii-redaction") {
                item.evidence.push_back(evidence_of(*f, ChecklistStatus::warn));
                ++requests;
            }
        }
        if (item.evidence.empty()) {
            item.summary =
                "no unredacted PII in transcripts; no transcription request without redact_pii";
        } else {
            item.summary = fmt::format("{} with PII, {} without redact_pii",
                                       plural(transcript_files, "transcript file"),
                                       plural(requests, "request"));
        }
        return finish(std::move(item));
    }

    ChecklistItem retention() const {
        ChecklistItem item = make("retention");
        const int64_t limit = static_cast<int64_t>(m_retention_days) * 86400;
        size_t by_content = 0;
        size_t too_old = 0;
        for (const TranscriptExport& t : m_inventory.transcripts) {
            by_content += t.from_content;
            if (m_now - t.seconds <= limit) continue;
            ++too_old;
            ChecklistEvidence e;
            e.status = ChecklistStatus::warn;
            e.path = t.path;
            e.message = fmt::format("transcript from {} (by its {}), older than {} days",
                                    format_utc_date(t.seconds), t.source, m_retention_days);
            item.evidence.push_back(std::move(e));
        }
        size_t total = m_inventory.transcripts.size();
        const auto& requests = m_inventory.request_files;
        const auto& deleting = m_inventory.deleting_files;
        if (!requests.empty() && deleting.empty()) {
            ChecklistEvidence e;
            e.status = ChecklistStatus::manual;
            e.path = requests.front();
            e.message = fmt::format(
                "transcription requests in {} and no code that deletes a transcript "
                "(transcripts.delete, delete_by_id, DELETE /v2/transcript/{{id}}): AssemblyAI keeps "
                "transcripts until they are deleted; confirm a job or the account's retention "
                "removes them",
                plural(requests.size(), "file"));
            item.evidence.push_back(std::move(e));
            // Every file that sends requests, so the reviewer sees where (the first ten).
            for (size_t i = 1; i < requests.size() && i < 10; ++i) {
                ChecklistEvidence more;
                more.status = ChecklistStatus::manual;
                more.path = requests[i];
                more.message = "also sends transcription requests";
                item.evidence.push_back(std::move(more));
            }
        }
        std::string lifecycle =
            requests.empty() ? std::string()
            : deleting.empty()
                ? fmt::format("; {} with transcription requests, none deleting transcripts",
                              plural(requests.size(), "file"))
                : fmt::format("; transcripts deleted in {}", deleting.front());
        if (total == 0) {
            item.summary = "no transcript exports found" + lifecycle;
        } else {
            item.summary = fmt::format(
                "{} ({} dated by their own timestamps, {} by file modification time); {} older "
                "than {} days",
                plural(total, "transcript export"), by_content, total - by_content,
                too_old, m_retention_days) +
                           lifecycle;
        }
        return finish(std::move(item));
    }

    ChecklistItem content_safety() const {
        ChecklistItem item = make("content-safety");
        add_findings_of(item, ChecklistStatus::manual);
        item.summary =
            item.evidence.empty()
                ? "no transcription request without content_safety found"
                : fmt::format(
                      "{} without content_safety: decide whether the audio needs moderation",
                      plural(item.evidence.size(), "request"));
        return finish(std::move(item));
    }

    ChecklistItem webhook_auth() const {
        ChecklistItem item = make("webhook-auth");
        add_findings_of(item, ChecklistStatus::fail);
        item.summary =
            item.evidence.empty()
                ? "no webhook without an authentication header; no webhook secret written out"
                : fmt::format("{} about webhooks", plural(item.evidence.size(), "problem"));
        return finish(std::move(item));
    }

    ChecklistItem ci_secrets() const {
        ChecklistItem item = make("ci-secrets");
        for (const Finding* f : m_findings) {
            if (f->rule->category != Category::secret) continue;
            bool in_ci = is_ci_path(f->project_path.empty() ? f->path : f->project_path);
            if (in_ci || f->rule->checklist == "ci-secrets")
                item.evidence.push_back(evidence_of(*f, ChecklistStatus::fail));
        }
        item.summary =
            item.evidence.empty()
                ? "no literal secret in CI files"
                : fmt::format("{} in CI files", plural(item.evidence.size(), "literal secret"));
        return finish(std::move(item));
    }

  private:
    // Every finding of a rule that evidences `item` (its `checklist:` id), at `status`.
    void add_findings_of(ChecklistItem& item, ChecklistStatus status) const {
        for (const Finding* f : m_findings) {
            if (f->rule->checklist == item.id) item.evidence.push_back(evidence_of(*f, status));
        }
    }

    static ChecklistItem make(std::string_view id) {
        ChecklistItem item;
        item.id = std::string(id);
        for (const auto& info : checklist_item_infos()) {
            if (info.id == id) {
                item.title = std::string(info.title);
                item.fix = std::string(info.fix);
            }
        }
        return item;
    }

    static ChecklistItem finish(ChecklistItem item) {
        item.status = worst_status(item.evidence);
        if (item.status == ChecklistStatus::pass) item.fix.clear();
        return item;
    }

    std::vector<const Finding*> m_findings;
    const ChecklistInventory& m_inventory;
    int m_retention_days;
    int64_t m_now;
};

}  // namespace

bool checklist_needs_runtime(const Finding& finding) {
    if (finding.is_suppressed() || finding.rule == nullptr) return false;
    return finding.rule->id == "assemblyai.streaming-transcriber.api-key" ||
           is_assemblyai_key_rule(*finding.rule);
}

ChecklistReport evaluate_checklist(const std::vector<Finding>& findings,
                                   const ChecklistInventory& inventory, int retention_days,
                                   int64_t now_seconds) {
    Evaluator ev(findings, inventory, retention_days, now_seconds);
    ChecklistReport report;
    report.retention_days = retention_days;
    report.items = {ev.keys_in_env(),         ev.env_ignored(),   ev.separate_keys(),
                    ev.temp_tokens_browser(), ev.pii_redaction(), ev.retention(),
                    ev.content_safety(),      ev.webhook_auth(),  ev.ci_secrets()};
    return report;
}

}  // namespace aaiscan
