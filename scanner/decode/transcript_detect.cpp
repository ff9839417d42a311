// Transcript format sniffing (see transcript_detect.h).
#include "decode/transcript_detect.h"

#include <array>

#include "decode/speech_prose.h"
#include "decode/transcript_csv.h"
#include "decode/transcript_subtitles.h"
#include "decode/transcript_text.h"

namespace aaiscan {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool ends_with_ci(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    s = s.substr(s.size() - suffix.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (lower(s[i]) != suffix[i]) return false;
    }
    return true;
}

bool contains_ci(std::string_view s, std::string_view needle) {
    if (needle.size() > s.size()) return false;
    for (size_t i = 0; i + needle.size() <= s.size(); ++i) {
        size_t k = 0;
        while (k < needle.size() && lower(s[i + k]) == needle[k]) ++k;
        if (k == needle.size()) return true;
    }
    return false;
}

std::string_view base_name(std::string_view path) {
    size_t slash = path.find_last_of("/!");
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Keys only AssemblyAI transcript responses have.
bool has_transcript_key(std::string_view head) {
    static constexpr std::array<std::string_view, 17> k_markers = {
        "\"words\"",          "\"utterances\"",    "\"audio_url\"",     "\"acoustic_model\"", "\"language_model\"",
        "\"speech_model\"",   "\"audio_duration\"", "\"redact_pii\"",   "\"transcripts\"",    "\"sentences\"",
        "\"paragraphs\"",     "\"unredacted_",     "\"speaker_labels\"", "\"punctuate\"",      "\"language_code\"",
        "\"auto_chapters\"",  "\"entity_detection\""};
    for (std::string_view m : k_markers) {
        if (head.find(m) != std::string_view::npos) return true;
    }
    return false;
}

// A `"text":` key near the start of an object (transcripts written with `text` first, before
// the keys above, whose text is longer than the sniffed head).
bool has_text_key(std::string_view head) {
    size_t at = head.find("\"text\"");
    if (at == std::string_view::npos || at > 256) return false;
    size_t i = at + 6;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' || head[i] == '\r')) ++i;
    return i < head.size() && head[i] == ':';
}

// A LeMUR response ({"request_id": ..., "response": ...}): generated text about a transcript,
// which repeats what was said (names, numbers) as readily as the transcript itself.
bool has_lemur_keys(std::string_view head) {
    return head.find("\"request_id\"") != std::string_view::npos && head.find("\"response\"") != std::string_view::npos;
}

// A line holding a cue timing ("00:00:05,400 --> 00:00:12,550").
bool timing_line(std::string_view line) {
    size_t arrow = line.find("-->");
    if (arrow == std::string_view::npos) return false;
    std::string_view left = line.substr(0, arrow);
    while (!left.empty() && (left.back() == ' ' || left.back() == '\t')) left.remove_suffix(1);
    while (!left.empty() && (left.front() == ' ' || left.front() == '\t')) left.remove_prefix(1);
    return parse_cue_time(left) >= 0;
}

// The first two non-empty lines look like an SRT cue.
bool looks_like_srt(std::string_view head) {
    size_t i = 0;
    std::string_view lines[2];
    int found = 0;
    while (i < head.size() && found < 2) {
        size_t end = head.find('\n', i);
        if (end == std::string_view::npos) end = head.size();
        std::string_view line = head.substr(i, end - i);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!line.empty()) lines[found++] = line;
        i = end + 1;
    }
    if (found == 0) return false;
    if (timing_line(lines[0])) return true;
    if (found < 2) return false;
    for (char c : lines[0]) {
        if (c < '0' || c > '9') return false;
    }
    return timing_line(lines[1]);
}

// At least `needed` lines start with "Speaker X:" (AssemblyAI's text export with speaker labels),
// possibly after a time ("[00:00:12] Speaker A:") or in Markdown ("**Speaker A:**"); "SPEAKER_00:"
// is pyannote's diarization label.
bool has_speaker_lines(std::string_view head, int needed) {
    int count = 0;
    size_t i = 0;
    while (i < head.size()) {
        size_t end = head.find('\n', i);
        if (end == std::string_view::npos) end = head.size();
        std::string_view line = head.substr(i, end - i);
        size_t time_length = 0;
        if (leading_cue_time(line, time_length) >= 0) {
            line.remove_prefix(time_length);
            while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
        }
        size_t label_length = 0;
        if (!speaker_label(line, label_length).empty() && ++count >= needed) return true;
        i = end + 1;
    }
    return false;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
        if (lower(s[i]) != prefix[i]) return false;
    }
    return true;
}

