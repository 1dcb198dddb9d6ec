"""The course's own rules across tables, beyond what a Table Schema can say."""

from __future__ import annotations

from collections import defaultdict

from .dates import DateError, parse_date
from .errors import Problem
from .readings import fold
from .validate import MAX_ANCHOR_WORDS, MAX_PHRASE_WORDS, QUAD_CLASS, words

Rows = list[tuple[int, dict]]


def check_dates(good: dict[str, Rows]) -> list[Problem]:
    """Every EDTF column parses to a closed, ordered span."""
    out = []
    for table, col, file in (
        ("events", "date", "events.csv"),
        ("mentions", "date_as_stated_edtf", "mentions.csv"),
        ("sources", "published", "sources.csv"),
    ):
        for row_no, row in good.get(table, []):
            if row[col]:
                try:
                    parse_date(row[col])
                except DateError as err:
                    what, _, fix = str(err).partition(" — ")
                    out.append(Problem(file, row_no, col, what, fix))
    return out


def check_events(good: dict[str, Rows]) -> list[Problem]:
    """Reading events are mentioned, record events listed, background events neither; CAMEO code and class agree."""
    out = []
    mentioned = defaultdict(list)
    for _, m in good.get("mentions", []):
        mentioned[m["event_id"]].append(m["source_id"])
    listed = {r["event_id"] for _, r in good.get("listings", [])}
    for row_no, e in good.get("events", []):
        eid = e["event_id"]
        if e["origin"] == "reading" and not mentioned[eid]:
            out.append(
                Problem(
                    "events.csv",
                    row_no,
                    "origin",
                    f"{eid} is marked 'reading' but no row of mentions.csv mentions it",
                    "add its mention to mentions.csv, or set origin to background and give a date_reference",
                )
            )
        if e["origin"] == "background" and mentioned[eid]:
            out.append(
                Problem(
                    "events.csv",
                    row_no,
                    "origin",
                    f"{eid} is marked 'background' but {', '.join(sorted(set(mentioned[eid])))} mentions it",
                    "set origin to reading",
                )
            )
        if e["origin"] == "record" and mentioned[eid]:
            out.append(
                Problem(
                    "events.csv",
                    row_no,
                    "origin",
                    f"{eid} is marked 'record' but {', '.join(sorted(set(mentioned[eid])))} mentions it",
                    "set origin to reading (its listings stay in listings.csv)",
                )
            )
        elif e["origin"] == "record" and eid not in listed:
            out.append(
                Problem(
                    "events.csv",
                    row_no,
                    "origin",
                    f"{eid} is marked 'record' but no row of listings.csv says which chronology lists it",
                    "add a row to listings.csv (event_id, chronology_id, locator), or set origin to background",
                )
            )
        code, cls = e["cameo_code"], e["event_class"]
        if cls == "other" and code:
            out.append(
                Problem(
                    "events.csv",
                    row_no,
                    "cameo_code",
                    f"'{code}' is given but event_class is 'other'",
                    f"empty the cameo_code, or set event_class to '{QUAD_CLASS.get(code[:2], 'a CAMEO quad class')}'",
                )
            )
        elif cls != "other" and not code:
            out.append(
                Problem(
                    "events.csv",
                    row_no,
                    "cameo_code",
                    f"is empty but event_class is '{cls}'",
                    "give a CAMEO code, e.g. 0312, or set event_class to other",
                )
            )
        elif code and code[:2] not in QUAD_CLASS:
            out.append(
                Problem(
                    "events.csv",
                    row_no,
                    "cameo_code",
                    f"'{code}' does not start with a CAMEO root code 01-20",
                    "check the code in the CAMEO codebook",
                )
            )
        elif code and QUAD_CLASS[code[:2]] != cls:
            out.append(
                Problem(
                    "events.csv",
                    row_no,
                    "event_class",
                    f"'{cls}' does not match CAMEO code {code}, which is {QUAD_CLASS[code[:2]]}",
                    f"set event_class to '{QUAD_CLASS[code[:2]]}' or correct the code",
                )
            )
    return out


def check_mentions(good: dict[str, Rows]) -> list[Problem]:
    """A mention's stated date, match verdict and discrepancy agree with each other."""
    out = []
    for row_no, m in good.get("mentions", []):
        if m["matches_record"] in ("no", "partly") and not m["discrepancy"]:
            out.append(
                Problem(
                    "mentions.csv",
                    row_no,
                    "discrepancy",
                    f"is empty but matches_record is '{m['matches_record']}'",
                    "say what the reading states and what the record shows",
                )
            )
        if m["matches_record"] == "undated" and m["date_as_stated"]:
            out.append(
                Problem(
                    "mentions.csv",
                    row_no,
                    "matches_record",
                    "is 'undated' but date_as_stated gives a date",
                    "use yes, no or partly, or empty date_as_stated",
                )
            )
        if m["date_as_stated_edtf"] and not m["date_as_stated"]:
            out.append(
                Problem(
                    "mentions.csv",
                    row_no,
                    "date_as_stated",
                    "is empty but date_as_stated_edtf is filled",
                    "copy the reading's own words for the date, or empty date_as_stated_edtf",
                )
            )
    return out


