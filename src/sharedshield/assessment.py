"""The practice text of notebook 09 and its key: which events it mentions, the dates it states, its loaded words.

The practice text is our own writing for the exercise: not a real source, attributed to no real person.
Which of its dates slip from the record is computed from data/events.csv, never written into the key.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from IPython.display import Markdown, display

from .data import Course
from .dates import describe_date, parse_date
from .readings import fold

# One search for the whole course (sharedshield.retrieval); notebook 09 calls assessment.find_events.
from .retrieval import find_events  # noqa: F401

LABEL = (
    "Written for this exercise by the course authors; not a real source; attributed to no real person. "
    "It imitates an opinion piece of spring 2012 by an unnamed commentator."
)
TITLE = "Open hands, closed doors"
PRESENTED_AS = "an opinion piece (op-ed) in a weekly magazine, spring 2012, by an unnamed commentator"

PARAGRAPHS: tuple[str, ...] = (
    (
        "The story of missile defence between Moscow and Washington is a story of Russian open hands and American"
        " closed doors. It began in the summer of 2002, when President Bush announced that the United States would walk"
        " away from the ABM Treaty, the agreement that had kept the nuclear balance for three decades. Moscow"
        " protested, swallowed the insult, and kept talking."
    ),
    (
        "In June 2007, at the G8 summit in Germany, President Putin made an offer no serious partner could refuse: the"
        " United States and Russia would share the Soviet-built radar at Gabala in Azerbaijan. In August 2007, at the"
        " Bush family estate in Maine, he went further and proposed data-exchange centres in Moscow and Brussels."
        " Washington brushed both offers aside and pressed on with its radar in the Czech Republic and its interceptors"
        " in Poland."
    ),
    (
        "The new American administration promised a fresh start. In September 2009 President Obama shelved the Czech"
        " and Polish plan, but only to replace it with a so-called phased approach: a larger system, creeping ever"
        " closer to Russia's borders."
    ),
    (
        "In Lisbon, in November 2011, NATO's leaders invited President Medvedev to explore a common shield. Within"
        " months the alliance made clear that Russia would be a guest, never a partner. The lesson for Moscow is plain:"
        " the West wanted Russia's applause, not its cooperation."
    ),
)


@dataclass(frozen=True)
class Dated:
    """One event the practice text mentions, with the date as the text states it."""

    paragraph: int
    event_id: str
    stated: str  # the text's words
    stated_edtf: str  # the same, as EDTF


@dataclass(frozen=True)
class Loaded:
    """One loaded word or phrase of the practice text, what judgement it carries, and a neutral alternative."""

    paragraph: int
    phrase: str
    judgement: str
    neutral: str


DATED: tuple[Dated, ...] = (
    Dated(1, "E106", "in the summer of 2002", "2002-22"),
    Dated(2, "E200", "In June 2007", "2007-06"),
    Dated(2, "E113", "In August 2007", "2007-08"),
    Dated(3, "E903", "In September 2009", "2009-09"),
    Dated(4, "E301", "in November 2011", "2011-11"),
)

LOADED: tuple[Loaded, ...] = (
    Loaded(1, "open hands", "casts Russia as generous and sincere, before any evidence", "Russian proposals"),
    Loaded(1, "closed doors", "casts the US as refusing by habit", "US refusals / US conditions"),
    Loaded(
        1,
        "walk away",
        "suggests the US abandoned an obligation lightly",
        "withdraw (as the treaty allowed, with six months' notice)",
    ),
    Loaded(
        1,
        "swallowed the insult",
        "presents a policy decision as a personal humiliation borne with patience",
        "protested but continued talks",
    ),
    Loaded(
        2,
        "an offer no serious partner could refuse",
        "declares the offer's merit instead of showing it, and implies that refusing was not serious",
        "an offer",
    ),
    Loaded(
        2,
        "brushed both offers aside",
        "implies the offers were dismissed without consideration",
        "did not accept the offers",
    ),
    Loaded(
        3,
        "so-called",
        "mocks the official name, hinting that it hides something",
        "(the name itself: the phased approach)",
    ),
    Loaded(3, "creeping", "suggests stealthy, unwelcome advance", "moving / planned to be deployed"),
    Loaded(
        4,
        "a guest, never a partner",
        "sums up NATO's position as deliberate exclusion",
        "NATO proposed cooperation between two separate systems",
    ),
    Loaded(4, "applause", "reduces the Western aim to wanting flattery", "approval / support"),
)

# Words of the practice text a learner might take for loaded ones; each gets its own explanation.
NEUTRAL: dict[str, str] = {
    "radar": "'radar' names a piece of equipment; the text's judgement lies in the words around it.",
    "interceptors": "'interceptors' is the technical name for the missiles of a defence system: neutral.",
    "summit": "'summit' is the usual word for a meeting of leaders: neutral.",
    "soviet-built": (
        "'Soviet-built' is a neutral description of where the radar came from (compare the blog's 'old Soviet era')."
    ),
    "phased approach": (
        "'phased approach' is the official name of the plan; the loaded word is the one the text puts before it."
    ),
    "fresh start": "'fresh start' reports what the administration promised; the judgement comes in the next words.",
    "offer": "'offer' on its own is neutral; look at how the text describes the offer.",
    "abm treaty": "'ABM Treaty' is the treaty's name: neutral.",
}

PERSPECTIVES: dict[str, tuple[str, bool, str]] = {
    "a": (
        (
            "An argument that the US and NATO, not Russia, caused the failure, told from a viewpoint sympathetic to the"
            " Russian offers."
        ),
        True,
        (
            "Right. Every paragraph pairs a Russian offer with a Western refusal, the loaded words lean one way, and"
            " the last sentence states the blame outright. Naming the perspective is not the same as rejecting it:"
            " check its claims against the record."
        ),
    ),
    "b": (
        (
            "A neutral summary of the record: it gives a date for every event it names, and it leaves the reader to"
            " draw the conclusions."
        ),
        False,
        (
            "Dates do not make a text neutral: which events it selects, the words it chooses and the conclusion it"
            " draws all argue; its last sentence draws the conclusion for the reader. And three of its dates slip from"
            " the record."
        ),
    ),
    "c": (
        (
            "An official statement of the Russian government's position, since it sets out the case that the Kremlin"
            " made at the time."
        ),
        False,
        (
            "Sharing a government's view does not make a text an official statement. The text is presented as an"
            " unsigned opinion piece; ask who wrote it and for whom before deciding whose voice it is (it is in fact"
            " written for this exercise)."
        ),
    ),
    "d": (
        (
            "An argument that Russia's offers were not sincere: proposals meant to divide NATO and to stop the planned"
            " US system in Europe."
        ),
        False,
        (
            "That is the view the text argues against (compare the 2007 blog). Look at whose side the loaded words"
            " take: 'open hands', 'an offer no serious partner could refuse'."
        ),
    ),
}


def practice_text_markdown() -> str:
    """The practice text with its label and numbered paragraphs, as Markdown."""
    paras = "\n\n".join(f"**[{i}]** {text}" for i, text in enumerate(PARAGRAPHS, start=1))
    return f"> ⚠ *{LABEL}*\n\n### {TITLE}\n\n*Presented as {PRESENTED_AS}.*\n\n{paras}"


def show_practice_text() -> None:
    """Display the practice text with its label."""
    display(Markdown(practice_text_markdown()))


def _interval(edtf: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day of an EDTF date."""
    parsed = parse_date(edtf)
    return parsed.start, parsed.end


