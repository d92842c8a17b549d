"""`vaaldstod --self-test`: prove on this machine that the vault, search, lock and window work."""

from __future__ import annotations

from collections.abc import Callable

from vaaldstod import demo
from vaaldstod.ui.offscreen import throwaway_app


def run_self_test() -> int:
    """Exit status 0 only if every step worked; each step prints one line."""
    from vaaldstod.vault import Vault, WrongPassphrase

    failures = 0

    def step(name: str, check: Callable[[], bool]) -> None:
        nonlocal failures
        try:
            ok = bool(check())
        except Exception as error:  # the self-test reports, it never crashes
            ok, name = False, f"{name} ({type(error).__name__}: {error})"
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name}", flush=True)

    with throwaway_app() as (controller, tmp):
        path = controller.vault_path
        state: dict[str, object] = {}

        def create() -> bool:
            vault = Vault.create(path, demo.DEMO_PASSPHRASE)
            state["case"] = demo.fill(vault)[0]
            vault.close()
            return path.exists()

        def wrong_refused() -> bool:
            before = path.read_bytes()
            try:
                Vault.open(path, "not the passphrase")
            except WrongPassphrase:
                return path.read_bytes() == before
            return False

        def unlock_and_search() -> bool:
            vault = Vault.open(path, demo.DEMO_PASSPHRASE)
            state["vault"] = vault
            hits = vault.search("bankid")
            return bool(hits) and hits[0].case_id == state["case"]

        def window() -> bool:
            controller._opened(state["vault"])
            image = controller.main_window.grab()
            return not image.isNull() and image.width() > 0

        def lock() -> bool:
            controller.lock("")
            return controller.locked and controller.lock_screen.isVisible()

        def nothing_plain() -> bool:
            marker = b"bankid"
            return all(marker not in f.read_bytes().lower() for f in tmp.rglob("*") if f.is_file())

        step("create an encrypted vault", create)
        step("refuse a wrong passphrase without changing the file", wrong_refused)
        step("unlock and search notes", unlock_and_search)
        step("draw the main window", window)
        step("lock", lock)
        step("no note text in plaintext on disk", nothing_plain)
    print("self-test passed" if not failures else f"self-test failed: {failures} step(s)")
    return 0 if not failures else 1
