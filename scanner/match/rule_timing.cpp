// Per-rule timing (see rule_timing.h).
#include "match/rule_timing.h"

#include <hs/hs.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <string>
#include <vector>

namespace aaiscan {
namespace {

using Clock = std::chrono::steady_clock;

struct HitLog {
    std::vector<size_t> ends;
};

int record_hit(unsigned int, unsigned long long, unsigned long long to, unsigned int, void* ctx) {
    auto* log = static_cast<HitLog*>(ctx);
    if (log->ends.size() < 1000000) log->ends.push_back(static_cast<size_t>(to));
    return 0;
}

// One block-mode database of `patterns` (with `ids`); nullptr, with `error` set, when Hyperscan
// refuses it.
hs_database_t* compile_block(const std::vector<const char*>& patterns, const std::vector<unsigned>& ids,
                             std::string& error) {
    std::vector<unsigned> flags(patterns.size(), 0);
    hs_database_t* db = nullptr;
    hs_compile_error_t* failure = nullptr;
    if (hs_compile_multi(patterns.data(), flags.data(), ids.data(), static_cast<unsigned>(patterns.size()), HS_MODE_BLOCK,
                         nullptr, &db, &failure) != HS_SUCCESS) {
        error = failure ? failure->message : "cannot compile";
        hs_free_compile_error(failure);
        return nullptr;
    }
    return db;
}

double mbps(size_t bytes, double seconds) { return seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0; }

}  // namespace

std::string timing_corpus(size_t size) {
    static constexpr std::array<std::string_view, 16> k_lines = {
        "    if (status != 0) { return handle_error(ctx, \"request failed\", status); }\n",
        "import os, json, logging  # configure the client from the environment\n",
        "const response = await fetch(`${baseUrl}/v2/items/${id}`, { method: 'GET', headers });\n",
        "  \"version\": \"4.17.21\", \"resolved\": \"https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz\",\n",
        "2026-05-14T09:31:22.417Z INFO worker-7 processed batch 88213 in 412 ms (queue=31)\n",
        "#define CONFIG_MAX_BUFFER_SIZE 65536 /* bytes, see docs/tuning.md */\n",
        "database:\n  host: db.internal\n  port: 5432\n  pool_size: 20\n",
        "    \"text\": \"okay so the order number is 4 4 7 1 and it shipped on the 12th\",\n",
        "func (s *Server) Handle(w http.ResponseWriter, r *http.Request) error {\n",
        "<dependency><groupId>org.example</groupId><artifactId>core</artifactId></dependency>\n",
        "SELECT id, name, created_at FROM users WHERE org_id = $1 ORDER BY created_at DESC;\n",
        "    assert_eq!(parse(\"0x1f\"), Ok(31), \"hex literal\");\n",
        "Thank you for calling, my account was charged twice on March 3rd for 49.99 dollars.\n",
        "  - name: Build\n    run: cmake --build build -j2 && ctest --test-dir build\n",
        "\treturn std::make_unique<Widget>(std::move(name), 42, options.timeout_ms);\n",
        "The quick brown fox jumps over the lazy dog; 1234 5678 and e3b0c442 are not secrets.\n",
    };
    std::string out;
    out.reserve(size + 256);
    uint64_t state = 0x9E3779B97F4A7C15ull;
    auto next = [&] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    static constexpr char k_hex[] = "0123456789abcdef";
    while (out.size() < size) {
        uint64_t r = next();
        if (r % 9 == 0) {
            out += "checksum: ";
            for (int i = 0; i < 32; ++i) out += k_hex[next() & 15];  // MD5-looking decoys
            out += '\n';
        } else {
            out += k_lines[r % k_lines.size()];
        }
    }
    out.resize(size);
    return out;
}

std::vector<RuleTiming> time_rules(const RuleSet& rules, std::string_view buffer, int repeats) {
    std::vector<RuleTiming> timings;
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingLatin1);
    options.set_log_errors(false);
    for (size_t i = 0; i < rules.size(); ++i) {
        const Rule& rule = rules[i];
        if (rule.kind != RuleKind::content) continue;
        RuleTiming t;
        t.rule = i;
        hs_database_t* db = compile_block({rule.hyperscan_pattern().c_str()}, {0}, t.error);
        if (db == nullptr) {
            timings.push_back(std::move(t));
            continue;
        }
        hs_scratch_t* scratch = nullptr;
        hs_alloc_scratch(db, &scratch);
        RE2 re(rule.pattern, options);
        double best_prefilter = 1e9, best_total = 1e9;
        HitLog log;
        uint32_t window = rule.max_width ? rule.max_width : 1024;
        for (int run = 0; run < std::max(1, repeats); ++run) {
            log.ends.clear();
            auto start = Clock::now();
            hs_scan(db, buffer.data(), static_cast<unsigned>(buffer.size()), 0, scratch, record_hit, &log);
            auto scanned = Clock::now();
            // Confirmation as the matcher does it: RE2 on a window ending at each hit.
            re2::StringPiece whole(buffer.data(), buffer.size());
            size_t covered = 0;
            for (size_t end : log.ends) {
                if (end <= covered || !re.ok()) continue;
                size_t begin = end > window ? end - window : 0;
                re2::StringPiece match;
                re.Match(whole, std::max(begin, covered), end, RE2::UNANCHORED, &match, 1);
                covered = end;
            }
            auto confirmed = Clock::now();
            best_prefilter = std::min(best_prefilter, std::chrono::duration<double>(scanned - start).count());
            best_total = std::min(best_total, std::chrono::duration<double>(confirmed - start).count());
        }
        t.hits = log.ends.size();
        t.prefilter_mbps = mbps(buffer.size(), best_prefilter);
        t.total_mbps = mbps(buffer.size(), best_total);
        hs_free_scratch(scratch);
        hs_free_database(db);
        timings.push_back(std::move(t));
    }
    return timings;
}

