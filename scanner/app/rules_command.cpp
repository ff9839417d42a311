// Rule inspection and example checking (see rules_command.h).
#include "app/rules_command.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "app/blob_scanner.h"
#include "app/file_rules.h"
#include "match/rule_timing.h"
#include "decode/source_map.h"
#include "report/json_reporter.h"
#include "util/error.h"
#include "util/escape.h"

namespace aaiscan {
namespace {

Scope first_scope(const Rule& rule) {
    for (Scope s : k_all_scopes) {
        if (rule.applies_to(s)) return s;
    }
    return Scope::code;
}

std::string scope_list(const Rule& rule) {
    std::string out;
    for (Scope s : k_all_scopes) {
        if (!rule.applies_to(s)) continue;
        if (!out.empty()) out += ",";
        out += to_string(s);
    }
    return out;
}

std::vector<std::string> split_scopes(const Rule& rule) {
    std::vector<std::string> out;
    for (Scope s : k_all_scopes) {
        if (rule.applies_to(s)) out.emplace_back(to_string(s));
    }
    return out;
}

std::string shorten(std::string_view text) {
    std::string one_line = escape_for_terminal(text);
    return one_line.size() > 70 ? one_line.substr(0, 67) + "..." : one_line;
}

}  // namespace

std::vector<RuleCheckFailure> check_rule_examples(const Engine& engine, const std::vector<const Rule*>& which) {
    std::vector<const Rule*> rules = which;
    if (rules.empty()) {
        for (const Rule& r : engine.rules().rules()) rules.push_back(&r);
    }
    ScanSettings settings;
    settings.inline_ignore = false;
    BlobScanner scanner(engine.matcher(), settings);
    std::vector<RuleCheckFailure> failures;
    std::vector<Finding> findings;
    for (const Rule* rule : rules) {
        auto found_by_rule = [&](const std::string& text) {
            findings.clear();
            LineSourceMap map(text);
            scanner.scan(text, first_scope(*rule), map, BlobOrigin{"example", "example", nullptr}, findings);
            for (const Finding& f : findings) {
                if (f.rule->id == rule->id) return true;
            }
            return false;
        };
        for (size_t i = 0; i < rule->examples.size(); ++i) {
            const std::string& example = rule->examples[i];
            bool found = rule->kind == RuleKind::file ? file_rule_matches_path(*rule, example) : found_by_rule(example);
            if (!found) {
                failures.push_back({rule, fmt::format("example {} is not found: {}", i + 1, shorten(example))});
            }
        }
        for (size_t i = 0; i < rule->negative_examples.size(); ++i) {
            const std::string& example = rule->negative_examples[i];
            bool found = rule->kind == RuleKind::file ? file_rule_matches_path(*rule, example) : found_by_rule(example);
            if (found) {
                failures.push_back({rule, fmt::format("negative example {} is found: {}", i + 1, shorten(example))});
            }
        }
    }
    return failures;
}

static std::string read_timing_corpus(const std::string& path) {
    constexpr size_t k_max = 64u << 20;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot read the timing corpus");
    std::string buffer(k_max, '\0');
    in.read(buffer.data(), static_cast<std::streamsize>(k_max));
    buffer.resize(static_cast<size_t>(in.gcount()));
    if (buffer.empty()) throw Error(path + ": the timing corpus is empty");
    return buffer;
}

void print_rule_timings(const Engine& engine, const std::vector<const Rule*>& which, double min_mbps,
                        const std::string& corpus_path, std::ostream& out) {
    RuleSet subset;
    if (which.empty()) {
        subset.add(std::vector<Rule>(engine.rules().rules()));
    } else {
        std::vector<Rule> chosen;
        for (const Rule* r : which) chosen.push_back(*r);
        subset.add(std::move(chosen));
    }
    std::string buffer = corpus_path.empty() ? timing_corpus(8u << 20) : read_timing_corpus(corpus_path);
    std::string label = corpus_path.empty() ? std::string("8 MB mixed text")
                                            : fmt::format("{:.1f} MB of {}", buffer.size() / 1e6, corpus_path);
    auto timings = time_rules(subset, buffer);
    std::sort(timings.begin(), timings.end(), [](const RuleTiming& a, const RuleTiming& b) { return a.total_mbps < b.total_mbps; });
    out << fmt::format("{:<48} {:>12} {:>12} {:>8}\n", fmt::format("rule (alone, {})", label), "prefilter", "with RE2", "hits");
    size_t slow = 0;
    for (const RuleTiming& t : timings) {
        const Rule& r = subset[t.rule];
        if (!t.error.empty()) {
            out << fmt::format("{:<48} error: {}\n", r.id, t.error);
            continue;
        }
        bool is_slow = t.total_mbps < min_mbps;
        slow += is_slow;
        out << fmt::format("{:<48} {:>8.0f} MB/s {:>7.0f} MB/s {:>8}{}\n", r.id, t.prefilter_mbps, t.total_mbps, t.hits,
                           is_slow ? "  <- slow" : "");
    }
    for (const DatabaseTiming& d : time_databases(subset, buffer)) {
        std::string what = fmt::format("{} database ({} rules together)", d.name, d.rules);
        if (!d.error.empty()) {
            out << fmt::format("{:<48} error: {}\n", what, d.error);
        } else {
            out << fmt::format("{:<48} {:>8.0f} MB/s {:>12} {:>8}\n", what, d.mbps, "", d.hits);
        }
    }
    if (slow) {
        out << fmt::format("warning: {} rule(s) scan below {:.0f} MB/s alone; give them a literal anchor Hyperscan can search for\n",
                           slow, min_mbps);
    }
}

void list_rules(const Engine& engine, bool json, std::ostream& out) {
    if (json) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const Rule& r : engine.rules().rules()) {
            nlohmann::ordered_json j;
            j["id"] = r.id;
            j["name"] = r.name;
            j["kind"] = r.kind == RuleKind::file ? "file" : "content";
            j["category"] = std::string(to_string(r.category));
            j["severity"] = std::string(to_string(r.severity));
            j["scopes"] = r.kind == RuleKind::file ? nlohmann::ordered_json::array() : nlohmann::ordered_json(split_scopes(r));
            j["checklist"] = r.checklist.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.checklist);
            j["pii_policy"] = r.pii_policy.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.pii_policy);
            j["source"] = r.origin.file;
            list.push_back(std::move(j));
        }
        out << dump_json(list, 2) << '\n';
        return;
    }
    for (const Rule& r : engine.rules().rules()) {
        out << fmt::format("{:<44} {:<8} {:<6} {:<36} {}\n", r.id, to_string(r.severity), to_string(r.category),
                           r.kind == RuleKind::file ? std::string("file") : scope_list(r), r.name);
    }
    out << fmt::format("{} rules\n", engine.rules().size());
}

