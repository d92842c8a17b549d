"""The handbook as a handler reads it: steps from identify to follow-up, checklists, search.

Built from the guide and checklist packs, in one language, for one agency (items limited
to other agencies are left out). Hands the UI HTML; styling comes from the UI's sheet.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

import markdown

from vaaldstod.i18n import N_, _
from vaaldstod.packs import Registry
from vaaldstod.sources import REPORTS

STEPS = (
    ("identify", N_("Identify")),
    ("ask", N_("Ask")),
    ("act", N_("Act")),
    ("document", N_("Document")),
    ("refer", N_("Refer")),
    ("follow_up", N_("Follow up")),
)
ITEM_TYPES = {
    "warning": N_("Warning"),
    "phrasing": N_("Example wording"),
    "action": N_("Do this"),
}
SOURCE_SCHEME = "sources:"
SAY_CARD = N_("Say it like this")
# Words a handler may search for to find the wording to use; matched like the item's text.
SEARCH_LABELS = {"phrasing": (SAY_CARD, N_("Example wording"), N_("phrasing"))}


def markdown_html(text: str) -> str:
    """Pack Markdown to HTML. Packs hold no HTML (validation refuses it); escape anyway."""
    return markdown.markdown(html.escape(text, quote=False), output_format="html")


@dataclass(frozen=True)
class Item:
    id: str
    step: str
    section: str
    type: str
    title: str
    body: str
    sources: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    group: str
    text: str
    why: str
    sources: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Hit:
    step: str
    item_id: str
    title: str
    snippet: str


class Handbook:
    def __init__(self, language: str, agency: str, registry: Registry | None = None) -> None:
        self.language = language
        self.agency = agency
        registry = registry or Registry()
        self.sections: dict[str, tuple[str, str]] = {}  # id -> (step, title)
        self.items: list[Item] = []
        self._by_id: dict[str, Item | ChecklistItem] = {}
        for pack in registry.packs("guide"):
            for section in pack.records("sections", language):
                self.sections[section["id"]] = (section["step"], section["title"])
            for record in pack.records("items", language, agency):
                step, _title = self.sections[record["section"]]
                item = Item(
                    id=record["id"],
                    step=step,
                    section=record["section"],
                    type=record.get("type", "text"),
                    title=record["title"],
                    body=record["body"],
                    sources=tuple(record.get("sources", ())),
                )
                self.items.append(item)
                self._by_id[item.id] = item
        self.checklist_groups: list[tuple[str, str]] = []
        self.checklist: list[ChecklistItem] = []
        self.checklist_titles: list[str] = []
        for pack in registry.packs("checklist"):
            self.checklist_titles.append(pack.title(language))
            for group in pack.records("groups", language):
                self.checklist_groups.append((group["id"], group["title"]))
            for record in pack.records("items", language, agency):
                item = ChecklistItem(
                    id=record["id"],
                    group=record["group"],
                    text=record["text"],
                    why=record["why"],
                    sources=tuple(record.get("sources", ())),
                )
                self.checklist.append(item)
                self._by_id[item.id] = item

    def step_items(self, step: str) -> list[Item]:
        return [item for item in self.items if item.step == step]

    def step_html(self, step: str) -> str:
        """One step as an HTML page: a "Say it like this" card with the step's example wording
        first (in a meeting it is what the handler needs), after only the warnings the step
        opens with (immediate danger stays on top); then its sections, each item with its
        kind and a sources link."""
        title = dict(STEPS)[step]
        parts = [f"<h1>{html.escape(_(title))}</h1>"]
        items = self.step_items(step)
        wording = [item for item in items if item.type == "phrasing"]
        flow = [item for item in items if item.type != "phrasing"]
        lead = 0
        while lead < len(flow) and flow[lead].type == "warning":
            lead += 1
        parts += self._sections_html(flow[:lead])
        if wording:
            card = "".join(self.item_html(item) for item in wording)
            parts.append(
                '<table class="say" width="100%" border="1" cellpadding="8" cellspacing="0">'
                f'<tr><td><h2><a name="say-{html.escape(step)}"></a>'
                f"{html.escape(_(SAY_CARD))}</h2>{card}</td></tr></table>"
            )
        parts += self._sections_html(flow[lead:])
        if not items:
            parts.append(
                f"<p>{html.escape(_('This step has no content for your agency yet.'))}</p>"
            )
        return "\n".join(parts)

    def _sections_html(self, items: list[Item]) -> list[str]:
        """Items under their section headings, a heading each time the section changes."""
        parts, current_section = [], None
        for item in items:
            if item.section != current_section:
                current_section = item.section
                parts.append(f"<h2>{html.escape(self.sections[item.section][1])}</h2>")
            parts.append(self.item_html(item))
        return parts

    def item_html(self, item: Item) -> str:
        kind = ITEM_TYPES.get(item.type)
        badge = f'<p class="badge">{html.escape(_(kind))}</p>' if kind else ""
        link = (
            f'<p class="sources"><a href="{SOURCE_SCHEME}{html.escape(item.id)}">'
            f"{html.escape(_('Sources'))} ({len(item.sources)})</a></p>"
        )
        body = f'<a name="{html.escape(item.id)}"></a><h3>{html.escape(item.title)}</h3>'
        body += badge + markdown_html(item.body) + link
        if item.type in ITEM_TYPES:
            # QTextDocument colours table cells reliably, block elements less so.
            return (
                f'<table class="{item.type}" width="100%" cellpadding="10">'
                f"<tr><td>{body}</td></tr></table>"
            )
        return body

    def sources_html(self, item_id: str) -> str:
        """Where an item's facts come from: report, line and quote, or web page and date."""
        item = self._by_id.get(item_id)
        if item is None:
            return ""
        title = getattr(item, "title", None) or getattr(item, "text", "")
        return f"<h3>{html.escape(title)}</h3>{sources_list_html(item.sources)}"

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """Items containing every word typed (any case), titles first."""
        words = query.casefold().split()
        if not words:
            return []
        hits: list[tuple[int, Hit]] = []
        for item in self.items:
            title, body = item.title.casefold(), item.body.casefold()
            labels = " ".join(_(label) for label in SEARCH_LABELS.get(item.type, ()))
            body = f"{body} {labels.casefold()}"
            if all(w in title or w in body for w in words):
                rank = 0 if all(w in title for w in words) else 1
                hits.append((rank, Hit(item.step, item.id, item.title, _snippet(item.body, words))))
        for entry in self.checklist:
            text = f"{entry.text} {entry.why}"
            if all(w in text.casefold() for w in words):
                hits.append((2, Hit("checklist", entry.id, entry.text, _snippet(entry.why, words))))
        hits.sort(key=lambda pair: pair[0])
        return [hit for _rank, hit in hits[:limit]]


def sources_list_html(sources: tuple[dict[str, Any], ...]) -> str:
    """A list of citations: report, line and quote, or web page, date checked and quote."""
    rows = []
    for source in sources:
        quote = html.escape(source.get("quote", ""))
        if "doc" in source:
            report = _(REPORTS.get(source["doc"], source["doc"]))
            rows.append(
                f"<li><b>{html.escape(report)}</b><br>"
                + html.escape(
                    _("{file}, line {line}").format(file=source["doc"], line=source["line"])
                )
                + f"<br>”{quote}”</li>"
            )
        else:
            checked = source.get("checked", "")
            rows.append(
                f"<li><b>{html.escape(source.get('title', ''))}</b><br>"
                f"{html.escape(source.get('url', ''))}<br>"
                + html.escape(_("Checked {date}").format(date=checked))
                + f"<br>”{quote}”</li>"
            )
    return f"<ul>{''.join(rows)}</ul>"


def _snippet(text: str, words: list[str], width: int = 90) -> str:
    plain = " ".join(text.replace("*", "").split())
    at = plain.casefold().find(words[0])
    start = max(0, at - width // 3) if at >= 0 else 0
    piece = plain[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(plain) else "")
