#!/usr/bin/env python3
"""Generates a deterministic archive of AssemblyAI transcript JSON exports (the shape of
GET /v2/transcript/{id}: text, words, utterances, entities, redact_pii* settings) with planted
synthetic PII, as a directory of .json files plus a .zip and a .tar.gz of them (stdlib only).

Same --seed and --size-mb give byte-identical output. Names, e-mail addresses, phone, card and
social security numbers are random and synthetic (fictitious company domains, Luhn-valid random
card numbers). A manifest (JSON, written outside the output) counts what was planted.
"""
import argparse
import gzip
import json
import math
import os
import random
import sys
import tarfile
import zipfile

FIRST = ("Avery Blake Casey Dana Elliot Frankie Harper Jordan Kendall Logan Morgan Parker "
         "Quinn Reese Riley Rowan Sawyer Skyler Taylor Emerson Marisol Tobias Ingrid Desmond "
         "Priya Mateo Yusuf Ilse Oren Talia").split()
LAST = ("Ashford Bellamy Castellano Draycott Everly Fairbanks Galloway Hollister Ingram "
        "Jessup Kingsley Lockhart Merriweather Northcott Oakley Pemberton Quill Radcliffe "
        "Stanhope Thornbury Underhill Vance Whitlock Yardley Zeller").split()
DOMAINS = ("contoso.com fabrikam.com northwindtraders.com adventure-works.com "
           "tailspintoys.com wingtiptoys.com litwareinc.com proseware.com").split()
MONTHS = ("January February March April May June July August September October November "
          "December").split()
FILLER = [
    "Thanks for calling, how can I help you today?",
    "Sure, I can look into that for you.",
    "Let me pull up your account real quick.",
    "I understand, that sounds frustrating.",
    "Can you hold on for just a second while I check?",
    "The invoice from last month shows a duplicate charge.",
    "We shipped the replacement on Tuesday and it should arrive by Friday.",
    "Is there anything else I can help you with?",
    "I wanted to follow up on the support ticket from last week.",
    "Our team reviewed the audio files and the transcripts look accurate.",
    "So the main issue is that the dashboard is not loading after the update.",
    "Okay, I have escalated this to our billing department.",
    "You should receive a confirmation email within the next hour.",
    "Right, and the meeting notes will go out to everyone on the call.",
    "We talked about the roadmap for the next quarter and the hiring plan.",
    "Yeah, I think that makes sense, let's move forward with option two.",
    "The speaker diarization worked well on the recording from yesterday.",
    "I'm calling about the appointment I scheduled for next Thursday.",
    "Could you repeat the last part? The connection cut out for a moment.",
    "Great, thank you so much for your help today.",
    "Um, I'm not sure, let me check with my manager and get back to you.",
    "The warranty covers parts and labor for the first two years.",
    "We will need a copy of the receipt to process the return.",
    "Absolutely, I'll send over the summary after this call.",
]


class Gen:
    """Random helpers over one seeded generator."""

    def __init__(self, seed):
        self.r = random.Random(seed)

    def uuid(self):
        h = "%032x" % self.r.getrandbits(128)
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[self.r.randint(0, 3)],
                                       h[17:20], h[20:32])

    def name(self):
        return self.r.choice(FIRST), self.r.choice(LAST)

    def email(self):
        f, l = self.name()
        return "%s.%s%d@%s" % (f.lower(), l.lower(), self.r.randint(1, 99), self.r.choice(DOMAINS))

    def phone(self):
        area = self.r.randint(201, 989)
        exch = self.r.randint(200, 999)
        line = self.r.randint(0, 9999)
        return self.r.choice(["(%d) %d-%04d", "%d-%d-%04d", "%d %d %04d"]) % (area, exch, line)

    def card(self):
        digits = [4] + [self.r.randint(0, 9) for _ in range(14)]
        total = 0
        for i, d in enumerate(reversed(digits)):  # Luhn check digit
            if i % 2 == 0:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        digits.append((10 - total % 10) % 10)
        s = "".join(map(str, digits))
        return " ".join(s[i:i + 4] for i in range(0, 16, 4))

    def ssn(self):
        area = self.r.randint(1, 898)
        area += area >= 666  # 666 is never issued
        return "%03d-%02d-%04d" % (area, self.r.randint(1, 99), self.r.randint(1, 9999))

    def dob(self):
        return "%s %d, %d" % (self.r.choice(MONTHS), self.r.randint(1, 28), self.r.randint(1940, 2004))


