// Reading and routing of one input item (see item_scanner.h).
#include "app/item_scanner.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "app/archive_scan.h"
#include "app/transcript_scan.h"
#include "decode/source_map.h"
#include "decode/transcript_detect.h"
#include "decode/text_decoding.h"
#include "source/scope_classifier.h"

namespace aaiscan {
namespace {

// Reads until `want` bytes are in buf[0..) or EOF. Returns bytes read, or -1 with errno set.
// A read that ends exactly at `expected_size` (the file's size from fstat) is taken as EOF
// without asking again: that spares most small files a second read() that returns 0.
ssize_t read_fully(int fd, char* buf, size_t want, size_t expected_size = SIZE_MAX) {
    size_t got = 0;
    while (got < want) {
        ssize_t n = read(fd, buf + got, want - got);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        got += static_cast<size_t>(n);
        if (got == expected_size) break;
    }
    return static_cast<ssize_t>(got);
}

class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor() {
        if (m_fd >= 0) close(m_fd);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

// True when a file above the chunk size is a transcript export to decode whole: peeks at its
// start without moving the file offset.
bool wants_whole_transcript(int fd, std::string_view path, uint64_t size, const TranscriptPolicy& policy) {
    std::string head(k_transcript_sniff_bytes, '\0');
    ssize_t n = pread(fd, head.data(), head.size(), 0);
    if (n <= 0) return false;
    head.resize(static_cast<size_t>(n));
    return transcript_needs_whole_file(head, path, size, policy);
}

}  // namespace

ItemScanner::ItemScanner(const RuleMatcher& matcher, const ScanSettings& settings, const ScanLimits& limits,
                         const TranscriptPolicy& transcripts)
    : m_matcher(matcher), m_limits(limits), m_transcripts(transcripts),
      m_blobs(matcher, settings) {}

ItemScanner::~ItemScanner() = default;

void ItemScanner::scan_file(const WalkEntry& entry, ScanOutput& out) {
    // O_NONBLOCK: a FIFO swapped in after the walk must not hang us; O_NOFOLLOW for walked paths:
    // a file replaced by a symlink since the walk is not followed out of the tree.
    int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;
    if (!entry.explicit_path) flags |= O_NOFOLLOW;
    FileDescriptor fd(open(entry.fs_path.c_str(), flags));
    if (fd.get() < 0) {
        int err = errno;
        if (err == ELOOP) {
            ++out.stats.skipped_symlinks;
            return;
        }
        if (err == ENOENT && !entry.explicit_path) {
            out.warning(entry.display_path, "vanished while scanning");
            return;
        }
        out.error(entry.display_path, std::string("cannot open: ") + std::strerror(err));
        return;
    }
    struct stat st {};
    if (fstat(fd.get(), &st) != 0) {
        out.error(entry.display_path, std::string("cannot stat: ") + std::strerror(errno));
        return;
    }
    if (!S_ISREG(st.st_mode)) {
        ++out.stats.skipped_special;
        if (entry.explicit_path) out.warning(entry.display_path, "not a regular file; skipped");
        return;
    }
    // O_NONBLOCK has no effect on regular files: no need to clear it.
    uint64_t size = static_cast<uint64_t>(st.st_size);
    if (has_archive_name(entry.display_path) && scan_archive_file(fd.get(), entry, *this, m_limits, out)) return;
    if (size > m_limits.max_file_size) {
        ++out.stats.skipped_too_large;
        // Said on stderr when the file was named on the command line: it was asked for.
        std::string message = "larger than --max-file-size (" + std::to_string(size) + " bytes); skipped";
        if (entry.explicit_path) {
            out.warning(entry.display_path, message);
        } else {
            out.note(entry.display_path, message);
        }
        return;
    }
    if (size > m_limits.chunk_size && !wants_whole_transcript(fd.get(), entry.display_path, size, m_transcripts)) {
        scan_large_file(fd.get(), entry, out);
        return;
    }
    // Small file: one read into the reused buffer (one spare byte detects growth).
    size_t want = static_cast<size_t>(size) + 1;
    if (m_buffer.size() < want) m_buffer.resize(std::max(want, size_t(64) << 10));
    ssize_t n = read_fully(fd.get(), m_buffer.data(), want, static_cast<size_t>(size));
    if (n < 0) {
        out.error(entry.display_path, std::string("cannot read: ") + std::strerror(errno));
        return;
    }
    if (static_cast<size_t>(n) == want) {
        // It grew while we read: scan it as a large file from the start.
        lseek(fd.get(), 0, SEEK_SET);
        scan_large_file(fd.get(), entry, out);
        return;
    }
    ItemInfo item{entry.display_path, entry.project_path, nullptr, entry.explicit_path, 0};
    if (scan_bytes(std::string_view(m_buffer.data(), static_cast<size_t>(n)), item, out)) {
        ++out.stats.files_scanned;
        out.stats.bytes_scanned += static_cast<uint64_t>(n);
    }
}

void ItemScanner::scan_large_file(int fd, const WalkEntry& entry, ScanOutput& out) {
    ItemInfo item{entry.display_path, entry.project_path, nullptr, entry.explicit_path, 0};
    auto read = [&](char* buf, size_t size) {
        ssize_t n = read_fully(fd, buf, size);
        if (n < 0) out.error(entry.display_path, std::string("cannot read: ") + std::strerror(errno));
        return n;
    };
    if (scan_stream(item, m_buffer, 0, read, m_limits.max_file_size, out)) ++out.stats.files_scanned;
}

bool ItemScanner::scan_stream(const ItemInfo& item, std::string& buffer, size_t filled, const StreamRead& read,
                              uint64_t max_bytes, ScanOutput& out) {
    const size_t reach = m_matcher.max_window();
    const size_t capacity = std::max(m_limits.chunk_size + 2 * reach, filled);
    if (buffer.size() < capacity) buffer.resize(capacity);
    char* buf = buffer.data();
    uint64_t base = 0;        // text offset of buf[0]
    uint64_t accept = 0;      // secrets starting before this offset were reported by earlier passes
    size_t length = filled;   // bytes held in buf
    size_t line_base = 1;     // line number of buf[0]
    size_t column_base = 1;   // column of buf[0] (a long line spans chunks)
    bool first = true;
    uint64_t consumed = filled;  // stream bytes read (the text is larger for UTF-16)
    uint64_t counted = 0;        // of those, already added to the stats

    // Where text comes from: the stream itself, or (UTF-16 with a BOM) the stream decoded to UTF-8
    // in blocks, a surrogate pair split by a block edge carried over to the next block.
    ContentKind encoding = ContentKind::text;
    std::string raw, decoded;
    size_t decoded_pos = 0;
    bool raw_eof = false;
    auto fill = [&](char* dst, size_t want) -> ssize_t {
        if (encoding == ContentKind::text) {
            ssize_t n = read(dst, want);
            if (n > 0) consumed += static_cast<uint64_t>(n);
            return n;
        }
        const bool little = encoding == ContentKind::utf16le;
        size_t got = 0;
        while (got < want) {
            if (decoded_pos == decoded.size()) {
                if (raw_eof) break;
                size_t carry = raw.size();
                raw.resize(carry + (1u << 20));
                ssize_t n = read(raw.data() + carry, raw.size() - carry);
                if (n < 0) return -1;
                consumed += static_cast<uint64_t>(n);
                raw_eof = carry + static_cast<size_t>(n) < raw.size();
                raw.resize(carry + static_cast<size_t>(n));
                size_t usable = raw.size() & ~size_t(1);
                if (!raw_eof && usable >= 2) {
                    auto hi = static_cast<uint8_t>(raw[usable - (little ? 1 : 2)]);
                    if (hi >= 0xD8 && hi <= 0xDB) usable -= 2;  // a high surrogate waits for its pair
                }
                // A BOM in front: utf16_to_utf8 drops a leading one, and a mid-stream U+FEFF is data.
                std::string block = little ? "\xFF\xFE" : "\xFE\xFF";
                block.append(raw, 0, usable);
                raw.erase(0, usable);
                decoded = utf16_to_utf8(block, little);
                decoded_pos = 0;
                continue;
            }
            size_t take = std::min(want - got, decoded.size() - decoded_pos);
            std::memcpy(dst + got, decoded.data() + decoded_pos, take);
            decoded_pos += take;
            got += take;
        }
        return static_cast<ssize_t>(got);
    };

    while (true) {
        ssize_t n = fill(buf + length, capacity - length);
        if (n < 0) return !first;
        bool eof = length + static_cast<size_t>(n) < capacity;
        length += static_cast<size_t>(n);
        std::string_view text(buf, length);
        if (first) {
            ContentKind kind = sniff_content(text.substr(0, k_sniff_bytes));
            if (kind == ContentKind::binary) {
                ++out.stats.skipped_binary;
                if (item.explicit_path) out.warning(std::string(item.path), "binary file; skipped");
                return false;
            }
            first = false;
            if (kind != ContentKind::text) {
                // Decode from here on: what was read after the BOM is the first raw block.
                encoding = kind;
                raw.assign(buf + 2, length - 2);
                raw_eof = eof;
                length = 0;
                continue;
            }
        }
        out.stats.bytes_scanned += consumed - counted;
        counted = consumed;
        uint64_t end = base + length;
        if (consumed > max_bytes) eof = true;  // grew past the limit while reading
        uint64_t accept_end = eof ? end : end - reach;
        Scope scope = classify_path(scope_path(item));
        LineSourceMap map(text, line_base, column_base);
        BlobOrigin origin{item.path, item.project_path, item.commit};
        m_blobs.scan(text, scope, map, origin, out.findings, static_cast<size_t>(accept - base),
                     static_cast<size_t>(accept_end - base));
        if (eof) break;
        uint64_t next_base = accept_end - reach;
        size_t drop = static_cast<size_t>(next_base - base);
        line_base += static_cast<size_t>(std::count(buf, buf + drop, '\n'));
        const void* last_newline = memrchr(buf, '\n', drop);
        size_t column_from = 0;
        if (last_newline != nullptr) {
            column_base = 1;
            column_from = static_cast<size_t>(static_cast<const char*>(last_newline) - buf) + 1;
        }
        for (size_t i = column_from; i < drop; ++i) column_base += (static_cast<unsigned char>(buf[i]) & 0xC0) != 0x80;
        std::memmove(buf, buf + drop, length - drop);
        length -= drop;
        base = next_base;
        accept = accept_end;
    }
    return true;
}

bool ItemScanner::scan_bytes(std::string_view bytes, const ItemInfo& item, ScanOutput& out) {
    // archive_scan enforces archive_max_depth itself (a too-deep archive gets a diagnostic).
    if (has_archive_magic(bytes.substr(0, 512)) && scan_archive_bytes(bytes, item, *this, m_limits, out)) {
        return true;
    }
    ContentKind kind = sniff_content(bytes.substr(0, k_sniff_bytes));
    if (kind == ContentKind::binary) {
        ++out.stats.skipped_binary;
        if (item.explicit_path) out.warning(std::string(item.path), "binary file; skipped");
        return false;
    }
    if (kind == ContentKind::utf16le || kind == ContentKind::utf16be) {
        std::string utf8 = utf16_to_utf8(bytes, kind == ContentKind::utf16le);
        scan_text(utf8, item, out);
        return true;
    }
    scan_text(bytes, item, out);
    return true;
}

void ItemScanner::scan_text(std::string_view text, const ItemInfo& item, ScanOutput& out) {
    if (scan_transcript_export(text, item, m_transcripts, m_matcher.rules(), m_blobs, out)) return;
    Scope scope = classify_path(scope_path(item));
    LineSourceMap map(text);
    BlobOrigin origin{item.path, item.project_path, item.commit};
    m_blobs.scan(text, scope, map, origin, out.findings);
}

}  // namespace aaiscan
