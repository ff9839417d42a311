// Hyperscan prefilter + RE2 confirmation (see rule_matcher.h).
#include "match/rule_matcher.h"

#include <hs/hs.h>
#include <re2/re2.h>

#include <algorithm>
#include <climits>
#include <mutex>

#include "match/database_cache.h"
#include "ruleset/rule_loader.h"
#include "util/cache_dir.h"
#include "util/error.h"
#include "util/sha256.h"
#include "util/text_position.h"

namespace aaiscan {
namespace {

// Confirm window for patterns Hyperscan reports as unbounded (e.g. `\s*`) when the rule does not
// declare max_width: generous for real assignments, still bounded.
constexpr uint32_t k_unbounded_window = 1024;
// hs_scan takes an unsigned int length; larger buffers are scanned in overlapping slices.
constexpr size_t k_max_scan_slice = 1u << 30;

RE2::Options confirm_options() {
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingLatin1);
    options.set_log_errors(false);
    options.set_max_mem(32 << 20);
    return options;
}

struct Range {
    uint32_t rule;
    size_t begin;
    size_t end;
};

// Hyperscan databases: one for the transcript scope (PII patterns), one for built bundles, and
// one shared by the other source-like scopes (code, config, env, ci), whose rule sets overlap
// almost entirely; hits of rules outside the scanned scope are dropped in the callback. Sharing
// keeps the compiled cache smaller and faster to load than one database per scope. Bundles have
// their own because their rules follow minified names and cannot anchor on a literal: in the
// shared database they would slow every source file (/usr/include 190 -> 450 ms).
constexpr size_t k_database_count = 3;
constexpr size_t database_of(Scope s) { return s == Scope::transcript ? 1 : s == Scope::bundle ? 2 : 0; }
constexpr const char* database_name(size_t d) { return d == 1 ? "transcript" : d == 2 ? "bundle" : "source"; }

}  // namespace

struct MatchScratch::Impl {
    hs_scratch_t* hs = nullptr;
    std::vector<Range> ranges;
    std::vector<int32_t> last_range;  // per rule: index into ranges, or -1
    std::vector<uint32_t> touched;
    const std::vector<uint32_t>* windows = nullptr;
    const std::vector<ScopeMask>* rule_scopes = nullptr;
    ScopeMask scope_bit = 0;  // the scope being scanned
    size_t slice_offset = 0;

    ~Impl() {
        if (hs) hs_free_scratch(hs);
    }
};

