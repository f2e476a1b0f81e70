"""Check what editors write, before MkDocs builds it, and say where a problem is.

- every page's front matter against schemas/page.schema.json, including the
  date its facts were last checked (`checked:`), which may not lie in the future;
- every language's glossary, docs/<code>/_glossary.md: one abbreviation a
  line, each used on some page of that language;
- every row of languages.yml has its folder docs/<code>/ and every folder its
  row; a translated page has an English original and records the English
  revision it was translated from (translation:);
- every up-to-date translation keeps its English page's facts
  (scripts/check_translations.py);
- data/speakers.yml against schemas/speakers.schema.json, and every language's
  speakers page against it (the heading id, the name and the profile link);
- the figures' data and words (scripts/check_data.py).

    python scripts/check_content.py [ROOT]     # exits 1 and lists the problems

It also prints the date each page was last checked, lists the pages whose
facts were not checked for more than a year, and lists per language the pages
not yet translated and those whose English page has changed since (stale):
reminders, not failures, so that an English page can change or be added
without waiting for 23 translations.
"""

from __future__ import annotations

import datetime
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import material
import yaml
from babel import Locale, UnknownLocaleError
from check_translations import check_language_files, check_page
from language_table import BASE, codes, locale_of, revision, rows

ROOT = Path(__file__).resolve().parent.parent
# A page not checked for longer than this is listed by make check.
STALE_AFTER = datetime.timedelta(days=365)
# A glossary line: *[ABBREVIATION]: what it stands for.
GLOSSARY_LINE = re.compile(r"^\*\[([^\]]+)\]: (\S.*)$")


class TextDates(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):
    """Reads dates such as 2026-11-27 as text, so the schema checks their shape and
    a date that does not exist (2026-02-30) is reported rather than crashing."""


TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str

    def show(self, root: Path) -> str:
        return f"{self.path.relative_to(root)}:{self.line}: {self.message}"


