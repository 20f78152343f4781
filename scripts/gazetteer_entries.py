"""Writes curated gazetteer entries (the schema of server/data/gazetteer.toml) for the data
scripts beside it (make-regions.py, make-organisations.py): Simplified forms from the opencc
tool (Debian package opencc), names another curated file already has left to it, no name given
twice."""
import pathlib
import subprocess
import tomllib

DATA = pathlib.Path(__file__).resolve().parent.parent / "server" / "data"


def t2s(text):
    # OpenCC's t2s keeps Hong Kong's 衞 (its 衛); the Simplified form is 卫 all the same.
    text = text.replace("衞", "衛")
    return subprocess.run(["opencc", "-c", "t2s.json"], input=text, capture_output=True, text=True).stdout.strip()


def quote(text):
    return '"' + text.replace('"', '\\"') + '"'


def slug(english):
    out = "".join(c.lower() if c.isalnum() else "-" for c in english).strip("-")
    while "--" in out:
        out = out.replace("--", "-")
    return out


class Entries:
    """The entries of one file of entity type `kind`, after a header comment."""

    def __init__(self, kind, header, known_files, known_texts=()):
        self.kind = kind
        self.out = [header]
        self.known = set()
        texts = [(DATA / name).read_text(encoding="utf-8") for name in known_files] + list(known_texts)
        for text in texts:
            for e in tomllib.loads(text).get("entity", []):
                self.known.update([e["traditional"], e["simplified"], *e.get("aliases", [])])
        self.seen = set(self.known)
        self.skipped = []

    def ignore(self, words):
        """An `ignore` list (each word and its t2s form): words never marked, which hide the
        names inside them. Call it before the first section."""
        forms = list(dict.fromkeys(f for w in words for f in (w, t2s(w))))
        self.out.append("ignore = [" + ", ".join(quote(f) for f in forms) + "]\n")

    def section(self, comment):
        self.out.append(f"# {comment}\n")

    def add(self, id_, trad, english, description, aliases=(), pinyin=None, as_of=None):
        simp = t2s(trad)
        if trad in self.known or simp in self.known:
            self.skipped.append(trad)
            return
        names = list(dict.fromkeys([trad, simp] + [f for a in aliases for f in (a, t2s(a))]))
        names = [n for n in names if n not in self.seen]
        if trad not in names:
            self.skipped.append(trad)
            return
        self.seen.update(names)
        lines = ["[[entity]]", f"id = {quote(id_)}", f'type = "{self.kind}"', f"traditional = {quote(trad)}",
                 f"simplified = {quote(simp)}"]
        rest = [n for n in names if n not in (trad, simp)]
        if rest:
            lines.append("aliases = [" + ", ".join(quote(a) for a in rest) + "]")
        lines += [f"english = {quote(english)}"]
        if pinyin:
            lines.append(f"pinyin = {quote(pinyin)}")
        lines.append(f"description = {quote(description)}")
        if as_of:
            lines.append(f"as_of = {quote(as_of)}")
        lines.append("")
        self.out.append("\n".join(lines))

    def print(self):
        print("\n".join(self.out))