def slips(course: Course) -> pd.DataFrame:
    """Each dated event of the practice text: its stated date, the record date, and whether they overlap at all."""
    events = course.events.set_index("event_id")
    rows = []
    for d in DATED:
        record = str(events.loc[d.event_id, "date"])
        (s1, e1), (s2, e2) = _interval(d.stated_edtf), _interval(record)
        rows.append(
            {
                "paragraph": d.paragraph,
                "event_id": d.event_id,
                "title": events.loc[d.event_id, "title"],
                "stated": d.stated,
                "stated_as_edtf": d.stated_edtf,
                "record": record,
                "record_in_words": describe_date(record),
                "confidence": events.loc[d.event_id, "date_confidence"],
                "slips": not (s1 <= e2 and s2 <= e1),
            }
        )
    return pd.DataFrame(rows)


def slipped_events(course: Course) -> set[str]:
    """Event ids whose date in the practice text does not overlap the record date."""
    table = slips(course)
    return set(table.loc[table["slips"], "event_id"])


def match_loaded(answer: str) -> Loaded | None:
    """The key's loaded term a learner's phrase points to (all its words inside one key phrase), if any."""
    words = fold(answer, words=True).split()
    if fold(answer, words=True) in NEUTRAL or not words or not any(len(w) >= 4 for w in words):
        return None
    for term in LOADED:
        key = fold(term.phrase, words=True)
        if fold(answer, words=True) in key or key in fold(answer, words=True) or set(words) <= set(key.split()):
            return term
    return None


def in_text(answer: str) -> bool:
    """True when every word of a phrase occurs in the practice text."""
    text = set(fold(" ".join(PARAGRAPHS), words=True).split())
    return bool(fold(answer, words=True)) and set(fold(answer, words=True).split()) <= text


def key_table(course: Course) -> pd.DataFrame:
    """The answer key for a printable pack: dated events (with slips computed from the record) and loaded terms."""
    loaded = pd.DataFrame([vars(t) for t in LOADED])
    return pd.concat({"dates": slips(course), "loaded": loaded}, names=["part", "row"])


def show_perspectives() -> None:
    """Display the lettered descriptions of the practice text's perspective (for self-check q9_5)."""
    display(Markdown("\n".join(f"* **{k}.** {text}" for k, (text, _, _) in PERSPECTIVES.items())))
