// Span planning for `redact` (see redact_plan.h).
#include "app/redact_plan.h"

#include <algorithm>
#include <functional>
#include <unordered_set>

#include "app/redact_substitute.h"
#include "match/rule_matcher.h"
#include "validate/pii_checks.h"

namespace aaiscan {
namespace {

// Positions are not needed: spans are kept as blob offsets.
class NoSourceMap final : public SourceMap {
public:
    void locate(size_t, size_t, Finding&) override {}
};

bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

std::string_view trim_value(std::string_view v) {
    auto edge = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '.' || c == ',' || c == '?' || c == '!'; };
    while (!v.empty() && edge(v.front())) v.remove_prefix(1);
    while (!v.empty() && edge(v.back())) v.remove_suffix(1);
    return v;
}

size_t alnum_count(std::string_view v) {
    return static_cast<size_t>(std::count_if(v.begin(), v.end(), word_char));
}

// Every whole-word occurrence of `needle` in `hay`.
void find_whole_words(std::string_view hay, std::string_view needle, const std::function<void(size_t)>& each) {
    size_t from = 0;
    while (true) {
        size_t at = hay.find(needle, from);
        if (at == std::string_view::npos) return;
        bool left = at == 0 || !word_char(hay[at - 1]) || !word_char(needle.front());
        size_t after = at + needle.size();
        bool right = after >= hay.size() || !word_char(hay[after]) || !word_char(needle.back());
        if (left && right) each(at);
        from = at + 1;
    }
}

bool is_unredacted_kind(FieldKind kind) {
    return kind == FieldKind::unredacted_text || kind == FieldKind::unredacted_word ||
           kind == FieldKind::unredacted_utterance_text || kind == FieldKind::unredacted_utterance_word;
}

// How telling a field is as the place to report (lower is better).
int place_rank(FieldKind kind) {
    switch (kind) {
        case FieldKind::utterance_text: return 0;
        case FieldKind::text: return 1;
        case FieldKind::cue:
        case FieldKind::line: return 1;
        case FieldKind::sentence_text:
        case FieldKind::paragraph_text: return 2;
        default: break;
    }
    if (is_word_kind(kind)) return 4;
    if (is_unredacted_kind(kind)) return 6;
    return 3;
}

std::string seconds(int64_t ms) {
    std::string s = std::to_string(ms / 1000);
    s += '.';
    s += std::to_string((ms % 1000) / 100);
    s += " s";
    return s;
}

}  // namespace

SpanPlanner::SpanPlanner(const RedactOptions& options)
    : m_options(options), m_settings{false, options.phone_region}, m_scanner(*options.matcher, m_settings) {}

int SpanPlanner::policy_index(std::string_view policy) const {
    for (size_t i = 0; i < m_options.policies.size(); ++i) {
        if (m_options.policies[i] == policy) return static_cast<int>(i);
    }
    return -1;
}

void SpanPlanner::find_spans(const TranscriptDocument& doc, bool spread, std::vector<RedactSpan>& spans) {
    spans.clear();
    std::string_view blob = doc.blob();
    const RuleSet& rules = m_options.matcher->rules();
    NoSourceMap map;
    m_findings.clear();
    m_scanner.scan(blob, Scope::transcript, map, BlobOrigin{}, m_findings);
    for (const RuleMatch& m : m_scanner.last_matches()) {
        const Rule& rule = rules[m.rule];
        if (rule.category != Category::pii || rule.pii_policy.empty()) continue;
        int p = policy_index(rule.pii_policy);
        if (p < 0) continue;
        std::string_view secret = blob.substr(m.secret_begin, m.secret_end - m.secret_begin);
        if (secret.empty() || is_redaction_mark(secret)) continue;
        spans.push_back({static_cast<uint32_t>(m.secret_begin), static_cast<uint32_t>(m.secret_end),
                         static_cast<uint32_t>(p), true});
    }
    // AssemblyAI's own entity detection: the entity's text, and wherever that value is said.
    std::vector<RedactSpan> entity_spans;
    for (const TranscriptEntity& e : doc.entities) {
        int p = policy_index(e.type);
        if (p < 0 || e.segment >= doc.segments.size()) continue;
        const TextSegment& seg = doc.segments[e.segment];
        std::string_view raw_value = doc.text_of(seg);
        std::string_view value = trim_value(raw_value);
        if (value.size() < 2 || is_redaction_mark(value)) continue;
        auto begin = static_cast<uint32_t>(seg.begin + static_cast<size_t>(value.data() - raw_value.data()));
        spans.push_back({begin, static_cast<uint32_t>(begin + value.size()), static_cast<uint32_t>(p), true});
        find_whole_words(blob, value, [&](size_t at) {
            entity_spans.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(at + value.size()),
                                    static_cast<uint32_t>(p), true});
        });
    }
    spans.insert(spans.end(), entity_spans.begin(), entity_spans.end());
    if (spread) {
        // The same value said or written elsewhere (summary, chapters, words that do not repeat
        // `text`) is the same PII: redact every whole-word occurrence.
        // Each distinct value costs one pass over the blob: bounded, so a transcript with
        // thousands of different values stays linear (the detectors still cover every one).
        constexpr size_t k_max_spread_values = 512;
        std::vector<std::pair<std::string_view, uint32_t>> values;
        std::unordered_set<std::string_view> seen;
        for (const RedactSpan& s : spans) {
            std::string_view v = trim_value(blob.substr(s.begin, s.end - s.begin));
            if (alnum_count(v) < 3 || values.size() >= k_max_spread_values) continue;
            if (seen.insert(v).second) values.emplace_back(v, s.policy);
        }
        for (const auto& entry : values) {
            std::string_view value = entry.first;  // not a structured binding: clang 14 cannot
            uint32_t policy = entry.second;         // capture those in the lambda below
            find_whole_words(blob, value, [&](size_t at) {
                spans.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(at + value.size()), policy, false});
            });
        }
    }
    // Sort and merge overlapping spans; the longest detected span names the policy.
    std::sort(spans.begin(), spans.end(), [](const RedactSpan& a, const RedactSpan& b) {
        if (a.begin != b.begin) return a.begin < b.begin;
        if (a.detected != b.detected) return a.detected;
        return a.end > b.end;
    });
    size_t out = 0;
    for (size_t i = 0; i < spans.size(); ++i) {
        if (out > 0 && spans[i].begin < spans[out - 1].end) {
            RedactSpan& cur = spans[out - 1];
            bool better = (spans[i].detected && !cur.detected) ||
                          (spans[i].detected == cur.detected && spans[i].end - spans[i].begin > cur.end - cur.begin);
            if (better) cur.policy = spans[i].policy;
            cur.detected = cur.detected || spans[i].detected;
            cur.end = std::max(cur.end, spans[i].end);
            continue;
        }
        spans[out++] = spans[i];
    }
    spans.resize(out);
}

