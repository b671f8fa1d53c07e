"""Meeting packages: a full meeting exported and imported back, idempotence, updates, bad files refused.

The fixtures build, with the ORM, a small meeting that uses every entity a package carries (a sub-item,
ordered presenters, minutes, decisions with votes, minutes versions and their circulation, actions owned by
a person and by an organisation, a document with two parallel versions, review requests, a review comment,
an approval with positions, status changes), plus a second meeting and a contact that a one-meeting
package must leave out.  The second meeting holds the soft links to the first (an item carried from one of
its items, an item and a decision about its minutes), so that a package of the first is closed and a
package of the second points outside itself.
"""

from __future__ import annotations

import hashlib
import inspect
import io
import json
import random
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from sqlalchemy import func, select, update
from sqlalchemy import inspect as sa_inspect

import app
import app.domain.enums as enums_module
from app.domain.enums import (
    ActionStatus,
    AgendaItemKind,
    ApprovalOutcome,
    Attendance,
    DecisionKind,
    DecisionMethod,
    Disposition,
    DocumentKind,
    DocumentStatus,
    ItemOutcome,
    Language,
    MeetingKind,
    MeetingStatus,
    MinutesVersionKind,
    QuorumRule,
    Relation,
    ReplyKind,
    Role,
    Sector,
    Stance,
    Threshold,
    TranslationStatus,
    Vote,
)
from app.domain.models import (
    ActionItem,
    ActionOwner,
    ActionUpdate,
    AgendaItem,
    Approval,
    ApprovalPosition,
    Circulation,
    CirculationRecipient,
    Decision,
    DecisionVote,
    Document,
    DocumentStatusChange,
    DocumentVersion,
    Meeting,
    MinutesEntry,
    MinutesVersion,
    Organisation,
    Participation,
    Person,
    ReviewComment,
    ReviewRequest,
    agenda_item_document,
    agenda_item_presenter,
)
from app.errors import NotFoundError, PackageError
from app.interchange import export_all, export_package, import_package, package_json
from app.interchange import reading as reading_module
from app.interchange.mapping import MODELS, fields
from app.interchange.schema import schema
from app.persistence.base import Base
from app.persistence.database import Database, open_database

REF = "VGT-2019-10"
OTHER_REF = "VGT-2020-04"
SCAN_V1 = b"%PDF-1.4\n% Environmental scan 2019, version 1\n" + bytes(range(256))
SCAN_V2 = "Analyse environnementale 2019, version 2 : « projet » révisé\n".encode() * 40
MINUTES_1 = '{"items":[{"text":"L’analyse a été présentée.","title":"Environmental scan"}]}'
MINUTES_2 = '{"items":[{"text":"L’analyse a été présentée et approuvée.","title":"Environmental scan"}]}'


def _open(path: Path) -> Iterator[Database]:
    database = open_database(path)
    yield database
    database.close()


