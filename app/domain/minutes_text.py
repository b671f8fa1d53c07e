"""The rich-text subset of the minutes: a small Markdown stored as plain text, its blocks, HTML and diffs.

Paragraphs are separated by blank lines; ``**bold**``, ``*italic*`` and ``***both***`` mark runs; a line
starting with ``- `` is a bullet.  A single line break inside a paragraph is kept (a bullet continues on a
line indented by two spaces); ``\\*``, ``\\\\`` and ``\\-`` at the start of a line are literal.  ``parse``
gives blocks of runs (for the PDF and DOCX writers and the editor), ``serialize`` writes blocks back in one
canonical form (``normalise(text)`` is that form), ``to_html`` gives the limited HTML a QTextEdit shows,
and ``diff`` compares two texts word by word for the differences against a circulated version.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["paragraph", "bullet"]
SegmentKind = Literal["equal", "insert", "delete"]

BULLET_PREFIX = "- "
CONTINUATION = "  "
_ESCAPES = re.compile(r"\\([\\*\-])")
# Emphasis markers, and escaped characters so that they are skipped as one token.
_TOKENS = re.compile(r"\\[\\*\-]|\*+")


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting; ``text`` may hold line breaks (``\\n``)."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    runs: tuple[Run, ...]

    @property
    def plain(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Segment:
    """A piece of a comparison: text both versions share, or that one of them has alone."""

    kind: SegmentKind
    text: str


# --- parsing ----------------------------------------------------------------------------------------------

def _lines_to_blocks(text: str) -> list[tuple[BlockKind, list[str]]]:
    blocks: list[tuple[BlockKind, list[str]]] = []
    current: tuple[BlockKind, list[str]] | None = None
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.rstrip()
        if not line.strip():
            current = None
            continue
        if line.startswith(BULLET_PREFIX) or line == "-":
            bullet: tuple[BlockKind, list[str]] = ("bullet", [line[len(BULLET_PREFIX):].strip()])
            blocks.append(bullet)
            current = bullet
        elif current is not None and current[0] == "bullet" and line.startswith(CONTINUATION):
            current[1].append(line.strip())
        elif current is not None and current[0] == "paragraph":
            current[1].append(line.strip())
        else:
            paragraph: tuple[BlockKind, list[str]] = ("paragraph", [line.strip()])
            blocks.append(paragraph)
            current = paragraph
    return blocks


def _unescape(text: str) -> str:
    return _ESCAPES.sub(r"\1", text)


def parse_inline(text: str) -> tuple[Run, ...]:
    """Runs of one block's text.  A run of stars closes what is open when it follows a non-space (all of it
    if it is long enough, else bold or italic), then opens bold (``**``), italic (``*``) or both (``***``)
    when a non-space follows and more stars come later; stars that do neither are text."""
    tokens = [(m.start(), m.end()) for m in _TOKENS.finditer(text) if not m.group().startswith("\\")]
    bold = italic = False
    runs: list[Run] = []
    position = 0

    def add(chunk: str, b: bool, i: bool) -> None:
        if chunk:
            runs.append(Run(chunk, b, i))

    for index, (start, end) in enumerate(tokens):
        length = end - start
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        closed_bold, closed_italic, closed = bold, italic, 0
        if not before.isspace() and (bold or italic):
            need = 2 * bold + italic
            if length >= need:
                closed, closed_bold, closed_italic = need, False, False
            elif length >= 2 and bold:
                closed, closed_bold = 2, False
            elif italic:
                closed, closed_italic = 1, False
        rest = length - closed
        opened = 0
        if 0 < rest <= 3 and not after.isspace() and index + 1 < len(tokens):
            wants_bold, wants_italic = rest >= 2, rest != 2
            if not (wants_bold and closed_bold) and not (wants_italic and closed_italic):
                opened = rest
        if not (closed or opened):
            continue
        add(_unescape(text[position:start]), bold, italic)
        add("*" * (rest - opened), closed_bold, closed_italic)
        bold = closed_bold or (opened >= 2)
        italic = closed_italic or (opened in (1, 3))
        position = end
    add(_unescape(text[position:]), bold, italic)
    if bold or italic:  # an opener whose closer never came after all: read the markers as text
        return (Run(_unescape(text)),)
    return _merged(runs)


def _merged(runs: Iterable[Run]) -> tuple[Run, ...]:
    result: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if result and (result[-1].bold, result[-1].italic) == (run.bold, run.italic):
            result[-1] = Run(result[-1].text + run.text, run.bold, run.italic)
        else:
            result.append(run)
    return tuple(result)


def parse(text: str) -> list[Block]:
    """The blocks of a stored text, in order."""
    return [Block(kind, parse_inline("\n".join(lines))) for kind, lines in _lines_to_blocks(text or "")]


# --- writing back ---------------------------------------------------------------------------------------------

def _escape_text(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("*", "\\*")
    return "\n".join(("\\" + line) if line.startswith("-") else line for line in escaped.split("\n"))


def _clean_runs(runs: Sequence[Run]) -> tuple[Run, ...]:
    """Runs of one block as stored: no blank lines inside, no spaces at line ends or at the block's edges."""
    joined = _merged(Run(re.sub(r"[ \t]*\n[ \t\n]*", "\n", r.text), r.bold, r.italic) for r in runs)
    cleaned = list(joined)
    while cleaned and not cleaned[0].text.strip():
        cleaned.pop(0)
    while cleaned and not cleaned[-1].text.strip():
        cleaned.pop()
    if cleaned:
        first, last = cleaned[0], cleaned[-1]
        cleaned[0] = Run(first.text.lstrip(), first.bold, first.italic)
        last = cleaned[-1]
        cleaned[-1] = Run(last.text.rstrip(), last.bold, last.italic)
    return _merged(cleaned)