// Files every project has that are never transcripts, whatever folder they sit in (a repository
// called "transcription-service" has a requirements.txt, a CMakeLists.txt and a Makefile).
bool project_text_file(std::string_view name) {
    for (std::string_view prefix : {"requirements", "constraints", "cmakelists", "license", "licence", "copying",
                                    "readme", "changelog", "changes", "notice", "authors", "contributors",
                                    "robots", "humans", "version", "third_party", "thirdparty", "dependencies",
                                    "makefile", "dockerfile", "containerfile", "procfile", "gemfile", "pipfile",
                                    "podfile", "rakefile", "jenkinsfile", "vagrantfile", "brewfile", "justfile",
                                    "codeowners", "owners"}) {
        if (starts_with_ci(name, prefix)) return true;
    }
    return false;
}

bool text_file_name(std::string_view name) { return ends_with_ci(name, ".txt") || ends_with_ci(name, ".text"); }

bool plain_text_name(std::string_view name) {
    return text_file_name(name) || name.find('.') == std::string_view::npos;  // or no extension
}

// Source files that can open with '{' or '[' ("{-# LANGUAGE ... #-}" in Haskell, "[package]" in
// TOML, a JS object) and name transcript fields: they are code, never an export.
bool source_code_name(std::string_view name) {
    size_t dot = name.rfind('.');
    if (dot == std::string_view::npos) return false;
    std::string_view ext = name.substr(dot + 1);
    for (std::string_view code : {"hs", "lhs", "js", "mjs", "cjs", "jsx", "ts", "tsx", "py", "rb", "go", "java", "kt",
                                  "kts", "scala", "swift", "c", "h", "cc", "cpp", "hpp", "cs", "rs", "php", "ex", "exs",
                                  "erl", "clj", "cljs", "lua", "pl", "pm", "r", "jl", "m", "sh", "bash", "zsh", "ps1",
                                  "dart", "vue", "svelte", "html", "css", "sql", "toml", "ini", "cfg", "conf", "yaml",
                                  "yml", "xml", "md", "rst", "nix", "tf", "hcl", "gradle", "groovy", "ml", "fs", "elm"}) {
        if (ext.size() == code.size() && ends_with_ci(ext, code)) return true;
    }
    return false;
}

bool html_name(std::string_view name) { return ends_with_ci(name, ".html") || ends_with_ci(name, ".htm"); }

bool markdown_name(std::string_view name) { return ends_with_ci(name, ".md") || ends_with_ci(name, ".markdown"); }

bool hex_digit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// "5551722f-f677-48a4-9e69-1a9b4a9d2c3e.txt": a file named after an AssemblyAI transcript id (a
// UUID), the way export scripts write `transcript.text` to `{id}.txt`.
bool transcript_id_name(std::string_view name) {
    size_t dot = name.find('.');
    std::string_view stem = name.substr(0, dot);
    if (stem.size() != 36) return false;
    for (size_t i = 0; i < stem.size(); ++i) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? stem[i] != '-' : !hex_digit(stem[i])) return false;
    }
    return true;
}

