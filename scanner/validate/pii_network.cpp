// Email addresses, IP addresses and URLs (see pii_checks.h).
#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <string>

#include "validate/pii_checks.h"

namespace aaiscan {
namespace {

bool is_alnum(char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
bool is_alpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

std::string lowered(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// Domain labels: alphanumeric with inner hyphens, an alphabetic TLD of 2..24 letters.
bool domain_valid(std::string_view domain) {
    if (domain.empty() || domain.size() > 253) return false;
    size_t labels = 0;
    std::string_view last;
    size_t start = 0;
    while (start <= domain.size()) {
        size_t dot = domain.find('.', start);
        std::string_view label = domain.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        for (char c : label) {
            if (!is_alnum(c) && c != '-') return false;
        }
        ++labels;
        last = label;
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    if (labels < 2 || last.size() < 2 || last.size() > 24) return false;
    for (char c : last) {
        if (!is_alpha(c)) return false;
    }
    return true;
}

// Words before the match that make a dotted quad a version or section number.
bool version_cue_before(const ValidationContext& context) {
    return lowered_text_before(context, 1) == "v" ||  // "v4.2.1.7"
           any_cue_before(context, 24, {"version", "v.", "release", "build", "section", "chapter", "figure", "step", "rule"});
}

// True when the first octet is under 10 and every octet under 21 (the shape of a version number).
bool small_octets(std::string_view dotted) {
    int index = 0, value = 0;
    for (size_t i = 0; i <= dotted.size(); ++i) {
        if (i == dotted.size() || dotted[i] == '.') {
            if (value > 20 || (index == 0 && value > 9)) return false;
            ++index;
            value = 0;
        } else {
            value = value * 10 + (dotted[i] - '0');
        }
    }
    return true;
}

// Words that say an address follows ("my IP is", "ping", "the router at").
bool address_cue_before(const ValidationContext& context) {
    return any_cue_before(context, 60, {"ip", "address", "ping", "dns", "server", "gateway", "router", "subnet", "host",
                                        "vpn", "modem", "connect"});
}

}  // namespace

bool validate_email(std::string_view secret, const ValidationContext&) {
    size_t at = secret.find('@');
    if (at == std::string_view::npos || at == 0 || secret.find('@', at + 1) != std::string_view::npos) return false;
    std::string_view local = secret.substr(0, at);
    std::string_view domain = secret.substr(at + 1);
    if (local.size() > 64 || local.front() == '.' || local.back() == '.' ||
        local.find("..") != std::string_view::npos) {
        return false;
    }
    if (!domain_valid(domain)) return false;
    // A company's role mailbox ("support@", "careers@", "bookings@") is not a person's address.
    static constexpr std::array<std::string_view, 38> k_role_mailboxes = {
        "support", "help", "info", "contact", "sales", "careers", "jobs", "hr", "billing", "bookings",
        "reservations", "admin", "office", "hello", "team", "service", "customerservice", "customercare", "noreply",
        "no-reply", "donotreply", "press", "media", "privacy", "security", "abuse", "legal", "marketing", "orders",
        "returns", "accounts", "enquiries", "inquiries", "feedback", "webmaster", "postmaster", "claims", "frontdesk"};
    std::string lower_local = lowered(local);
    for (std::string_view role : k_role_mailboxes) {
        if (lower_local == role) return false;
    }
    // Retina image names ("icon@2x.png") look like addresses.
    std::string tld = lowered(domain.substr(domain.rfind('.') + 1));
    for (const char* ext : {"png", "jpg", "jpeg", "gif", "svg", "webp"}) {
        if (tld == ext) return false;
    }
    return true;
}

bool validate_ipv4(std::string_view secret, const ValidationContext& context) {
    int octets = 0;
    size_t i = 0;
    while (i < secret.size()) {
        size_t j = i;
        int value = 0;
        while (j < secret.size() && secret[j] >= '0' && secret[j] <= '9' && j - i < 4) value = value * 10 + (secret[j++] - '0');
        size_t len = j - i;
        if (len == 0 || len > 3 || value > 255 || (len > 1 && secret[i] == '0')) return false;
        ++octets;
        if (j == secret.size()) break;
        if (secret[j] != '.') return false;
        i = j + 1;
        if (i == secret.size()) return false;
    }
    if (octets != 4) return false;
    if (version_cue_before(context)) return false;
    // "1.8.1.2", "2.4.0.11": a first number under 10 and every number under 21 is how versions
    // look (and what 0.05% of addresses look like); it needs an address cue to count.
    bool version_shaped = small_octets(secret);
    return !version_shaped || address_cue_before(context);
}

bool validate_ipv6(std::string_view secret, const ValidationContext&) {
    if (secret.size() < 3 || secret.size() > 45) return false;
    std::string s(secret);
    unsigned char buffer[16];
    if (inet_pton(AF_INET6, s.c_str(), buffer) != 1) return false;
    // "2::d" or "CFF::C" in prose are words, not addresses: ask for a few hex digits.
    size_t hex = static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return c != ':'; }));
    if (hex < 6) return false;
    // "::" alone or an all-zero address says nothing about anyone.
    for (unsigned char b : buffer) {
        if (b != 0) return true;
    }
    return false;
}

bool validate_url(std::string_view secret, const ValidationContext& context) {
    if (is_redaction_mark(secret)) return false;
    // The domain of an email address is not a URL of its own.
    if (context.match_begin > 0 && context.match_begin <= context.text.size() &&
        context.text[context.match_begin - 1] == '@') {
        return false;
    }
    std::string s = lowered(secret);
    std::string_view rest = s;
    if (rest.starts_with("http://")) rest.remove_prefix(7);
    else if (rest.starts_with("https://")) rest.remove_prefix(8);
    size_t end = rest.find_first_of("/?#:");
    std::string_view host = rest.substr(0, end);
    if (host.find('@') != std::string_view::npos) return false;
    return domain_valid(host);
}

}  // namespace aaiscan
