// Byte-exact JSON editing for `redact` (see redact_json_edit.h).
#include "app/redact_json_edit.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace aaiscan {

bool apply_edits(std::string_view input, std::vector<RawEdit>& edits, std::string& out) {
    std::stable_sort(edits.begin(), edits.end(), [](const RawEdit& a, const RawEdit& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    size_t grow = 0;
    for (const RawEdit& e : edits) grow += e.replacement.size();
    out.clear();
    out.reserve(input.size() + grow);
    uint64_t cursor = 0;
    for (const RawEdit& e : edits) {
        if (e.begin < cursor || e.end < e.begin || e.end > input.size()) return false;
        out.append(input.substr(cursor, e.begin - cursor));
        out.append(e.replacement);
        cursor = e.end;
    }
    out.append(input.substr(cursor));
    return true;
}

bool read_json_members(std::string_view s, size_t at, std::vector<JsonMember>& members, size_t& object_open,
                       size_t& object_close) {
    members.clear();
    size_t i = skip_json_space(s, at);
    if (i >= s.size() || s[i] != '{') return false;
    object_open = i;
    i = skip_json_space(s, i + 1);
    if (i < s.size() && s[i] == '}') {
        object_close = i;
        return true;
    }
    while (i < s.size()) {
        if (s[i] != '"') return false;
        JsonMember m;
        m.key_begin = i;
        size_t key_end = skip_json_string(s, i);
        if (key_end == std::string_view::npos) return false;
        m.key_end = key_end;
        m.name = s.substr(i + 1, key_end - i - 2);
        i = skip_json_space(s, key_end);
        if (i >= s.size() || s[i] != ':') return false;
        m.value_begin = skip_json_space(s, i + 1);
        size_t value_end = skip_json_value(s, m.value_begin);
        if (value_end == std::string_view::npos) return false;
        m.value_end = value_end;
        members.push_back(m);
        i = skip_json_space(s, value_end);
        if (i >= s.size()) return false;
        if (s[i] == '}') {
            object_close = i;
            return true;
        }
        if (s[i] != ',') return false;
        i = skip_json_space(s, i + 1);
    }
    return false;
}

std::string json_escape_content(std::string_view text) {
    // nlohmann-json's serializer, minus the quotes; invalid UTF-8 is replaced, never thrown on.
    std::string quoted =
        nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return quoted.substr(1, quoted.size() - 2);
}

void plan_object_edits(std::string_view s, const std::vector<JsonMember>& members, size_t object_open,
                       const std::function<bool(std::string_view name)>& remove,
                       const std::vector<std::pair<std::string, std::string>>& set, bool add_missing,
                       std::vector<RawEdit>& edits) {
    const size_t n = members.size();
    std::vector<bool> removed(n, false);
    for (size_t i = 0; i < n; ++i) removed[i] = remove && remove(members[i].name);
    // The last kept member, and whether one follows each index.
    std::vector<bool> kept_after(n + 1, false);
    for (size_t i = n; i-- > 0;) kept_after[i] = kept_after[i + 1] || !removed[i];
    // A removed member takes the separator after it when a kept member follows (so the next key
    // takes its place), otherwise the separator before it (so no comma dangles): the ranges of
    // neighbouring removed members then join up exactly.
    for (size_t i = 0; i < n; ++i) {
        if (!removed[i]) continue;
        if (kept_after[i + 1]) {
            edits.push_back({members[i].key_begin, members[i + 1].key_begin, {}});
        } else if (i > 0) {
            edits.push_back({members[i - 1].value_end, members[i].value_end, {}});
        } else {
            edits.push_back({members[i].key_begin, members[i].value_end, {}});
        }
    }
    // Layout copied from the object itself.
    std::string colon = ": ";
    std::string separator = " ";
    if (n > 0) colon = std::string(s.substr(members[0].key_end, members[0].value_begin - members[0].key_end));
    if (n == 1) separator = std::string(s.substr(object_open + 1, members[0].key_begin - object_open - 1));
    if (n > 1) {
        size_t comma = s.find(',', members[0].value_end);
        if (comma != std::string_view::npos && comma < members[1].key_begin) {
            separator = std::string(s.substr(comma + 1, members[1].key_begin - comma - 1));
        }
    }
    size_t last_kept = n;
    for (size_t i = 0; i < n; ++i) {
        if (!removed[i]) last_kept = i;
    }
    std::string added;
    for (const auto& [key, value] : set) {
        bool found = false;
        for (size_t i = 0; i < n; ++i) {
            if (removed[i] || members[i].name != key) continue;
            edits.push_back({members[i].value_begin, members[i].value_end, value});
            found = true;
        }
        if (found || !add_missing) continue;
        if (!added.empty() || last_kept != n) added += "," + separator;
        added += "\"" + key + "\"" + colon + value;
    }
    if (added.empty()) return;
    if (last_kept != n) {
        edits.push_back({members[last_kept].value_end, members[last_kept].value_end, added});
    } else {
        edits.push_back({object_open + 1, object_open + 1, separator + added + (n == 0 ? " " : "")});
    }
}

}  // namespace aaiscan
