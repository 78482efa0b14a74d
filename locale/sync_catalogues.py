"""Bring locale/<catalogue>/vi/ in line with the installed packages, then compile the .mo files.

Run from the repository root with the project's interpreter:

    .venv/bin/python locale/sync_catalogues.py                 # merge + compile, all catalogues
    .venv/bin/python locale/sync_catalogues.py wagtail_admin   # only some catalogues
    .venv/bin/python locale/sync_catalogues.py --compile-only  # only .po -> .mo

Merging works like ``msgmerge`` against the installed package's source catalogue (see
locale/catalogues.json): messages that disappeared upstream are dropped (and listed), new ones
are added. A new message gets, in this order: the translation the same msgid already has in
another of our catalogues (one term per concept), or the package's own Vietnamese translation
marked ``fuzzy`` (to be checked against the term list in locale/README.md), or nothing. Fuzzy
and empty entries are left out of the .mo files and make tests/i18n fail until translated.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import json
import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent
CONFIG = json.loads((LOCALE_DIR / "catalogues.json").read_text(encoding="utf-8"))["catalogues"]
METADATA = {
    "Report-Msgid-Bugs-To": "",
    "Last-Translator": "Portal platform team",
    "Language-Team": "Vietnamese",
    "Language": "vi",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=1; plural=0;",
}

Key = tuple[str | None, str]


def package_locale_dir(cat: dict) -> Path:
    spec = importlib.util.find_spec(cat["module"])
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"package {cat['module']!r} is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / cat["path"]


def po_path(name: str, domain: str) -> Path:
    return LOCALE_DIR / name / "vi" / "LC_MESSAGES" / f"{domain}.po"


def msgstr_of(entry: polib.POEntry) -> str:
    return entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr


def usable(entry: polib.POEntry) -> bool:
    return not entry.obsolete and "fuzzy" not in entry.flags and bool(msgstr_of(entry))


def translation_memory() -> dict[tuple[str, str | None, str], str]:
    memory = {}
    for name, cat in CONFIG.items():
        for domain in cat["domains"]:
            path = po_path(name, domain)
            if path.exists():
                for entry in polib.pofile(str(path)):
                    if usable(entry):
                        memory[(domain, entry.msgctxt, entry.msgid)] = msgstr_of(entry)
    return memory


def merge(name: str, cat: dict, domain: str, memory: dict) -> tuple[int, int, list[str]]:
    pkg_dir = package_locale_dir(cat)
    source = polib.pofile(
        str(pkg_dir / cat.get("template_language", "en") / "LC_MESSAGES" / f"{domain}.po")
    )
    path = po_path(name, domain)
    ours: dict[Key, polib.POEntry] = {}
    if path.exists():
        ours = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(path)) if not e.obsolete}
    upstream_path = pkg_dir / "vi" / "LC_MESSAGES" / f"{domain}.po"
    upstream: dict[Key, str] = {}
    if upstream_path.exists():
        upstream = {
            (e.msgctxt, e.msgid): msgstr_of(e)
            for e in polib.pofile(str(upstream_path))
            if usable(e)
        }

    po = polib.POFile(wrapwidth=79)
    package = "/".join([cat["module"], *Path(cat["path"]).parts[:-1]])
    po.header = (
        f"Vietnamese translation of {package} ({domain} domain).\n"
        "Maintained in this project; see locale/README.md."
    )
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M+0000")
    po.metadata = {
        "Project-Id-Version": cat["module"],
        "POT-Creation-Date": source.metadata.get("POT-Creation-Date", ""),
        "PO-Revision-Date": now,
        **METADATA,
    }
    untranslated = fuzzy = 0
    for src in source:
        if src.obsolete or not src.msgid:
            continue
        key = (src.msgctxt, src.msgid)
        old = ours.get(key)
        flags = [f for f in src.flags if f != "fuzzy"]
        if old is not None and msgstr_of(old):
            text = msgstr_of(old)
            if "fuzzy" in old.flags or old.msgid_plural != src.msgid_plural:
                flags.append("fuzzy")
        elif (domain, *key) in memory:
            text = memory[(domain, *key)]
        elif key in upstream:
            text = upstream[key]
            flags.append("fuzzy")
        else:
            text = ""
        entry = polib.POEntry(
            msgid=src.msgid, msgctxt=src.msgctxt, comment=src.comment, flags=flags
        )
        if src.msgid_plural:
            entry.msgid_plural = src.msgid_plural
            entry.msgstr_plural = {0: text}
        else:
            entry.msgstr = text
        untranslated += not text
        fuzzy += "fuzzy" in flags
        po.append(entry)
    if path.exists() and _content(polib.pofile(str(path))) == _content(po):
        # Nothing changed: keep the file's revision date so re-runs leave no diff.
        po.metadata["PO-Revision-Date"] = polib.pofile(str(path)).metadata["PO-Revision-Date"]
    source_keys = {(e.msgctxt, e.msgid) for e in source if not e.obsolete}
    dropped = [msgid for (ctxt, msgid) in ours if (ctxt, msgid) not in source_keys]
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return untranslated, fuzzy, dropped


def _content(po: polib.POFile) -> list[tuple]:
    return [
        (e.msgctxt, e.msgid, e.msgid_plural, msgstr_of(e), sorted(e.flags), e.comment)
        for e in po
        if not e.obsolete
    ]


def compile_mo(name: str, domain: str) -> None:
    path = po_path(name, domain)
    polib.pofile(str(path)).save_as_mofile(str(path.with_suffix(".mo")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("catalogues", nargs="*", help="names from locale/catalogues.json")
    parser.add_argument("--compile-only", action="store_true", help="only compile .po -> .mo")
    args = parser.parse_args()
    unknown = set(args.catalogues) - set(CONFIG)
    if unknown:
        parser.error(f"unknown catalogue(s): {', '.join(sorted(unknown))}")

    memory = {} if args.compile_only else translation_memory()
    todo = 0
    for name, cat in CONFIG.items():
        if args.catalogues and name not in args.catalogues:
            continue
        for domain in cat["domains"]:
            if not args.compile_only:
                untranslated, fuzzy, dropped = merge(name, cat, domain, memory)
                todo += untranslated + fuzzy
                print(f"{name}/{domain}: {untranslated} untranslated, {fuzzy} fuzzy")
                for msgid in dropped:
                    print(f"    dropped (gone upstream): {msgid!r}")
            compile_mo(name, domain)
    if todo:
        print(f"\n{todo} message(s) to translate or review; then re-run this script.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
