// Transcript findings: entities, unredacted fields, deduplication, verdicts (see transcript_findings.h).
#include "app/transcript_findings.h"

#include <algorithm>

#include "decode/speaker_names.h"
#include "util/strings.h"
#include "validate/pii_checks.h"

namespace aaiscan {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::string lower_policy(std::string_view mark) {
    std::string out(mark);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool is_known_policy(std::string_view name) {
    const auto& known = known_pii_policies();
    return std::find(known.begin(), known.end(), name) != known.end();
}

// Lower-case letters and digits only: "Dana Whitfield," and "dana whitfield" compare equal.
std::string normalized(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) out.push_back(c);
    }
    return out;
}

// How telling a JSON path is as the place of a finding (lower is better).
int path_rank(std::string_view path, std::string_view prefix) {
    if (path.starts_with(prefix)) path.remove_prefix(prefix.size());
    if (path.empty() || path == "text") return path.empty() ? 0 : 1;
    if (path.starts_with("utterances[")) return path.find(".words[") == std::string_view::npos ? 0 : 3;
    if (path.starts_with("sentences[") || path.starts_with("paragraphs[")) {
        return path.find(".words[") == std::string_view::npos ? 2 : 3;
    }
    if (path.starts_with("words[")) return 3;
    if (path.starts_with("unredacted")) return 5;
    if (path.starts_with("entities[")) return 6;
    return 4;
}

Finding make_finding(const Rule& rule, std::string_view secret, size_t begin, size_t end, TranscriptSourceMap& map,
                     const BlobOrigin& origin) {
    Finding f;
    f.rule = &rule;
    f.severity = rule.severity;
    f.path = std::string(origin.path);
    f.project_path = std::string(origin.project_path);
    f.secret = std::string(secret);
    f.message = rule.message;
    if (origin.commit) f.commit = *origin.commit;
    map.locate(begin, end, f);
    return f;
}

// The first active rule reporting `policy`.
const Rule* rule_for_policy(const RuleSet& rules, std::string_view policy) {
    for (const Rule& r : rules.rules()) {
        if (r.kind == RuleKind::content && r.category == Category::pii && r.pii_policy == policy &&
            r.applies_to(Scope::transcript)) {
            return &r;
        }
    }
    return nullptr;
}

bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

// First whole-word occurrence of `needle` in `hay` at or after `from`, or npos.
size_t find_word(std::string_view hay, std::string_view needle, size_t from = 0) {
    while (true) {
        size_t at = hay.find(needle, from);
        if (at == std::string_view::npos) return at;
        bool left = at == 0 || !word_char(hay[at - 1]) || !word_char(needle.front());
        size_t after = at + needle.size();
        bool right = after >= hay.size() || !word_char(hay[after]) || !word_char(needle.back());
        if (left && right) return at;
        from = at + 1;
    }
}

std::string_view trim_value(std::string_view v) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\n' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\n' || v.back() == '\t' || v.back() == '.' || v.back() == ',')) {
        v.remove_suffix(1);
    }
    return v;
}

// A finding of `rule` that the transcript's structure implies (no text match): the fields
// every such finding shares; the caller adds the place, value and transcript reference.
Finding structural_finding(const Rule& rule, const BlobOrigin& origin) {
    Finding f;
    f.rule = &rule;
    f.severity = rule.severity;
    f.path = std::string(origin.path);
    f.project_path = std::string(origin.project_path);
    f.message = rule.message;
    if (origin.commit) f.commit = *origin.commit;
    return f;
}

}  // namespace

RedactionState redaction_state(const TranscriptDocument& doc) {
    RedactionState state;
    if (doc.redact_pii.has_value()) {
        state.on = *doc.redact_pii;
        if (state.on) {
            state.policies = doc.redact_policies;
            state.all_policies = !doc.policies_listed;
        }
        return state;
    }
    // No setting in the export: look for redaction marks, in the text and in speaker names (a
    // WebVTT voice tag `<v [PERSON_NAME]>` is redacted too).
    bool hashes = false;
    auto find_marks = [&](std::string_view text) {
        for (size_t i = 0; i < text.size(); ++i) {
            char c = text[i];
            if (c == '#') {
                size_t j = i;
                while (j < text.size() && text[j] == '#') ++j;
                bool word_start = i == 0 || !word_char(text[i - 1]);
                if (j - i >= 2 && word_start) hashes = true;
                i = j;
            } else if (c == '[') {
                size_t j = i + 1;
                while (j < text.size() && j - i <= 40 && ((text[j] >= 'A' && text[j] <= 'Z') || text[j] == '_')) ++j;
                if (j < text.size() && text[j] == ']' && j > i + 1) {
                    std::string policy = lower_policy(text.substr(i + 1, j - i - 1));
                    if (is_known_policy(policy) && !contains(state.policies, policy)) state.policies.push_back(policy);
                }
            }
        }
    };
    find_marks(doc.blob());
    for (const std::string& speaker : doc.speakers) find_marks(speaker);
    if (hashes || !state.policies.empty()) {
        state.on = true;
        state.inferred = true;
        state.all_policies = state.policies.empty();
    }
    return state;
}

