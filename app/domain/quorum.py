"""Pure rules of quorum and voting: how many member organisations a meeting needs, and whether a vote passed.

The quorum counts member organisations, not people: an organisation is present when at least one of its
participants is present or online.  Abstentions are not votes cast: a simple majority needs more votes for
than against, two thirds needs at least twice as many for as against, and a vote under the consensus
threshold passes when nobody objects.  A decision taken by consensus has no counts and is adopted.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.enums import DecisionMethod, QuorumRule, Threshold


@dataclass(frozen=True)
class QuorumCheck:
    rule: QuorumRule
    members: int
    present: int
    required: int

    @property
    def reached(self) -> bool:
        return self.present >= self.required


def required_for(rule: QuorumRule, members: int) -> int:
    """Member organisations needed: more than half, or at least two thirds (rounded up); 0 without a rule."""
    if members <= 0 or rule is QuorumRule.NONE:
        return 0
    if rule is QuorumRule.MAJORITY_OF_MEMBERS:
        return members // 2 + 1
    return -(-2 * members // 3)


def evaluate_quorum(rule: QuorumRule, members: int, present: int) -> QuorumCheck:
    if members < 0 or present < 0:
        raise ValueError("counts cannot be negative")
    return QuorumCheck(rule=rule, members=members, present=present, required=required_for(rule, members))


@dataclass(frozen=True)
class VoteResult:
    """The outcome of a decision: adopted or not, and the votes it took (``cast`` leaves abstentions out)."""

    adopted: bool
    votes_for: int
    votes_against: int
    abstentions: int
    needed: int  # votes for needed to pass with the votes against as they are

    @property
    def cast(self) -> int:
        return self.votes_for + self.votes_against


def votes_needed(threshold: Threshold, votes_against: int) -> int:
    if threshold is Threshold.SIMPLE_MAJORITY:
        return votes_against + 1
    if threshold is Threshold.TWO_THIRDS:
        return max(1, 2 * votes_against)
    return 1  # consensus: at least one for, and nobody against


def evaluate_vote(threshold: Threshold, votes_for: int, votes_against: int, abstentions: int) -> VoteResult:
    if min(votes_for, votes_against, abstentions) < 0:
        raise ValueError("counts cannot be negative")
    needed = votes_needed(threshold, votes_against)
    adopted = votes_for >= needed
    if threshold is Threshold.CONSENSUS:
        adopted = votes_for > 0 and votes_against == 0
    return VoteResult(adopted, votes_for, votes_against, abstentions, needed)


def evaluate_decision(method: DecisionMethod, threshold: Threshold, votes_for: int | None,
                      votes_against: int | None, abstentions: int | None) -> VoteResult:
    """A consensus decision is adopted as recorded; a vote is counted against its threshold."""
    if method is DecisionMethod.CONSENSUS:
        return VoteResult(True, 0, 0, 0, 0)
    return evaluate_vote(threshold, votes_for or 0, votes_against or 0, abstentions or 0)
