"""Render the README's screenshot: the window on the sample page, a doubt under review.

Run on demand under a virtual screen with a CJK font installed (Debian: xvfb,
fonts-noto-cjk): `xvfb-run -s "-screen 0 1600x1000x24" python tests/tools/screenshot.py
resources/screenshot.png`.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from banmian.core.corpus.paths import sample_page  # noqa: E402
from banmian.core.corpus.store import PageMeta, Store  # noqa: E402
from banmian.gui.app import make_application  # noqa: E402
from banmian.gui.fonts import missing_font_warning  # noqa: E402
from banmian.gui.main_window import MainWindow  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshot.png")
    app = make_application()
    if missing_font_warning():
        sys.exit("no CJK font installed: the screenshot would show boxes")
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "sample.db"
        store = Store(database)
        store.add_page(
            sample_page(), PageMeta("sample_page.txt", "青岛西海岸新闻", "2023-02-03", "2")
        )
        store.close()
        window = MainWindow(
            database, QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        )
        window.resize(1500, 920)
        window.show()
        window.open_page(1)
        editor = window.editor
        editor.tree.select_items(["A5"], [])
        editor.accept_suggestion(1)
        editor.next_doubt()
        editor.next_doubt()
        editor.tree.select_items(["A5"], [])
        editor._tree_selected()
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(out))
        print(f"wrote {out}")
        window.close()


if __name__ == "__main__":
    main()
