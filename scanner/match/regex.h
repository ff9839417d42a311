// A compiled RE2 regular expression behind a small interface, so RE2 types stay inside match/.
// Byte semantics (Latin-1), like the Hyperscan prefilter; linear time on any input.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace aaiscan {

class Regex {
public:
    // Compiles `pattern`; check ok()/error() before use. `case_insensitive` adds (?i).
    explicit Regex(const std::string& pattern, bool case_insensitive = false);
    ~Regex();
    Regex(Regex&&) noexcept;
    Regex& operator=(Regex&&) noexcept;
    Regex(const Regex&) = delete;
    Regex& operator=(const Regex&) = delete;

    bool ok() const;
    const std::string& error() const;
    // True when the pattern matches anywhere in `text`.
    bool search(std::string_view text) const;
    // True when the pattern matches all of `text`.
    bool full_match(std::string_view text) const;
    // Finds the first match at or after `from`; returns false when there is none.
    bool find(std::string_view text, size_t from, size_t& begin, size_t& end) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace aaiscan
