// Nested .gitignore negations (see git_ignore_check.h).
#include "source/git_ignore_check.h"

#include <fstream>

#include "util/glob.h"

namespace aaiscan {
namespace {

// Removes unescaped trailing spaces (gitignore keeps "\ ").
void trim_trailing_spaces(std::string& line) {
    while (!line.empty() && line.back() == ' ' && !(line.size() >= 2 && line[line.size() - 2] == '\\')) line.pop_back();
}

}  // namespace

const std::vector<NestedNegationCheck::Pattern>& NestedNegationCheck::patterns(const std::string& directory) {
    auto [it, fresh] = m_cache.try_emplace(directory);
    if (!fresh) return it->second;
    std::ifstream in(m_workdir + directory + ".gitignore", std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        trim_trailing_spaces(line);
        if (line.empty() || line[0] == '#') continue;
        Pattern p;
        if (line[0] == '!') {
            p.negated = true;
            line.erase(0, 1);
        } else if (line.starts_with("\\!") || line.starts_with("\\#")) {
            line.erase(0, 1);
        }
        if (line.empty() || line.back() == '/') continue;  // directory-only: not about a file itself
        p.anchored = line.find('/') != std::string::npos;
        if (line[0] == '/') line.erase(0, 1);
        p.glob = std::move(line);
        it->second.push_back(std::move(p));
    }
    return it->second;
}

bool NestedNegationCheck::reincludes(const std::string& relative) {
    size_t slash = relative.rfind('/');
    std::string directory = slash == std::string::npos ? "" : relative.substr(0, slash + 1);
    while (true) {
        std::string inside = relative.substr(directory.size());
        const auto& list = patterns(directory);
        for (auto p = list.rbegin(); p != list.rend(); ++p) {
            bool match = p->anchored && p->glob.find('/') == std::string::npos
                             ? inside.find('/') == std::string::npos && glob_match(p->glob, inside)
                             : glob_match(p->glob, inside);
            if (match) return p->negated;
        }
        if (directory.empty()) return false;
        size_t up = directory.rfind('/', directory.size() - 2);
        directory = up == std::string::npos ? "" : directory.substr(0, up + 1);
    }
}

}  // namespace aaiscan