std::string_view transcript_verdict(const RedactionState& state, std::string_view policy) {
    if (!state.on) return "unredacted";
    if (state.all_policies || contains(state.policies, policy)) return "redaction_failure";
    return "not_covered";
}

void apply_transcript_verdict(Finding& f, const RedactionState& state, const TranscriptPolicy& policy) {
    if (!f.transcript) f.transcript.emplace();
    const Rule& rule = *f.rule;
    if (rule.id == k_unredacted_field_rule) {
        f.transcript->verdict = state.on ? "redaction_failure" : "unredacted";
        return;
    }
    if (rule.category != Category::pii || rule.pii_policy.empty()) return;
    std::string_view verdict = transcript_verdict(state, rule.pii_policy);
    f.transcript->verdict = std::string(verdict);
    const std::string& p = rule.pii_policy;
    bool required = contains(policy.required_policies, p);
    if (verdict == "redaction_failure") {
        f.severity = std::max(f.severity, Severity::high);
        f.message += " (redaction failure: " + p + (state.inferred ? " was redacted elsewhere" : " was requested") + ")";
    } else if (verdict == "not_covered") {
        f.message += " (not covered: " + p + " was not in redact_pii_policies)";
    } else {
        f.message += state.inferred || state.on ? "" : " (transcript not redacted)";
    }
    if (verdict != "redaction_failure") {
        if (required) {
            f.severity = std::max(f.severity, Severity::high);
            f.message += "; required by transcripts.required_policies";
        } else if (!policy.required_policies.empty()) {
            f.severity = Severity::info;
        }
    }
}

void add_entity_findings(const TranscriptDocument& doc, TranscriptSourceMap& map, const RuleSet& rules,
                         const BlobOrigin& origin, std::vector<Finding>& out) {
    std::string_view blob = doc.blob();
    std::vector<std::pair<std::string, const Rule*>> cache;
    for (const TranscriptEntity& e : doc.entities) {
        const Rule* rule = nullptr;
        auto hit = std::find_if(cache.begin(), cache.end(), [&](const auto& c) { return c.first == e.type; });
        if (hit != cache.end()) {
            rule = hit->second;
        } else {
            rule = rule_for_policy(rules, e.type);
            cache.emplace_back(e.type, rule);
        }
        if (rule == nullptr) continue;
        const TextSegment& seg = doc.segments[e.segment];
        std::string_view raw_value = doc.text_of(seg);
        std::string_view value = trim_value(raw_value);
        if (value.size() < 2 || is_redaction_mark(value)) continue;
        size_t value_begin = seg.begin + static_cast<size_t>(value.data() - raw_value.data());
        // Where it is said: the words at the entity's time.
        size_t b = 0, end = 0;
        if (seg.start_ms >= 0 && map.blob_range_at_time(seg.start_ms, seg.end_ms, b, end)) {
            size_t from = b > 48 ? b - 48 : 0;
            size_t to = std::min(blob.size(), end + 48);
            size_t at = find_word(blob.substr(from, to - from), value);
            if (at != std::string_view::npos) {
                out.push_back(make_finding(*rule, value, from + at, from + at + value.size(), map, origin));
            }
        }
        out.push_back(make_finding(*rule, value, value_begin, value_begin + value.size(), map, origin));
    }
}

void add_unredacted_findings(const TranscriptDocument& doc, TranscriptSourceMap& map, const RuleSet& rules,
                             const BlobOrigin& origin, std::vector<Finding>& out) {
    if (doc.unredacted.empty()) return;
    const Rule* rule = rules.find(k_unredacted_field_rule);
    if (rule == nullptr) return;
    for (const UnredactedField& u : doc.unredacted) {
        Finding f = structural_finding(*rule, origin);
        f.message += ": " + u.name;
        map.locate_raw(u.raw_key, u.raw_key + u.name.size() + 2, f);
        TranscriptRef ref;
        ref.id = doc.id;
        ref.json_path = doc.path_prefix + u.name;
        f.transcript = std::move(ref);
        out.push_back(std::move(f));
    }
}

