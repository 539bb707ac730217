"""Comparing two persons: how their names relate, what they share, the lane and the reasons."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum

from phonenumbers import NumberParseException
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from defence_dir.duplicates.people import Candidate
from defence_dir.duplicates.results import Lane
from defence_dir.i18n import _
from defence_dir.records.shared_address import is_role_address
from defence_dir.text.contact_values import format_phone_international
from defence_dir.text.folding import phonetic_code

# A number or address more persons hold than this belongs to a team or a switchboard: it says
# nothing about who is who (names still find those pairs). A mobile shared by three is a team's.
SHARED_CAP = 20
PERSONAL_PHONE_HOLDERS = 2

LANE_RANK = {Lane.CERTAIN: 0, Lane.LIKELY: 1, Lane.POSSIBLE: 2}
# Each lane's score range, so sorting by lane and then score agree.
_SCORE_RANGE = {Lane.CERTAIN: (90, 100), Lane.LIKELY: (70, 89), Lane.POSSIBLE: (40, 69)}


class NameRelation(IntEnum):
    """How two names relate after folding ("Müller" = "Mueller"), strongest last."""

    DIFFERENT = 0
    CHANGED = 1  # same given name, another family name (marriage)
    NEAR = 2  # one name one letter or one sound apart: Lena/Lina, Meyer/Meier
    INITIAL = 3  # same family name, a given name only as initial or missing
    PARTIAL = 4  # same family name, one given name part of the other: Hans / Hans-Peter
    SAME = 5  # the same, or given and family name swapped


def _close_words(a: str, b: str) -> bool:
    if not a or not b:
        return False
    limit = 2 if min(len(a), len(b)) >= 8 else 1
    if Levenshtein.distance(a, b, score_cutoff=limit) <= limit:
        return True
    # Kölner Phonetik drops vowels, so "Anna" and "Jan" share a code: a sound-alike counts
    # only from the same first letter and two edits at most ("Stefan"/"Stephan", "Meyer"/"Maier").
    return (a[0] == b[0] and Levenshtein.distance(a, b, score_cutoff=2) <= 2
            and phonetic_code(a.replace(" ", "")) == phonetic_code(b.replace(" ", "")) != "")


def _given_relation(a: tuple[str, ...], b: tuple[str, ...]) -> NameRelation:
    """Given names under the same family name."""
    if a == b:
        return NameRelation.SAME
    if not a or not b:
        return NameRelation.INITIAL
    short, long = (a, b) if len(" ".join(a)) <= len(" ".join(b)) else (b, a)
    if len(short) == 1 and len(short[0]) == 1 and long[0].startswith(short[0]):
        return NameRelation.INITIAL
    if set(short) <= set(long):
        return NameRelation.PARTIAL
    if _close_words(" ".join(a), " ".join(b)):
        return NameRelation.NEAR
    return NameRelation.DIFFERENT


def _aligned(ag: tuple[str, ...], af: tuple[str, ...], bg: tuple[str, ...],
             bf: tuple[str, ...]) -> NameRelation:
    if ag == bg and af == bf:
        return NameRelation.SAME
    if af == bf and af:
        return _given_relation(ag, bg)
    if ag == bg and ag:
        if _close_words(" ".join(af), " ".join(bf)):
            return NameRelation.NEAR
        return NameRelation.CHANGED if af and bf else NameRelation.INITIAL
    return NameRelation.DIFFERENT


def name_relation(a: Candidate, b: Candidate) -> tuple[NameRelation, bool]:
    """The relation of the two names, and whether it holds with given and family swapped."""
    straight = _aligned(a.given_words, a.family_words, b.given_words, b.family_words)
    swapped = _aligned(a.given_words, a.family_words, b.family_words, b.given_words)
    if swapped > straight:
        return swapped, True
    return straight, False


@dataclass(frozen=True, slots=True)
class Verdict:
    lane: Lane
    score: int
    reasons: tuple[str, ...]


@dataclass(slots=True)
class _Shared:
    personal_emails: list[str]
    role_emails: list[str]
    mobiles: list[str]
    direct: list[str]  # a landline only these two hold
    switchboards: list[str]
    same_org: bool


def _shared(a: Candidate, b: Candidate, holders: Mapping[str, int]) -> _Shared:
    emails = [e for e in a.emails if e in b.emails]
    b_phones = {number for number, _mobile in b.phones}
    mobiles, direct, switchboards = [], [], []
    for number, mobile in a.phones:
        if number not in b_phones:
            continue
        count = holders.get(number, 2)
        mobile = mobile or any(m for n, m in b.phones if n == number)
        if count > PERSONAL_PHONE_HOLDERS:
            switchboards.append(number)
        elif mobile:
            mobiles.append(number)
        else:
            direct.append(number)
    personal = [e for e in emails if not is_role_address(e) and holders.get(e, 2) <= SHARED_CAP]
    return _Shared(personal, [e for e in emails if e not in personal], mobiles, direct,
                   switchboards, a.org_group is not None and a.org_group == b.org_group)


def _lane(relation: NameRelation, shared: _Shared, sparse: bool) -> Lane | None:
    contact = bool(shared.personal_emails or shared.mobiles)
    if relation is NameRelation.SAME:
        if contact:
            return Lane.CERTAIN
        if shared.direct or shared.same_org:
            return Lane.LIKELY
        return Lane.POSSIBLE if sparse else None
    if relation is NameRelation.PARTIAL:
        return Lane.LIKELY if contact or shared.direct or shared.same_org else None
    if relation in (NameRelation.INITIAL, NameRelation.NEAR):
        if contact:
            return Lane.LIKELY
        return Lane.POSSIBLE if shared.direct or shared.same_org else None
    if relation is NameRelation.CHANGED:
        if contact:
            return Lane.LIKELY
        return Lane.POSSIBLE if shared.direct else None
    return Lane.POSSIBLE if contact else None


def compare(a: Candidate, b: Candidate, holders: Mapping[str, int]) -> Verdict | None:
    """The lane, score and reasons for taking `a` and `b` for one person; None when nothing
    says they are (namesakes at other firms, colleagues at one switchboard or info@)."""
    relation, swapped = name_relation(a, b)
    shared = _shared(a, b, holders)
    lane = _lane(relation, shared, a.sparse or b.sparse)
    if lane is None:
        return None
    name_score = fuzz.token_sort_ratio(f"{a.given} {a.family}", f"{b.given} {b.family}")
    points = (30 * bool(shared.personal_emails) + 25 * bool(shared.mobiles)
              + 15 * bool(shared.direct) + 10 * shared.same_org)
    low, high = _SCORE_RANGE[lane]
    score = min(max(round(0.6 * name_score + points), low), high)
    return Verdict(lane, score, _reasons(a, b, relation, swapped, shared))


def _phone(e164: str) -> str:
    try:
        return format_phone_international(e164)
    except NumberParseException:  # a value another tool stored in the e164 column
        return e164


def _reasons(a: Candidate, b: Candidate, relation: NameRelation, swapped: bool,
             shared: _Shared) -> tuple[str, ...]:
    found = [_("Same email address {address}", address=e) for e in shared.personal_emails]
    found += [_("Same mobile number {number}", number=_phone(n)) for n in shared.mobiles]
    found += [_("Same phone number {number}", number=_phone(n)) for n in shared.direct]
    found.append(_name_reason(a, b, relation, swapped))
    if shared.same_org:
        if a.organisation_id == b.organisation_id:
            found.append(_("Same organisation {name}", name=a.organisation))
        else:
            found.append(_("Same organisation under two names: “{first}” and “{second}”",
                           first=a.organisation, second=b.organisation))
    if bool(a.title) != bool(b.title):
        found.append(_("Title in one record only: {title}", title=a.title or b.title))
    found += [_("The address {address} belongs to a role or a team and does not count",
                address=e) for e in shared.role_emails]
    found += [_("The number {number} is shared by several persons and does not count",
                number=_phone(n))
              for n in shared.switchboards]
    return tuple(found)


def _name_reason(a: Candidate, b: Candidate, relation: NameRelation, swapped: bool) -> str:
    first, second = a.display, b.display
    if relation is NameRelation.SAME:
        if swapped:
            return _("Given and family name swapped: “{first}” and “{second}”",
                     first=first, second=second)
        if first != second:
            return _("Same name, spelled “{first}” and “{second}”", first=first, second=second)
        return _("Same name {name}", name=first)
    if relation in (NameRelation.PARTIAL, NameRelation.INITIAL):
        return _("Names that may be the same: “{first}” and “{second}”",
                 first=first, second=second)
    if relation is NameRelation.NEAR:
        return _("Names one letter or sound apart: “{first}” and “{second}”",
                 first=first, second=second)
    if relation is NameRelation.CHANGED:
        return _("Same given name, another family name: “{first}” and “{second}”",
                 first=first, second=second)
    return _("Different names: “{first}” and “{second}”", first=first, second=second)
