// Parsed-rule cache (see rule_cache.h). Body layout: groups, rules and every field written by
// visit_fields() in one order for both directions; sha256 of the body at the end.
#include "ruleset/rule_cache.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/atomic_file.h"
#include "util/cache_dir.h"
#include "util/sha256.h"

namespace aaiscan {
namespace {

constexpr char k_magic[8] = {'A', 'A', 'I', 'S', 'R', 'U', 'L', '4'};
constexpr uint64_t k_max_bytes = 64ull << 20;

class Writer {
public:
    void u64(uint64_t v) {
        for (int i = 0; i < 8; ++i) m_out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
    }
    void field(std::string& s) {
        u64(s.size());
        m_out += s;
    }
    void field(std::vector<std::string>& v) {
        u64(v.size());
        for (auto& s : v) field(s);
    }
    void field(double& d) {
        uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        u64(bits);
    }
    template <typename T>
    void field(T& v) requires std::is_integral_v<T> || std::is_enum_v<T> {
        u64(static_cast<uint64_t>(v));
    }
    std::string& bytes() { return m_out; }

private:
    std::string m_out;
};

class Reader {
public:
    explicit Reader(std::string_view in) : m_in(in) {}
    bool ok() const { return m_ok; }
    bool at_end() const { return m_pos == m_in.size(); }
    uint64_t u64() {
        if (m_in.size() - m_pos < 8) {
            m_ok = false;
            return 0;
        }
        uint64_t v = 0;
        for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(static_cast<uint8_t>(m_in[m_pos + i])) << (8 * i);
        m_pos += 8;
        return v;
    }
    void field(std::string& s) {
        uint64_t n = u64();
        if (!m_ok || n > m_in.size() - m_pos) {
            m_ok = false;
            return;
        }
        s.assign(m_in.substr(m_pos, n));
        m_pos += n;
    }
    void field(std::vector<std::string>& v) {
        uint64_t n = u64();
        if (!m_ok || n > (m_in.size() - m_pos) / 8) {
            m_ok = false;
            return;
        }
        v.resize(n);
        for (auto& s : v) field(s);
    }
    void field(double& d) {
        uint64_t bits = u64();
        std::memcpy(&d, &bits, sizeof d);
    }
    template <typename T>
    void field(T& v) requires std::is_integral_v<T> || std::is_enum_v<T> {
        v = static_cast<T>(u64());
    }

private:
    std::string_view m_in;
    size_t m_pos = 0;
    bool m_ok = true;
};

template <typename Io>
void visit_location(Io& io, SourceLocation& l) {
    io.field(l.file);
    io.field(l.line);
    io.field(l.column);
}

// Every field of Rule, in one order. When Rule changes, this must change (see static_assert).
template <typename Io>
void visit_fields(Io& io, Rule& r) {
    io.field(r.id);
    io.field(r.name);
    io.field(r.kind);
    io.field(r.category);
    io.field(r.severity);
    io.field(r.message);
    io.field(r.remediation);
    io.field(r.description);
    io.field(r.checklist);
    io.field(r.pii_policy);
    io.field(r.examples);
    io.field(r.negative_examples);
    io.field(r.references);
    visit_location(io, r.origin);
    visit_location(io, r.pattern_origin);
    visit_location(io, r.validators_origin);
    visit_location(io, r.prefilter_origin);
    io.field(r.scopes);
    io.field(r.pattern);
    io.field(r.prefilter);
    io.field(r.keywords);
    io.field(r.min_entropy);
    io.field(r.validators);
    io.field(r.allow);
    io.field(r.context.require);
    io.field(r.context.exclude);
    io.field(r.context.lines);
    io.field(r.context.exclude_before_secret);
    io.field(r.max_width);
    io.field(r.innermost);
    io.field(r.paths);
    io.field(r.except_paths);
    io.field(r.condition);
}
// A new member of Rule changes its size: add it to visit_fields() and bump k_magic.
static_assert(sizeof(Rule) == 752, "Rule changed: update visit_fields() in rule_cache.cpp");

std::filesystem::path entry_path(const std::string& dir, const std::string& key) {
    return std::filesystem::path(dir) / ("parsed-" + key.substr(0, 32) + ".rules");
}

}  // namespace

std::string rule_sources_key(const std::vector<RuleSource>& sources) {
    Sha256 h;
    h.field(std::string_view(k_magic, sizeof k_magic));
    for (const auto& s : sources) h.field(s.name).field(s.text);
    return h.hex_digest();
}

std::string serialize_rules(const std::vector<std::vector<Rule>>& groups) {
    Writer w;
    w.u64(groups.size());
    for (const auto& group : groups) {
        w.u64(group.size());
        for (const Rule& rule : group) visit_fields(w, const_cast<Rule&>(rule));  // Writer only reads
    }
    return std::move(w.bytes());
}

std::optional<std::vector<std::vector<Rule>>> deserialize_rules(std::string_view bytes) {
    Reader r(bytes);
    uint64_t group_count = r.u64();
    if (!r.ok() || group_count > 100000) return std::nullopt;
    std::vector<std::vector<Rule>> groups(group_count);
    for (auto& group : groups) {
        uint64_t n = r.u64();
        if (!r.ok() || n > 1000000) return std::nullopt;
        group.resize(n);
        for (Rule& rule : group) {
            visit_fields(r, rule);
            if (!r.ok()) return std::nullopt;
        }
    }
    if (!r.at_end()) return std::nullopt;
    return groups;
}

std::optional<std::vector<std::vector<Rule>>> read_rule_cache(const std::string& cache_dir, const std::string& key) {
    if (cache_dir.empty()) return std::nullopt;
    auto path = entry_path(cache_dir, key);
    std::string data;
    if (!read_private_cache_file(path, k_max_bytes, data)) return std::nullopt;
    if (data.size() < sizeof k_magic + 64 + 32 || std::memcmp(data.data(), k_magic, sizeof k_magic) != 0) return std::nullopt;
    std::string_view body(data.data(), data.size() - 32);
    auto digest = Sha256().update(body).digest();
    if (std::memcmp(digest.data(), data.data() + body.size(), 32) != 0) return std::nullopt;
    if (body.substr(sizeof k_magic, 64) != key) return std::nullopt;
    return deserialize_rules(body.substr(sizeof k_magic + 64));
}

void write_rule_cache(const std::string& cache_dir, const std::string& key, const std::vector<std::vector<Rule>>& rules) {
    if (cache_dir.empty() || key.size() != 64 || !ensure_private_cache_dir(cache_dir)) return;
    std::string data(k_magic, sizeof k_magic);
    data += key;
    data += serialize_rules(rules);
    auto digest = Sha256().update(data).digest();
    data.append(reinterpret_cast<const char*>(digest.data()), digest.size());
    (void)write_file_atomically(entry_path(cache_dir, key), data, 0600);
    prune_cache_dir(cache_dir, "parsed-", 8);
}

}  // namespace aaiscan