@pytest.fixture
def source(tmp_path: Path) -> Iterator[Database]:
    """A database holding the meeting VGT-2019-10 and everything around it."""
    for database in _open(tmp_path / "source.sqlite"):
        _populate(database)
        yield database


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Database]:
    yield from _open(tmp_path / "empty.sqlite")


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def _populate(db: Database) -> None:
    with db.transaction() as s:
        rcmp = Organisation(
            name_en="Royal Canadian Mounted Police", name_fr="Gendarmerie royale du Canada", acronym_en="RCMP",
            acronym_fr="GRC", sector=Sector.LAW_ENFORCEMENT, country="CA", relation=Relation.MEMBER,
        )
        nca = Organisation(name_en="National Crime Agency", acronym_en="NCA", sector=Sector.LAW_ENFORCEMENT,
                           country="GB", relation=Relation.MEMBER, notes="Chair 2017–2019")
        ecpat = Organisation(name_en="ECPAT International", sector=Sector.NGO, relation=Relation.PARTNER, country="TH")
        stranger = Organisation(name_en="Unrelated Org", sector=Sector.ACADEMIA)
        amelie = Person(given_name="Amélie", family_name="Côté", organisation=rcmp, preferred_language=Language.FR,
                        email="amelie.cote@example.ca", time_zone="America/Toronto", title_fr="Surintendante")
        thor = Person(given_name="Thorbjørn", family_name="Jagland", organisation=ecpat, email=None)
        siobhan = Person(given_name="Siobhán", family_name="O'Neill", organisation=nca, phone="+44 20 7946 0000")
        nobody = Person(given_name="Nobody", family_name="Unreferenced", organisation=stranger)
        s.add_all([rcmp, nca, ecpat, stranger, amelie, thor, siobhan, nobody])

        meeting = Meeting(
            reference=REF, title_en="VGT Plenary, Montréal", title_fr="Plénière du VGT, Montréal",
            kind=MeetingKind.PLENARY, starts_at=at(2019, 10, 2, 13, 0), ends_at=at(2019, 10, 4, 21, 0),
            time_zone="America/Toronto", venue="Palais des congrès", city="Montréal", country="CA",
            host_organisation=rcmp, chair=amelie, secretary=siobhan, status=MeetingStatus.MINUTES_APPROVED,
            original_language=Language.FR, translation_status=TranslationStatus.VERIFIED,
            quorum_rule=QuorumRule.TWO_THIRDS_OF_MEMBERS, minutes_locked=True,
        )
        later = Meeting(reference=OTHER_REF, title_en="Board, The Hague", starts_at=at(2020, 4, 1, 8),
                        ends_at=at(2020, 4, 1, 16), time_zone="Europe/Amsterdam", kind=MeetingKind.BOARD,
                        quorum_rule=QuorumRule.NONE)
        opening = AgendaItem(meeting=meeting, position=0, title_en="Opening", title_fr="Ouverture",
                             kind=AgendaItemKind.OPENING, duration_minutes=15, outcome=ItemOutcome.NO_DECISION)
        scan_item = AgendaItem(meeting=meeting, position=1, title_en="Environmental scan",
                               title_fr="Analyse environnementale", kind=AgendaItemKind.DOCUMENT_APPROVAL,
                               duration_minutes=45, description_fr="Présentation du projet",
                               outcome=ItemOutcome.DECIDED, fixed_start=at(2019, 10, 3, 13))
        sub_item = AgendaItem(meeting=meeting, parent=scan_item, position=0, title_en="Comments from partners",
                              kind=AgendaItemKind.DISCUSSION, outcome=ItemOutcome.POSTPONED)
        previous_minutes = AgendaItem(meeting=later, position=0, title_en="Minutes of VGT-2019-10",
                                      kind=AgendaItemKind.PREVIOUS_MINUTES, outcome=ItemOutcome.DECIDED)
        carried = AgendaItem(meeting=later, position=1, title_en="Comments from partners (continued)")
        scan_item.presenters = [thor, amelie]
        document = Document(title_en="Environmental Scan 2019", title_fr="Analyse environnementale 2019",
                            kind=DocumentKind.ENVIRONMENTAL_SCAN, owner_organisation=rcmp,
                            status=DocumentStatus.APPROVED, publication_date=date(2019, 11, 1))
        scan_item.documents = [document]
        v1 = DocumentVersion(document=document, number=1, language=Language.EN, file_name="scan-v1.pdf",
                             media_type="application/pdf", size=len(SCAN_V1),
                             sha256=hashlib.sha256(SCAN_V1).hexdigest(), content=SCAN_V1, issued_on=date(2019, 8, 1))
        v2 = DocumentVersion(document=document, number=2, language=Language.FR, file_name="analyse-v2.txt",
                             media_type="text/plain", size=len(SCAN_V2),
                             sha256=hashlib.sha256(SCAN_V2).hexdigest(), content=SCAN_V2, note="Révisée",
                             review_deadline=date(2019, 9, 30))
        comment = ReviewComment(version=v1, position=0, organisation=nca, reviewer=siobhan,
                                reviewer_name="Siobhán O'Neill", section="§ 3.2", comment="Too long",
                                proposed_change="Shorten", disposition=Disposition.PARTLY_ACCEPTED,
                                received_on=date(2019, 9, 1))
        minutes = MinutesEntry(agenda_item=scan_item, text_en="The scan was presented.",
                               text_fr="L’analyse a été présentée.", original_language=Language.EN)
        thor_part = Participation(meeting=meeting, person=thor, organisation=ecpat, role=Role.SPEAKER,
                                  attendance=Attendance.ONLINE, arrived_at=at(2019, 10, 2, 13, 5, 7))
        chair_part = Participation(meeting=meeting, person=amelie, organisation=rcmp, role=Role.CHAIR,
                                   attendance=Attendance.PRESENT)
        sec_part = Participation(meeting=meeting, person=siobhan, organisation=nca, role=Role.SECRETARY)
        approve = Decision(meeting=meeting, agenda_item=scan_item, position=0, kind=DecisionKind.APPROVAL,
                           method=DecisionMethod.VOTE, votes_for=12, votes_against=0, abstentions=1,
                           text_en="The Board approved the environmental scan.",
                           text_fr="Le Conseil a approuvé l’analyse environnementale.",
                           threshold=Threshold.TWO_THIRDS, quorum_present=3, quorum_required=2)
        approve.votes = [DecisionVote(organisation=rcmp, vote=Vote.FOR), DecisionVote(organisation=nca, vote=Vote.ABSTAIN)]
        noting = Decision(meeting=meeting, position=1, kind=DecisionKind.NOTING,
                          text_en="Adopted its minutes at the closing session.")
        confirm = Decision(meeting=later, agenda_item=previous_minutes, position=0, kind=DecisionKind.NOTING,
                           method=DecisionMethod.VOTE, threshold=Threshold.SIMPLE_MAJORITY,
                           text_en="Confirmed the minutes of VGT-2019-10.")
        confirm.votes = [DecisionVote(organisation=nca, vote=Vote.AGAINST)]
        action = ActionItem(meeting=meeting, agenda_item=scan_item, position=0, text_en="Publish the scan",
                            due_date=date(2019, 12, 1), status=ActionStatus.IN_PROGRESS)
        action.owners = [ActionOwner(person=thor, position=0), ActionOwner(organisation=nca, position=1)]
        action.updates = [
            ActionUpdate(meeting=meeting, recorded_at=at(2019, 10, 4, 15), status=ActionStatus.IN_PROGRESS,
                         note="Translation under way"),
            ActionUpdate(meeting=later, recorded_at=at(2020, 4, 1, 9), note="Recorded at the next board"),
        ]
        bare_action = ActionItem(meeting=meeting, position=1, text_en="Circulate the minutes")
        approval = Approval(version=v2, meeting=meeting, decision=approve, outcome=ApprovalOutcome.APPROVED,
                            decided_on=date(2019, 10, 4), sha256=v2.sha256, method=DecisionMethod.VOTE,
                            note="Approved as amended")
        approval.positions = [ApprovalPosition(organisation=rcmp, stance=Stance.SUPPORTS),
                              ApprovalPosition(organisation=nca, stance=Stance.ABSTAINS)]
        elsewhere = Approval(version=v1, meeting=later, outcome=ApprovalOutcome.DEFERRED, decided_on=date(2020, 4, 1),
                             sha256=v1.sha256)
        s.add_all([meeting, later, opening, sub_item, comment, minutes, thor_part, chair_part, sec_part, noting,
                   bare_action, elsewhere, previous_minutes, carried, confirm])
        s.flush()
        # The rows of the workflow tables that have no relationship to set: by id, once the ids exist.
        v1.parallel_of_id = v2.id  # a link to a version that comes after it in the package
        v1.review_deadline = date(2019, 8, 31)
        carried.carried_from_id = sub_item.id
        previous_minutes.refers_to_meeting_id = meeting.id
        noting.approves_minutes_of_id = meeting.id
        confirm.approves_minutes_of_id = meeting.id
        draft = MinutesVersion(meeting=meeting, number=1, kind=MinutesVersionKind.CIRCULATED, content=MINUTES_1,
                               sha256=hashlib.sha256(MINUTES_1.encode()).hexdigest(), os_user="osecr")
        adopted = MinutesVersion(meeting=meeting, number=2, kind=MinutesVersionKind.APPROVED, content=MINUTES_2,
                                 sha256=hashlib.sha256(MINUTES_2.encode()).hexdigest(), os_user="osecr",
                                 reason="Amended in session", approved_on=date(2019, 10, 4),
                                 approved_by_decision_id=noting.id)
        s.add_all([draft, adopted])
        s.flush()
        circulation = Circulation(meeting_id=meeting.id, minutes_version_id=draft.id, sent_on=date(2019, 10, 3),
                                  deadline=date(2019, 10, 4))
        circulation.recipients = [
            CirculationRecipient(person=thor, replied_on=date(2019, 10, 3), reply=ReplyKind.COMMENTS,
                                 comments="Coquille au § 2"),
            CirculationRecipient(person=amelie),
        ]
        s.add_all([
            circulation,
            ReviewRequest(version_id=v1.id, organisation=nca, person=siobhan, sent_on=date(2019, 8, 1),
                          answered_on=date(2019, 9, 1)),
            ReviewRequest(version_id=v1.id, organisation=ecpat, sent_on=date(2019, 8, 1),
                          answered_on=date(2019, 8, 15), no_comments=True),
            DocumentStatusChange(document_id=document.id, version_id=v1.id, from_status=DocumentStatus.DRAFT,
                                 to_status=DocumentStatus.IN_REVIEW, changed_at=at(2019, 8, 1, 9),
                                 os_user="acote", reason="Sent to the partners"),
            DocumentStatusChange(document_id=document.id, version_id=v2.id, from_status=DocumentStatus.SUBMITTED,
                                 to_status=DocumentStatus.APPROVED, changed_at=at(2019, 10, 4, 15, 30),
                                 os_user="osecr", reason="Decision D1", meeting_id=meeting.id,
                                 agenda_item_id=scan_item.id),
        ])
        # Presenters in a chosen order (the relationship writes no position): Amélie first, then Thorbjørn.
        for person, position in ((amelie, 0), (thor, 1)):
            s.execute(update(agenda_item_presenter)
                      .where(agenda_item_presenter.c.agenda_item_id == scan_item.id,
                             agenda_item_presenter.c.person_id == person.id)
                      .values(position=position))


def uuid_of(db: Database, model: Any, **where: Any) -> str:
    with db.transaction() as s:
        return str(s.scalars(select(model.uuid).filter_by(**where)).one())


def row_counts(db: Database) -> dict[str, int]:
    """Rows per table, audit trail and link tables included."""
    with db.transaction() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t)) or 0 for t in Base.metadata.sorted_tables}


def read_zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def with_document(members: dict[str, bytes], change: Callable[[dict[str, Any]], None]) -> dict[str, bytes]:
    """The members with package.json edited by ``change``."""
    document = json.loads(members["package.json"])
    change(document)
    return members | {"package.json": json.dumps(document).encode()}  # \u-escaped: lone surrogates survive


@pytest.fixture
def exported(source: Database, tmp_path: Path) -> Path:
    return export_package(source, [REF], tmp_path / "meeting.chairdesk").path


