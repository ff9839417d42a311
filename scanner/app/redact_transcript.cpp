// Redaction of one transcript file in memory (see redact_transcript.h).
#include "app/redact_transcript.h"

#include <algorithm>
#include <iterator>

#include <simdjson.h>

#include "app/redact_substitute.h"
#include "decode/speaker_names.h"
#include "decode/transcript_detect.h"
#include "decode/transcript_subtitles.h"
#include "decode/transcript_text.h"
#include "util/escape.h"

namespace aaiscan {
namespace {

constexpr int k_max_passes = 3;

bool has_member(const std::vector<JsonMember>& members, std::string_view name) {
    return std::any_of(members.begin(), members.end(), [&](const JsonMember& m) { return m.name == name; });
}

std::string json_string_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += ", ";
        out += '"';
        out += json_escape_content(items[i]);
        out += '"';
    }
    return out + "]";
}

std::string quoted(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out.push_back('"');
    out.append(text);
    out.push_back('"');
    return out;
}

// One JSON document, with invalid UTF-8 tolerated (those bytes are kept as they are). Empty when
// well formed.
std::string document_problem(std::string_view input) {
    thread_local simdjson::dom::parser parser;
    simdjson::padded_string padded(input);
    simdjson::dom::element root;
    auto error = parser.parse(padded).get(root);
    if (error == simdjson::UTF8_ERROR) {
        // Check the structure of a repaired copy: invalid bytes must not hide a broken file.
        simdjson::padded_string repaired(to_valid_utf8(input));
        error = parser.parse(repaired).get(root);
    }
    return error == simdjson::SUCCESS ? std::string() : simdjson::error_message(error);
}