# PII kinds: (policy name, sentence template, value generator)
PII = [
    ("person_name", "Hi, my name is {v} and I'm calling about my order.", lambda g: "%s %s" % g.name()),
    ("email_address", "Sure, my email is {v}.", lambda g: g.email()),
    ("phone_number", "You can reach me at {v} any time after five.", lambda g: g.phone()),
    ("credit_card_number", "The card number is {v}.", lambda g: g.card()),
    ("us_social_security_number", "My social security number is {v}.", lambda g: g.ssn()),
    ("date_of_birth", "My date of birth is {v}.", lambda g: g.dob()),
]
POLICIES = [p[0] for p in PII]


def redact(value, policy, sub):
    """The substitution AssemblyAI applies: one # per character, or [POLICY_NAME]."""
    if sub == "hash":
        return "".join("#" if not c.isspace() else c for c in value)
    return "[%s]" % policy.upper()


def make_transcript(g, stats):
    """Builds one transcript dict and updates the planted counters in `stats`."""
    minutes = min(60.0, max(1.0, g.r.lognormvariate(math.log(8), 0.7)))
    n_words_target = int(minutes * 60 * 2.6)
    speaker_labels = g.r.random() < 0.7
    entity_detection = g.r.random() < 0.3
    redacting = g.r.random() < 0.4
    sub = g.r.choice(["entity_name", "hash"]) if redacting else None
    policies = sorted(g.r.sample(POLICIES, g.r.randint(2, len(POLICIES)))) if redacting else None
    words, entities, utterances = [], [], []
    t = g.r.randint(0, 800)
    speaker = "A"
    cur = None
    while len(words) < n_words_target:
        if g.r.random() < 0.06:
            policy, template, make = g.r.choice(PII)
            value = make(g)
            redacted = bool(redacting and policy in policies and g.r.random() > 0.05)
            shown = redact(value, policy, sub) if redacted else value
            sentence = template.format(v=shown)
            key = "redacted" if redacted else ("leaked" if redacting else "unredacted")
            stats[key][policy] = stats[key].get(policy, 0) + 1
        else:
            sentence, policy, shown = g.r.choice(FILLER), None, None
        if speaker_labels and g.r.random() < 0.35:
            speaker = "B" if speaker == "A" else "A"
            cur = None
        start_sentence = t
        for tok in sentence.split(" "):
            dur = g.r.randint(120, 620)
            w = {"text": tok, "start": t, "end": t + dur,
                 "confidence": round(g.r.uniform(0.55, 1.0), 5),
                 "speaker": speaker if speaker_labels else None}
            words.append(w)
            if speaker_labels:
                if cur is None:
                    cur = {"confidence": 0.0, "end": 0, "speaker": speaker, "start": t,
                           "text": "", "words": []}
                    utterances.append(cur)
                cur["words"].append(w)
            t += dur + g.r.randint(0, 260)
        if policy and entity_detection:
            entities.append({"entity_type": policy, "text": shown, "start": start_sentence, "end": t})
        t += g.r.randint(100, 900)
    for u in utterances:
        u["text"] = " ".join(w["text"] for w in u["words"])
        u["end"] = u["words"][-1]["end"]
        u["confidence"] = round(sum(w["confidence"] for w in u["words"]) / len(u["words"]), 5)
    text = " ".join(w["text"] for w in words)
    tid = g.uuid()
    return {
        "id": tid, "language_model": "assemblyai_default", "acoustic_model": "assemblyai_default",
        "language_code": "en_us", "status": "completed",
        "audio_url": "https://storage.example.com/calls/%s.mp3" % tid, "text": text,
        "words": words, "utterances": utterances if speaker_labels else None,
        "confidence": round(sum(w["confidence"] for w in words) / len(words), 6),
        "audio_duration": t // 1000, "punctuate": True, "format_text": True,
        "dual_channel": None, "webhook_url": None, "webhook_status_code": None,
        "webhook_auth": False, "webhook_auth_header_name": None, "speed_boost": False,
        "auto_highlights_result": None, "auto_highlights": False, "audio_start_from": None,
        "audio_end_at": None, "word_boost": [], "boost_param": None, "filter_profanity": False,
        "redact_pii": redacting, "redact_pii_audio": False, "redact_pii_audio_quality": None,
        "redact_pii_policies": policies, "redact_pii_sub": sub, "speaker_labels": speaker_labels,
        "content_safety": False, "iab_categories": False,
        "content_safety_labels": {"status": "unavailable", "results": [], "summary": {}},
        "iab_categories_result": {"status": "unavailable", "results": [], "summary": {}},
        "language_detection": False, "custom_spelling": None, "throttled": None,
        "auto_chapters": False, "summarization": False, "summary_type": None,
        "summary_model": None, "custom_topics": False, "topics": [], "speech_threshold": None,
        "disfluencies": False, "sentiment_analysis": False, "chapters": None,
        "sentiment_analysis_results": None, "entity_detection": entity_detection,
        "entities": entities if entity_detection else None, "summary": None,
        "speakers_expected": None,
    }