# -- 1. round trip ----------------------------------------------------------------------------------------


def test_round_trip_gives_identical_package_json(source: Database, empty: Database, exported: Path) -> None:
    first = read_zip(exported)["package.json"].decode()
    assert first == package_json(source, [REF])
    import_package(empty, exported)
    assert package_json(empty, [REF]) == first
    assert package_json(empty, [uuid_of(source, Meeting, reference=REF)]) == first


def test_package_content(source: Database, exported: Path) -> None:
    members = read_zip(exported)
    text = members["package.json"].decode()
    assert "Gendarmerie royale du Canada" in text and "Thorbjørn" in text  # not \u-escaped
    doc = json.loads(text)
    assert text == json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert doc["format"] == "chairdesk-package" and doc["format_version"] == 1
    Draft202012Validator(schema()).validate(doc)
    for key in ("organisations", "people", "documents", "meetings"):
        assert [e["uuid"] for e in doc[key]] == sorted(e["uuid"] for e in doc[key])

    # Only what the meeting references: the unrelated contact and organisation stay home.
    assert {o["name_en"] for o in doc["organisations"]} == {
        "Royal Canadian Mounted Police", "National Crime Agency", "ECPAT International"}
    assert {p["family_name"] for p in doc["people"]} == {"Côté", "Jagland", "O'Neill"}
    people = {p["given_name"]: p["uuid"] for p in doc["people"]}
    orgs = {o["acronym_en"]: o["uuid"] for o in doc["organisations"]}

    [meeting] = doc["meetings"]
    assert meeting["reference"] == REF and meeting["chair"] == people["Amélie"]
    assert meeting["host_organisation"] == orgs["RCMP"]
    assert meeting["starts_at"] == "2019-10-02T13:00:00+00:00"
    assert meeting["original_language"] == "fr" and meeting["translation_status"] == "verified"
    assert meeting["created_at"].endswith("+00:00")
    titles = [i["title_en"] for i in meeting["agenda_items"]]
    assert titles == ["Opening", "Environmental scan", "Comments from partners"]
    opening, scan, sub = meeting["agenda_items"]
    assert sub["parent"] == scan["uuid"] and opening["parent"] is None
    assert scan["presenters"] == [people["Amélie"], people["Thorbjørn"]]
    assert scan["minutes"]["text_fr"] == "L’analyse a été présentée." and opening["minutes"] is None
    assert [d["position"] for d in meeting["decisions"]] == [0, 1]
    assert meeting["decisions"][0]["agenda_item"] == scan["uuid"] and meeting["decisions"][0]["votes_for"] == 12
    action = meeting["actions"][0]
    assert [(o["person"], o["organisation"]) for o in action["owners"]] == [
        (people["Thorbjørn"], None), (None, orgs["NCA"])]
    # The note recorded at the other meeting points outside the package: left out, not cut.
    assert [u["note"] for u in action["updates"]] == ["Translation under way"]
    assert {p["role"] for p in meeting["participations"]} == {"chair", "secretary", "speaker"}

    [document] = doc["documents"]
    assert scan["documents"] == [document["uuid"]]
    v1, v2 = document["versions"]
    assert (v1["number"], v2["number"]) == (1, 2)
    assert v2["file"] == "files/" + hashlib.sha256(SCAN_V2).hexdigest() and v2["size"] == len(SCAN_V2)
    assert v1["comments"][0]["reviewer"] == people["Siobhán"] and v1["comments"][0]["section"] == "§ 3.2"
    assert v1["approvals"] == []  # given at VGT-2020-04, which is not in the package
    [approval] = v2["approvals"]
    assert approval["decision"] == meeting["decisions"][0]["uuid"] and approval["sha256"] == v2["sha256"]
    assert {(p["organisation"], p["stance"]) for p in approval["positions"]} == {
        (orgs["RCMP"], "supports"), (orgs["NCA"], "abstains")}

    assert members["files/" + v1["sha256"]] == SCAN_V1 and members["files/" + v2["sha256"]] == SCAN_V2

    # The workflow of the meeting and of the document.
    assert meeting["quorum_rule"] == "two_thirds_of_members" and meeting["minutes_locked"] is True
    assert [i["outcome"] for i in meeting["agenda_items"]] == ["no_decision", "decided", "postponed"]
    assert scan["fixed_start"] == "2019-10-03T13:00:00+00:00"
    assert {i["carried_from"] for i in meeting["agenda_items"]} == {None}
    first, adopting = meeting["decisions"]
    assert (first["threshold"], first["quorum_present"], first["quorum_required"]) == ("two_thirds", 3, 2)
    assert {(v["organisation"], v["vote"]) for v in first["votes"]} == {(orgs["RCMP"], "for"), (orgs["NCA"], "abstain")}
    assert adopting["approves_minutes_of"] == meeting["uuid"] and adopting["votes"] == []
    draft, adopted = meeting["minutes_versions"]
    assert (draft["number"], draft["kind"], draft["content"]) == (1, "circulated", MINUTES_1)
    assert adopted["approved_by_decision"] == adopting["uuid"] and adopted["approved_on"] == "2019-10-04"
    [circulation] = meeting["circulations"]
    assert circulation["minutes_version"] == draft["uuid"] and circulation["deadline"] == "2019-10-04"
    replies = {r["person"]: (r["reply"], r["comments"]) for r in circulation["recipients"]}
    assert replies == {people["Thorbjørn"]: ("comments", "Coquille au § 2"), people["Amélie"]: (None, "")}
    assert v1["parallel_of"] == v2["uuid"] and v2["parallel_of"] is None
    assert (v1["review_deadline"], v2["review_deadline"]) == ("2019-08-31", "2019-09-30")
    ecpat = next(o["uuid"] for o in doc["organisations"] if o["name_en"] == "ECPAT International")
    assert {(r["organisation"], r["person"], r["no_comments"]) for r in v1["review_requests"]} == {
        (orgs["NCA"], people["Siobhán"], False), (ecpat, None, True)}
    assert [(c["from_status"], c["to_status"]) for c in document["status_changes"]] == [
        ("draft", "in_review"), ("submitted", "approved")]
    assert document["status_changes"][1]["meeting"] == meeting["uuid"]
    assert document["status_changes"][1]["agenda_item"] == scan["uuid"]
    assert document["status_changes"][1]["version"] == v2["uuid"]
    manifest = json.loads(members["manifest.json"])
    assert manifest["app_version"] == app.__version__ and manifest["exported_at"]
    assert sorted((f["path"], f["size"], f["sha256"]) for f in manifest["files"]) == sorted(
        (f"files/{hashlib.sha256(b).hexdigest()}", len(b), hashlib.sha256(b).hexdigest()) for b in (SCAN_V1, SCAN_V2))
    assert set(members) == {"package.json", "manifest.json", "files/" + v1["sha256"], "files/" + v2["sha256"]}


def test_export_summary_and_atomic_write(source: Database, tmp_path: Path) -> None:
    out = tmp_path / "out.chairdesk"
    out.write_bytes(b"an older export")
    summary = export_package(source, [REF, REF], out)
    assert summary.meetings == (REF,) and summary.organisations == 3 and summary.people == 3
    assert (summary.documents, summary.versions, summary.files) == (1, 2, 2)
    assert summary.file_bytes == len(SCAN_V1) + len(SCAN_V2)
    assert (summary.left_out_approvals, summary.left_out_updates) == (1, 1)
    assert zipfile.is_zipfile(out)
    assert sorted(p.name for p in tmp_path.iterdir() if "chairdesk" in p.name) == ["out.chairdesk"]
    with pytest.raises(PackageError, match="Cannot write"):
        export_package(source, [REF], tmp_path / "no-such-folder" / "x.chairdesk")


