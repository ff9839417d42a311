// Transcript export recognition and scanning (see transcript_scan.h).
#include "app/transcript_scan.h"

#include <algorithm>

#include "app/item_scanner.h"
#include "app/transcript_findings.h"
#include "decode/transcript_detect.h"
#include "decode/transcript_json.h"
#include "decode/transcript_source_map.h"
#include "decode/transcript_subtitles.h"
#include "decode/transcript_text.h"
#include "source/scope_classifier.h"
#include "validate/pii_checks.h"

namespace aaiscan {
namespace {

// Larger transcript files are scanned in chunks as plain text (the JSON decoder needs them whole).
constexpr uint64_t k_max_whole_transcript = 512ull << 20;

// Per-thread decoding state, reused across files (one ItemScanner per worker thread).
struct TranscriptScanState {
    TranscriptScanState() { json.set_skip_repeated_words(true); }
    TranscriptJsonDecoder json;
    TranscriptDocument doc;
    std::vector<Finding> findings;
    std::string html_text;  // an HTML export with its tags blanked
};

TranscriptScanState& thread_state() {
    thread_local TranscriptScanState state;
    return state;
}

struct ScanContext {
    std::string_view input;
    const ItemInfo& item;
    const TranscriptPolicy& policy;
    const RuleSet& rules;
    BlobScanner& scanner;
    ScanOutput& out;
    BlobOrigin origin;
    TranscriptPositions positions;  // shared by the transcripts of the file
};

// Scans one decoded transcript and appends its findings.
void scan_document(TranscriptDocument& doc, ScanContext& c) {
    std::vector<Finding>& found = thread_state().findings;
    found.clear();
    TranscriptSourceMap map(doc, c.input, c.positions);
    c.scanner.scan(doc.blob(), Scope::transcript, map, c.origin, found);
    // Structural findings come from the decoder, not from text; redaction marks are never PII.
    found.erase(std::remove_if(found.begin(), found.end(),
                               [](const Finding& f) {
                                   return f.rule->id == k_unredacted_field_rule || f.rule->id == k_speaker_name_rule ||
                                          (f.rule->category == Category::pii && is_redaction_mark(f.secret));
                               }),
                found.end());
    add_entity_findings(doc, map, c.rules, c.origin, found);
    dedupe_transcript_findings(found, doc.path_prefix);
    add_unredacted_findings(doc, map, c.rules, c.origin, found);
    add_speaker_findings(doc, map, c.rules, c.origin, found);
    RedactionState state = redaction_state(doc);
    for (Finding& f : found) {
        apply_transcript_verdict(f, state, c.policy);
        c.out.findings.push_back(std::move(f));
    }
    ++c.out.stats.blobs_scanned;
}

// The input's bytes (from `accept_begin` on) with the rules of the path's own scope, when that is
// not the transcript scope: a text transcript (or a file taken for one) still gets the secret
// rules a .txt or .md gets.
void scan_with_own_scope(ScanContext& c, size_t accept_begin) {
    Scope own = classify_path(scope_path(c.item));
    if (own == Scope::transcript) return;
    LineSourceMap own_map(c.input);
    c.scanner.scan(c.input, own, own_map, c.origin, c.out.findings, accept_begin);
}

// Plain-text scan of `text` (or of its bytes from `accept_begin` on) with the transcript rules,
// and with the rules of the path's own scope when that is another scope.
void scan_as_plain_text(ScanContext& c, size_t accept_begin) {
    LineSourceMap map(c.input);
    c.scanner.scan(c.input, Scope::transcript, map, c.origin, c.out.findings, accept_begin);
    scan_with_own_scope(c, accept_begin);
}

// Positions of a slice of the input, through the file's shared position index.
class SliceSourceMap final : public SourceMap {
public:
    SliceSourceMap(TranscriptPositions& positions, size_t offset) : m_positions(positions), m_offset(offset) {}
    void locate(size_t begin, size_t end, Finding& f) override {
        TextPosition a = m_positions.position(m_offset + begin);
        TextPosition b = m_positions.position(m_offset + end);
        f.line = a.line;
        f.column = a.column;
        f.end_line = b.line;
        f.end_column = b.column;
    }

private:
    TranscriptPositions& m_positions;
    size_t m_offset;
};

// Adds the byte ranges of the documents' word arrays (most of an export, all spoken text already
// scanned for PII) to `skip`, merging words that follow each other.
void collect_word_runs(const TranscriptDocument& doc, std::vector<std::pair<size_t, size_t>>& skip) {
    constexpr uint64_t k_max_gap = 512;  // JSON between two words of one array
    // Arrays left undecoded because they repeat their utterance's text: whole, brackets included.
    for (const auto& array : doc.repeated_word_arrays) skip.emplace_back(array.first, array.second);
    for (const TextSegment& s : doc.segments) {
        if (!is_word_kind(s.kind) || s.raw_end <= s.raw_begin) continue;
        if (!skip.empty() && s.raw_begin >= skip.back().second && s.raw_begin - skip.back().second <= k_max_gap) {
            skip.back().second = s.raw_end;
        } else {
            skip.emplace_back(s.raw_begin, s.raw_end);
        }
    }
}

// The export's own metadata (webhook_auth_header_value, custom fields) can hold credentials:
// everything but the word arrays also gets the configuration-scope secret rules.
void scan_metadata_for_secrets(ScanContext& c, std::vector<std::pair<size_t, size_t>>& skip) {
    std::sort(skip.begin(), skip.end());
    size_t from = 0;
    auto scan_gap = [&](size_t begin, size_t end) {
        if (end <= begin) return;
        SliceSourceMap map(c.positions, begin);
        c.scanner.scan(c.input.substr(begin, end - begin), Scope::config, map, c.origin, c.out.findings);
    };
    for (const auto& [begin, end] : skip) {
        if (begin > from) scan_gap(from, std::min<size_t>(begin, c.input.size()));
        from = std::max(from, static_cast<size_t>(end));
    }
    scan_gap(from, c.input.size());
}

bool scan_json(ScanContext& c) {
    TranscriptScanState& st = thread_state();
    std::vector<std::pair<size_t, size_t>> word_runs;
    JsonDecodeResult result = st.json.decode(c.input, c.policy.force_transcript, [&](TranscriptDocument& doc) {
        collect_word_runs(doc, word_runs);
        scan_document(doc, c);
    });
    std::string path(c.item.path);
    if (result.utf8_repaired) c.out.note(path, "invalid UTF-8 in transcript JSON read as '?'");
    if (result.status == JsonDecodeStatus::transcripts) {
        scan_metadata_for_secrets(c, word_runs);
        return true;
    }
    if (result.status == JsonDecodeStatus::not_transcript) return false;
    // Broken JSON.
    if (result.transcripts > 0) {
        c.out.warning(path, "invalid JSON after " + std::to_string(result.transcripts) + " transcript(s) (" +
                                result.error + "); the rest is scanned as plain text");
        scan_as_plain_text(c, static_cast<size_t>(result.resume_offset));
        return true;
    }
    if (!c.policy.force_transcript && !has_assemblyai_markers(c.input.substr(0, k_transcript_sniff_bytes))) return false;
    c.out.warning(path, "transcript JSON is not valid (" + result.error + "); scanned as plain text");
    scan_as_plain_text(c, 0);
    return true;
}

}  // namespace

bool scan_transcript_export(std::string_view text, const ItemInfo& item, const TranscriptPolicy& policy,
                            const RuleSet& rules, BlobScanner& scanner, ScanOutput& out) {
    TranscriptFormat format = detect_transcript_format(text.substr(0, k_transcript_sniff_bytes), item.path,
                                                       policy.force_transcript);
    if (format == TranscriptFormat::none) return false;
    ScanContext c{text, item, policy, rules, scanner, out, BlobOrigin{item.path, item.project_path, item.commit},
                  TranscriptPositions(text)};
    TranscriptDocument& doc = thread_state().doc;
    switch (format) {
        case TranscriptFormat::assemblyai_json:
            return scan_json(c);
        case TranscriptFormat::srt:
        case TranscriptFormat::vtt:
            if (!decode_subtitles(text, format, doc)) return false;
            scan_document(doc, c);
            return true;
        case TranscriptFormat::plain_text:
        case TranscriptFormat::csv:
        case TranscriptFormat::html:
            decode_text_export(format, text, doc, thread_state().html_text);
            scan_document(doc, c);
            scan_with_own_scope(c, 0);
            return true;
        case TranscriptFormat::none:
            break;
    }
    return false;
}

bool transcript_needs_whole_file(std::string_view head, std::string_view path, uint64_t size,
                                 const TranscriptPolicy& policy) {
    if (size > k_max_whole_transcript) return false;
    TranscriptFormat format = detect_transcript_format(head, path, policy.force_transcript);
    return format == TranscriptFormat::assemblyai_json || format == TranscriptFormat::srt ||
           format == TranscriptFormat::vtt || format == TranscriptFormat::csv || format == TranscriptFormat::html;
}

}  // namespace aaiscan
