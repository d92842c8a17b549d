"""One helper for background work: run on the thread pool, report back on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._work = work
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # handed to the GUI thread, shown as a sentence there
            self._signals.failed.emit(error)
        else:
            self._signals.succeeded.emit(result)


_running: set[_Signals] = set()


def run_in_background(
    work: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[Exception], None],
) -> None:
    """Run `work` off the GUI thread; the callbacks run on the GUI thread and may touch widgets."""
    signals = _Signals()
    _running.add(signals)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(signals)
        callback(value)

    signals.succeeded.connect(lambda result: finish(on_success, result))
    signals.failed.connect(lambda error: finish(on_failure, error))
    QThreadPool.globalInstance().start(_Task(work, signals))
