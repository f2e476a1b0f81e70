"""Translations keep the facts: every language passes scripts/check_translations.py,
and each of its checks fails, naming the file and line, on a broken copy of a
real translation (a lost amount, date, link, footnote, heading id or name, an
English paragraph left in, a placeholder dropped from the interface words)."""

from __future__ import annotations

import pytest
import yaml
from check_translations import check_language, compare_page, keys_and_placeholders, speaker_names
from conftest import CODES, EN, ROOT, check, copy_project, line_with, replace_in

OTHERS = CODES[1:]


def read(path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("code", OTHERS)
def test_every_translation_keeps_the_english_facts(code):
    assert check_language(ROOT, code) == []


def problems_after(page: str, old: str, new: str, count: int = 1) -> list[tuple[int, str]]:
    """What the checks find in the French page with one change made to it."""
    french = read(ROOT / "docs" / "fr" / page)
    assert old in french, old
    return compare_page(read(ROOT / EN / page), french.replace(old, new, count), "fr", speaker_names(ROOT))


def test_a_changed_amount_is_found():
    line = line_with(ROOT / EN / "article.md", "€109 billion")
    assert problems_after("article.md", "annoncé 109 milliards", "annoncé 108 milliards") == [
        (1, f"the number 109 is missing (English line {line}); write it in digits, as the language writes numbers")]


def test_an_amount_is_read_the_way_the_language_writes_it():
    """"37,4" is 37.4 in French: changing it to "37.4" (English's way) leaves the
    French text without the number English gives."""
    found = problems_after("openeurollm.md", "37,4 millions", "37.5 millions", count=-1)
    line = line_with(ROOT / EN / "openeurollm.md", "€37.4")
    assert (1, f"the number 37.4 is missing (English line {line}); write it in digits, as the language writes numbers") in found


def test_a_changed_date_is_found():
    found = problems_after("article.md", "dimanche 9 février 2025", "dimanche 8 février 2025")
    line = line_with(ROOT / EN / "article.md", "9 February 2025")
    assert found == [(1, f"the date 2025-02-09 is missing (English line {line}); write it as '9 février 2025'")]


def test_a_dropped_link_is_found():
    found = problems_after("article.md", "(timeline.md)", "(webinar.md)")
    line = line_with(ROOT / EN / "article.md", "(timeline.md)")
    assert (1, f"the link to 'timeline.md' is missing (English line {line}); every link of the English page stays") in found


def test_a_changed_heading_id_is_found():
    found = problems_after("article.md", "{ #rules }", "{ #regles }")
    line = line_with(ROOT / EN / "article.md", "{ #rules }")
    assert (1, f"the heading id '#rules' is missing (English line {line}); keep {{ #rules }} at the end of the same heading") in found
    [line] = [n for n, message in found if "'#regles' is not in English" in message]
    assert line == line_with(ROOT / "docs" / "fr" / "article.md", "{ #rules }")


def test_a_footnote_with_another_address_is_found():
    found = problems_after("article.md", "ki-servicestelle/ai-act/Zeitplan.en.html", "ki-servicestelle/")
    line = line_with(ROOT / "docs" / "fr" / "article.md", "[^ai-act]:")
    assert (line, "the footnote [^ai-act] must give the same addresses as in English: "
                  "https://www.rtr.at/rtr/service/ki-servicestelle/ai-act/Zeitplan.en.html") in found


def test_a_lost_speaker_is_found():
    found = problems_after("speakers.md", "avec Johan Linåker, elle", "avec son collègue, elle")
    assert found == []  # still named in the heading above
    french = read(ROOT / "docs" / "fr" / "speakers.md").replace("Johan Linåker", "J. Linåker")
    found = compare_page(read(ROOT / EN / "speakers.md"), french, "fr", speaker_names(ROOT))
    line = line_with(ROOT / EN / "speakers.md", "Johan Linåker")
    assert (1, f"'Johan Linåker' is missing (English line {line}); names stay as they are") in found


def test_an_english_paragraph_left_in_is_found_with_its_line():
    english = read(ROOT / EN / "sign-up.md")
    body = english.split("\n---\n", 1)[1]
    paragraph = next(line for line in body.splitlines() if len(line) > 80 and not line.startswith(("[", "<", "-")))
    french = read(ROOT / "docs" / "fr" / "sign-up.md") + "\n" + paragraph + "\n"
    found = compare_page(english, french, "fr", speaker_names(ROOT))
    assert found == [(french.count("\n"), "this line is the English text, word for word; translate it")]


def test_a_copy_of_the_english_page_fails():
    english = read(ROOT / EN / "article.md")
    found = compare_page(english, english, "fr", speaker_names(ROOT))
    assert len([m for _, m in found if "English text, word for word" in m]) > 10


def test_the_interface_words_keep_every_key_and_placeholder():
    english = {"checked": "Facts checked on {date}", "translation": {"banner": "On {date}.", "english": "English"}}
    assert keys_and_placeholders(english, {"checked": "Geprüft am {datum}", "translation": {"banner": "Am {date}."}}) == [
        "'checked' must keep {date}", "'translation.english' is missing"]


def test_check_names_the_file_and_line_of_a_broken_translation(tmp_path):
    """make check runs the same checks on every translation that is up to date."""
    project = copy_project(tmp_path / "project", languages=("en", "fr"))
    replace_in(project / "docs" / "fr" / "speakers.md", "{ #johan-linaker }", "{ #linaker }")
    words = project / "docs" / "fr" / "_language.yml"
    french = yaml.safe_load(read(words))
    words.write_text(yaml.safe_dump({**french, "checked": french["checked"].replace("{date}", "{jour}")},
                                    allow_unicode=True), encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    line = line_with(project / "docs" / "fr" / "speakers.md", "{ #linaker }")
    assert f"docs/fr/speakers.md:{line}: the heading id '#linaker' is not in English; keep the English ids" in result.stderr
    assert "docs/fr/_language.yml:1: 'checked' must keep {date}" in result.stderr
