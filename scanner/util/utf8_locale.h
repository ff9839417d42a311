// The character-type locale aaiscan runs under. libarchive converts archive member names to the
// locale's character set; under the C locale (CI runners, cron, containers without LANG) a UTF-8
// name such as "Gespräch.json" cannot be converted and is lost. Only LC_CTYPE is set: numbers and
// messages stay in the C locale.
#pragma once

namespace aaiscan {

// Uses the environment's LC_CTYPE when its character set is UTF-8, else C.UTF-8 (always present
// in glibc 2.35+). Returns false when neither could be set (names then stay as libarchive gives
// them). Call once, before any archive is opened.
bool use_utf8_character_type();

}  // namespace aaiscan