// Several values one after another (JSON Lines, jq output): each must be a document of its own.
std::string values_problem(std::string_view input) {
    for (size_t at = skip_json_space(input, 0); at < input.size(); at = skip_json_space(input, at)) {
        std::string where = " on line " + std::to_string(1 + std::count(input.begin(), input.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
        size_t end = skip_json_value(input, at);
        if (end == std::string_view::npos) return "a value that does not end" + where;
        std::string problem = document_problem(input.substr(at, end - at));
        if (!problem.empty()) return problem + where;
        at = end;
    }
    return {};
}

// The transcript decoder reads only what it needs (simdjson On-Demand); a file that is going
// to be rewritten must be JSON from end to end: one document, or several one after another.
std::string json_problem(std::string_view input) {
    if (input.starts_with("\xEF\xBB\xBF")) input.remove_prefix(3);  // a byte order mark stays as it is
    if (looks_like_json_lines(input)) return values_problem(input);
    std::string problem = document_problem(input);
    if (problem.empty()) return problem;
    size_t first = skip_json_space(input, 0);
    size_t end = first < input.size() ? skip_json_value(input, first) : std::string_view::npos;
    bool more = end != std::string_view::npos && skip_json_space(input, end) < input.size();
    return more ? values_problem(input) : problem;
}

// A speaker whose label is a person's name, and every place the label stands in the input.
struct SpeakerLabel {
    std::string name;
    std::vector<std::pair<size_t, size_t>> spans;
};

// Speaker labels are not text fields, so the detectors never see them: with person_name applied,
// names in `speaker` fields, voice tags and "Name:" prefixes are redacted here (empty otherwise).
std::vector<SpeakerLabel> person_speaker_labels(const TranscriptDocument& doc, std::string_view input, bool names) {
    std::vector<SpeakerLabel> labels;
    if (!names) return labels;
    for (const std::string& name : doc.speakers) {
        if (!is_person_like_speaker(name)) continue;
        auto spans = speaker_name_spans(input, static_cast<size_t>(doc.raw_begin), static_cast<size_t>(doc.raw_end),
                                        name, doc.format);
        if (!spans.empty()) labels.push_back({name, std::move(spans)});
    }
    return labels;
}

// Edits for the labels' places that no text edit already covers (a "Name:" prefix of a plain-text
// line is also text the detectors may have redacted).
void add_speaker_edits(const std::vector<SpeakerLabel>& labels, Substitution substitution, std::vector<RawEdit>& edits) {
    if (labels.empty()) return;
    const size_t text_edits = edits.size();
    for (const SpeakerLabel& l : labels) {
        std::string replacement = substitute(l.name, "person_name", substitution);
        for (const std::pair<size_t, size_t>& span : l.spans) {
            bool covered = std::any_of(edits.begin(), edits.begin() + static_cast<std::ptrdiff_t>(text_edits),
                                       [&](const RawEdit& e) { return e.begin < span.second && span.first < e.end; });
            if (!covered) edits.push_back({span.first, span.second, replacement});
        }
    }
}

}  // namespace

TranscriptRedactor::TranscriptRedactor(const RedactOptions& options)
    : m_options(options), m_planner(options), m_force(options.force_transcript) {}

RedactStatus TranscriptRedactor::pass(std::string_view input, std::string_view path, std::string* output,
                                      std::vector<SpanReport>* reports, BufferRedaction* info, std::string& problem) {
    TranscriptFormat format = detect_transcript_format(input.substr(0, k_transcript_sniff_bytes), path,
                                                       m_force);
    if (info) info->format = format;
    std::vector<RawEdit> edits;
    bool ok = true;
    const bool names = std::binary_search(m_options.policies.begin(), m_options.policies.end(), "person_name");
    // The per-transcript work, the same for every format.
    auto handle = [&](TranscriptDocument& doc) {
        if (!ok) return;
        if (info) ++info->transcripts;
        m_planner.find_spans(doc, output != nullptr, m_spans);
        if (reports) m_planner.describe(doc, input, m_spans, *reports);
        std::vector<SpeakerLabel> labels = person_speaker_labels(doc, input, names);
        if (reports) {
            for (const SpeakerLabel& l : labels) {
                reports->push_back({"person_name", l.name,
                                    "speaker label (" + std::to_string(l.spans.size()) + " place" +
                                        (l.spans.size() == 1 ? ")" : "s)")});
            }
        }
        if (!output) return;
        if (!m_planner.plan_field_edits(doc, input, m_spans, edits, problem)) {
            ok = false;
            return;
        }
        add_speaker_edits(labels, m_options.substitution, edits);
        if (doc.format != TranscriptFormat::assemblyai_json) return;
        std::vector<JsonMember> members;
        size_t open = 0, close = 0;
        if (!read_json_members(input, doc.raw_begin, members, open, close)) {
            problem = "malformed JSON object at byte " + std::to_string(doc.raw_begin);
            ok = false;
            return;
        }
        std::vector<std::string> policies = m_options.policies;
        if (doc.redact_pii.value_or(false) && doc.policies_listed) {
            for (const auto& p : doc.redact_policies) {
                if (std::find(policies.begin(), policies.end(), p) == policies.end()) policies.push_back(p);
            }
            std::sort(policies.begin(), policies.end());
        }
        std::vector<std::pair<std::string, std::string>> set = {
            {"redact_pii", "true"},
            {"redact_pii_policies", json_string_list(policies)},
            {"redact_pii_sub", quoted(to_string(m_options.substitution))},
        };
        // Settings are added to transcript objects only, not to /sentences or /paragraphs bodies.
        // Nor to pieces of one (an element of an utterance list, a LeMUR response).
        bool add = !doc.fragment &&
                   (has_member(members, "text") || has_member(members, "words") || has_member(members, "redact_pii"));
        auto unredacted = [](std::string_view name) { return name.starts_with("unredacted_"); };
        if (info) info->removed_fields += doc.unredacted.size();
        plan_object_edits(input, members, open, unredacted, set, add, edits);
    };

    switch (format) {
        case TranscriptFormat::none:
            return RedactStatus::not_transcript;
        case TranscriptFormat::assemblyai_json: {
            JsonDecodeResult result = m_json.decode(input, m_force, handle);
            if (info && result.utf8_repaired) info->utf8_repaired = true;
            if (result.status == JsonDecodeStatus::invalid) {
                if (result.transcripts == 0 && !has_assemblyai_markers(input.substr(0, k_transcript_sniff_bytes))) {
                    // Not JSON after all ("[00:00:01] ..." notes): a named file is plain text.
                    if (!m_force) return RedactStatus::not_transcript;
                    if (info) info->format = TranscriptFormat::plain_text;
                    edits.clear();
                    decode_plain_transcript(input, m_doc);
                    handle(m_doc);
                    break;
                }
                problem = "transcript JSON is not valid (" + result.error + ")";
                return RedactStatus::invalid;
            }
            if (result.status == JsonDecodeStatus::not_transcript) return RedactStatus::not_transcript;
            if (output) {
                std::string json_error = json_problem(input);
                if (!json_error.empty()) {
                    problem = "transcript JSON is not valid (" + json_error + ")";
                    return RedactStatus::invalid;
                }
            }
            break;
        }
        case TranscriptFormat::srt:
        case TranscriptFormat::vtt:
            if (!decode_subtitles(input, format, m_doc)) return RedactStatus::not_transcript;
            handle(m_doc);
            break;
        case TranscriptFormat::plain_text:
        case TranscriptFormat::csv:
        case TranscriptFormat::html:
            decode_text_export(format, input, m_doc, m_html_text);
            handle(m_doc);
            break;
    }
    if (!ok) return RedactStatus::invalid;
    if (output && !apply_edits(input, edits, *output)) {
        problem = "internal: overlapping edits";
        return RedactStatus::invalid;
    }
    return RedactStatus::redacted;
}

void TranscriptRedactor::redact(std::string_view input, std::string_view path, BufferRedaction& out) {
    out = BufferRedaction{};
    std::string current;
    std::string next;
    std::string_view source = input;
    for (int i = 0; i < k_max_passes; ++i) {
        std::vector<SpanReport> reports;
        RedactStatus status = pass(source, path, &next, &reports, i == 0 ? &out : nullptr, out.problem);
        if (status != RedactStatus::redacted) {
            if (i == 0) {
                out.status = status;
                return;
            }
            break;  // a later pass failed: keep the last good output
        }
        if (i > 0 && next == source) break;  // nothing more the substitution can change
        out.redacted.insert(out.redacted.end(), std::make_move_iterator(reports.begin()),
                            std::make_move_iterator(reports.end()));
        current.swap(next);
        source = current;
        out.residual.clear();
        std::string problem;
        if (find_pii(source, path, out.residual, problem) != RedactStatus::redacted) break;
        if (out.residual.empty()) break;
    }
    out.status = RedactStatus::redacted;
    out.output = std::move(current);
}

RedactStatus TranscriptRedactor::find_pii(std::string_view input, std::string_view path, std::vector<SpanReport>& found,
                                          std::string& problem) {
    return pass(input, path, nullptr, &found, nullptr, problem);
}

std::optional<std::string> redact_transcript_buffer(std::string_view input, std::string_view path,
                                                    const RedactOptions& options, std::vector<Diagnostic>& diagnostics) {
    if (options.matcher == nullptr) {
        diagnostics.push_back({DiagnosticLevel::error, std::string(path), "no matcher to detect PII with"});
        return std::nullopt;
    }
    TranscriptRedactor redactor(options);
    BufferRedaction result;
    redactor.redact(input, path, result);
    switch (result.status) {
        case RedactStatus::redacted:
            return std::move(result.output);
        case RedactStatus::not_transcript:
            diagnostics.push_back({DiagnosticLevel::note, std::string(path), "not a transcript export"});
            return std::nullopt;
        case RedactStatus::invalid:
            diagnostics.push_back({DiagnosticLevel::error, std::string(path), result.problem});
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace aaiscan