def test_export_all_round_trip(source: Database, empty: Database, tmp_path: Path) -> None:
    summary = export_all(source, tmp_path / "all.chairdesk")
    assert sorted(summary.meetings) == [REF, OTHER_REF]
    assert (summary.organisations, summary.people, summary.left_out_approvals, summary.left_out_updates) == (4, 4, 0, 0)
    result = import_package(empty, summary.path)
    assert result.created["meeting"] == 2 and result.created["approval"] == 2 and result.created["person"] == 4
    assert result.created["decision_vote"] == 3 and result.created["agenda_item"] == 5
    assert package_json(empty, None) == package_json(source, None)
    assert not import_package(empty, summary.path).changed
    # The links between the two meetings and within one kind were all resolved, none left empty.
    with empty.transaction() as s:
        carried = s.scalars(select(AgendaItem).where(AgendaItem.carried_from_id.is_not(None))).one()
        origin = s.get(AgendaItem, carried.carried_from_id)
        assert origin is not None and origin.title_en == "Comments from partners"
        assert s.scalar(select(func.count()).where(Decision.approves_minutes_of_id.is_not(None))) == 2
        assert s.scalar(select(func.count()).where(DocumentVersion.parallel_of_id.is_not(None))) == 1
    assert row_counts(empty)["document_version"] == 2


# -- 2. idempotence ---------------------------------------------------------------------------------------


def test_importing_twice_changes_nothing(empty: Database, exported: Path) -> None:
    first = import_package(empty, exported)
    assert first.created == {
        "organisation": 3, "person": 3, "document": 1, "document_version": 2, "meeting": 1, "agenda_item": 3,
        "minutes_entry": 1, "participation": 3, "decision": 2, "action_item": 2, "action_owner": 2,
        "action_update": 1, "review_comment": 1, "approval": 1, "approval_position": 2, "decision_vote": 2,
        "minutes_version": 2, "circulation": 1, "circulation_recipient": 2, "review_request": 2,
        "document_status_change": 2,
    }
    assert first.updated_total == 0 and first.meetings == (REF,)
    counts = row_counts(empty)
    assert counts["agenda_item_presenter"] == 2 and counts["agenda_item_document"] == 1
    assert counts["audit_event"] > 0
    second = import_package(empty, exported)
    assert (second.created_total, second.updated_total, second.changed) == (0, 0, False)
    assert row_counts(empty) == counts


def test_importing_into_the_database_it_came_from_changes_nothing(source: Database, exported: Path) -> None:
    counts = row_counts(source)
    summary = import_package(source, exported)
    assert not summary.changed
    assert row_counts(source) == counts


# -- 3. updates -------------------------------------------------------------------------------------------


def test_import_updates_changed_fields_without_duplicating(empty: Database, exported: Path, tmp_path: Path) -> None:
    import_package(empty, exported)
    before = row_counts(empty)
    original = json.loads(read_zip(exported)["package.json"])

    def edit(doc: dict[str, Any]) -> None:
        meeting = doc["meetings"][0]
        meeting["title_en"] = "VGT Plenary, Montréal (revised)"
        scan = meeting["agenda_items"][1]
        scan["presenters"].reverse()
        meeting["actions"][0]["owners"].pop()  # the organisation no longer owns the action
        doc["organisations"][0]["notes"] = "Édité"
        meeting["minutes_locked"], meeting["quorum_rule"] = False, "none"
        scan["outcome"] = "no_decision"
        decision = meeting["decisions"][0]
        decision["threshold"], decision["quorum_present"] = "simple_majority", None
        decision["votes"][0]["vote"] = "against"
        meeting["minutes_versions"][1]["approved_on"] = "2019-10-05"
        meeting["circulations"][0]["deadline"] = "2019-10-11"
        recipient = next(r for r in meeting["circulations"][0]["recipients"] if r["reply"] is None)
        recipient.update(reply="no_comments", replied_on="2019-10-04")
        version = doc["documents"][0]["versions"][0]
        version["review_deadline"] = None
        version["review_requests"][0]["answered_on"] = None
        doc["documents"][0]["status_changes"][0]["reason"] = "Envoyé aux partenaires"

    edited = write_zip(tmp_path / "edited.chairdesk", with_document(read_zip(exported), edit))
    summary = import_package(empty, edited)
    assert summary.created_total == 0
    assert summary.updated["meeting"] == 1 and summary.updated["agenda_item"] == 1
    assert summary.updated["organisation"] == 1 and summary.removed["action_owner"] == 1
    for kind in ("decision", "decision_vote", "minutes_version", "circulation", "circulation_recipient",
                 "document_version", "review_request", "document_status_change"):
        assert summary.updated[kind] == 1, kind
    after = row_counts(empty)
    assert after["meeting"] == before["meeting"] and after["action_owner"] == before["action_owner"] - 1
    assert after["audit_event"] > before["audit_event"]

    doc = json.loads(package_json(empty, [REF]))
    meeting = doc["meetings"][0]
    assert meeting["title_en"] == "VGT Plenary, Montréal (revised)"
    # The package's timestamps are kept, not replaced by the time of the import.
    assert meeting["updated_at"] == original["meetings"][0]["updated_at"]
    assert meeting["agenda_items"][1]["presenters"] == original["meetings"][0]["agenda_items"][1]["presenters"][::-1]
    assert len(meeting["actions"][0]["owners"]) == 1
    assert doc["organisations"][0]["notes"] == "Édité"
    assert doc == json.loads(with_document(read_zip(exported), edit)["package.json"])
    assert import_package(empty, edited).changed is False


def test_linked_lists_are_made_to_match_the_package(source: Database, exported: Path, tmp_path: Path) -> None:
    original = json.loads(read_zip(exported)["package.json"])
    people = {p["given_name"]: p["uuid"] for p in original["people"]}
    new_position = "22222222-2222-4222-8222-222222222222"

    def edit(doc: dict[str, Any]) -> None:
        meeting = doc["meetings"][0]
        scan = meeting["agenda_items"][1]
        scan["presenters"] = [people["Siobhán"], people["Amélie"]]
        scan["documents"] = []
        owners = meeting["actions"][0]["owners"]
        owners[0]["person"], owners[0]["organisation"] = None, doc["organisations"][0]["uuid"]
        positions = doc["documents"][0]["versions"][1]["approvals"][0]["positions"]
        positions[0]["uuid"] = new_position  # same organisation, another record: the old one must go first
        doc["documents"][0]["versions"][0]["note"] = "Première version"
        votes = meeting["decisions"][0]["votes"]
        votes[0]["uuid"] = new_vote  # the same: a vote is replaced, not added beside the old one
        votes.pop()

    new_vote = "44444444-4444-4444-8444-444444444444"
    edited = write_zip(tmp_path / "edited.chairdesk", with_document(read_zip(exported), edit))
    summary = import_package(source, edited)
    assert summary.created == {**{k: 0 for k in summary.created}, "approval_position": 1, "decision_vote": 1}
    assert summary.removed["approval_position"] == 1 and summary.removed["action_owner"] == 0
    assert summary.removed["decision_vote"] == 2
    assert summary.updated["action_owner"] == 1 and summary.updated["document_version"] == 1
    doc = json.loads(package_json(source, [REF]))
    scan = doc["meetings"][0]["agenda_items"][1]
    assert scan["presenters"] == [people["Siobhán"], people["Amélie"]] and scan["documents"] == []
    assert doc["meetings"][0]["actions"][0]["owners"][0]["person"] is None
    positions = doc["documents"][0]["versions"][1]["approvals"][0]["positions"]
    assert new_position in {p["uuid"] for p in positions} and len(positions) == 2
    assert doc["documents"][0]["versions"][0]["note"] == "Première version"
    assert [v["uuid"] for v in doc["meetings"][0]["decisions"][0]["votes"]] == [new_vote]
    with source.transaction() as s:
        assert s.scalar(select(func.count()).select_from(agenda_item_document)) == 0
        assert s.scalar(select(func.count()).select_from(ApprovalPosition)) == 2
    assert not import_package(source, edited).changed


