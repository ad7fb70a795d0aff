"""Run an ASGI app with uvicorn on 127.0.0.1 and a free port, in a thread (browser tests, benchmarks)."""

from __future__ import annotations

import socket
import threading
import time

import uvicorn


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_app(store, data_dir, **settings):
    """The real application (api.app.create_app) over ``store``, with settings overridden."""
    from api.app import create_app
    from regiograph.settings import Settings

    return create_app(Settings(data_dir=str(data_dir), load_seed=False, **settings), store=store)


class LiveServer:
    def __init__(self, app, port: int | None = None) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


CHROMIUM = "/usr/bin/chromium"
# Chromium 156 preloads the omnibox popup's WebUI, in a renderer process of its own, for every new window - and
# every browser context is a new window. That is browser chrome a headless page never shows; it took a core from
# the page under test for its first half second (benchmarks/view_draw.py --browser-ui measures it).
BROWSER_UI_PRELOAD = ("PreloadTopChromeWebUI", "WebUIOmniboxPopup", "WebUIOmniboxFullPopup", "WebUIOmniboxAimPopup")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
NO_BROWSER_UI = "--disable-features=" + ",".join(BROWSER_UI_PRELOAD)
INSTALL_HINT = ("no Chromium found: install the system one (`apt-get install -y chromium`, gives /usr/bin/chromium), "
                "or Playwright's (`python -m playwright install --with-deps chromium`), "
                "or point REGIOGRAPH_TEST_CHROMIUM at a Chromium binary")


def launch_chromium(playwright, browser_ui: bool = False):
    """Headless Chromium: $REGIOGRAPH_TEST_CHROMIUM, else /usr/bin/chromium, else Playwright's own download.
    ``browser_ui``: keep the browser's own window UI preloading (off by default, see BROWSER_UI_PRELOAD)."""
    import os

    executable = os.environ.get("REGIOGRAPH_TEST_CHROMIUM") or (CHROMIUM if os.path.exists(CHROMIUM) else None)
    if executable and not os.path.exists(executable):
        raise RuntimeError(f"REGIOGRAPH_TEST_CHROMIUM={executable} does not exist; " + INSTALL_HINT)
    try:
        return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS if browser_ui else [*CHROMIUM_ARGS, NO_BROWSER_UI])
    except Exception as exc:  # Playwright raises its own Error type when no browser is installed
        raise RuntimeError(f"{INSTALL_HINT} ({exc.__class__.__name__}: {str(exc).splitlines()[0]})") from exc