bool explain_rule(const Engine& engine, const std::string& id, std::ostream& out) {
    const Rule* r = engine.rules().find(id);
    if (!r) return false;
    out << r->id << " — " << r->name << '\n';
    out << fmt::format("  kind:        {}\n  category:    {}\n  severity:    {}\n", r->kind == RuleKind::file ? "file" : "content",
                       to_string(r->category), to_string(r->severity));
    if (r->kind == RuleKind::content) {
        out << "  scopes:      " << scope_list(*r) << '\n';
        out << "  pattern:     " << r->pattern << '\n';
        if (!r->prefilter.empty()) out << "  prefilter:   " << r->prefilter << " (what Hyperscan searches for)\n";
        if (!r->keywords.empty()) out << "  keywords:    " << fmt::format("{}", fmt::join(r->keywords, ", ")) << '\n';
        if (r->min_entropy > 0) out << fmt::format("  min_entropy: {}\n", r->min_entropy);
        if (!r->validators.empty()) out << "  validators:  " << fmt::format("{}", fmt::join(r->validators, ", ")) << '\n';
        if (!r->context.require.empty()) out << "  context:     requires /" << r->context.require << "/ within " << r->context.lines << " lines\n";
        if (!r->context.exclude.empty()) out << "  context:     vetoed by /" << r->context.exclude << "/ within " << r->context.lines << " lines\n";
        if (!r->except_paths.empty()) out << "  except:      " << fmt::format("{}", fmt::join(r->except_paths, ", ")) << '\n';
        out << fmt::format("  window:      {} bytes\n", engine.matcher().window(static_cast<uint32_t>(engine.rules().index_of(r->id))));
    } else {
        out << "  paths:       " << fmt::format("{}", fmt::join(r->paths, ", ")) << '\n';
        if (!r->except_paths.empty()) out << "  except:      " << fmt::format("{}", fmt::join(r->except_paths, ", ")) << '\n';
        out << "  condition:   " << to_string(r->condition) << '\n';
    }
    if (!r->checklist.empty()) out << "  checklist:   " << r->checklist << '\n';
    if (!r->pii_policy.empty()) out << "  pii_policy:  " << r->pii_policy << '\n';
    out << "  message:     " << r->message << '\n';
    if (!r->remediation.empty()) out << "  remediation: " << r->remediation << '\n';
    if (!r->description.empty()) out << "\n" << r->description << '\n';
    out << "\n  examples (found):\n";
    for (const auto& e : r->examples) out << "    " << shorten(e) << '\n';
    out << "  negative examples (not found):\n";
    for (const auto& e : r->negative_examples) out << "    " << shorten(e) << '\n';
    for (const auto& ref : r->references) out << "  see: " << ref << '\n';
    out << "  defined in:  " << r->origin.file << ':' << r->origin.line << '\n';
    return true;
}

}  // namespace aaiscan
