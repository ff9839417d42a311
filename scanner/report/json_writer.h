// A streaming JSON writer for the reports. Values go straight to a buffer that is flushed to the
// stream in large blocks, so a report of many thousands of findings is never built as a tree.
// The bytes are exactly those of nlohmann::ordered_json::dump(indent, ' ', false, replace) for
// the same document (tests/unit/test_report_json_writer.cpp checks that): invalid UTF-8 becomes U+FFFD,
// control characters are escaped, other text is written as it is.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace aaiscan {

class JsonWriter {
public:
    // indent < 0: compact, on one line; otherwise pretty-printed with `indent` spaces a level.
    JsonWriter(std::ostream& out, int indent);
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;
    ~JsonWriter();  // flushes

    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    // The key of the next value, inside an object.
    void key(std::string_view name);

    void value(std::string_view text);
    void value(const char* text) { value(std::string_view(text)); }
    void value(const std::string& text) { value(std::string_view(text)); }
    void value(bool b);
    void value(int v) { value(static_cast<int64_t>(v)); }
    void value(unsigned v) { value(static_cast<uint64_t>(v)); }
    void value(int64_t v);
    void value(uint64_t v);
    void null();
    // A string value, or null when it is empty.
    void string_or_null(std::string_view text);

    // key + value in one call.
    template <typename T>
    void field(std::string_view name, const T& v) {
        key(name);
        value(v);
    }

    // Writes the buffer to the stream (done automatically every 64 KiB and at destruction).
    void flush();

private:
    struct Level {
        bool array = false;
        size_t count = 0;
    };
    void before_value();
    void close(char bracket);
    void new_line(size_t depth);
    void write_string(std::string_view text);
    void maybe_flush();

    std::ostream& m_out;
    std::string m_buffer;
    int m_indent;
    std::vector<Level> m_levels;
    bool m_after_key = false;
};

// `text` as a JSON string literal (with quotes), escaped like JsonWriter does.
std::string json_quote(std::string_view text);

}  // namespace aaiscan