std::vector<DatabaseTiming> time_databases(const RuleSet& rules, std::string_view buffer, int repeats) {
    std::vector<DatabaseTiming> timings;
    // As the matcher groups them: transcript, bundle, and the other source scopes together.
    const ScopeMask transcript_bit = scope_bit(Scope::transcript), bundle_bit = scope_bit(Scope::bundle);
    const std::pair<const char*, ScopeMask> databases[] = {
        {"transcript", transcript_bit}, {"bundle", bundle_bit},
        {"source", static_cast<ScopeMask>(~(transcript_bit | bundle_bit))}};
    for (const auto& [name, mask] : databases) {
        DatabaseTiming t;
        t.name = name;
        std::vector<const char*> patterns;
        std::vector<unsigned> ids;
        for (size_t i = 0; i < rules.size(); ++i) {
            const Rule& rule = rules[i];
            if (rule.kind != RuleKind::content) continue;
            if ((rule.scopes & mask) == 0) continue;
            patterns.push_back(rule.hyperscan_pattern().c_str());
            ids.push_back(static_cast<unsigned>(i));
        }
        t.rules = ids.size();
        if (ids.empty()) continue;
        hs_database_t* db = compile_block(patterns, ids, t.error);
        if (db == nullptr) {
            timings.push_back(std::move(t));
            continue;
        }
        hs_scratch_t* scratch = nullptr;
        hs_alloc_scratch(db, &scratch);
        double best = 1e9;
        HitLog log;
        for (int run = 0; run < std::max(1, repeats); ++run) {
            log.ends.clear();
            auto start = Clock::now();
            hs_scan(db, buffer.data(), static_cast<unsigned>(buffer.size()), 0, scratch, record_hit, &log);
            best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
        }
        t.hits = log.ends.size();
        t.mbps = mbps(buffer.size(), best);
        hs_free_scratch(scratch);
        hs_free_database(db);
        timings.push_back(std::move(t));
    }
    return timings;
}

}  // namespace aaiscan