MatchScratch::MatchScratch(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
MatchScratch::~MatchScratch() = default;

struct RuleMatcher::Impl {
    struct Compiled {
        std::once_flag once;
        std::unique_ptr<RE2> confirm;
        int secret_group = 0;
        std::unique_ptr<RE2> require;
        std::unique_ptr<RE2> exclude;
        std::vector<std::unique_ptr<RE2>> allow;
    };

    const RuleSet& rules;
    MatchEngine engine;
    std::vector<uint32_t> windows;            // per rule index (0 for file rules)
    std::unique_ptr<Compiled[]> compiled;     // per rule index, built lazily
    std::array<hs_database_t*, k_database_count> databases{};
    std::array<std::vector<uint32_t>, k_database_count> database_rules;  // rule ids per database
    std::array<std::vector<uint32_t>, k_scope_count> scope_rules;         // rule ids per scope
    std::vector<ScopeMask> rule_scopes;                                   // per rule index
    uint32_t max_window = 1;
    bool from_cache = false;

    Impl(const RuleSet& r, MatchEngine e) : rules(r), engine(e), compiled(new Compiled[r.size()]) {}
    ~Impl() {
        for (auto* db : databases) {
            if (db) hs_free_database(db);
        }
    }

    [[noreturn]] void fail(const Rule& rule, const SourceLocation& where, const std::string& what) const {
        throw Error(located_message(where.line > 0 ? where : rule.origin, rule.id, what));
    }

    // Compiles the RE2 side of one rule. Throws Error when `strict`, else leaves it unusable.
    void build_regexes(uint32_t index, Compiled& c) const {
        const Rule& rule = rules[index];
        c.confirm = std::make_unique<RE2>(rule.pattern, confirm_options());
        if (!c.confirm->ok()) fail(rule, rule.pattern_origin, "invalid regex: " + c.confirm->error());
        const auto& groups = c.confirm->NamedCapturingGroups();
        if (auto it = groups.find("secret"); it != groups.end()) c.secret_group = it->second;
        auto compile_aux = [&](const std::string& pattern, const char* what) {
            auto re = std::make_unique<RE2>(pattern, confirm_options());
            if (!re->ok()) fail(rule, rule.origin, std::string("invalid regex in ") + what + ": " + re->error());
            return re;
        };
        if (!rule.context.require.empty()) c.require = compile_aux(rule.context.require, "context.require");
        if (!rule.context.exclude.empty()) c.exclude = compile_aux(rule.context.exclude, "context.exclude");
        for (const auto& a : rule.allow) c.allow.push_back(compile_aux(a, "allow"));
    }

    // The rule's regexes, compiled on first use. `strict` lets a compile Error propagate (and the
    // once-flag stay unset); otherwise a failure leaves the rule inert, which is only reachable for
    // rules that verified before (cache hit) and so never in practice.
    const Compiled& regexes(uint32_t index, bool strict = false) const {
        Compiled& c = compiled[index];
        std::call_once(c.once, [&] {
            if (strict) {
                build_regexes(index, c);
                return;
            }
            try {
                build_regexes(index, c);
            } catch (const Error&) {
                c.confirm.reset();
            }
        });
        return c;
    }

    std::string cache_key() const {
        Sha256 h;
        h.field("aaiscan-db-v4").field(hs_version());
        hs_platform_info_t platform{};
        if (hs_populate_platform(&platform) == HS_SUCCESS) {
            h.field(std::to_string(platform.tune)).field(std::to_string(platform.cpu_features));
        }
        for (const Rule& rule : rules.rules()) {
            if (rule.kind != RuleKind::content) {
                h.field("file-rule");
                continue;
            }
            h.field(rule.id).field(rule.pattern).field(rule.prefilter).field(std::to_string(rule.scopes))
                .field(std::to_string(rule.max_width)).field(rule.context.require)
                .field(rule.context.exclude).field(rule.context.exclude_before_secret ? "before" : "around")
                .field(rule.innermost ? "innermost" : "leftmost");
            for (const auto& a : rule.allow) h.field(a);
        }
        return h.hex_digest();
    }

    void derive_windows() {
        windows.assign(rules.size(), 0);
        for (uint32_t i = 0; i < rules.size(); ++i) {
            const Rule& rule = rules[i];
            if (rule.kind != RuleKind::content) continue;
            hs_expr_info_t* info = nullptr;
            hs_compile_error_t* error = nullptr;
            if (hs_expression_info(rule.pattern.c_str(), 0, &info, &error) != HS_SUCCESS) {
                std::string message = error ? error->message : "unknown error";
                hs_free_compile_error(error);
                fail(rule, rule.pattern_origin, "pattern not supported by Hyperscan: " + message);
            }
            uint32_t min_width = info->min_width;
            uint32_t max_width = info->max_width;
            std::free(info);
            if (min_width == 0) fail(rule, rule.pattern_origin, "pattern can match the empty string");
            if (!rule.prefilter.empty()) {
                if (hs_expression_info(rule.prefilter.c_str(), 0, &info, &error) != HS_SUCCESS) {
                    std::string message = error ? error->message : "unknown error";
                    hs_free_compile_error(error);
                    fail(rule, rule.prefilter_origin, "prefilter not supported by Hyperscan: " + message);
                }
                bool empty = info->min_width == 0;
                std::free(info);
                if (empty) fail(rule, rule.prefilter_origin, "prefilter can match the empty string");
            }
            if (rule.max_width) {
                windows[i] = rule.max_width;
            } else {
                windows[i] = max_width == UINT_MAX ? k_unbounded_window : max_width;
            }
        }
    }

    void compile_databases(std::vector<std::string>& serialized) {
        serialized.assign(k_database_count, {});
        for (size_t s = 0; s < k_database_count; ++s) {
            const auto& ids = database_rules[s];
            if (ids.empty()) continue;
            std::vector<const char*> patterns;
            std::vector<unsigned> flags(ids.size(), 0);
            for (uint32_t id : ids) patterns.push_back(rules[id].hyperscan_pattern().c_str());
            hs_compile_error_t* error = nullptr;
            hs_database_t* db = nullptr;
            if (hs_compile_multi(patterns.data(), flags.data(), ids.data(), static_cast<unsigned>(ids.size()),
                                 HS_MODE_BLOCK, nullptr, &db, &error) != HS_SUCCESS) {
                std::string message = error ? error->message : "unknown error";
                int which = error ? error->expression : -1;
                hs_free_compile_error(error);
                if (which >= 0) {
                    const Rule& rule = rules[ids[static_cast<size_t>(which)]];
                    fail(rule, rule.hyperscan_pattern_origin(),
                         std::string("Hyperscan cannot compile ") + (rule.prefilter.empty() ? "pattern: " : "prefilter: ") +
                             message);
                }
                throw Error(std::string("Hyperscan cannot compile the ") + database_name(s) +
                            " rules: " + message);
            }
            databases[s] = db;
            char* bytes = nullptr;
            size_t length = 0;
            if (hs_serialize_database(db, &bytes, &length) == HS_SUCCESS) {
                serialized[s].assign(bytes, length);
                std::free(bytes);
            }
        }
    }

    bool load_cached(const detail::CachedDatabasesView& entry) {
        if (entry.scope_databases.size() != k_database_count || entry.windows.size() != rules.size()) return false;
        std::array<hs_database_t*, k_database_count> loaded{};
        for (size_t s = 0; s < k_database_count; ++s) {
            std::string_view bytes = entry.scope_databases[s];
            if (bytes.empty() != database_rules[s].empty()) return false;
            if (bytes.empty()) continue;
            if (hs_deserialize_database(bytes.data(), bytes.size(), &loaded[s]) != HS_SUCCESS) {
                for (auto* db : loaded) {
                    if (db) hs_free_database(db);
                }
                return false;
            }
        }
        databases = loaded;
        windows = entry.windows;
        return true;
    }

    static int on_hit(unsigned int id, unsigned long long, unsigned long long to, unsigned int, void* ctx) {
        auto& s = *static_cast<MatchScratch::Impl*>(ctx);
        if (((*s.rule_scopes)[id] & s.scope_bit) == 0) return 0;  // shared database, other scope
        size_t end = s.slice_offset + static_cast<size_t>(to);
        uint32_t window = (*s.windows)[id];
        size_t begin = end > window ? end - window : 0;
        int32_t& last = s.last_range[id];
        if (last >= 0 && s.ranges[static_cast<size_t>(last)].end >= begin) {
            s.ranges[static_cast<size_t>(last)].end = std::max(s.ranges[static_cast<size_t>(last)].end, end);
            return 0;
        }
        if (last < 0) s.touched.push_back(id);
        last = static_cast<int32_t>(s.ranges.size());
        s.ranges.push_back({id, begin, end});
        return 0;
    }

    // All matches of rule `index` that lie within [begin, end) of `text` and are no longer than
    // the rule's window (the Hyperscan engine can only confirm that far back from a hit, so the
    // RE2-only engine and merged hit ranges must not report longer ones either).
    void confirm(uint32_t index, std::string_view text, size_t begin, size_t end,
                 std::vector<RuleMatch>& out) const {
        const Compiled& c = regexes(index);
        if (!c.confirm) return;
        const size_t window = index < windows.size() && windows[index] > 0 ? windows[index] : text.size();
        re2::StringPiece whole(text.data(), text.size());
        re2::StringPiece groups[16];
        int n = std::min(c.secret_group + 1, 16);
        size_t pos = begin;
        while (pos <= end) {
            if (!c.confirm->Match(whole, pos, end, RE2::UNANCHORED, groups, n)) break;
            RuleMatch m;
            m.rule = index;
            m.begin = static_cast<size_t>(groups[0].data() - text.data());
            m.end = m.begin + groups[0].size();
            if (m.end - m.begin > window) {
                // Too long: look for a match that starts late enough to fit in the window.
                size_t later = m.end - window;
                pos = later > pos ? later : pos + 1;
                continue;
            }
            if (rules[index].innermost) {
                // Of the matches inside this one (a later start, no later end), the last to start:
                // `x="<hex>";...;K="<key>";fetch(host,{authorization:K})` reports K's value, not x's.
                while (m.begin + 1 < m.end &&
                       c.confirm->Match(whole, m.begin + 1, m.end, RE2::UNANCHORED, groups, n)) {
                    m.begin = static_cast<size_t>(groups[0].data() - text.data());
                    m.end = m.begin + groups[0].size();
                }
                c.confirm->Match(whole, m.begin, m.end, RE2::ANCHOR_BOTH, groups, n);
            }
            const re2::StringPiece& secret = c.secret_group > 0 && groups[c.secret_group].data() != nullptr
                                                 ? groups[c.secret_group]
                                                 : groups[0];
            m.secret_begin = static_cast<size_t>(secret.data() - text.data());
            m.secret_end = m.secret_begin + secret.size();
            out.push_back(m);
            pos = m.end > m.begin ? m.end : m.begin + 1;
        }
    }
};

RuleMatcher::RuleMatcher(const RuleSet& rules, const MatcherOptions& options)
    : m_impl(std::make_unique<Impl>(rules, options.engine)) {
    Impl& impl = *m_impl;
    impl.rule_scopes.assign(rules.size(), 0);
    for (uint32_t i = 0; i < rules.size(); ++i) {
        if (rules[i].kind != RuleKind::content) continue;
        impl.rule_scopes[i] = rules[i].scopes;
        std::array<bool, k_database_count> in_database{};
        for (Scope s : k_all_scopes) {
            if (!rules[i].applies_to(s)) continue;
            impl.scope_rules[static_cast<size_t>(s)].push_back(i);
            in_database[database_of(s)] = true;
        }
        for (size_t d = 0; d < k_database_count; ++d) {
            if (in_database[d]) impl.database_rules[d].push_back(i);
        }
    }
    std::string key = impl.cache_key();
    if (options.engine == MatchEngine::hyperscan) {
        if (auto entry = detail::read_database_cache(options.cache_dir, key)) {
            impl.from_cache = impl.load_cached(*entry);
        }
    }
    if (!impl.from_cache) {
        // Verify every rule eagerly: a cache miss means these rules may never have compiled.
        for (uint32_t i = 0; i < rules.size(); ++i) {
            if (rules[i].kind == RuleKind::content) impl.regexes(i, /*strict=*/true);
        }
        impl.derive_windows();
        if (options.engine == MatchEngine::hyperscan) {
            detail::CachedDatabases entry;
            impl.compile_databases(entry.scope_databases);
            entry.windows = impl.windows;
            detail::write_database_cache(options.cache_dir, key, entry);
        }
    }
    for (uint32_t w : impl.windows) impl.max_window = std::max(impl.max_window, w);
}

RuleMatcher::~RuleMatcher() = default;

std::unique_ptr<MatchScratch> RuleMatcher::make_scratch() const {
    auto impl = std::make_unique<MatchScratch::Impl>();
    for (auto* db : m_impl->databases) {
        if (db && hs_alloc_scratch(db, &impl->hs) != HS_SUCCESS) {
            throw FatalError("cannot allocate Hyperscan scratch space");
        }
    }
    impl->last_range.assign(m_impl->rules.size(), -1);
    impl->windows = &m_impl->windows;
    impl->rule_scopes = &m_impl->rule_scopes;
    return std::unique_ptr<MatchScratch>(new MatchScratch(std::move(impl)));
}

void RuleMatcher::find(Scope scope, std::string_view text, MatchScratch& scratch,
                       std::vector<RuleMatch>& out) const {
    const Impl& impl = *m_impl;
    size_t first = out.size();
    const auto& ids = impl.scope_rules[static_cast<size_t>(scope)];
    if (ids.empty() || text.empty()) return;

    if (impl.engine == MatchEngine::re2) {
        for (uint32_t id : ids) impl.confirm(id, text, 0, text.size(), out);
    } else {
        MatchScratch::Impl& s = *scratch.m_impl;
        hs_database_t* db = impl.databases[database_of(scope)];
        s.scope_bit = scope_bit(scope);
        s.ranges.clear();
        for (size_t offset = 0; offset < text.size();) {
            size_t length = std::min(text.size() - offset, k_max_scan_slice);
            s.slice_offset = offset;
            hs_scan(db, text.data() + offset, static_cast<unsigned>(length), 0, s.hs, &Impl::on_hit, &s);
            if (offset + length >= text.size()) break;
            offset += length - std::min<size_t>(length, impl.max_window);
        }
        for (uint32_t id : s.touched) s.last_range[id] = -1;
        s.touched.clear();
        for (const Range& r : s.ranges) impl.confirm(r.rule, text, r.begin, r.end, out);
    }
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), [](const RuleMatch& a, const RuleMatch& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.rule < b.rule;
    });
    // Overlapping ranges of one rule (slices, re-scans) can yield the same match twice.
    out.erase(std::unique(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                          [](const RuleMatch& a, const RuleMatch& b) {
                              return a.rule == b.rule && a.begin == b.begin && a.end == b.end;
                          }),
              out.end());
}

