"""Quorum and voting thresholds: pure rules, evaluated rather than typed."""

from __future__ import annotations

import pytest

from app.domain.enums import DecisionMethod, QuorumRule, Threshold
from app.domain.quorum import evaluate_decision, evaluate_quorum, evaluate_vote, required_for


@pytest.mark.parametrize("rule, members, required", [
    (QuorumRule.MAJORITY_OF_MEMBERS, 9, 5), (QuorumRule.MAJORITY_OF_MEMBERS, 10, 6),
    (QuorumRule.TWO_THIRDS_OF_MEMBERS, 9, 6), (QuorumRule.TWO_THIRDS_OF_MEMBERS, 10, 7),
    (QuorumRule.TWO_THIRDS_OF_MEMBERS, 3, 2), (QuorumRule.NONE, 9, 0), (QuorumRule.MAJORITY_OF_MEMBERS, 0, 0),
])
def test_required(rule: QuorumRule, members: int, required: int) -> None:
    assert required_for(rule, members) == required


def test_reached_or_not() -> None:
    assert evaluate_quorum(QuorumRule.MAJORITY_OF_MEMBERS, 9, 5).reached
    assert not evaluate_quorum(QuorumRule.MAJORITY_OF_MEMBERS, 9, 4).reached
    assert evaluate_quorum(QuorumRule.NONE, 9, 0).reached
    with pytest.raises(ValueError):
        evaluate_quorum(QuorumRule.NONE, -1, 0)


@pytest.mark.parametrize("threshold, votes, adopted", [
    (Threshold.SIMPLE_MAJORITY, (5, 4, 3), True),
    (Threshold.SIMPLE_MAJORITY, (4, 4, 1), False),  # a tie fails
    (Threshold.SIMPLE_MAJORITY, (1, 0, 8), True),  # abstentions are not votes cast
    (Threshold.TWO_THIRDS, (6, 3, 0), True),  # exactly two thirds
    (Threshold.TWO_THIRDS, (5, 3, 0), False),
    (Threshold.TWO_THIRDS, (0, 0, 5), False),
    (Threshold.CONSENSUS, (7, 0, 2), True),  # standing aside does not block
    (Threshold.CONSENSUS, (7, 1, 0), False),
])
def test_thresholds(threshold: Threshold, votes: tuple[int, int, int], adopted: bool) -> None:
    result = evaluate_vote(threshold, *votes)
    assert result.adopted is adopted
    assert result.cast == votes[0] + votes[1]


def test_votes_needed_and_consensus_method() -> None:
    assert evaluate_vote(Threshold.SIMPLE_MAJORITY, 2, 3, 0).needed == 4
    assert evaluate_vote(Threshold.TWO_THIRDS, 2, 3, 0).needed == 6
    assert evaluate_decision(DecisionMethod.CONSENSUS, Threshold.TWO_THIRDS, None, None, None).adopted
    assert not evaluate_decision(DecisionMethod.VOTE, Threshold.SIMPLE_MAJORITY, None, None, None).adopted
    with pytest.raises(ValueError):
        evaluate_vote(Threshold.CONSENSUS, -1, 0, 0)
