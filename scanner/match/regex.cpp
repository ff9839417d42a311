// RE2 wrapper (see regex.h).
#include "match/regex.h"

#include <re2/re2.h>

namespace aaiscan {

struct Regex::Impl {
    std::unique_ptr<RE2> re;
    std::string error;
};

namespace {
RE2::Options byte_options(bool case_insensitive) {
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingLatin1);
    options.set_log_errors(false);
    options.set_case_sensitive(!case_insensitive);
    options.set_max_mem(64 << 20);
    return options;
}
}  // namespace

Regex::Regex(const std::string& pattern, bool case_insensitive) : m_impl(std::make_unique<Impl>()) {
    m_impl->re = std::make_unique<RE2>(pattern, byte_options(case_insensitive));
    if (!m_impl->re->ok()) m_impl->error = m_impl->re->error();
}

Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

bool Regex::ok() const { return m_impl->re->ok(); }
const std::string& Regex::error() const { return m_impl->error; }

bool Regex::search(std::string_view text) const {
    return ok() && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *m_impl->re);
}

bool Regex::full_match(std::string_view text) const {
    return ok() && RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *m_impl->re);
}

bool Regex::find(std::string_view text, size_t from, size_t& begin, size_t& end) const {
    if (!ok() || from > text.size()) return false;
    re2::StringPiece piece(text.data(), text.size());
    re2::StringPiece match;
    if (!m_impl->re->Match(piece, from, text.size(), RE2::UNANCHORED, &match, 1)) return false;
    begin = static_cast<size_t>(match.data() - text.data());
    end = begin + match.size();
    return true;
}

}  // namespace aaiscan
