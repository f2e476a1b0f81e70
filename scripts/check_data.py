"""Check the data the figures are drawn from, and the words each page gives them.

- data/timeline.yml, partners.yml, openeurollm.yml and gradient.yml against their
  schemas in schemas/ (a date that does not exist, a partner without a country,
  a source that is not an https:// address...), and against each other;
- every page that shows a figure (<figure class="oss-figure" data-figure="NAME">)
  gives the figure's words in its front matter (figures.NAME), one per entry in
  data/, so a missing word in any language is named with its file and line.

scripts/check_content.py (make check) runs this and prints what it finds;
hooks/figures.py runs it before drawing, so a build stops at the same problems.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import yaml
from check_content import Problem, explain, front_matter, line_of
from referencing import Registry, Resource

ROOT = Path(__file__).resolve().parent.parent
# The data files the figures are drawn from, each with its schema.
FILES = ["timeline", "partners", "openeurollm", "gradient"]
# The figures a page can show; each is drawn by overrides/partials/figures/NAME.html.
FIGURES = ["gradient", "timeline", "consortium", "numbers", "speakers"]
MARKER = re.compile(r'<figure class="oss-figure" data-figure="([^"]*)"')


class TextDates(yaml.SafeLoader):
    """Reads dates as the text they are written as, so that a date that does
    not exist (2025-02-30) reaches the schema, which names its line, instead of
    stopping PyYAML with an error that names neither file nor line."""


TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(path: Path) -> tuple[object, list[Problem]]:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=TextDates), []
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return None, [Problem(path, mark.line + 1 if mark else 1, f"not valid YAML ({getattr(error, 'problem', error)})")]


def validator(root: Path, name: str) -> jsonschema.Draft202012Validator:
    """A schema from schemas/, able to refer to data.defs.json, the shared shapes."""
    schemas = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in (root / "schemas").glob("*.json")}
    registry = Registry().with_resources(
        (file, Resource.from_contents(schema)) for file, schema in schemas.items())
    return jsonschema.Draft202012Validator(schemas[name], registry=registry,
                                           format_checker=jsonschema.FormatChecker())


def words_of(error: jsonschema.ValidationError, where: str) -> str:
    """explain(), plus the errorMessage of a failed format (a date that does not exist)."""
    if error.validator == "format" and "errorMessage" in error.schema:
        return f"'{where}': '{error.instance}' {error.schema['errorMessage']}"
    return explain(error, where)


def entry_named(data, path: list) -> tuple[str, list]:
    """'entry 3 (eosa-launch): ' for a list file, counting from 1 as an editor would."""
    if isinstance(data, list) and path and isinstance(path[0], int) and path[0] < len(data):
        entry = data[path[0]]
        name = entry.get("id") if isinstance(entry, dict) else None
        return f"entry {path[0] + 1}{f' ({name})' if name else ''}: ", path[1:]
    return "", path


def schema_problems(root: Path, name: str, data) -> list[Problem]:
    path = root / "data" / f"{name}.yml"
    text = path.read_text(encoding="utf-8")
    problems = []
    for error in sorted(validator(root, f"{name}.schema.json").iter_errors(data), key=str):
        where = list(error.absolute_path)
        prefix, rest = entry_named(data, where)
        problems.append(Problem(path, 1 + line_of(text, where),
                                f"{prefix}{words_of(error, '.'.join(map(str, rest)))} (see schemas/{name}.schema.json)"))
    return problems


def relation_problems(root: Path, data: dict) -> list[Problem]:
    """What a schema cannot say: ids used once, an end after its start, a level
    that exists, no more confirmed partners than the project has."""
    problems = []

    def at(name: str, where: list, message: str) -> None:
        path = root / "data" / f"{name}.yml"
        problems.append(Problem(path, 1 + line_of(path.read_text(encoding="utf-8"), where), message))

    for name in ("timeline", "partners"):
        seen = set()
        for i, entry in enumerate(data[name]):
            if entry["id"] in seen:
                at(name, [i, "id"], f"the id '{entry['id']}' is used twice; give each entry its own")
            seen.add(entry["id"])
    for i, event in enumerate(data["timeline"]):
        if "end" in event and event["end"] <= event["date"]:
            at("timeline", [i, "end"], f"entry {i + 1} ({event['id']}): 'end' ({event['end']}) must come after 'date' ({event['date']})")

    gradient = data["gradient"]
    levels = gradient["levels"]["ids"]
    for where in (["mof", "from"], ["mof", "to"], ["osaid", "passes_from"]):
        value = gradient[where[0]][where[1]]
        if value not in levels:
            at("gradient", where, f"'{'.'.join(where)}': '{value}' is not one of the levels {levels}")
    if {gradient["mof"]["from"], gradient["mof"]["to"]} <= set(levels) and \
            levels.index(gradient["mof"]["from"]) > levels.index(gradient["mof"]["to"]):
        at("gradient", ["mof", "to"], "'mof.to' must not come before 'mof.from' among the levels")
    for i, example in enumerate(gradient["examples"]):
        if example["level"] not in levels:
            at("gradient", ["examples", i, "level"], f"example {example['id']}: '{example['level']}' is not one of the levels {levels}")

    project = data["openeurollm"]["partners"]
    if sum(project["by_type"].values()) != project["total"]:
        at("openeurollm", ["partners", "by_type"], f"'partners.by_type' adds up to {sum(project['by_type'].values())}, not to 'partners.total' ({project['total']})")
    for kind, most in project["by_type"].items():
        named = [p for p in data["partners"] if p["type"] == kind]
        if len(named) > most:
            at("partners", [data["partners"].index(named[most]), "type"],
               f"{len(named)} partners of type '{kind}', more than the {most} data/openeurollm.yml counts")
    return problems


def figure_data(root: Path = ROOT) -> tuple[dict, list[Problem]]:
    """The figures' data files, read and checked: (data, problems)."""
    data, problems = {}, []
    for name in FILES:
        data[name], found = load(root / "data" / f"{name}.yml")
        problems += found or schema_problems(root, name, data[name])
    speakers, found = load(root / "data" / "speakers.yml")
    data["speakers"] = speakers
    if problems or found:
        return data, problems
    return data, relation_problems(root, data)