def _edged(runs: Sequence[Run]) -> tuple[Run, ...]:
    """Formatting never starts or ends on a space (a marker there would not be read back): spaces at the
    edges of a bold or italic run, and runs of spaces alone, become plain."""
    out: list[Run] = []
    for run in runs:
        core = run.text.strip()
        if not core or not (run.bold or run.italic):
            out.append(Run(run.text))
            continue
        lead = run.text[: len(run.text) - len(run.text.lstrip())]
        trail = run.text[len(run.text.rstrip()):]
        out.extend((Run(lead), Run(core, run.bold, run.italic), Run(trail)))
    return _merged(out)


def _markers(bold: bool, italic: bool) -> str:
    return "*" * (2 * bold + italic)


def tidy_runs(runs: Sequence[Run]) -> tuple[Run, ...]:
    """The runs a block keeps when stored: line ends, block edges and formatting edges without spaces."""
    return _clean_runs(_edged(_clean_runs(runs)))


def serialize_runs(runs: Sequence[Run]) -> str:
    """One block's runs as stored text: at each change of formatting, close all that was open, then open."""
    out: list[str] = []
    state = (False, False)
    for run in tidy_runs(runs):
        if (run.bold, run.italic) != state:
            out.append(_markers(*state) + _markers(run.bold, run.italic))
            state = (run.bold, run.italic)
        out.append(_escape_text(run.text))
    out.append(_markers(*state))
    return "".join(out)


def serialize(blocks: Iterable[Block]) -> str:
    """The stored text of blocks: one canonical form, so equal content gives equal text."""
    parts: list[str] = []
    previous: BlockKind | None = None
    for block in blocks:
        body = serialize_runs(block.runs)
        if not body:
            continue
        if block.kind == "bullet":
            body = BULLET_PREFIX + body.replace("\n", "\n" + CONTINUATION)
            separator = "\n" if previous == "bullet" else "\n\n"
        else:
            separator = "\n\n"
        parts.append((separator if parts else "") + body)
        previous = block.kind
    return "".join(parts)


def normalise(text: str) -> str:
    return serialize(parse(text))


def to_plain(text: str) -> str:
    """Readable text without markers: bullets as ``•``, paragraphs apart."""
    lines = []
    for block in parse(text):
        lines.append(("• " if block.kind == "bullet" else "") + block.plain)
    return "\n\n".join(lines)


def to_html(text: str) -> str:
    """The limited HTML a QTextEdit shows: ``<p>``, ``<ul><li>``, ``<b>``, ``<i>``, ``<br/>``."""
    out: list[str] = []
    in_list = False
    for block in parse(text):
        if block.kind == "bullet" and not in_list:
            out.append("<ul>")
            in_list = True
        elif block.kind != "bullet" and in_list:
            out.append("</ul>")
            in_list = False
        inner = "".join(_run_html(run) for run in block.runs)
        out.append(f"<li>{inner}</li>" if block.kind == "bullet" else f"<p>{inner}</p>")
    if in_list:
        out.append("</ul>")
    return "".join(out)


def _run_html(run: Run) -> str:
    body = html.escape(run.text, quote=False).replace("\n", "<br/>")
    if run.italic:
        body = f"<i>{body}</i>"
    if run.bold:
        body = f"<b>{body}</b>"
    return body


# --- differences ---------------------------------------------------------------------------------------------

_WORDS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


def diff(old: str, new: str) -> list[Segment]:
    """Word-level differences from ``old`` to ``new`` (both canonical texts), adjacent pieces merged."""
    a = _WORDS.findall(old or "")
    b = _WORDS.findall(new or "")
    segments: list[Segment] = []

    def add(kind: SegmentKind, words: Sequence[str]) -> None:
        text = "".join(words)
        if not text:
            return
        if segments and segments[-1].kind == kind:
            segments[-1] = Segment(kind, segments[-1].text + text)
        else:
            segments.append(Segment(kind, text))

    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("equal", a[i1:i2])
        else:
            add("delete", a[i1:i2])
            add("insert", b[j1:j2])
    return segments


def has_changes(segments: Iterable[Segment]) -> bool:
    return any(segment.kind != "equal" for segment in segments)