def check_quotes(good: dict[str, Rows], texts: dict[str, dict[int, str]] | None) -> list[Problem]:
    """Anchors and phrases are short and, where the reading is at hand, verbatim in the cited paragraph."""
    out = []
    for table, col, limit in (
        ("mentions", "anchor", MAX_ANCHOR_WORDS),
        ("claims", "anchor", MAX_ANCHOR_WORDS),
        ("loaded_terms", "phrase", MAX_PHRASE_WORDS),
    ):
        file = f"{table}.csv"
        for row_no, row in good.get(table, []):
            quote, n = row[col], words(row[col])
            if n > limit:
                out.append(
                    Problem(
                        file,
                        row_no,
                        col,
                        f"has {n} words; the limit is {limit}",
                        "quote fewer words (just enough to find the spot)",
                    )
                )
            if texts is None or row["source_id"] not in texts:
                continue
            paras = texts[row["source_id"]]
            p = row["paragraph"]
            if p not in paras:
                out.append(
                    Problem(
                        file,
                        row_no,
                        "paragraph",
                        f"{row['source_id']} has no paragraph {p} (it has 1-{max(paras) if paras else 0})",
                        "check the [N] number in the reading",
                    )
                )
            elif quote not in paras[p] and fold(quote) not in fold(
                paras[p]
            ):  # a copy with plain quotes or dashes still counts
                hint = next(
                    (f"it appears in paragraph {k}" for k, t in paras.items() if quote in t),
                    "copy it exactly, including curly quotes ’ “ ” and dashes —",
                )
                out.append(
                    Problem(
                        file, row_no, col, f"'{quote[:60]}' is not verbatim in {row['source_id']} paragraph {p}", hint
                    )
                )
    return out


def check_paragraphs(good: dict[str, Rows], texts: dict[str, dict[int, str]] | None) -> list[Problem]:
    """Each paragraph's opening and closing words start and end that paragraph, where the reading is at hand."""
    out = []
    for row_no, r in good.get("paragraphs", []):
        paras = (texts or {}).get(r["source_id"])
        if paras is None:
            continue
        text = paras.get(r["paragraph"])
        if text is None:
            out.append(
                Problem(
                    "paragraphs.csv",
                    row_no,
                    "paragraph",
                    f"{r['source_id']} has no paragraph {r['paragraph']}",
                    "check the [N] number in the reading",
                )
            )
        elif not fold(text).startswith(fold(r["opening"])):
            out.append(
                Problem(
                    "paragraphs.csv",
                    row_no,
                    "opening",
                    f"{r['source_id']} paragraph {r['paragraph']} does not begin with '{r['opening']}'",
                    "copy the paragraph's first words exactly",
                )
            )
        elif r["closing"] and not fold(text).endswith(fold(r["closing"])):
            out.append(
                Problem(
                    "paragraphs.csv",
                    row_no,
                    "closing",
                    f"{r['source_id']} paragraph {r['paragraph']} does not end with '{r['closing']}'",
                    "copy the paragraph's last words exactly",
                )
            )
    return out


def check_coding(good: dict[str, Rows]) -> list[Problem]:
    """Paragraph coding uses only listed loaded phrases and puts each reading's thesis where its thesis claim is."""
    out = []
    phrases = {(r["source_id"], r["paragraph"], r["phrase"].casefold()) for _, r in good.get("loaded_terms", [])}
    thesis_at = {r["source_id"]: r["paragraph"] for _, r in good.get("claims", []) if r["is_thesis"]}
    marked = defaultdict(list)
    for row_no, r in good.get("paragraph_coding", []):
        for word in (w.strip() for w in r["loaded"].split(";")):
            if word and (r["source_id"], r["paragraph"], word.casefold()) not in phrases:
                out.append(
                    Problem(
                        "paragraph_coding.csv",
                        row_no,
                        "loaded",
                        f"'{word}' is not a loaded phrase of {r['source_id']} paragraph {r['paragraph']} in"
                        " loaded_terms.csv",
                        "add it to loaded_terms.csv first, or correct the spelling (phrases are separated by ';')",
                    )
                )
        if r["is_thesis_paragraph"]:
            marked[r["source_id"]].append((row_no, r["paragraph"]))
    for sid, rows in marked.items():
        if len(rows) > 1:
            out.append(
                Problem(
                    "paragraph_coding.csv",
                    rows[1][0],
                    "is_thesis_paragraph",
                    f"{sid} has {len(rows)} thesis paragraphs",
                    "mark exactly one paragraph of each reading",
                )
            )
        elif sid in thesis_at and rows[0][1] != thesis_at[sid]:
            out.append(
                Problem(
                    "paragraph_coding.csv",
                    rows[0][0],
                    "is_thesis_paragraph",
                    f"{sid} paragraph {rows[0][1]} is marked as the thesis, but the thesis claim in claims.csv is in"
                    f" paragraph {thesis_at[sid]}",
                    "make the two agree",
                )
            )
    return out


