// CSV (and TSV) exports of a transcript: one row per utterance, sentence or word, the way teams
// put AssemblyAI results in a spreadsheet (`speaker,start,end,text`). The text column is scanned
// as one text, each row a segment carrying its speaker and times; the other columns are
// structure. Quoted fields keep their doubled quotes, so every offset is one into the file.
#pragma once

#include <string_view>

#include "decode/transcript_document.h"

namespace aaiscan {

// True when the first line of `head` is a header naming a text column (text, transcript,
// utterance, sentence, content) and a speaker, channel or time column (start, end, timestamp).
bool looks_like_transcript_csv(std::string_view head);

// Fills `doc` for `input` (which must outlive it). Never throws; rows it cannot read are skipped.
void decode_csv_transcript(std::string_view input, TranscriptDocument& doc);

}  // namespace aaiscan
