"""Check that every translation keeps the facts of its English page.

For each page of docs/<code>/ that has an English original, against it:

- the same heading ids ({ #id }), so links into the page work in every language;
- the same link targets: addresses, links to other pages, reference keys;
- the same footnotes, each with the same addresses;
- the same numbers, read the way the language writes them (Babel/CLDR: "37,4"
  is 37.4 in German), and every full date, in any order and inflection of the
  language's month names;
- the same speakers and organisations (data/speakers.yml);
- no paragraph left in English: a line of the English page, word for word.

And for the language's own files: _language.yml and _terms.yml have English's
keys, and keep every {placeholder}.

    python scripts/check_translations.py [CODE ...]   # every language when none is given

scripts/check_content.py (make check) runs these checks on every page that is
up to date with its English original; a stale page is only listed as stale.
"""

from __future__ import annotations

import datetime
import re
import sys
from collections import Counter
from pathlib import Path

import yaml
from babel import Locale
from babel.dates import format_date
from babel.numbers import get_decimal_symbol, get_group_symbol
from language_table import locale_of, rows

ROOT = Path(__file__).resolve().parent.parent
BASE = "en"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ENGLISH_DATE = re.compile(rf"\b(\d{{1,2}}) ({'|'.join(MONTHS)}) (\d{{4}})\b")
HEADING_ID = re.compile(r"^#{1,6} .*\{\s*#([\w-]+)[^}]*\}\s*$", re.M)
INLINE_LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
REFERENCE_LINK = re.compile(r"\]\[([^\]]+)\]")
HTML_LINK = re.compile(r"""\bhref=["']([^"']+)["']""")
FOOTNOTE = re.compile(r"^\[\^([^\]]+)\]:(.*)$", re.M)
URL = re.compile(r"https?://[^\s)\]>\"']+")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
# A line this long that is the same in English is a paragraph left untranslated.
VERBATIM_LENGTH = 60


def split_page(text: str) -> tuple[str, str, int]:
    """Front matter, body, and the line number (from 1) the body starts on."""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            body_start = text.find("\n", end + 1) + 1
            return text[4:end], text[body_start:], text[:body_start].count("\n") + 1
    return "", text, 1