def check_claims(good: dict[str, Rows]) -> list[Problem]:
    """One thesis per reading with claims; ids carry their source; links stay in one reading and form no cycle."""
    out = []
    claims = {r["claim_id"]: (row_no, r) for row_no, r in good.get("claims", [])}
    theses = defaultdict(list)
    for cid, (row_no, c) in claims.items():
        if not cid.startswith(c["source_id"] + "-c"):
            out.append(
                Problem(
                    "claims.csv",
                    row_no,
                    "claim_id",
                    f"'{cid}' does not start with its source id '{c['source_id']}'",
                    f"rename it {c['source_id']}-c{cid[-2:]}",
                )
            )
        theses.setdefault(c["source_id"], [])
        if c["is_thesis"]:
            theses[c["source_id"]].append(row_no)
    for sid, rows in theses.items():
        if len(rows) != 1:
            out.append(
                Problem(
                    "claims.csv",
                    rows[1] if len(rows) > 1 else None,
                    "is_thesis",
                    (
                        f"{sid} has {len(rows)} thesis claims (rows {', '.join(map(str, rows))})"
                        if rows
                        else f"{sid} has no thesis claim"
                    ),
                    "mark exactly one claim of each reading is_thesis=true",
                )
            )
    graph = defaultdict(list)
    for row_no, link in good.get("claim_links", []):
        a, b = claims.get(link["from_claim"]), claims.get(link["to_claim"])
        if a is None or b is None:
            continue
        if link["from_claim"] == link["to_claim"]:
            out.append(
                Problem(
                    "claim_links.csv",
                    row_no,
                    "to_claim",
                    f"{link['from_claim']} links to itself",
                    "link it to another claim",
                )
            )
            continue
        if a[1]["source_id"] != b[1]["source_id"]:
            out.append(
                Problem(
                    "claim_links.csv",
                    row_no,
                    "to_claim",
                    f"links a claim of {a[1]['source_id']} to one of {b[1]['source_id']}",
                    "argument maps stay within one reading; compare readings in 07_corroboration instead",
                )
            )
            continue
        if a[1]["is_thesis"]:
            out.append(
                Problem(
                    "claim_links.csv",
                    row_no,
                    "from_claim",
                    f"{link['from_claim']} is a thesis; the argument map ends at the thesis",
                    "reverse the link",
                )
            )
        graph[link["from_claim"]].append((link["to_claim"], row_no))
    out += _cycles(graph)
    return out


def _cycles(graph: dict[str, list[tuple[str, int]]]) -> list[Problem]:
    """One problem for each cycle of claim links (an argument cannot support itself)."""
    out, state = [], {}
    for start in sorted(graph):
        if state.get(start):
            continue
        stack = [(start, iter(graph[start]))]
        path = [start]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            for child, row_no in children:
                if state.get(child) == 1:
                    loop = path[path.index(child) :] + [child]
                    out.append(
                        Problem(
                            "claim_links.csv",
                            row_no,
                            "to_claim",
                            "these links make a cycle: " + " → ".join(loop),
                            "remove or reverse one of the links so the map ends at the thesis",
                        )
                    )
                elif not state.get(child):
                    state[child] = 1
                    path.append(child)
                    stack.append((child, iter(graph.get(child, []))))
                    break
            else:
                state[node] = 2
                path.pop()
                stack.pop()
    return out


def check_course(good: dict[str, Rows], texts: dict[str, dict[int, str]] | None) -> list[Problem]:
    """Every cross-table rule of the course, all problems at once."""
    return [
        *check_dates(good),
        *check_events(good),
        *check_mentions(good),
        *check_quotes(good, texts),
        *check_paragraphs(good, texts),
        *check_claims(good),
        *check_coding(good),
    ]