bool SpanPlanner::plan_field_edits(const TranscriptDocument& doc, std::string_view input,
                                   const std::vector<RedactSpan>& spans, std::vector<RawEdit>& edits,
                                   std::string& problem) const {
    if (spans.empty()) return true;
    for (const TextSegment& s : doc.segments) {
        if (s.end <= s.begin || is_unredacted_kind(s.kind)) continue;  // unredacted_* fields are dropped whole
        auto it = std::partition_point(spans.begin(), spans.end(), [&](const RedactSpan& sp) { return sp.end <= s.begin; });
        std::string_view text = doc.text_of(s);
        for (; it != spans.end() && it->begin < s.end; ++it) {
            size_t a = std::max(it->begin, s.begin) - s.begin;
            size_t b = std::min(it->end, s.end) - s.begin;
            std::string_view piece = text.substr(a, b - a);
            std::string replacement = substitute(piece, m_options.policies[it->policy], m_options.substitution);
            if (replacement == piece) continue;
            if (s.raw_end > input.size() || s.raw_begin > s.raw_end) {
                problem = "a text field lies outside the input";
                return false;
            }
            std::string_view raw = input.substr(s.raw_begin, s.raw_end - s.raw_begin);
            if (!s.escaped) {
                if (raw.size() != text.size()) {
                    problem = "a text field's bytes differ from its decoded text";
                    return false;
                }
                edits.push_back({s.raw_begin + a, s.raw_begin + b, std::move(replacement)});
            } else {
                if (raw.empty()) {
                    problem = "a text field's raw bytes are unknown";
                    return false;
                }
                size_t ra = json_raw_offset(raw, a);
                size_t rb = json_raw_offset(raw, b);
                edits.push_back({s.raw_begin + ra, s.raw_begin + rb, json_escape_content(replacement)});
            }
        }
    }
    return true;
}

void SpanPlanner::describe(const TranscriptDocument& doc, std::string_view input, const std::vector<RedactSpan>& spans,
                           std::vector<SpanReport>& out) const {
    std::string_view blob = doc.blob();
    // For each span, the most telling field holding its first byte and the first audio time
    // there: one pass over the fields, each looking up the spans that start inside it.
    std::vector<const TextSegment*> best(spans.size(), nullptr);
    std::vector<int64_t> time(spans.size(), -1);
    for (const TextSegment& s : doc.segments) {
        if (s.end <= s.begin) continue;
        auto it = std::partition_point(spans.begin(), spans.end(), [&](const RedactSpan& sp) { return sp.begin < s.begin; });
        for (; it != spans.end() && it->begin < s.end; ++it) {
            auto k = static_cast<size_t>(it - spans.begin());
            if (time[k] < 0 && s.start_ms >= 0) time[k] = s.start_ms;
            if (best[k] == nullptr || place_rank(s.kind) < place_rank(best[k]->kind)) best[k] = &s;
        }
    }
    uint64_t counted_to = 0;
    size_t line = 1;
    for (size_t k = 0; k < spans.size(); ++k) {
        const RedactSpan& sp = spans[k];
        if (!sp.detected) continue;
        if (best[k] != nullptr && is_unredacted_kind(best[k]->kind)) continue;  // dropped with its field
        SpanReport r;
        r.policy = m_options.policies[sp.policy];
        r.value = std::string(blob.substr(sp.begin, sp.end - sp.begin));
        if (best[k] != nullptr && doc.format == TranscriptFormat::assemblyai_json) {
            r.location = doc.json_path(*best[k]);
        } else if (best[k] != nullptr) {
            uint64_t at = std::min<uint64_t>(best[k]->raw_begin + (sp.begin - best[k]->begin), input.size());
            // Spans come in input order in SRT, VTT and text: count newlines incrementally.
            if (at < counted_to) counted_to = 0, line = 1;
            line += static_cast<size_t>(std::count(input.begin() + static_cast<std::ptrdiff_t>(counted_to),
                                                   input.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
            counted_to = at;
            r.location = "line ";
            r.location += std::to_string(line);
        }
        if (time[k] >= 0) {
            if (!r.location.empty()) r.location += ' ';
            r.location += "at ";
            r.location += seconds(time[k]);
        }
        out.push_back(std::move(r));
    }
}

}  // namespace aaiscan