def load_schema(root: Path, name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((root / "schemas" / name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def line_of(text: str, path) -> int:
    """The line (from 0) in a YAML text of the value at path (keys and list
    indexes), or of the nearest part of it that exists."""
    node = yaml.compose(text)
    line = node.start_mark.line if node else 0
    for part in path:
        if isinstance(node, yaml.MappingNode):
            node = next((value for key, value in node.value if key.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            node = None
        if node is None:
            break
        line = node.start_mark.line
    return line


def explain(error: jsonschema.ValidationError, where: str | None = None) -> str:
    """A schema error in words an editor can act on; where names the key at fault."""
    if where is None:
        where = ".".join(str(part) for part in error.absolute_path)
    prefix = f"'{where}': " if where else ""
    if error.validator in ("pattern", "format", "oneOf") and "errorMessage" in error.schema:
        # The schema says in words what the pattern means.
        value = "" if error.validator == "oneOf" else f"'{error.instance}' "
        return f"{prefix}{value}{error.schema['errorMessage']}"
    if error.validator == "additionalProperties":
        return f"{prefix}{error.message}; remove it or check its spelling"
    if error.validator == "required":
        return f"{prefix}{error.message}; add it"
    if error.validator in ("minLength", "maxLength"):
        limit = error.validator_value
        return f"{prefix}is {len(error.instance)} characters long; it must be {'at least' if error.validator == 'minLength' else 'at most'} {limit}"
    return f"{prefix}{error.message}"


def front_matter(path: Path) -> tuple[dict | None, list[Problem]]:
    """The YAML between a page's opening '---' lines (which start on line 2)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].strip() != "---":
        return None, [Problem(path, 1, "the page has no front matter; start it with a '---' line, then title: and description:, then '---'")]
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    except StopIteration:
        return None, [Problem(path, 1, "the front matter is never closed; add a '---' line after its last key")]
    try:
        data = yaml.load("\n".join(lines[1:end]), Loader=TextDates)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        return None, [Problem(path, line, f"the front matter is not valid YAML ({getattr(error, 'problem', error)}); check quotes and colons")]
    if not isinstance(data, dict):
        return None, [Problem(path, 2, "the front matter must be 'key: value' lines")]
    return data, []


def check_pages(root: Path) -> list[Problem]:
    validator = load_schema(root, "page.schema.json")
    problems = []
    for page in pages_everywhere(root):
        data, found = front_matter(page)
        problems += found
        if data is not None:
            text = page.read_text(encoding="utf-8").split("\n---", 1)[0].removeprefix("---\n")
            errors = sorted(validator.iter_errors(data), key=str)
            for error in errors:
                line = 2 + line_of(text, error.absolute_path)
                problems.append(Problem(page, line, f"front matter {explain(error)} (see schemas/page.schema.json)"))
            checked = checked_date(data)
            if checked and checked > datetime.date.today():
                problems.append(Problem(page, 2 + line_of(text, ["checked"]),
                                        f"front matter 'checked': {checked} is in the future; write the day you checked the page's facts"))
    return problems


def checked_date(data: dict | None) -> datetime.date | None:
    """The page's `checked:` date, or None if it is missing or not a real date."""
    try:
        return datetime.date.fromisoformat(str((data or {})["checked"]))
    except (KeyError, ValueError):
        return None


def checked_dates(root: Path) -> list[tuple[Path, datetime.date | None]]:
    """Every page with the date its facts were last checked."""
    return [(page, checked_date(front_matter(page)[0])) for page in pages_everywhere(root)]


def pages_everywhere(root: Path) -> list[Path]:
    """Every language's pages; a language's own files (_glossary.md) are not pages."""
    return sorted(page for page in (root / "docs").glob("*/**/*.md") if not page.name.startswith("_"))


def check_glossaries(root: Path) -> list[Problem]:
    """Each language's glossary: well-formed lines, no abbreviation twice, none
    unused. A language without one yet shows English's (listed as missing)."""
    problems = []
    for code in codes(root):
        glossary = root / "docs" / code / "_glossary.md"
        if not glossary.is_file():
            continue
        # The language's pages, and the English ones it shows until they are translated.
        shown = [root / "docs" / code / uri for uri in pages_of(root / "docs" / code)]
        shown += [root / "docs" / BASE / uri for uri in pages_of(root / "docs" / BASE) - pages_of(root / "docs" / code)]
        pages = " ".join(page.read_text(encoding="utf-8") for page in shown)
        seen: dict[str, int] = {}
        in_comment = False
        for number, line in enumerate(glossary.read_text(encoding="utf-8").splitlines(), start=1):
            stripped = line.strip()
            if in_comment or stripped.startswith("<!--"):
                in_comment = "-->" not in stripped
                continue
            if not stripped:
                continue
            match = GLOSSARY_LINE.match(line)
            if not match:
                problems.append(Problem(glossary, number, "write each abbreviation as *[ABBREVIATION]: what it stands for"))
                continue
            abbreviation = match.group(1)
            if abbreviation in seen:
                problems.append(Problem(glossary, number, f"'{abbreviation}' is already explained on line {seen[abbreviation]}; keep one"))
            seen.setdefault(abbreviation, number)
            if not re.search(rf"(?<!\w){re.escape(abbreviation)}(?!\w)", pages):
                problems.append(Problem(glossary, number, f"no page in docs/{code}/ uses '{abbreviation}'; remove the line"))
    return problems


def pages_of(folder: Path) -> set[str]:
    """A language's pages, without its own files (_language.yml, _glossary.md...)."""
    return {page.relative_to(folder).as_posix() for page in folder.glob("**/*.md") if not page.name.startswith("_")}


def translation_status(root: Path, code: str) -> dict[str, list]:
    """A language's pages not yet translated, and those translated from an
    older English page: (page, recorded revision, English revision now)."""
    english, folder = root / "docs" / BASE, root / "docs" / code
    status = {"missing": sorted(pages_of(english) - pages_of(folder)), "stale": []}
    for uri in sorted(pages_of(folder) & pages_of(english)):
        record = (front_matter(folder / uri)[0] or {}).get("translation")
        now = revision(english / uri)
        if isinstance(record, dict) and str(record.get("source")) != now:
            status["stale"].append((uri, str(record.get("source")), now))
    return status


def check_rows(root: Path) -> list[Problem]:
    """Each row of languages.yml: a code and a name, interface words for the
    theme (Material's or ours, overrides/partials/languages/), a locale Babel knows."""
    table = root / "languages.yml"
    text = table.read_text(encoding="utf-8")
    themes = [Path(material.__file__).parent / "templates" / "partials" / "languages", root / "overrides" / "partials" / "languages"]
    problems = []
    for number, row in enumerate(rows(root)):
        line = 1 + line_of(text, [number])
        missing = [key for key in ("code", "name") if not row.get(key)]
        if missing:
            problems.append(Problem(table, line, f"this row needs {' and '.join(missing)}: "
                                                 "- {code: xx, name: the language's name in that language}"))
            continue
        code = row["code"]
        if not any((folder / f"{code}.html").is_file() for folder in themes):
            problems.append(Problem(table, line, f"the theme has no interface words for '{code}'; add "
                                                 f"overrides/partials/languages/{code}.html, as ga.html does for Irish"))
        try:
            Locale.parse(locale_of(code, root))
        except (ValueError, UnknownLocaleError):
            problems.append(Problem(table, line, f"Babel knows no locale '{locale_of(code, root)}' for dates and numbers; "
                                                 "give the row a 'locale:' that Babel knows, such as pt_PT"))
    return problems


def check_languages(root: Path) -> list[Problem]:
    """Rows and folders match; every translated page has an English original,
    records its translation, and keeps the English facts if it is up to date."""
    table = root / "languages.yml"
    problems = check_rows(root)
    known = codes(root)
    for folder in sorted(p for p in (root / "docs").iterdir() if p.is_dir()):
        if folder.name not in known:
            problems.append(Problem(table, 1, f"docs/{folder.name}/ has no row here; add one (see CONTRIBUTING.md, Translating)"))
    english = pages_of(root / "docs" / BASE)
    for code in known[1:]:
        folder = root / "docs" / code
        if not folder.is_dir():
            problems.append(Problem(table, 1, f"the language '{code}' has no folder docs/{code}/"))
            continue
        for extra in sorted(pages_of(folder) - english):
            problems.append(Problem(folder / extra, 1, f"this page has no English original docs/{BASE}/{extra}; every language has the same pages"))
        stale = {uri for uri, _, _ in translation_status(root, code)["stale"]}
        for uri in sorted(pages_of(folder) & english):
            data = front_matter(folder / uri)[0]
            if data is not None and "translation" not in data:
                problems.append(Problem(folder / uri, 2, "add 'translation:' with 'source:' (the first 12 characters of "
                                        f"`git hash-object docs/{BASE}/{uri}`) and 'date:', the day it was translated"))
            elif data is not None and uri not in stale:
                problems += [Problem(root / path, line, message) for path, line, message in check_page(root, code, uri)]
        problems += [Problem(root / path, line, message) for path, line, message in check_language_files(root, code)]
    return problems


def speaker_named(speakers, path) -> str:
    """'speaker 2 (Sachiko Muto): ', counting from 1 as an editor would."""
    path = list(path)
    if not path or not isinstance(path[0], int):
        return ""
    entry = speakers[path[0]] if isinstance(speakers, list) else {}
    name = entry.get("name") if isinstance(entry, dict) else None
    return f"speaker {path[0] + 1}{f' ({name})' if name else ''}: "


def check_speakers(root: Path) -> list[Problem]:
    data_file = root / "data" / "speakers.yml"
    try:
        speakers = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [Problem(data_file, mark.line + 1 if mark else 1, f"not valid YAML ({getattr(error, 'problem', error)})")]
    validator = load_schema(root, "speakers.schema.json")
    errors = sorted(validator.iter_errors(speakers), key=str)
    if errors:
        text = data_file.read_text(encoding="utf-8")
        return [Problem(data_file, 1 + line_of(text, error.absolute_path),
                        f"{speaker_named(speakers, error.absolute_path)}{explain(error, '.'.join(map(str, list(error.absolute_path)[1:])))}"
                        " (see schemas/speakers.schema.json)") for error in errors]
    problems = []
    ids = [speaker["id"] for speaker in speakers]
    for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(Problem(data_file, 1, f"the id '{duplicate}' is used twice"))
    for page in sorted((root / "docs").glob("*/speakers.md")):
        text = page.read_text(encoding="utf-8")
        for speaker in speakers:
            for what, needle in (("heading id", f"{{ #{speaker['id']} }}"),
                                 ("name", speaker["name"]),
                                 ("profile link", f"]({speaker['profile']})")):
                if needle not in text:
                    problems.append(Problem(page, 1, f"{speaker['name']}: the {what} '{needle}' from data/speakers.yml is missing"))
    return problems


def check(root: Path = ROOT) -> list[Problem]:
    from check_data import check_data  # the figures' data and words; it imports this module
    return (check_pages(root) + check_languages(root) + check_speakers(root) + check_glossaries(root)
            + check_data(root))


def report_checked(root: Path) -> None:
    """Each English page's checked date, and a translation's where it differs
    (a translator who checked the facts again); then the pages not checked for
    more than a year."""
    dates = checked_dates(root)

    def page_of(path: Path) -> tuple[str, str]:
        """docs/fr/about/index.md: ("fr", "about/index.md")."""
        code, *rest = path.relative_to(root / "docs").parts
        return code, "/".join(rest)

    english = {page_of(page)[1]: checked for page, checked in dates if page_of(page)[0] == BASE}
    print("Facts last checked (English pages, and translations that differ):")
    for page, checked in dates:
        code, uri = page_of(page)
        if code == BASE or checked != english.get(uri):
            print(f"  {checked or 'no valid date'}  {page.relative_to(root)}")
    today = datetime.date.today()
    stale = [(page, checked) for page, checked in dates if checked and today - checked > STALE_AFTER]
    if stale:
        print(f"Not checked for more than a year ({len(stale)}): check these pages' facts against their sources, then update 'checked:'")
        for page, checked in stale:
            print(f"  {page.relative_to(root)}: last checked {checked}")


def report_translations(root: Path) -> None:
    """Per language, what a translator has to do: missing and stale pages and files."""
    print("Translations (missing pages show the English text under a notice; stale ones, a notice):")
    for code in codes(root)[1:]:
        folder = root / "docs" / code
        if not folder.is_dir():
            continue
        status = translation_status(root, code)
        files = [name for name in ("_language.yml", "_glossary.md", "_terms.yml") if not (folder / name).is_file()]
        if not (status["missing"] or status["stale"] or files):
            print(f"  {code}: up to date")
            continue
        for uri in status["missing"] + files:
            print(f"  {code}: missing   docs/{code}/{uri}: translate docs/{BASE}/{uri}")
        for uri, old, now in status["stale"]:
            print(f"  {code}: stale     docs/{code}/{uri}: see `git diff {old} {now}`, update it, then set source: {now}")


def main(root: Path) -> int:
    report_checked(root)
    report_translations(root)
    # Once each: a value can break two rules of one schema (a date's pattern and
    # its format) that explain themselves in the same words.
    problems = list(dict.fromkeys(check(root)))
    for problem in problems:
        print(problem.show(root), file=sys.stderr)
    if problems:
        print(f"\n{len(problems)} problem(s). Fix each file and line above; CONTRIBUTING.md explains the rules.", file=sys.stderr)
        return 1
    print("Content checks passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT))