def test_other_minutes_for_an_item_are_refused(empty: Database, exported: Path, tmp_path: Path) -> None:
    import_package(empty, exported)

    def change(doc: dict[str, Any]) -> None:
        doc["meetings"][0]["agenda_items"][1]["minutes"]["uuid"] = "33333333-3333-4333-8333-333333333333"

    bad = write_zip(tmp_path / "minutes.chairdesk", with_document(read_zip(exported), change))
    _assert_refused(empty, bad, "agenda item “Environmental scan” already has other minutes here")


# -- 4. bad packages --------------------------------------------------------------------------------------


def _missing_file(members: dict[str, bytes]) -> dict[str, bytes]:
    return {name: data for name, data in members.items() if not name.startswith("files/")}


def _swapped_file(members: dict[str, bytes]) -> dict[str, bytes]:
    name = next(n for n in members if n.startswith("files/"))
    return members | {name: b"not the approved text"}


def _drop_uuid(doc: dict[str, Any]) -> None:
    del doc["organisations"][0]["uuid"]


def _bad_enum(doc: dict[str, Any]) -> None:
    doc["meetings"][0]["kind"] = "picnic"


def _dangling(doc: dict[str, Any]) -> None:
    doc["meetings"][0]["chair"] = "00000000-0000-4000-8000-000000000000"


def _child_before_parent(doc: dict[str, Any]) -> None:
    doc["meetings"][0]["agenda_items"].reverse()


def _bad_date(doc: dict[str, Any]) -> None:
    doc["documents"][0]["publication_date"] = "2019-13-45"


def _bad_zone(doc: dict[str, Any]) -> None:
    doc["meetings"][0]["time_zone"] = "Mars/Olympus_Mons"


def _wrong_size(doc: dict[str, Any]) -> None:
    doc["documents"][0]["versions"][0]["size"] += 1


def _unknown_field(doc: dict[str, Any]) -> None:
    doc["people"][0]["shoe_size"] = 44


def _lone_surrogate(doc: dict[str, Any]) -> None:
    doc["meetings"][0]["title_fr"] = "Pl\ud800nière"


def _overflowing_time(doc: dict[str, Any]) -> None:
    doc["meetings"][0]["ends_at"] = "9999-12-31T23:00:00-05:00"


NOWHERE = "00000000-0000-4000-8000-000000000000"


def _vote_for_a_stranger(doc: dict[str, Any]) -> None:
    doc["meetings"][0]["decisions"][0]["votes"][0]["organisation"] = NOWHERE


def _vote_maybe(doc: dict[str, Any]) -> None:
    doc["meetings"][0]["decisions"][0]["votes"][0]["vote"] = "maybe"


def _vote_twice(doc: dict[str, Any]) -> None:
    votes = doc["meetings"][0]["decisions"][0]["votes"]
    votes[1]["organisation"] = votes[0]["organisation"]


def _minutes_number_twice(doc: dict[str, Any]) -> None:
    versions = doc["meetings"][0]["minutes_versions"]
    versions[1]["number"] = versions[0]["number"]


def _lock_as_number(doc: dict[str, Any]) -> None:
    doc["meetings"][0]["minutes_locked"] = 1


def _circulate_unknown_minutes(doc: dict[str, Any]) -> None:
    doc["meetings"][0]["circulations"][0]["minutes_version"] = NOWHERE


def _recipient_twice(doc: dict[str, Any]) -> None:
    recipients = doc["meetings"][0]["circulations"][0]["recipients"]
    recipients[1]["person"] = recipients[0]["person"]


def _review_request_twice(doc: dict[str, Any]) -> None:
    requests = doc["documents"][0]["versions"][0]["review_requests"]
    requests[1]["organisation"] = requests[0]["organisation"]


def _parallel_to_itself(doc: dict[str, Any]) -> None:
    version = doc["documents"][0]["versions"][0]
    version["parallel_of"] = version["uuid"]


def _status_change_of_unknown_version(doc: dict[str, Any]) -> None:
    doc["documents"][0]["status_changes"][0]["version"] = NOWHERE


def _soft_link_not_a_uuid(doc: dict[str, Any]) -> None:
    doc["meetings"][0]["agenda_items"][0]["carried_from"] = "item 3 of last year"


