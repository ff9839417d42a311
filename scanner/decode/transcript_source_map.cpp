// Blob range -> transcript field, audio time, speaker, file position (see transcript_source_map.h).
#include "decode/transcript_source_map.h"

#include <algorithm>
#include <cstdint>

namespace aaiscan {
namespace {

bool is_leaf(FieldKind kind) { return is_word_kind(kind) || kind == FieldKind::cue || kind == FieldKind::line; }

// Which leaves give the transcript's timeline: the top-level words when there are any.
int timeline_rank(FieldKind kind) {
    switch (kind) {
        case FieldKind::word: return 0;
        case FieldKind::utterance_word: return 1;
        case FieldKind::sentence_word: return 2;
        case FieldKind::paragraph_word: return 3;
        case FieldKind::cue: return 4;
        case FieldKind::line: return 5;
        default: return 99;
    }
}

}  // namespace

TranscriptSourceMap::TranscriptSourceMap(const TranscriptDocument& doc, std::string_view input,
                                         TranscriptPositions& positions)
    : m_doc(doc), m_input(input), m_lines(positions) {}

void TranscriptSourceMap::build_index() {
    m_indexed = true;
    const auto& segs = m_doc.segments;
    int best_rank = 99;
    for (uint32_t i = 0; i < segs.size(); ++i) {
        if (is_leaf(segs[i].kind)) {
            m_leaves.push_back(i);
            if (segs[i].start_ms >= 0) best_rank = std::min(best_rank, timeline_rank(segs[i].kind));
        } else {
            m_fields.push_back(i);
        }
    }
    auto by_position = [&](uint32_t a, uint32_t b) {
        if (segs[a].begin != segs[b].begin) return segs[a].begin < segs[b].begin;
        return segs[a].end > segs[b].end;  // outer fields first, so a backward walk meets inner ones first
    };
    std::stable_sort(m_fields.begin(), m_fields.end(), by_position);
    sort_leaves();
    for (uint32_t i : m_leaves) {
        if (segs[i].start_ms >= 0 && timeline_rank(segs[i].kind) == best_rank) m_timeline.push_back(i);
    }
    auto by_start = [&](uint32_t a, uint32_t b) { return segs[a].start_ms < segs[b].start_ms; };
    if (!std::is_sorted(m_timeline.begin(), m_timeline.end(), by_start)) {
        std::stable_sort(m_timeline.begin(), m_timeline.end(), by_start);
    }
}

void TranscriptSourceMap::sort_leaves() {
    const auto& segs = m_doc.segments;
    auto by_begin = [&](uint32_t a, uint32_t b) { return segs[a].begin < segs[b].begin; };
    // Word lists are sorted runs (words, then each utterance's words, which repeat `text`): find
    // the runs and merge them pairwise, stably (equal offsets keep their order). Linear for the
    // few runs a transcript has; a general sort when there are many.
    std::vector<size_t> run_starts = {0};
    for (size_t i = 1; i < m_leaves.size(); ++i) {
        if (by_begin(m_leaves[i], m_leaves[i - 1])) run_starts.push_back(i);
    }
    if (run_starts.size() == 1) return;
    if (run_starts.size() > 64) {
        std::stable_sort(m_leaves.begin(), m_leaves.end(), by_begin);
        return;
    }
    run_starts.push_back(m_leaves.size());
    while (run_starts.size() > 2) {
        std::vector<size_t> merged = {0};
        for (size_t r = 0; r + 2 < run_starts.size(); r += 2) {
            auto first = m_leaves.begin() + static_cast<std::ptrdiff_t>(run_starts[r]);
            auto middle = m_leaves.begin() + static_cast<std::ptrdiff_t>(run_starts[r + 1]);
            auto last = m_leaves.begin() + static_cast<std::ptrdiff_t>(run_starts[r + 2]);
            std::inplace_merge(first, middle, last, by_begin);
            merged.push_back(run_starts[r + 2]);
        }
        if ((run_starts.size() - 1) % 2 == 1) merged.push_back(run_starts.back());
        run_starts.swap(merged);
    }
}

uint64_t TranscriptSourceMap::raw_offset(const TextSegment& s, size_t blob_offset) const {
    size_t clamped = std::clamp<size_t>(blob_offset, s.begin, s.end);
    size_t offset = clamped - s.begin;
    if (!s.escaped) return s.raw_begin + offset;
    std::string_view raw = m_input.substr(static_cast<size_t>(s.raw_begin), static_cast<size_t>(s.raw_end - s.raw_begin));
    return s.raw_begin + json_raw_offset(raw, offset);
}

TranscriptLocation TranscriptSourceMap::resolve(size_t begin, size_t end) {
    if (!m_indexed) build_index();
    const auto& segs = m_doc.segments;
    TranscriptLocation loc;
    if (end < begin) end = begin;

    // Leaves overlapping [begin, end) (or holding `begin` for an empty range).
    auto first = std::partition_point(m_leaves.begin(), m_leaves.end(), [&](uint32_t i) { return segs[i].begin < begin; });
    while (first != m_leaves.begin() && segs[*(first - 1)].end > begin) --first;
    for (auto it = first; it != m_leaves.end() && (segs[*it].begin < end || (begin == end && segs[*it].begin == begin)); ++it) {
        const TextSegment& s = segs[*it];
        if (s.end <= begin && !(begin == end && s.begin == begin)) continue;
        if (s.begin == s.end) continue;
        if (loc.first_leaf < 0) loc.first_leaf = *it;
        loc.last_leaf = *it;
        if (s.start_ms >= 0 && (loc.start_ms < 0 || s.start_ms < loc.start_ms)) loc.start_ms = s.start_ms;
        if (s.end_ms > loc.end_ms) loc.end_ms = s.end_ms;
        if (loc.speaker == k_no_speaker) loc.speaker = s.speaker;
    }

    // The innermost field containing the range; walking back from the last field starting at or
    // before `begin` meets inner fields before the fields around them.
    auto upper = std::partition_point(m_fields.begin(), m_fields.end(), [&](uint32_t i) { return segs[i].begin <= begin; });
    int64_t field = -1;
    int steps = 0;
    for (auto it = upper; it != m_fields.begin() && steps < 64; ++steps) {
        --it;
        const TextSegment& s = segs[*it];
        if (s.begin <= begin && end <= s.end) {
            field = *it;
            break;
        }
    }
    if (field < 0 && upper != m_fields.begin()) {
        size_t best = SIZE_MAX;
        for (auto it = m_fields.begin(); it != upper; ++it) {
            const TextSegment& s = segs[*it];
            bool holds = s.begin <= begin && begin < s.end + (begin == end ? 1 : 0);
            if (holds && s.end - s.begin < best) {
                best = s.end - s.begin;
                field = *it;
            }
        }
    }

    loc.segment = field >= 0 ? field : loc.first_leaf;
    if (field >= 0) {
        const TextSegment& f = segs[static_cast<size_t>(field)];
        if (loc.start_ms < 0) {
            loc.start_ms = f.start_ms;
            loc.end_ms = f.end_ms;
        }
        if (loc.speaker == k_no_speaker) loc.speaker = f.speaker;
    }
    if (loc.segment >= 0) {
        const TextSegment& s = segs[static_cast<size_t>(loc.segment)];
        loc.raw_begin = raw_offset(s, begin);
        loc.raw_end = raw_offset(s, end);
        // A match running past its field (across words of a word list): end at the last word.
        if (end > s.end && loc.last_leaf >= 0) loc.raw_end = raw_offset(segs[static_cast<size_t>(loc.last_leaf)], end);
        if (loc.raw_end < loc.raw_begin) loc.raw_end = loc.raw_begin;
    }
    return loc;
}

void TranscriptSourceMap::locate_raw(uint64_t raw_begin, uint64_t raw_end, Finding& finding) {
    TextPosition a = position(raw_begin);
    TextPosition b = position(raw_end);
    finding.line = a.line;
    finding.column = a.column;
    finding.end_line = b.line;
    finding.end_column = b.column;
}

void TranscriptSourceMap::locate(size_t begin, size_t end, Finding& finding) {
    TranscriptLocation loc = resolve(begin, end);
    locate_raw(loc.raw_begin, loc.raw_end, finding);
    TranscriptRef ref;
    ref.id = m_doc.id;
    if (loc.segment >= 0) {
        const TextSegment& s = m_doc.segments[static_cast<size_t>(loc.segment)];
        ref.json_path = m_doc.json_path(s);
    }
    ref.start_ms = loc.start_ms;
    ref.end_ms = loc.end_ms;
    if (loc.speaker < m_doc.speakers.size()) ref.speaker = m_doc.speakers[loc.speaker];
    finding.transcript = std::move(ref);
}

bool TranscriptSourceMap::blob_range_at_time(int64_t start_ms, int64_t end_ms, size_t& begin, size_t& end) {
    if (!m_indexed) build_index();
    if (start_ms < 0 || m_timeline.empty()) return false;
    if (end_ms < start_ms) end_ms = start_ms;
    const auto& segs = m_doc.segments;
    auto it = std::partition_point(m_timeline.begin(), m_timeline.end(),
                                   [&](uint32_t i) { return segs[i].start_ms < start_ms; });
    // Step back over leaves that started earlier but are still running.
    while (it != m_timeline.begin() && segs[*(it - 1)].end_ms > start_ms) --it;
    bool any = false;
    for (; it != m_timeline.end() && segs[*it].start_ms <= end_ms; ++it) {
        const TextSegment& s = segs[*it];
        if (!any) {
            begin = s.begin;
            end = s.end;
            any = true;
        } else {
            begin = std::min<size_t>(begin, s.begin);
            end = std::max<size_t>(end, s.end);
        }
    }
    return any;
}

}  // namespace aaiscan
