"""How much of the Wagtail admin reads in Vietnamese, per upstream catalogue.

Run: ``.venv/bin/python bench/i18n_coverage.py [--untranslated]``

For every catalogue listed in ``locale/catalogues.json`` and each of its gettext domains, the
*total* is the set of messages (msgctxt + msgid) in the installed package's own source
catalogue (its ``en`` .po, which Wagtail regenerates from the code at each release). A message
counts as *translated* when our ``locale/<name>/vi/LC_MESSAGES/<domain>.po`` has a non-empty,
non-fuzzy msgstr for it; when ours lacks it (or the whole file is missing) the package's own
``vi`` catalogue is used instead, and the ``source`` column says so.

No Django set-up: the .po files are read with polib. Exit status 0 always (this is a report;
tests/i18n/test_catalogues.py is the gate).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

import polib

BASE_DIR = Path(__file__).resolve().parents[1]
LOCALE_DIR = BASE_DIR / "locale"


def package_locale_dir(module: str, path: str) -> Path:
    spec = importlib.util.find_spec(module)  # does not import the package
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"package {module!r} is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / path


def translated_keys(po: polib.POFile) -> set[tuple[str | None, str]]:
    keys = set()
    for entry in po:
        if entry.obsolete or "fuzzy" in entry.flags:
            continue
        done = any(entry.msgstr_plural.values()) if entry.msgid_plural else entry.msgstr
        if done:
            keys.add((entry.msgctxt, entry.msgid))
    return keys


def all_keys(po: polib.POFile) -> set[tuple[str | None, str]]:
    return {(e.msgctxt, e.msgid) for e in po if not e.obsolete and e.msgid}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--untranslated", action="store_true", help="list missing msgids")
    args = parser.parse_args()

    config = json.loads((LOCALE_DIR / "catalogues.json").read_text(encoding="utf-8"))
    rows = []
    for name, cat in config["catalogues"].items():
        pkg_dir = package_locale_dir(cat["module"], cat["path"])
        template_lang = cat.get("template_language", "en")
        for domain in cat["domains"]:
            source = pkg_dir / template_lang / "LC_MESSAGES" / f"{domain}.po"
            total = all_keys(polib.pofile(str(source)))
            ours_path = LOCALE_DIR / name / "vi" / "LC_MESSAGES" / f"{domain}.po"
            ours = translated_keys(polib.pofile(str(ours_path))) if ours_path.exists() else set()
            upstream_path = pkg_dir / "vi" / "LC_MESSAGES" / f"{domain}.po"
            upstream = (
                translated_keys(polib.pofile(str(upstream_path)))
                if upstream_path.exists()
                else set()
            )
            from_ours = total & ours
            from_upstream = (total - ours) & upstream
            if not ours_path.exists():
                origin = "package vi only (no locale/ file)"
            elif from_upstream:
                origin = f"locale/ + {len(from_upstream)} from package vi"
            else:
                origin = "locale/"
            missing = sorted(total - from_ours - from_upstream, key=lambda k: (k[1], k[0] or ""))
            rows.append(
                {
                    "name": f"{name}/{domain}",
                    "admin_facing": cat["admin_facing"],
                    "translated": len(from_ours) + len(from_upstream),
                    "total": len(total),
                    "origin": origin,
                    "missing": missing,
                    "upstream_only": len(total & upstream),
                }
            )

    width = max(len(r["name"]) for r in rows)
    header = (
        f"{'catalogue':<{width}}  {'translated':>10} / {'total':<5} {'%':>6}"
        f"  {'upstream vi':>11}  source"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        pct = 100 * row["translated"] / row["total"] if row["total"] else 100.0
        mark = "" if row["admin_facing"] else "  (not admin-facing here)"
        print(
            f"{row['name']:<{width}}  {row['translated']:>10} / {row['total']:<5} {pct:>5.1f}%"
            f"  {row['upstream_only']:>11}  {row['origin']}{mark}"
        )
        if args.untranslated:
            for ctxt, msgid in row["missing"]:
                print(f"    - {msgid!r}" + (f" [context {ctxt!r}]" if ctxt else ""))
    print("-" * len(header))
    for label, subset in (
        ("admin-facing", [r for r in rows if r["admin_facing"]]),
        ("overall", rows),
    ):
        done = sum(r["translated"] for r in subset)
        total = sum(r["total"] for r in subset)
        upstream = sum(r["upstream_only"] for r in subset)
        print(
            f"{label:<{width}}  {done:>10} / {total:<5} {100 * done / total:>5.1f}%"
            f"  {upstream:>11}  (upstream vi alone: {100 * upstream / total:.1f}%)"
        )


if __name__ == "__main__":
    main()