def _format(value: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        doc["format"] = value
    return change


def _version(value: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        doc["format_version"] = value
    return change


BAD_DOCUMENTS: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("wrong format", _format("something-else"), "is not a Chairdesk meeting package"),
    ("future version", _version(2), "made by a newer Chairdesk (package format 2)"),
    ("version not a number", _version("1"), 'unknown package format version: "1".'),
    ("missing uuid", _drop_uuid, "at $.organisations[0]: 'uuid' is a required property"),
    ("bad enum value", _bad_enum, "at $.meetings[0].kind: 'picnic' is not one of"),
    ("unknown field", _unknown_field, "at $.people[0]: Additional properties are not allowed"),
    ("dangling reference", _dangling, "$.meetings[0].chair refers to 00000000-0000-4000-8000-000000000000, which is not"),
    ("sub-item before its parent", _child_before_parent, "must come after its parent item"),
    ("impossible date", _bad_date, "at $.documents[0].publication_date: month must be in 1..12"),
    ("unknown time zone", _bad_zone, "at $.meetings[0].time_zone: unknown time zone"),
    ("size not the file's", _wrong_size, "says"),
    ("lone surrogate", _lone_surrogate, "at $.meetings[0].title_fr: 'utf-8' codec can't encode"),
    ("time beyond year 9999 in UTC", _overflowing_time, "at $.meetings[0].ends_at: date out of range"),
    ("vote of an organisation not in the package", _vote_for_a_stranger,
     f"$.meetings[0].decisions[0].votes[0].organisation refers to {NOWHERE}, which is not in the package"),
    ("vote not in the enumeration", _vote_maybe, "at $.meetings[0].decisions[0].votes[0].vote: 'maybe' is not one of"),
    ("two votes of one organisation", _vote_twice, "$.meetings[0].decisions[0].votes[1] repeats the vote of an"),
    ("two minutes versions with one number", _minutes_number_twice,
     "$.meetings[0].minutes_versions[1] repeats a minutes version number"),
    ("lock not a boolean", _lock_as_number, "at $.meetings[0].minutes_locked: 1 is not of type 'boolean'"),
    ("circulation of minutes not in the package", _circulate_unknown_minutes,
     f"$.meetings[0].circulations[0].minutes_version refers to {NOWHERE}"),
    ("one person twice in a circulation", _recipient_twice,
     "$.meetings[0].circulations[0].recipients[1] lists a person twice in one circulation"),
    ("one organisation asked twice to review", _review_request_twice,
     "$.documents[0].versions[0].review_requests[1] asks one organisation twice to review a version"),
    ("version parallel to itself", _parallel_to_itself,
     "$.documents[0].versions[0].parallel_of must name another version of the same document"),
    ("status change of a version not in the package", _status_change_of_unknown_version,
     f"$.documents[0].status_changes[0].version refers to {NOWHERE}, which is not in the package"),
    ("soft link not a UUID", _soft_link_not_a_uuid, "at $.meetings[0].agenda_items[0].carried_from:"),
]


def _assert_refused(db: Database, path: Path, message: str) -> None:
    before = row_counts(db)
    with pytest.raises(PackageError) as caught:
        import_package(db, path)
    text = str(caught.value)
    assert message in text, text
    assert "\n" not in text and "Traceback" not in text
    assert row_counts(db) == before


@pytest.mark.parametrize(("case", "change", "message"), BAD_DOCUMENTS, ids=[c[0] for c in BAD_DOCUMENTS])
def test_bad_package_json_is_refused(
    empty: Database, exported: Path, tmp_path: Path, case: str, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    bad = write_zip(tmp_path / "bad.chairdesk", with_document(read_zip(exported), change))
    _assert_refused(empty, bad, message)


@pytest.mark.parametrize(
    ("case", "make", "message"),
    [
        ("not a zip", lambda m: b"just some text, not a package", "bad.chairdesk is not a Chairdesk package (it is not a ZIP"),
        ("random bytes", lambda m: random.Random(7).randbytes(4096), "(it is not a ZIP file)"),
        ("empty file", lambda m: b"", "(it is not a ZIP file)"),
        ("no package.json", lambda m: {"manifest.json": m["manifest.json"]}, "it has no package.json"),
        ("invalid JSON", lambda m: m | {"package.json": b'{"format": "chairdesk-package",'}, "is not valid JSON"),
        ("not UTF-8", lambda m: m | {"package.json": b"\xff\xfe{}"}, "is not valid JSON"),
        ("duplicate key", lambda m: m | {"package.json": b'{"format": 1, "format": 2}'}, "duplicate key 'format'"),
        ("JSON not an object", lambda m: m | {"package.json": b"[1, 2]"}, "is not a Chairdesk meeting package"),
        ("file missing", _missing_file, "is incomplete: files/"),
        ("file does not match its hash", _swapped_file, "does not match its SHA-256"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_bad_archive_is_refused(
    empty: Database, exported: Path, tmp_path: Path, case: str, make: Callable[[dict[str, bytes]], Any], message: str
) -> None:
    content = make(read_zip(exported))
    bad = tmp_path / "bad.chairdesk"
    if isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        write_zip(bad, content)
    _assert_refused(empty, bad, message)


def test_truncated_zip_is_refused(empty: Database, exported: Path, tmp_path: Path) -> None:
    data = exported.read_bytes()
    bad = tmp_path / "bad.chairdesk"
    bad.write_bytes(data[: len(data) // 2])
    _assert_refused(empty, bad, "bad.chairdesk")


def test_corrupt_member_is_refused(empty: Database, tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("package.json", json.dumps({"format": "chairdesk-package"}) * 200)
    data = bytearray(buffer.getvalue())
    start = data.index(b"package.json") + len("package.json")  # the local header's name, then the deflated bytes
    for offset in range(start + 10, start + 60):
        data[offset] ^= 0x5A
    bad = tmp_path / "bad.chairdesk"
    bad.write_bytes(bytes(data))
    _assert_refused(empty, bad, "is damaged")


def test_missing_file_path_is_refused(empty: Database, tmp_path: Path) -> None:
    _assert_refused(empty, tmp_path / "nowhere.chairdesk", "Cannot read nowhere.chairdesk")


def test_zip_bombs_are_refused(
    empty: Database, exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    members = read_zip(exported)
    bomb = write_zip(tmp_path / "bomb.chairdesk", members | {"files/padding": bytes(3 * 1024 * 1024)})
    assert bomb.stat().st_size < 200_000  # three MiB of zeros deflate to almost nothing
    monkeypatch.setattr(reading_module, "MAX_MEMBER_BYTES", 1024 * 1024)
    _assert_refused(empty, bomb, "files/padding would unpack to 3,145,728 bytes, more than the limit of 1,048,576")
    monkeypatch.setattr(reading_module, "MAX_MEMBER_BYTES", 4 * 1024 * 1024)
    monkeypatch.setattr(reading_module, "MAX_TOTAL_BYTES", 2 * 1024 * 1024)
    _assert_refused(empty, bomb, "its content would unpack to")


def test_reference_used_by_another_meeting_is_refused(empty: Database, exported: Path) -> None:
    with empty.transaction() as s:
        s.add(Meeting(reference=REF, title_en="Someone else's meeting", starts_at=at(2019, 1, 1),
                      ends_at=at(2019, 1, 1), time_zone="UTC"))
    _assert_refused(empty, exported, f"the reference {REF} is already used by another meeting")


def test_changed_bytes_of_a_stored_version_are_refused(empty: Database, exported: Path, tmp_path: Path) -> None:
    import_package(empty, exported)
    members = read_zip(exported)
    forged = b"a different file under the same version"
    digest = hashlib.sha256(forged).hexdigest()

    def change(doc: dict[str, Any]) -> None:
        version = doc["documents"][0]["versions"][0]
        version.update(sha256=digest, size=len(forged), file=f"files/{digest}")

    bad = write_zip(tmp_path / "forged.chairdesk", with_document(members, change) | {f"files/{digest}": forged})
    _assert_refused(empty, bad, "a stored version never changes")


def test_a_second_record_of_one_participant_is_refused(empty: Database, exported: Path, tmp_path: Path) -> None:
    import_package(empty, exported)

    def change(doc: dict[str, Any]) -> None:
        doc["meetings"][0]["participations"][0]["uuid"] = "11111111-1111-4111-8111-111111111111"

    bad = write_zip(tmp_path / "twice.chairdesk", with_document(read_zip(exported), change))
    _assert_refused(empty, bad, "is already recorded for meeting VGT-2019-10")


def test_messages_go_through_gettext(empty: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bad.chairdesk"
    bad.write_bytes(b"nope")
    monkeypatch.setattr(reading_module, "_", lambda message: "[fr] " + message)
    with pytest.raises(PackageError, match=r"^\[fr\] bad.chairdesk is not a Chairdesk package"):
        import_package(empty, bad)


# -- 5. export errors -------------------------------------------------------------------------------------


def test_unknown_meeting_is_not_found(source: Database, tmp_path: Path) -> None:
    out = tmp_path / "x.chairdesk"
    with pytest.raises(NotFoundError, match="There is no meeting VGT-1999-01 in this database"):
        export_package(source, [REF, "VGT-1999-01"], out)
    assert not out.exists() and list(tmp_path.glob("*.part")) == []


# -- 6. the schema ----------------------------------------------------------------------------------------


def _enum_classes() -> list[type[StrEnum]]:
    return [cls for _name, cls in inspect.getmembers(enums_module, inspect.isclass)
            if issubclass(cls, StrEnum) and cls.__module__ == enums_module.__name__]


def test_schema_is_valid_draft_2020_12() -> None:
    document = schema()
    Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert (Path(app.__file__).parent / "interchange" / "chairdesk-package-1.schema.json").is_file()


def test_schema_enums_match_the_domain() -> None:
    defs = schema()["$defs"]
    classes = _enum_classes()
    assert len(classes) >= 26
    for cls in classes:
        assert defs[cls.__name__]["enum"] == [member.value for member in cls], cls.__name__
    # And no vocabulary in the schema that the domain does not have (a renamed or removed enumeration).
    assert {name for name, definition in defs.items() if "enum" in definition} == {cls.__name__ for cls in classes}


def test_schema_knows_every_column() -> None:
    """A column added to a model must be added to the schema, with the right enumeration."""
    defs = schema()["$defs"]
    nested = {  # what an entity holds besides its columns: its children and links, and a version's file
        "Document": {"versions", "status_changes"},
        "DocumentVersion": {"file", "comments", "review_requests", "approvals"},
        "Approval": {"positions"},
        "Meeting": {"agenda_items", "participations", "decisions", "actions", "minutes_versions", "circulations"},
        "AgendaItem": {"presenters", "documents", "minutes"},
        "Decision": {"votes"},
        "Circulation": {"recipients"},
        "ActionItem": {"owners", "updates"},
    }
    for model in MODELS:
        entity = defs[model.__name__]
        expected = {spec.key for spec in fields(model)}
        assert set(entity["properties"]) - nested.get(model.__name__, set()) == expected, model.__name__
        assert nested.get(model.__name__, set()) <= set(entity["properties"]), model.__name__
        assert set(entity["required"]) == set(entity["properties"]) and entity["additionalProperties"] is False
        for spec in fields(model):
            text = json.dumps(entity["properties"][spec.key])
            if spec.enum is not None:
                assert f'"#/$defs/{spec.enum.__name__}"' in text, (model.__name__, spec.key)
            assert ('"null"' in text) == spec.nullable, (model.__name__, spec.key)
            # A soft link says so, since it is the one kind of reference allowed to leave the package.
            assert ("Soft link" in text) == spec.soft, (model.__name__, spec.key)
            assert (spec.kind == "bool") == ('"boolean"' in text), (model.__name__, spec.key)


def test_schema_constrains_identifiers() -> None:
    validator = Draft202012Validator(schema()["$defs"]["uuid"] | {"$defs": schema()["$defs"]})
    assert validator.is_valid("0f8fad5b-d9cb-469f-a165-70867728950e")
    for bad in ("0F8FAD5B-D9CB-469F-A165-70867728950E", "0f8fad5b-d9cb-469f-a165-70867728950e\n", "42"):
        assert not validator.is_valid(bad)
    defs = schema()["$defs"]
    assert not Draft202012Validator(defs["sha256"]).is_valid("ab" * 31)
    assert Draft202012Validator(defs["country"]).is_valid("CA")
    assert not Draft202012Validator(defs["country"]).is_valid("can")
    assert not Draft202012Validator(defs["Language"]).is_valid("de")
    assert not Draft202012Validator(defs["date_time"]).is_valid("2019-10-02T13:00:00")  # no offset


def _uuids(value: Any) -> set[str]:
    """Every entity UUID of a package document."""
    if isinstance(value, dict):
        own = {value["uuid"]} if isinstance(value.get("uuid"), str) else set()
        return own.union(*(_uuids(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_uuids(v) for v in value))
    return set()


def test_import_into_a_fresh_database_keeps_every_value(source: Database, empty: Database, exported: Path) -> None:
    carried = _uuids(json.loads(read_zip(exported)["package.json"]))
    import_package(empty, exported)
    checked: dict[str, int] = {}
    with source.transaction() as s, empty.transaction() as t:
        for model in MODELS:
            entity: Any = model
            for row in s.scalars(select(entity)):
                twin = t.scalars(select(entity).where(entity.uuid == row.uuid)).one_or_none()
                assert (twin is not None) == (row.uuid in carried), (model.__name__, row.uuid)
                if twin is None:
                    continue
                checked[model.__name__] = checked.get(model.__name__, 0) + 1
                for column in sa_inspect(entity).column_attrs:
                    name = column.key
                    if name == "id" or (model is DocumentVersion and name == "content"):
                        continue
                    mine, theirs = getattr(row, name), getattr(twin, name)
                    if name.endswith("_id") and mine is not None:  # a key: the same row, by UUID
                        target = next(iter(column.columns[0].foreign_keys)).column.table
                        mine = s.scalar(select(target.c.uuid).where(target.c.id == mine))
                        theirs = t.scalar(select(target.c.uuid).where(target.c.id == theirs))
                    assert mine == theirs, (model.__name__, name)
        stored = t.scalars(select(DocumentVersion.content).order_by(DocumentVersion.number)).all()
        assert stored == [SCAN_V1, SCAN_V2]
    assert set(checked) == {model.__name__ for model in MODELS}



# -- 7. the workflow: clashes, soft links, what travels ----------------------------------------------------


def _other_uuid(doc: dict[str, Any], *path: Any) -> None:
    target: Any = doc
    for key in path:
        target = target[key]
    target["uuid"] = "55555555-5555-4555-8555-555555555555"


def _other_content(doc: dict[str, Any]) -> None:
    version = doc["meetings"][0]["minutes_versions"][0]
    version["content"] = '{"items":[]}'
    version["sha256"] = hashlib.sha256(b'{"items":[]}').hexdigest()


CLASHES: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("another minutes version 2", lambda d: _other_uuid(d, "meetings", 0, "minutes_versions", 1),
     f"meeting {REF} already has another minutes version 2 here"),
    ("a stored minutes version changed", _other_content,
     f"minutes version 1 of {REF} is stored here with other content, and a minutes version never changes"),
    ("a second record of one recipient",
     lambda d: _other_uuid(d, "meetings", 0, "circulations", 0, "recipients", 0),
     f"is already a recipient of the minutes of {REF} sent on 2019-10-03 here"),
    ("a second request to one organisation",
     lambda d: _other_uuid(d, "documents", 0, "versions", 0, "review_requests", 0),
     "is already asked here to review version 1 of “Environmental Scan 2019”"),
]


@pytest.mark.parametrize(("case", "change", "message"), CLASHES, ids=[c[0] for c in CLASHES])
def test_workflow_clashes_with_this_database_are_refused(
    empty: Database, exported: Path, tmp_path: Path, case: str, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    import_package(empty, exported)
    bad = write_zip(tmp_path / "clash.chairdesk", with_document(read_zip(exported), change))
    _assert_refused(empty, bad, message)


@dataclass
class _Links:
    """The soft links of VGT-2020-04 to VGT-2019-10, as one database holds them (UUIDs, None if empty)."""

    carried_from: str | None
    refers_to_meeting: str | None
    approves_minutes_of: str | None
    status_change_meeting: str | None
    status_change_item: str | None


def _links_of_the_later_meeting(db: Database) -> _Links:
    with db.transaction() as s:
        def uuid(model: Any, key: int | None) -> str | None:
            return None if key is None else str(s.scalar(select(model.uuid).where(model.id == key)))

        later = s.scalars(select(Meeting).where(Meeting.reference == OTHER_REF)).one()
        carried = s.scalars(select(AgendaItem).where(AgendaItem.meeting_id == later.id, AgendaItem.position == 1)).one()
        minutes = s.scalars(select(AgendaItem).where(AgendaItem.meeting_id == later.id, AgendaItem.position == 0)).one()
        confirm = s.scalars(select(Decision).where(Decision.meeting_id == later.id)).one()
        change = s.scalars(select(DocumentStatusChange).where(DocumentStatusChange.reason == "Decision D1")).one()
        return _Links(
            uuid(AgendaItem, carried.carried_from_id),
            uuid(Meeting, minutes.refers_to_meeting_id),
            uuid(Meeting, confirm.approves_minutes_of_id),
            uuid(Meeting, change.meeting_id),
            uuid(AgendaItem, change.agenda_item_id),
        )


def test_soft_links_may_leave_the_package(source: Database, empty: Database, exported: Path, tmp_path: Path) -> None:
    """A package of the later meeting names the earlier one; a database without it still takes the package."""
    linked = _links_of_the_later_meeting(source)
    assert None not in vars(linked).values()
    later = export_package(source, [OTHER_REF], tmp_path / "later.chairdesk").path
    doc = json.loads(read_zip(later)["package.json"])
    [meeting] = doc["meetings"]
    carried = meeting["agenda_items"][1]
    assert carried["carried_from"] == linked.carried_from and linked.carried_from not in _uuids(doc)
    assert meeting["agenda_items"][0]["refers_to_meeting"] == linked.refers_to_meeting
    assert meeting["decisions"][0]["approves_minutes_of"] == linked.refers_to_meeting
    # The document travels (it was deferred at this meeting) with all its workflow, which names VGT-2019-10.
    change = doc["documents"][0]["status_changes"][1]
    assert (change["meeting"], change["agenda_item"]) == (linked.status_change_meeting, linked.status_change_item)
    assert linked.refers_to_meeting not in _uuids(doc)

    # Into a database that has never seen VGT-2019-10: every record arrives, its links to it empty.
    summary = import_package(empty, later)
    assert summary.created["agenda_item"] == 2 and summary.created["decision"] == 1
    assert summary.created["document_status_change"] == 2
    assert vars(_links_of_the_later_meeting(empty)) == dict.fromkeys(vars(linked))
    assert not import_package(empty, later).changed

    # The earlier meeting arrives: its package fills in the status change; the later package the rest.
    import_package(empty, exported)
    partly = _links_of_the_later_meeting(empty)
    assert (partly.status_change_meeting, partly.status_change_item) == (
        linked.status_change_meeting, linked.status_change_item)
    assert partly.carried_from is None
    summary = import_package(empty, later)
    assert summary.updated["agenda_item"] == 2 and summary.updated["decision"] == 1 and summary.created_total == 0
    assert _links_of_the_later_meeting(empty) == linked
    assert package_json(empty, [OTHER_REF]) == package_json(source, [OTHER_REF])


def test_a_package_never_empties_a_soft_link(source: Database, empty: Database, tmp_path: Path) -> None:
    """The later meeting goes to a database without the earlier one, and comes back: nothing is lost."""
    before = package_json(source, None)
    import_package(empty, export_package(source, [OTHER_REF], tmp_path / "out.chairdesk").path)
    back = export_package(empty, [OTHER_REF], tmp_path / "back.chairdesk").path
    doc = json.loads(read_zip(back)["package.json"])
    assert doc["meetings"][0]["decisions"][0]["approves_minutes_of"] is None
    assert not import_package(source, back).changed
    assert package_json(source, None) == before


def test_a_soft_link_to_something_unknown_is_imported_empty(
    source: Database, empty: Database, exported: Path, tmp_path: Path
) -> None:
    def change(doc: dict[str, Any]) -> None:
        meeting = doc["meetings"][0]
        meeting["agenda_items"][0]["carried_from"] = NOWHERE
        meeting["agenda_items"][0]["refers_to_meeting"] = NOWHERE
        meeting["decisions"][1]["approves_minutes_of"] = NOWHERE
        meeting["minutes_versions"][1]["approved_by_decision"] = NOWHERE
        doc["documents"][0]["status_changes"][1].update(meeting=NOWHERE, agenda_item=NOWHERE)

    members = with_document(read_zip(exported), change)
    odd = write_zip(tmp_path / "odd.chairdesk", members)
    import_package(empty, odd)
    doc = json.loads(package_json(empty, [REF]))
    assert doc["meetings"][0]["agenda_items"][0]["carried_from"] is None
    assert doc["meetings"][0]["decisions"][1]["approves_minutes_of"] is None
    assert doc["meetings"][0]["minutes_versions"][1]["approved_by_decision"] is None
    assert doc["documents"][0]["status_changes"][1]["meeting"] is None
    assert not import_package(empty, odd).changed
    # Where the links are set, a target this database does not know leaves them as they are.
    before = package_json(source, [REF])
    import_package(source, odd)
    assert package_json(source, [REF]) == before


def test_minutes_approved_at_a_later_meeting(source: Database, empty: Database, tmp_path: Path) -> None:
    with source.transaction() as s:
        confirm = s.scalars(select(Decision).join(Meeting, Decision.meeting_id == Meeting.id).where(Meeting.reference == OTHER_REF)).one()
        adopted = s.scalars(select(MinutesVersion).where(MinutesVersion.number == 2)).one()
        adopted.approved_by_decision_id = confirm.id
        confirm_uuid = confirm.uuid
    package = export_package(source, [REF], tmp_path / "ref.chairdesk").path
    doc = json.loads(read_zip(package)["package.json"])
    assert doc["meetings"][0]["minutes_versions"][1]["approved_by_decision"] == confirm_uuid
    assert confirm_uuid not in _uuids(doc)
    import_package(empty, package)
    with empty.transaction() as s:
        assert s.scalars(select(MinutesVersion.approved_by_decision_id).where(MinutesVersion.number == 2)).one() is None
    import_package(empty, export_package(source, [OTHER_REF], tmp_path / "later.chairdesk").path)
    import_package(empty, package)  # again, now that the decision is here
    assert package_json(empty, [REF]) == package_json(source, [REF])


def test_a_document_travels_with_the_meeting_its_workflow_names(source: Database, tmp_path: Path) -> None:
    with source.transaction() as s:
        later = s.scalars(select(Meeting).where(Meeting.reference == OTHER_REF)).one()
        report = Document(title_en="Annual report 2019", kind=DocumentKind.REPORT, status=DocumentStatus.SUBMITTED)
        s.add(report)
        s.flush()
        s.add(DocumentStatusChange(document_id=report.id, from_status=DocumentStatus.DRAFT,
                                   to_status=DocumentStatus.SUBMITTED, changed_at=at(2020, 4, 1, 10),
                                   meeting_id=later.id, reason="Submitted to the board"))
    titles = {d["title_en"] for d in json.loads(package_json(source, [OTHER_REF]))["documents"]}
    assert titles == {"Environmental Scan 2019", "Annual report 2019"}
    assert {d["title_en"] for d in json.loads(package_json(source, [REF]))["documents"]} == {"Environmental Scan 2019"}


def test_export_refuses_what_an_import_would_refuse(source: Database, tmp_path: Path) -> None:
    with source.transaction() as s:
        later = s.scalars(select(Meeting).where(Meeting.reference == OTHER_REF)).one()
        draft = s.scalars(select(MinutesVersion).where(MinutesVersion.number == 1)).one()
        s.add(Circulation(meeting_id=later.id, minutes_version_id=draft.id, sent_on=date(2020, 4, 2),
                          deadline=date(2020, 4, 9)))
    out = tmp_path / "x.chairdesk"
    with pytest.raises(PackageError, match=r"The package cannot be made: circulation .* refers to something outside"):
        export_package(source, [OTHER_REF], out)
    with pytest.raises(PackageError, match=r"^The package cannot be made: package.json is inconsistent: "
                                           r"\$\.meetings\[\d\]\.circulations\[0\]\.minutes_version must name minutes"):
        export_all(source, out)
    assert not out.exists() and list(tmp_path.glob("*.part")) == []


def test_a_parallel_version_of_another_document_is_not_exported(source: Database, tmp_path: Path) -> None:
    with source.transaction() as s:
        other = Document(title_en="Another document")
        data = b"another file"
        version = DocumentVersion(document=other, number=1, file_name="other.txt", size=len(data),
                                  sha256=hashlib.sha256(data).hexdigest(), content=data)
        s.add_all([other, version])
        s.flush()
        s.execute(update(DocumentVersion).where(DocumentVersion.number == 2).values(parallel_of_id=version.id))
    with pytest.raises(PackageError, match="parallel_of must name another version of the same document"):
        export_all(source, tmp_path / "all.chairdesk")