void add_speaker_findings(const TranscriptDocument& doc, TranscriptSourceMap& map, const RuleSet& rules,
                          const BlobOrigin& origin, std::vector<Finding>& out) {
    if (doc.speakers.empty()) return;
    const Rule* rule = rules.find(k_speaker_name_rule);
    if (rule == nullptr) return;
    for (size_t i = 0; i < doc.speakers.size(); ++i) {
        const std::string& name = doc.speakers[i];
        if (!is_person_like_speaker(name)) continue;
        const std::string lowered = to_lower_ascii(name);
        bool reported = std::any_of(out.begin(), out.end(), [&](const Finding& f) {
            return f.rule->pii_policy == rule->pii_policy && to_lower_ascii(f.secret) == lowered;
        });
        if (reported) continue;
        const TextSegment* first = nullptr;
        for (const TextSegment& s : doc.segments) {
            if (s.speaker == i) {
                first = &s;
                break;
            }
        }
        Finding f = structural_finding(*rule, origin);
        f.secret = name;
        // Where the name is written; else (a name simdjson had to unescape) the speaker's first text.
        uint64_t raw = i < doc.speaker_raw.size() ? doc.speaker_raw[i] : k_unknown_raw;
        if (raw != k_unknown_raw) {
            map.locate_raw(raw, raw + name.size(), f);
        } else if (first) {
            map.locate_raw(first->raw_begin, first->raw_begin, f);
        }
        TranscriptRef ref;
        ref.id = doc.id;
        ref.speaker = name;
        if (first) {
            std::string path = doc.json_path(*first);
            if (path.ends_with(".text")) path.replace(path.size() - 4, 4, "speaker");
            ref.json_path = std::move(path);
            ref.start_ms = first->start_ms;
            ref.end_ms = first->end_ms;
        }
        f.transcript = std::move(ref);
        out.push_back(std::move(f));
    }
}

void dedupe_transcript_findings(std::vector<Finding>& findings, std::string_view path_prefix) {
    if (findings.size() < 2) return;
    struct Entry {
        std::string group;  // policy, or rule id for rules without one
        std::string value;
        int64_t start;
        int64_t end;
        int rank;
        size_t index;
    };
    std::vector<Entry> entries;
    entries.reserve(findings.size());
    for (size_t i = 0; i < findings.size(); ++i) {
        const Finding& f = findings[i];
        Entry e;
        e.group = f.rule->pii_policy.empty() ? f.rule->id : f.rule->pii_policy;
        e.value = normalized(f.secret);
        e.start = f.transcript ? f.transcript->start_ms : -1;
        e.end = f.transcript ? std::max(f.transcript->end_ms, e.start) : -1;
        e.rank = f.transcript ? path_rank(f.transcript->json_path, path_prefix) : 0;
        e.index = i;
        entries.push_back(std::move(e));
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        if (a.group != b.group) return a.group < b.group;
        return a.start < b.start;
    });
    std::vector<bool> drop(findings.size(), false);
    for (size_t i = 0; i < entries.size(); ++i) {
        const Entry& a = entries[i];
        if (drop[a.index] || a.start < 0 || a.value.empty()) continue;
        for (size_t j = i + 1; j < entries.size() && entries[j].group == a.group && entries[j].start <= a.end; ++j) {
            const Entry& b = entries[j];
            if (drop[b.index] || b.value.empty()) continue;
            bool same = a.value.find(b.value) != std::string::npos || b.value.find(a.value) != std::string::npos;
            if (!same) continue;
            // Keep the better place; on a tie the longer value, then the earlier finding.
            bool keep_a = a.rank != b.rank ? a.rank < b.rank
                          : a.value.size() != b.value.size() ? a.value.size() > b.value.size()
                                                               : a.index < b.index;
            drop[keep_a ? b.index : a.index] = true;
            if (!keep_a) break;
        }
    }
    // Untimed copies (summary, chapters, unredacted_text...) of a value found elsewhere in the
    // transcript add no place worth a second finding.
    for (const Entry& copy : entries) {
        if (drop[copy.index] || copy.start >= 0 || copy.rank < 4 || copy.value.empty()) continue;
        for (const Entry& other : entries) {
            if (other.index != copy.index && !drop[other.index] && other.group == copy.group && other.value == copy.value &&
                (other.start >= 0 || other.rank < copy.rank)) {
                drop[copy.index] = true;
                break;
            }
        }
    }
    size_t kept = 0;
    for (size_t i = 0; i < findings.size(); ++i) {
        if (drop[i]) continue;
        if (kept != i) findings[kept] = std::move(findings[i]);
        ++kept;
    }
    findings.resize(kept);
}

}  // namespace aaiscan
