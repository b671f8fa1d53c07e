"""The rich-text subset of the minutes: parsing, the canonical form, HTML for the editor, differences."""

from __future__ import annotations

import random

import pytest

from app.domain import minutes_text as mt
from app.domain.minutes_text import Block, Run, Segment


def test_paragraphs_bullets_and_emphasis() -> None:
    text = "The **VGT** met *in camera*.\n\n- first point\n- second, ***very*** important\n\nClosing words."
    blocks = mt.parse(text)
    assert [b.kind for b in blocks] == ["paragraph", "bullet", "bullet", "paragraph"]
    assert blocks[0].runs == (Run("The "), Run("VGT", bold=True), Run(" met "), Run("in camera", italic=True), Run("."))
    assert blocks[2].runs == (Run("second, "), Run("very", bold=True, italic=True), Run(" important"))
    assert mt.serialize(blocks) == text


def test_asterisks_that_mark_nothing_stay_text() -> None:
    assert mt.parse("2 * 3 = 6")[0].runs == (Run("2 * 3 = 6"),)
    assert mt.parse("**never closed")[0].runs == (Run("**never closed"),)
    assert mt.parse("a \\*literal\\* star")[0].runs == (Run("a *literal* star"),)


def test_line_breaks_inside_a_paragraph_and_a_bullet() -> None:
    text = "Line one\nline two\n\n- a bullet\n  that goes on"
    blocks = mt.parse(text)
    assert blocks == [Block("paragraph", (Run("Line one\nline two"),)), Block("bullet", (Run("a bullet\nthat goes on"),))]
    assert mt.serialize(blocks) == text


def test_canonical_form_escapes_what_would_change_meaning() -> None:
    blocks = [Block("paragraph", (Run("- not a bullet * nor italic \\ "),)),
              Block("paragraph", (Run("bold ", bold=True), Run("then plain"),))]
    text = mt.serialize(blocks)
    assert text == "\\- not a bullet \\* nor italic \\\\\n\n**bold** then plain"
    assert mt.parse(text) == [Block("paragraph", (Run("- not a bullet * nor italic \\"),)),
                              Block("paragraph", (Run("bold", bold=True), Run(" then plain")))]


def test_empty_blocks_and_blank_lines_disappear() -> None:
    blocks = [Block("paragraph", ()), Block("paragraph", (Run("  "),)), Block("bullet", (Run(" x "),))]
    assert mt.serialize(blocks) == "- x"
    assert mt.normalise("\n\n\nHello   \n\n\n\nWorld\n") == "Hello\n\nWorld"
    assert mt.parse("") == []


@pytest.mark.parametrize("seed", range(200))
def test_round_trip_of_random_blocks(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = ["word", " ", "é", "*", "-", "\\", "x", "\n", "Œuvre", "…", "2"]
    blocks = []
    for _ in range(rng.randint(1, 5)):
        runs = tuple(Run("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6))), rng.random() < 0.3,
                         rng.random() < 0.3) for _ in range(rng.randint(1, 4)))
        blocks.append(Block(rng.choice(["paragraph", "bullet"]), runs))
    text = mt.serialize(blocks)
    assert mt.serialize(mt.parse(text)) == text  # the canonical form is a fixed point
    # and it keeps every character with its formatting, once spaces at the edges are tidied
    kept = [Block(b.kind, mt.tidy_runs(b.runs)) for b in blocks]
    assert mt.parse(text) == [b for b in kept if b.runs]


def test_html_for_the_editor() -> None:
    html = mt.to_html("Hello <b>&** **you**\n\n- *one*\n- two\n\nend")
    assert html == ("<p>Hello &lt;b&gt;&amp;** <b>you</b></p><ul><li><i>one</i></li><li>two</li></ul><p>end</p>")
    assert mt.to_plain("**A**\n\n- b") == "A\n\n• b"


def test_word_differences() -> None:
    segments = mt.diff("The VGT noted the report.", "The VGT approved the report in full.")
    assert segments == [Segment("equal", "The VGT "), Segment("delete", "noted"), Segment("insert", "approved"),
                        Segment("equal", " the report"), Segment("insert", " in full"), Segment("equal", ".")]
    assert not mt.has_changes(mt.diff("same", "same"))
    assert mt.diff("", "new") == [Segment("insert", "new")]