bool RuleMatcher::context_allows(const RuleMatch& match, std::string_view text) const {
    const Rule& rule = m_impl->rules[match.rule];
    if (rule.context.require.empty() && rule.context.exclude.empty()) return true;
    const Impl::Compiled& c = m_impl->regexes(match.rule);
    std::string_view window = surrounding_lines(text, match.begin, match.end, static_cast<size_t>(rule.context.lines));
    auto piece = [](std::string_view v) { return re2::StringPiece(v.data(), v.size()); };
    if (c.require && !RE2::PartialMatch(piece(window), *c.require)) return false;
    if (c.exclude) {
        // The secret itself is not context: search the window around it.
        size_t window_begin = static_cast<size_t>(window.data() - text.data());
        std::string_view before = text.substr(window_begin, match.secret_begin - window_begin);
        std::string_view after = text.substr(match.secret_end, window_begin + window.size() - match.secret_end);
        if (RE2::PartialMatch(piece(before), *c.exclude)) return false;
        if (!rule.context.exclude_before_secret && RE2::PartialMatch(piece(after), *c.exclude)) return false;
    }
    return true;
}

bool RuleMatcher::secret_allowed_by_rule(uint32_t rule, std::string_view secret) const {
    const Impl::Compiled& c = m_impl->regexes(rule);
    for (const auto& re : c.allow) {
        if (RE2::PartialMatch(re2::StringPiece(secret.data(), secret.size()), *re)) return true;
    }
    return false;
}

std::string default_rule_cache_dir() { return default_cache_dir(); }

uint32_t RuleMatcher::window(uint32_t rule) const { return m_impl->windows[rule]; }
uint32_t RuleMatcher::max_window() const { return m_impl->max_window; }
bool RuleMatcher::loaded_from_cache() const { return m_impl->from_cache; }
const RuleSet& RuleMatcher::rules() const { return m_impl->rules; }

}  // namespace aaiscan