def generate(out, seed, size_mb):
    """Writes out/json/**.json, out/transcripts.zip and out/transcripts.tar.gz; returns the manifest."""
    g = Gen(seed)
    budget = int(size_mb * 1024 * 1024)
    stats = {"redacted": {}, "leaked": {}, "unredacted": {}}
    written, files, rels = 0, 0, []
    while written < budget:
        tr = make_transcript(g, stats)
        # Exports come both compact (straight from the API) and pretty-printed (json.dump(indent=2)).
        text = json.dumps(tr, indent=2) if g.r.random() < 0.4 else json.dumps(tr, separators=(",", ":"))
        rel = "json/2024-%02d/%s.json" % (1 + files % 12, tr["id"])
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = (text + "\n").encode()
        with open(path, "wb") as f:
            f.write(data)
        written += len(data)
        files += 1
        rels.append(rel)
    rels.sort()
    with zipfile.ZipFile(os.path.join(out, "transcripts.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        for rel in rels:
            info = zipfile.ZipInfo(rel, date_time=(2024, 6, 1, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with open(os.path.join(out, rel), "rb") as f:
                z.writestr(info, f.read(), compresslevel=6)
    with open(os.path.join(out, "transcripts.tar.gz"), "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0, filename="") as gz:
            with tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
                for rel in rels:
                    path = os.path.join(out, rel)
                    info = tarfile.TarInfo(rel)
                    info.size = os.path.getsize(path)
                    info.mtime = 1717243200
                    info.mode = 0o644
                    with open(path, "rb") as f:
                        tar.addfile(info, f)
    def total(d):
        return sum(d.values())
    return {"generator": "gen_transcripts.py", "seed": seed, "size_mb": size_mb, "bytes": written,
            "files": files, "pii_unredacted": total(stats["unredacted"]),
            "pii_leaked_in_redacted": total(stats["leaked"]),
            "pii_redacted_marks": total(stats["redacted"]), "by_policy": stats}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, help="directory to create (must not exist)")
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--size-mb", type=float, default=200)
    args = ap.parse_args()
    if os.path.exists(args.out):
        sys.exit("gen_transcripts: %s exists" % args.out)
    manifest = generate(args.out, args.seed, args.size_mb)
    with open(args.manifest, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)
    print("gen_transcripts: %d transcripts, %.1f MB, %d unredacted + %d leaked PII values -> %s"
          % (manifest["files"], manifest["bytes"] / 1e6, manifest["pii_unredacted"],
             manifest["pii_leaked_in_redacted"], args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
