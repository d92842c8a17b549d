"""Opening hours and spoken languages written in a sheet's language, by that language's rules.

The directory stores hours as data (`Entry.opening`); babel supplies the day names, the time
format (24-hour or not), the range between two times and how a list is joined, so an Arabic
sheet never prints Swedish or English hours. The few words babel has no rule for ("around the
clock", "every day", "answers in …") come from the sheet pack of that language.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from babel import Locale
from babel.dates import format_interval, get_day_names
from babel.lists import format_list

from vaaldstod.directory.entry import ALWAYS_OPEN, DAYS, Entry, Period
from vaaldstod.sheets.texts import SheetLanguage

# Sheet texts these functions need (checked with the other keys of a format).
HOURS_KEYS = ("hours_always", "hours_every_day", "hours_period", "answers_in", "interpreter")
# Free-text hours are in the pack's language: printed only on a sheet in that language.
TEXT_LANGUAGES = {"sv": "sv", "sv-easy": "sv", "en": "en"}


def opening_text(entry: Entry, sheet: SheetLanguage) -> str:
    """The entry's opening hours in the sheet's language, or "" if they cannot be written so."""
    if entry.opening == ALWAYS_OPEN:
        return sheet.strings["hours_always"]
    if entry.opening:
        periods = [_period(period, sheet) for period in entry.opening]
        return format_list(periods, locale=sheet.locale)
    if TEXT_LANGUAGES.get(sheet.code) == entry.text_language:
        return entry.hours
    return ""


def languages_text(entry: Entry, sheet: SheetLanguage) -> str:
    """Which languages the line answers in and whether it offers an interpreter, or ""."""
    parts = []
    if entry.languages:
        names = Locale.parse(sheet.locale).languages
        spoken = [names.get(code.split("-")[0], code) for code in entry.languages]
        parts.append(
            sheet.strings["answers_in"].format(languages=format_list(spoken, locale=sheet.locale))
        )
    if entry.interpreter:
        parts.append(sheet.strings["interpreter"])
    return " ".join(parts)


def _period(period: Period, sheet: SheetLanguage) -> str:
    locale = Locale.parse(sheet.locale)
    # A 24-hour language writes 09:00–15:00, English 9:00 AM – 3:00 PM.
    skeleton = "Hm" if "H" in locale.time_formats["short"].pattern else "hm"
    start, end = (_time(value) for value in (period.start, period.end))
    times = format_interval(start, end, skeleton, locale=locale)
    return sheet.strings["hours_period"].format(days=_days(period.days, sheet), times=times)


def _days(days: Sequence[str], sheet: SheetLanguage) -> str:
    if len(days) == len(DAYS):
        return sheet.strings["hours_every_day"]
    names = get_day_names("wide", locale=sheet.locale)  # 0 is Monday
    indexes = [DAYS.index(day) for day in days]
    if len(indexes) >= 3 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{names[indexes[0]]}–{names[indexes[-1]]}"
    return format_list([names[index] for index in indexes], locale=sheet.locale)


def _time(value: str) -> datetime.time:
    hours, minutes = (int(part) for part in value.split(":"))
    return datetime.time(23, 59) if hours == 24 else datetime.time(hours, minutes)
