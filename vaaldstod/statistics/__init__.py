"""Anonymous follow-up statistics: contact records, counts, suppression, reports, retention."""

# Exports load on first use (PEP 562): unlocking purges old contact records through
# `retention`, and must not pay for the aggregation, pack and template engines. The function
# `aggregate` is not offered here: importing the submodule of that name sets the package
# attribute to the module, so which one a caller got depended on import order. Use
# `from vaaldstod.statistics.aggregate import aggregate`.
_EXPORTS = {
    "Aggregates": "aggregate",
    "AGE_BANDS": "model",
    "GENDERS": "model",
    "Contact": "model",
    "InvalidContact": "model",
    "StatisticsError": "model",
    "from_walkthrough": "model",
    "parse": "model",
    "week_of": "weeks",
    "Period": "period",
    "PeriodError": "period",
    "Report": "report",
    "build_report": "report",
    "purge_contacts": "retention",
    "retention_days": "retention",
}


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(name)
    from importlib import import_module

    value = getattr(import_module(f"vaaldstod.statistics.{_EXPORTS[name]}"), name)
    globals()[name] = value
    return value


__all__ = [
    "AGE_BANDS",
    "GENDERS",
    "Aggregates",
    "Contact",
    "InvalidContact",
    "Period",
    "PeriodError",
    "Report",
    "StatisticsError",
    "build_report",
    "from_walkthrough",
    "parse",
    "purge_contacts",
    "retention_days",
    "week_of",
]