def ids_needing_words(data: dict) -> dict[tuple[str, str], list[str]]:
    """(figure, key in its words) -> the ids in data/ that each need words there."""
    partners = data["partners"]
    return {
        ("gradient", "levels"): data["gradient"]["levels"]["ids"],
        ("gradient", "classes"): data["gradient"]["mof"]["classes"],
        ("gradient", "examples"): [e["id"] for e in data["gradient"]["examples"]],
        ("timeline", "events"): [e["id"] for e in data["timeline"]],
        ("timeline", "tracks"): sorted({e["track"] for e in data["timeline"]}),
        ("consortium", "types"): list(data["openeurollm"]["partners"]["by_type"]),
        ("consortium", "roles"): sorted({p["role"] for p in partners if "role" in p}),
        ("speakers", "people"): [s["id"] for s in data["speakers"] or [] if isinstance(s, dict) and "id" in s],
    }


def key_line(text: str, keys: list[str]) -> int:
    """The line (from 0) of the last of these nested keys in a YAML text: where
    words are missing, the key that should hold them, not its first entry."""
    node, line = yaml.compose(text), 0
    for key in keys:
        pair = next(((k, v) for k, v in node.value if k.value == key), None)
        line, node = pair[0].start_mark.line, pair[1]
    return line


def page_problems(root: Path, data: dict, language: str = "*") -> list[Problem]:
    """Every figure a page shows is one we draw, and the page gives all its words."""
    schema = validator(root, "figure-words.schema.json")
    needed = ids_needing_words(data)
    problems = []
    for page in sorted((root / "docs").glob(f"{language}/**/*.md")):
        text = page.read_text(encoding="utf-8")
        shown = [(m.group(1), text.count("\n", 0, m.start()) + 1) for m in MARKER.finditer(text)]
        if not shown:
            continue
        meta, found = front_matter(page)
        if found:
            continue  # check_content.py reports the front matter itself
        head = text.split("\n---", 1)[0].removeprefix("---\n")
        figures = meta.get("figures") or {}
        for name, line in shown:
            if name not in FIGURES:
                problems.append(Problem(page, line, f"there is no figure '{name}'; the figures are {FIGURES}"))
                continue
            words = figures.get(name)
            if not isinstance(words, dict):
                problems.append(Problem(page, line, f"the figure '{name}' needs its words in the front matter, under figures.{name} (see schemas/figure-words.schema.json)"))
                continue
            sub = schema.evolve(schema={"$ref": f"figure-words.schema.json#/$defs/{name}"})
            for error in sorted(sub.iter_errors(words), key=str):
                where = ["figures", name, *error.absolute_path]
                problems.append(Problem(page, 2 + line_of(head, where),
                                        f"front matter {explain(error, '.'.join(map(str, where)))} (see schemas/figure-words.schema.json)"))
            for (figure, key), ids in needed.items():
                given = words.get(key) if figure == name else None
                if figure != name or not isinstance(given, dict):
                    continue
                for missing in [i for i in ids if i not in given]:
                    problems.append(Problem(page, 2 + key_line(head, ["figures", name, key]),
                                            f"front matter 'figures.{name}.{key}' has no words for '{missing}' from data/; add them"))
    return problems


def check_data(root: Path = ROOT, language: str = "*") -> list[Problem]:
    """The data, and the figures' words on the pages of one language (all by default)."""
    data, problems = figure_data(root)
    return problems or page_problems(root, data, language)