def prose(body: str) -> str:
    """The page's words: no link targets, ids, footnote labels or HTML attributes."""
    text = INLINE_LINK.sub("]", body)
    text = REFERENCE_LINK.sub("]", text)
    text = re.sub(r"\{[^}\n]*\}", " ", text)
    text = re.sub(r"\[\^[^\]]+\]:?", " ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return URL.sub(" ", text)


def english_numbers(text: str) -> Counter:
    """Each number as English writes it, with how often: full dates are left to the date check."""
    text = ENGLISH_DATE.sub(" ", text)
    return Counter(re.findall(r"(?<![^\W\d_])\d[\d,]*(?:\.\d+)?(?![^\W\d_])", text))


def local_numbers(text: str, locale: str) -> Counter:
    """Numbers as the locale writes them, with how often; a group separator and
    a decimal sign from Babel, so "1 234,5" is 1234.5 in French."""
    group, decimal = get_group_symbol(locale), get_decimal_symbol(locale)
    groups = {group, "\u00a0", "\u202f"} if group in (" ", "\u00a0", "\u202f") else {group}
    pattern = (rf"(?<![^\W\d_])\d{{1,3}}(?:(?:{'|'.join(map(re.escape, groups))})\d{{3}})+(?:{re.escape(decimal)}\d+)?(?![\d])"
               rf"|(?<![^\W\d_])\d+(?:{re.escape(decimal)}\d+)?(?![\d])")
    found = Counter()
    for number in re.findall(pattern, text):
        for mark in groups:
            number = number.replace(mark, "")
        found[float(number.replace(decimal, "."))] += 1
    return found


def month_forms(locale: str, month: int) -> set[str]:
    """Every way the locale names a month (wide and abbreviated, in a date and
    alone), cut to a stem so that its other cases count too: Latvian "maijs"
    is "maijā" in a sentence, Estonian "august" "augustil"."""
    names = Locale.parse(locale).months
    forms = {names[context][width][month].casefold().rstrip(".")
             for context in ("format", "stand-alone") for width in ("wide", "abbreviated")}
    return {form[:max(4, len(form) - 2)] for form in forms}


def date_count(text: str, day: datetime.date, locale: str) -> int:
    """How often the date is written: the locale's month name (any form) with
    the day and the year close by, in any order ("1. August 2024", "10 and 11
    February", "2025. február 10–11.", "2024 m. rugpjūčio 1 d.")."""
    folded = text.casefold()
    starts = set()
    for form in month_forms(locale, day.month):
        for match in re.finditer(re.escape(form), folded):
            window = folded[max(0, match.start() - 30): match.end() + 30]
            if str(day.year) in window and re.search(rf"(?<!\d){day.day}(?!\d)", window):
                starts.add(match.start())
    return len(starts)


def line_of(text: str, needle: str) -> int:
    index = text.find(needle)
    return text[:index].count("\n") + 1 if index >= 0 else 1


def footnotes(body: str) -> dict[str, set[str]]:
    return {label: set(URL.findall(rest)) for label, rest in FOOTNOTE.findall(body)}


def targets(body: str) -> set[str]:
    return set(INLINE_LINK.findall(body)) | set(HTML_LINK.findall(body)) | {f"[{key}]" for key in REFERENCE_LINK.findall(body)}


def compare_page(english: str, translated: str, locale: str, names: list[str]) -> list[tuple[int, str]]:
    """Each way the translated page (Markdown with front matter) loses a fact of
    the English one, with the line of the translation it concerns; for what
    is missing, the line of the English page that has it."""
    _, en_body, en_line = split_page(english)
    _, body, body_line = split_page(translated)
    problems: list[tuple[int, str]] = []

    def at(needle: str) -> int:
        return body_line - 1 + line_of(body, needle)

    def english_at(pattern: str) -> str:
        match = re.search(pattern, en_body)
        number = en_line + en_body.count("\n", 0, match.start()) if match else 1
        return f" (English line {number})"

    en_ids, ids = HEADING_ID.findall(en_body), HEADING_ID.findall(body)
    problems += [(1, f"the heading id '#{i}' is missing{english_at(re.escape(f'#{i}'))}; keep {{ #{i} }} at the end "
                     "of the same heading") for i in en_ids if i not in ids]
    problems += [(at(f"#{i}"), f"the heading id '#{i}' is not in English; keep the English ids") for i in ids if i not in en_ids]

    en_targets, own_targets = targets(en_body), targets(body)
    problems += [(1, f"the link to '{t}' is missing{english_at(re.escape(t))}; every link of the English page stays")
                 for t in sorted(en_targets - own_targets)]
    problems += [(at(t), f"the link to '{t}' is not in English; keep the English link targets") for t in sorted(own_targets - en_targets)]

    en_notes, notes = footnotes(en_body), footnotes(body)
    for label, urls in en_notes.items():
        if label not in notes:
            problems.append((1, f"the footnote [^{label}] is missing{english_at(re.escape(f'[^{label}]:'))}"))
        elif urls != notes[label]:
            problems.append((at(f"[^{label}]:"), f"the footnote [^{label}] must give the same addresses as in English: {', '.join(sorted(urls))}"))
    problems += [(at(f"[^{label}]:"), f"the footnote [^{label}] is not in English") for label in notes if label not in en_notes]

    # Each number and date as often as English gives it: a changed one is missing
    # even where the same value is also in a footnote's title.
    en_text, text = prose(en_body), prose(body)
    found = local_numbers(text, locale)
    for written, times in sorted(english_numbers(en_text).items()):
        value = float(written.replace(",", ""))
        # A version or an identifier ("WCAG 2.2", "arXiv 2403.14") stays as English writes it.
        verbatim = len(re.findall(rf"(?<![\d.,]){re.escape(written)}(?![\d])", text))
        if found[value] < times and verbatim < times:
            where = english_at(rf"(?<![\w.,/-]){re.escape(written)}(?![\w])")
            problems.append((1, f"the number {written} is missing{where}; write it in digits, as the language writes numbers"))
    for (d, month, year), times in sorted(Counter(ENGLISH_DATE.findall(en_text)).items()):
        day = datetime.date(int(year), MONTHS.index(month) + 1, int(d))
        if date_count(text, day, locale) < times:
            where = english_at(re.escape(f"{d} {month} {year}"))
            problems.append((1, f"the date {day.isoformat()} is missing{where}; write it as '{format_date(day, 'long', locale=locale)}'"))

    problems += [(1, f"'{name}' is missing{english_at(re.escape(name))}; names stay as they are")
                 for name in names if name in en_body and name not in body]

    en_lines = {line.strip() for line in en_body.splitlines()}
    for number, line in enumerate(body.splitlines(), start=body_line):
        stripped = line.strip()
        if (len(stripped) >= VERBATIM_LENGTH and stripped in en_lines
                and not stripped.startswith(("[^", "*[", "<", "[", "http"))):
            problems.append((number, "this line is the English text, word for word; translate it"))
    return problems


def keys_and_placeholders(english, own, where: str = "") -> list[str]:
    """A language file against English's: the same keys, each value with its placeholders."""
    if isinstance(english, dict):
        if not isinstance(own, dict):
            return [f"'{where}' must have the keys {', '.join(english)}"]
        found = [f"'{where}{key}' is missing" for key in english if key not in own]
        found += [f"'{where}{key}' is not a key of the English file" for key in own if key not in english]
        for key in english:
            if key in own:
                found += keys_and_placeholders(english[key], own[key], f"{where}{key}.")
        return found
    lost = set(PLACEHOLDER.findall(str(english))) - set(PLACEHOLDER.findall(str(own)))
    return [f"'{where.rstrip('.')}' must keep {', '.join(sorted(lost))}"] if lost else []


def speaker_names(root: Path) -> list[str]:
    speakers = yaml.safe_load((root / "data" / "speakers.yml").read_text(encoding="utf-8")) or []
    return sorted({value for speaker in speakers for value in (speaker.get("name"), speaker.get("organisation")) if value})


def check_language_files(root: Path, code: str) -> list[tuple[str, int, str]]:
    problems = []
    for name in ("_language.yml", "_terms.yml"):
        own_path, english_path = root / "docs" / code / name, root / "docs" / BASE / name
        if not own_path.is_file():
            continue  # make check lists it as missing
        try:
            own = yaml.safe_load(own_path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            problems.append((f"docs/{code}/{name}", 1, f"not valid YAML ({getattr(error, 'problem', error)})"))
            continue
        english = yaml.safe_load(english_path.read_text(encoding="utf-8"))
        problems += [(f"docs/{code}/{name}", 1, message) for message in keys_and_placeholders(english, own)]
    return problems


def check_page(root: Path, code: str, uri: str) -> list[tuple[str, int, str]]:
    """The page's problems as (file from the root, line, message)."""
    english = (root / "docs" / BASE / uri).read_text(encoding="utf-8")
    translated = (root / "docs" / code / uri).read_text(encoding="utf-8")
    return [(f"docs/{code}/{uri}", line, message)
            for line, message in compare_page(english, translated, locale_of(code, root), speaker_names(root))]


def check_language(root: Path, code: str, pages: list[str] | None = None) -> list[tuple[str, int, str]]:
    """The language's files and its pages (all those with an English original, or those given)."""
    folder = root / "docs" / code
    if pages is None:
        pages = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md")
                       if not p.name.startswith("_") and (root / "docs" / BASE / p.relative_to(folder)).is_file())
    problems = check_language_files(root, code)
    for uri in pages:
        problems += check_page(root, code, uri)
    return problems


def main(codes: list[str]) -> int:
    codes = codes or [row["code"] for row in rows(ROOT) if row["code"] != BASE and (ROOT / "docs" / row["code"]).is_dir()]
    problems = [problem for code in codes for problem in check_language(ROOT, code)]
    for path, line, message in problems:
        print(f"{path}:{line}: {message}", file=sys.stderr)
    if problems:
        print(f"\n{len(problems)} problem(s) in the translations above.", file=sys.stderr)
        return 1
    print(f"The translations keep the English pages' facts: {', '.join(codes)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