// A folder or file name that says it holds transcripts: a path component that starts with
// "transcript" ("transcripts/", "transcription-0412.txt", "Transcript - Call 12.txt"), "caption",
// "subtitle" or "voicemail". Not "transcribe-worker/" or "transcriber/": those hold code.
bool transcript_path(std::string_view path) {
    size_t start = 0;
    while (start < path.size()) {
        size_t end = path.find_first_of("/!\\", start);
        if (end == std::string_view::npos) end = path.size();
        std::string_view part = path.substr(start, end - start);
        for (std::string_view word : {"transcript", "caption", "subtitle", "voicemail"}) {
            if (part.size() >= word.size() && contains_ci(part.substr(0, word.size()), word)) return true;
        }
        // "call_transcript.txt", "2024-05-01-transcription.txt": the word after a separator.
        for (std::string_view word : {"_transcript", "-transcript", " transcript", ".transcript"}) {
            if (contains_ci(part, word)) return true;
        }
        start = end + 1;
    }
    return false;
}

}  // namespace

bool has_assemblyai_markers(std::string_view head) {
    return has_transcript_key(head.substr(0, k_transcript_sniff_bytes));
}

TranscriptFormat detect_transcript_format(std::string_view head, std::string_view path, bool force) {
    if (head.size() > k_transcript_sniff_bytes) head = head.substr(0, k_transcript_sniff_bytes);
    std::string_view body = head;
    if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
    size_t first = 0;
    while (first < body.size() && (body[first] == ' ' || body[first] == '\n' || body[first] == '\r' || body[first] == '\t')) {
        ++first;
    }
    std::string_view rest = body.substr(first);
    if (rest.empty()) return TranscriptFormat::none;
    std::string_view name = base_name(path);
    if ((rest.front() == '{' || rest.front() == '[') && !source_code_name(name) &&
        (force || has_transcript_key(rest) || has_text_key(rest) || has_lemur_keys(rest))) {
        return TranscriptFormat::assemblyai_json;
    }
    // Anything else starting with '{' or '[' may still be a text transcript ("[00:01:02] ...").
    if (rest.starts_with("WEBVTT")) return TranscriptFormat::vtt;
    if (looks_like_srt(rest)) return ends_with_ci(name, ".vtt") ? TranscriptFormat::vtt : TranscriptFormat::srt;
    if (ends_with_ci(name, ".srt") && rest.find("-->") != std::string_view::npos) return TranscriptFormat::srt;
    if (ends_with_ci(name, ".vtt") && rest.find("-->") != std::string_view::npos) return TranscriptFormat::vtt;
    // A spreadsheet of utterances (speaker,start,end,text).
    if ((ends_with_ci(name, ".csv") || ends_with_ci(name, ".tsv")) && looks_like_transcript_csv(rest)) {
        return TranscriptFormat::csv;
    }
    if (force) return TranscriptFormat::plain_text;
    // By name: .txt files only (an extensionless file in a transcripts folder may be anything).
    if (text_file_name(name) && (transcript_path(path) || transcript_id_name(name)) && !project_text_file(name)) {
        return TranscriptFormat::plain_text;
    }
    if (plain_text_name(name) && has_speaker_lines(rest, 2) && !project_text_file(name)) return TranscriptFormat::plain_text;
    // `transcript.text` saved as a .txt: no labels, no times, just two people talking.
    if (text_file_name(name) && !project_text_file(name) && reads_as_speech(rest)) return TranscriptFormat::plain_text;
    // Markdown is documentation (which may quote a line or two of a transcript) unless it reads as
    // one: meeting notes made of speaker lines.
    if (markdown_name(name) && has_speaker_lines(rest, 4)) return TranscriptFormat::plain_text;
    // An HTML page of speaker lines ("<p><strong>Speaker A</strong> [00:00:08] Hi</p>").
    if (html_name(name) && (rest.find("Speaker") != std::string_view::npos || rest.find("Channel") != std::string_view::npos)) {
        std::string text;
        blank_html_tags(rest, text);
        if (has_speaker_lines(text, 4)) return TranscriptFormat::html;
    }
    return TranscriptFormat::none;
}

}  // namespace aaiscan
