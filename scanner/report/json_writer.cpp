// Streaming JSON writer (see json_writer.h).
#include "report/json_writer.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace aaiscan {
namespace {

constexpr size_t k_flush_at = 64 * 1024;

// Length of the well-formed UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, nothing
// above U+10FFFF) starting at s[i], a byte >= 0x80; 0 when it is not well formed.
size_t utf8_sequence_length(std::string_view s, size_t i) {
    auto byte = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
    auto cont = [&](size_t k) { unsigned b = byte(k); return b >= 0x80 && b <= 0xBF; };
    unsigned lead = byte(0);
    if (lead >= 0xC2 && lead <= 0xDF) return cont(1) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        unsigned b1 = byte(1);
        bool ok = lead == 0xE0 ? (b1 >= 0xA0 && b1 <= 0xBF) : lead == 0xED ? (b1 >= 0x80 && b1 <= 0x9F) : cont(1);
        return ok && cont(2) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        unsigned b1 = byte(1);
        bool ok = lead == 0xF0 ? (b1 >= 0x90 && b1 <= 0xBF) : lead == 0xF4 ? (b1 >= 0x80 && b1 <= 0x8F) : cont(1);
        return ok && cont(2) && cont(3) ? 4 : 0;
    }
    return 0;
}

// Appends `text` quoted and escaped; false (with `out` unchanged) when it is not valid UTF-8.
bool append_escaped(std::string& out, std::string_view text) {
    static constexpr char k_hex[] = "0123456789abcdef";
    size_t mark = out.size();
    out += '"';
    size_t run = 0;  // start of the bytes not yet copied
    for (size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            size_t n = utf8_sequence_length(text, i);
            if (n == 0) {
                out.resize(mark);
                return false;
            }
            i += n;
            continue;
        }
        out.append(text.data() + run, i - run);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                out += "\\u00";
                out += k_hex[c >> 4];
                out += k_hex[c & 15];
        }
        run = ++i;
    }
    out.append(text.data() + run, text.size() - run);
    out += '"';
    return true;
}

void append_quoted(std::string& out, std::string_view text) {
    if (append_escaped(out, text)) return;
    // Broken UTF-8 is rare (paths and values are untrusted bytes): nlohmann replaces it.
    out += nlohmann::ordered_json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string json_quote(std::string_view text) {
    std::string out;
    append_quoted(out, text);
    return out;
}

JsonWriter::JsonWriter(std::ostream& out, int indent) : m_out(out), m_indent(indent) {
    m_buffer.reserve(k_flush_at + 4096);
}

JsonWriter::~JsonWriter() { flush(); }

void JsonWriter::flush() {
    if (!m_buffer.empty()) m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_buffer.clear();
}

void JsonWriter::maybe_flush() {
    if (m_buffer.size() >= k_flush_at) flush();
}

void JsonWriter::new_line(size_t depth) {
    if (m_indent < 0) return;
    m_buffer += '\n';
    m_buffer.append(depth * static_cast<size_t>(m_indent), ' ');
}

void JsonWriter::before_value() {
    if (m_after_key) {
        m_after_key = false;
        return;
    }
    if (m_levels.empty()) return;
    Level& level = m_levels.back();
    if (level.count++ > 0) m_buffer += ',';
    new_line(m_levels.size());
}

void JsonWriter::key(std::string_view name) {
    Level& level = m_levels.back();
    if (level.count++ > 0) m_buffer += ',';
    new_line(m_levels.size());
    append_quoted(m_buffer, name);
    m_buffer += m_indent < 0 ? ":" : ": ";
    m_after_key = true;
}

void JsonWriter::begin_object() {
    before_value();
    m_buffer += '{';
    m_levels.push_back({false, 0});
}

void JsonWriter::begin_array() {
    before_value();
    m_buffer += '[';
    m_levels.push_back({true, 0});
}

void JsonWriter::close(char bracket) {
    size_t count = m_levels.back().count;
    m_levels.pop_back();
    if (count > 0) new_line(m_levels.size());  // an empty container stays "{}" / "[]"
    m_buffer += bracket;
    maybe_flush();
}

void JsonWriter::end_object() { close('}'); }

void JsonWriter::end_array() { close(']'); }

void JsonWriter::value(std::string_view text) {
    before_value();
    append_quoted(m_buffer, text);
    maybe_flush();
}

void JsonWriter::string_or_null(std::string_view text) {
    if (text.empty()) {
        null();
    } else {
        value(text);
    }
}

void JsonWriter::value(bool b) {
    before_value();
    m_buffer += b ? "true" : "false";
}

void JsonWriter::value(int64_t v) {
    before_value();
    char digits[24];
    auto result = std::to_chars(digits, digits + sizeof digits, v);
    m_buffer.append(digits, result.ptr);
}

void JsonWriter::value(uint64_t v) {
    before_value();
    char digits[24];
    auto result = std::to_chars(digits, digits + sizeof digits, v);
    m_buffer.append(digits, result.ptr);
}

void JsonWriter::null() {
    before_value();
    m_buffer += "null";
}

}  // namespace aaiscan
