#!/usr/bin/env python3
"""Makes server/data/jyutping/jyutping.txt, one Cantonese reading (Jyutping) per character.

Usage (run by hand once, never at build time):
    pip download ToJyutping==3.2.0 --no-deps -d /tmp/x
    python3 scripts/make-jyutping.py /tmp/x/ToJyutping-3.2.0-py3-none-any.whl

ToJyutping (BSD 2-Clause, Cantonese Computational Linguistics Infrastructure Development
Workgroup, https://github.com/CanCLID/ToJyutping) ships its dictionary as a trie of characters
and words (ToJyutping/trie.txt). For each single character the trie lists its readings "sorted
according to how likely they are to be correct", the first the most likely; this script keeps
that first reading of every character in the CJK Unified Ideographs block (U+4E00..U+9FFF) and
〇. The package lists Simplified characters with their own readings (广 gwong2, 湾 waan1), so
both forms are in the table and no Simplified-to-Traditional mapping is needed.

Output: a header of `#` lines, then one line per reading, `jyutping<TAB>characters`, the
readings sorted and the characters in code-point order (`wong4\t凰徨惶...`).
"""

import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "server" / "data" / "jyutping" / "jyutping.txt"


def main(wheel: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        zipfile.ZipFile(wheel).extractall(tmp)
        sys.path.insert(0, tmp)
        from ToJyutping.Trie import root  # noqa: E402 (the package reads trie.txt on import)
        from ToJyutping.version import __version__

        by_reading = defaultdict(list)
        for char, node in root.items():
            if len(char) != 1 or not node.v:
                continue
            if not ("\u4e00" <= char <= "\u9fff" or char == "〇"):
                continue
            first = node.v[0]
            if not hasattr(first, "jyutping"):  # a multi-syllable list: not a character reading
                continue
            by_reading[first.jyutping].append(char)
    count = sum(len(chars) for chars in by_reading.values())
    with OUT.open("w", encoding="utf-8") as out:
        out.write(f"# Most likely Cantonese reading (Jyutping) of {count} characters, from ToJyutping {__version__}\n")
        out.write("# (BSD 2-Clause; LICENSE and README.md beside this file). Made by scripts/make-jyutping.py.\n")
        for reading in sorted(by_reading):
            out.write(f"{reading}\t{''.join(sorted(by_reading[reading]))}\n")
    print(f"{count} characters, {len(by_reading)} readings -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
