// Transcript timestamps for the retention item (see checklist_retention.h).
#include "app/checklist_retention.h"

#include <fmt/format.h>

#include <chrono>
#include <nlohmann/json.hpp>

namespace aaiscan {
namespace {

bool read_digits(std::string_view text, size_t& pos, size_t count, int& out) {
    if (pos + count > text.size()) return false;
    int value = 0;
    for (size_t i = 0; i < count; ++i) {
        char c = text[pos + i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    pos += count;
    out = value;
    return true;
}

void visit(const nlohmann::json& node, int depth, std::optional<TranscriptTimestamp>& oldest) {
    if (depth > 4) return;
    if (node.is_array()) {
        for (const auto& item : node) visit(item, depth + 1, oldest);
        return;
    }
    if (!node.is_object()) return;
    for (const char* field : {"created", "completed", "created_at", "completed_at"}) {
        auto it = node.find(field);
        if (it == node.end() || !it->is_string()) continue;
        auto seconds = parse_iso_timestamp(it->get_ref<const std::string&>());
        if (seconds && (!oldest || *seconds < oldest->seconds))
            oldest = TranscriptTimestamp{*seconds, field};
    }
    for (const char* list : {"transcripts", "items", "data"}) {
        auto it = node.find(list);
        if (it != node.end()) visit(*it, depth + 1, oldest);
    }
}

}  // namespace

std::optional<int64_t> parse_iso_timestamp(std::string_view text) {
    size_t pos = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!read_digits(text, pos, 4, year) || pos >= text.size() || text[pos++] != '-')
        return std::nullopt;
    if (!read_digits(text, pos, 2, month) || pos >= text.size() || text[pos++] != '-')
        return std::nullopt;
    if (!read_digits(text, pos, 2, day)) return std::nullopt;
    using namespace std::chrono;
    year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                        std::chrono::day(static_cast<unsigned>(day))};
    if (!date.ok()) return std::nullopt;
    int offset_seconds = 0;
    if (pos < text.size()) {
        if (text[pos] != 'T' && text[pos] != ' ') return std::nullopt;
        ++pos;
        if (!read_digits(text, pos, 2, hour) || pos >= text.size() || text[pos++] != ':')
            return std::nullopt;
        if (!read_digits(text, pos, 2, minute)) return std::nullopt;
        if (pos < text.size() && text[pos] == ':') {
            ++pos;
            if (!read_digits(text, pos, 2, second)) return std::nullopt;
            if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
                ++pos;
                size_t digits = 0;
                while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos, ++digits;
                if (digits == 0) return std::nullopt;
            }
        }
        if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
        if (pos < text.size()) {
            if (text[pos] == 'Z' || text[pos] == 'z') {
                ++pos;
            } else if (text[pos] == '+' || text[pos] == '-') {
                int sign = text[pos] == '-' ? -1 : 1;
                ++pos;
                int oh = 0, om = 0;
                if (!read_digits(text, pos, 2, oh)) return std::nullopt;
                if (pos < text.size() && text[pos] == ':') ++pos;
                if (!read_digits(text, pos, 2, om) || oh > 23 || om > 59) return std::nullopt;
                offset_seconds = sign * (oh * 3600 + om * 60);
            } else {
                return std::nullopt;
            }
        }
        if (pos != text.size()) return std::nullopt;
    }
    int64_t days = sys_days(date).time_since_epoch().count();
    return days * 86400 + hour * 3600 + minute * 60 + second - offset_seconds;
}

std::optional<TranscriptTimestamp> oldest_transcript_timestamp(std::string_view json_text) {
    nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, false);
    if (doc.is_discarded()) return std::nullopt;
    std::optional<TranscriptTimestamp> oldest;
    visit(doc, 0, oldest);
    return oldest;
}

std::string format_utc_date(int64_t seconds) {
    using namespace std::chrono;
    sys_days day{std::chrono::days(seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)};
    year_month_day ymd{day};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

}  // namespace aaiscan
