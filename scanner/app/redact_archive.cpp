// Archive redaction (see redact_archive.h).
#include "app/redact_archive.h"

#include <functional>
#include <optional>

#include "decode/archive_signature.h"
#include "decode/archive_writer.h"

namespace aaiscan {
namespace {

constexpr int k_max_depth = 4;
constexpr uint64_t k_max_expanded = 4ull << 30;  // bytes of member data per archive

// "dir/t.json.gz" -> "t.json" (the base name without a compression suffix).
std::string decompressed_name(const std::string& path) {
    size_t slash = path.find_last_of("/!");
    std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    for (std::string_view suffix : {".gz", ".bz2", ".xz", ".zst", ".gzip", ".bzip2"}) {
        if (name.size() > suffix.size() && std::string_view(name).ends_with(suffix)) {
            name.resize(name.size() - suffix.size());
            break;
        }
    }
    return name;
}

struct MemberData {
    ArchiveMember header;
    std::string data;
};

// Reads every member of the archive in `bytes`. False (with `problem`) when it cannot be read
// whole or a member name is unsafe.
bool read_members(std::string_view bytes, const std::string& path, std::vector<MemberData>& members,
                  std::string& kind_name, std::optional<ArchiveKind>& kind, std::string& problem) {
    ArchiveReader reader;
    if (!reader.open_memory(bytes)) {
        problem = "cannot open archive: " + reader.error();
        return false;
    }
    uint64_t total = 0;
    std::vector<char> buffer(64 * 1024);
    bool first = true;
    while (true) {
        MemberData m;
        ArchiveStatus status = reader.next(m.header);
        if (first) {
            std::string format = reader.format_name();
            bool tar = format.find("tar") != std::string::npos || format.find("TAR") != std::string::npos;
            kind = archive_kind_of(bytes.substr(0, 512), tar);
            kind_name = kind ? std::string(to_string(*kind)) : format;
            first = false;
        }
        if (status == ArchiveStatus::end && members.empty() && reader.single_file()) {
            // An empty compressed file ("gzip < /dev/null"): one empty member, written back as it was.
            kind = compressed_file_kind(bytes.substr(0, 8));
            MemberData empty;
            empty.header.name = decompressed_name(path);
            empty.header.type = MemberType::regular;
            members.push_back(std::move(empty));
        }
        if (status == ArchiveStatus::end) break;
        if (status == ArchiveStatus::not_archive) {
            problem = "not an archive";
            return false;
        }
        if (status != ArchiveStatus::ok) {
            problem = "unreadable archive: " + reader.error();
            return false;
        }
        if (reader.single_file()) {
            // One compressed file ("t.json.gz"): its one member is named after the file without the
            // compression suffix, so the transcript format is recognised by name as for a plain file.
            kind = compressed_file_kind(bytes.substr(0, 8));
            if (!kind) {
                problem = "unsupported compressed file: " + reader.format_name();
                return false;
            }
            kind_name = std::string(to_string(*kind));
            m.header.name = decompressed_name(path);
            m.header.type = MemberType::regular;
        }
        if (is_unsafe_member_name(m.header.name) ||
            (m.header.type == MemberType::hardlink && is_unsafe_member_name(m.header.link_target))) {
            problem = "refused: member name '" + m.header.name + "' points outside the archive (zip-slip)";
            return false;
        }
        if (m.header.encrypted) {
            problem = "refused: member '" + m.header.name + "' is encrypted";
            return false;
        }
        if (m.header.type == MemberType::regular) {
            while (true) {
                int64_t n = reader.read(buffer.data(), buffer.size());
                if (n < 0) {
                    problem = "cannot read member '" + m.header.name + "': " + reader.error();
                    return false;
                }
                if (n == 0) break;
                total += static_cast<uint64_t>(n);
                if (total > k_max_expanded) {
                    problem = "archive expands beyond the size redact handles";
                    return false;
                }
                m.data.append(buffer.data(), static_cast<size_t>(n));
            }
        }
        members.push_back(std::move(m));
    }
    if (!kind) {
        problem = "unsupported archive format: " + kind_name;
        return false;
    }
    return true;
}

}  // namespace

bool looks_like_archive(std::string_view path, std::string_view head) {
    return is_archive_file_name(path) || has_archive_signature(head);
}

bool is_unsafe_member_name(std::string_view name) {
    if (name.empty()) return false;
    if (name.front() == '/' || name.front() == '\\') return true;
    if (name.size() >= 2 && name[1] == ':') return true;  // C:\...
    size_t start = 0;
    while (start <= name.size()) {
        size_t end = name.find_first_of("/\\", start);
        if (end == std::string_view::npos) end = name.size();
        if (name.substr(start, end - start) == "..") return true;
        start = end + 1;
    }
    return false;
}

void redact_archive(std::string_view bytes, const std::string& path, TranscriptRedactor& redactor,
                    ArchiveRedaction& out, int depth) {
    out = ArchiveRedaction{};
    if (depth > k_max_depth) {
        out.problem = "archive nested too deep";
        return;
    }
    std::vector<MemberData> members;
    std::optional<ArchiveKind> kind;
    if (!read_members(bytes, path, members, out.kind, kind, out.problem)) return;
    ArchiveWriter writer;
    if (!writer.open(*kind, out.output)) {
        out.problem = "cannot write a " + out.kind + " archive: " + writer.error();
        return;
    }
    for (MemberData& m : members) {
        std::string display = path + "!" + m.header.name;
        std::string_view data = m.data;
        std::string replaced;
        if (m.header.type == MemberType::regular && looks_like_archive(m.header.name, data.substr(0, 512))) {
            ArchiveRedaction inner;
            redact_archive(data, display, redactor, inner, depth + 1);
            if (!inner.ok) {
                out.problem = display + ": " + inner.problem;
                return;
            }
            replaced = std::move(inner.output);
            data = replaced;
            for (auto& item : inner.items) out.items.push_back(std::move(item));
            out.copied_members += inner.copied_members;
        } else if (m.header.type == MemberType::regular) {
            RedactedItem item;
            item.path = display;
            redactor.redact(data, display, item.result);
            if (item.result.status == RedactStatus::invalid) {
                out.problem = display + ": " + item.result.problem;
                return;
            }
            if (item.result.status == RedactStatus::redacted) {
                replaced = std::move(item.result.output);
                item.result.output.clear();
                data = replaced;
                out.items.push_back(std::move(item));
            } else {
                ++out.copied_members;
            }
        } else {
            ++out.copied_members;
        }
        if (!writer.add(m.header, data)) {
            out.problem = "cannot write member '" + m.header.name + "': " + writer.error();
            return;
        }
    }
    if (!writer.close()) {
        out.problem = "cannot finish the archive: " + writer.error();
        return;
    }
    out.ok = true;
}

bool find_archive_pii(std::string_view bytes, const std::string& path, TranscriptRedactor& redactor,
                      std::vector<SpanReport>& found, std::string& problem, int depth) {
    if (depth > k_max_depth) return true;
    std::vector<MemberData> members;
    std::optional<ArchiveKind> kind;
    std::string kind_name;
    if (!read_members(bytes, path, members, kind_name, kind, problem)) return false;
    for (const MemberData& m : members) {
        if (m.header.type != MemberType::regular) continue;
        std::string display = path + "!" + m.header.name;
        if (looks_like_archive(m.header.name, std::string_view(m.data).substr(0, 512))) {
            if (!find_archive_pii(m.data, display, redactor, found, problem, depth + 1)) return false;
            continue;
        }
        std::vector<SpanReport> member_found;
        std::string member_problem;
        redactor.find_pii(m.data, display, member_found, member_problem);
        for (SpanReport& r : member_found) {
            r.location = m.header.name + (r.location.empty() ? "" : ": " + r.location);
            found.push_back(std::move(r));
        }
    }
    return true;
}

}  // namespace aaiscan
