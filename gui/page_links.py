"""The page editor's keys for the other parts of an article on other pages: follow a
link (L), set or change one (Ctrl+L), remove it (Shift+L).

A mixin of PageEditor, kept apart because it speaks to the links table
(core.corpus.continuations) rather than to the page's segmentation; each change is one
LinkCommand on the editor's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable

from banmian.core.corpus import continuations, links
from banmian.core.edits import structure as edits
from banmian.core.page.model import Doubt
from banmian.gui.commands import LinkCommand, one_undo_step
from banmian.gui.translate import tr
from PySide6.QtWidgets import QInputDialog


class PageLinks:
    def follow_link(self) -> None:
        """Go to the fragment the selected article is linked to (pressed there, back)."""
        article_id, _blocks = self.tree.keys()
        if self.store is None or self.page_id is None or not article_id:
            return
        ends = continuations.page_links(self.store, self.page_id).get(article_id, [])
        if not ends:
            self.message.emit(tr("This article is not linked to another page"))
            return
        end = next((e for e in ends if e.direction == "to"), ends[0])
        self.fragment_requested.emit(end.page_id, end.article_id)

    def set_link(self, ref: str) -> None:
        """Link the selected article to the fragment `ref` (`p2 B1`) of its issue: it
        continues there (or comes from there, when that page comes first)."""
        article_id, _blocks = self.tree.keys()
        if self.store is None or self.page_id is None or not article_id or self.read_only:
            return
        other = continuations.resolve_ref(self.store, self.page_id, ref)
        if other is None:
            self.message.emit(tr("No article {0} in this issue").format(ref))
            return
        self._link_to(article_id, other, ref)

    def _link_to(self, article_id: str, other: tuple[int, str], ref: str) -> None:
        here = (self.page_id, article_id)
        mine = self.store.page_summary(self.page_id).page_no
        theirs = self.store.page_summary(other[0]).page_no
        here_first = _page_order(mine) <= _page_order(theirs)
        head, tail = (here, other) if here_first else (other, here)
        store = self.store
        self._push_link(
            [head, tail],
            lambda: continuations.set_link(store, head, tail),
            tr("Link {0} to {1}").format(article_id, ref),
        )

    def decide_link_doubt(self, doubt: Doubt, article_id: str | None, index: int) -> bool:
        """Y (index 0, the linker's best candidate) or Alt+N on a `link` doubt: link the
        article to that candidate. The doubt goes from the page and the link is stored,
        as one undo step, so that undo brings back both the doubt and the links as
        they were (and a later save of the page cannot bring the doubt back)."""
        if self.store is None or self.page_id is None or not article_id or self.read_only:
            self.message.emit(self.mode_text())
            return False
        if not 0 <= index < len(doubt.alternatives):
            self.message.emit(tr("This doubt offers no candidate {0}").format(index + 1))
            return False
        ref = doubt.alternatives[index]
        other = continuations.resolve_ref(self.store, self.page_id, ref)
        if other is None or self.undo_stack is None:
            self.message.emit(tr("No article {0} in this issue").format(ref))
            return False
        with one_undo_step(self.undo_stack, tr("Link {0} to {1}").format(article_id, ref)):
            done = self.apply(lambda seg: edits.resolve_doubt(seg, article_id, None, links.LINK))
            if done:
                self._link_to(article_id, other, ref)
        return done

    def ask_link(self) -> None:
        """Ctrl+L: type the other part (`p2 B1`); empty removes the link."""
        article_id, _blocks = self.tree.keys()
        if self.store is None or self.page_id is None or not article_id or self.read_only:
            return
        ends = continuations.page_links(self.store, self.page_id).get(article_id, [])
        text, ok = QInputDialog.getText(
            self,
            tr("Link to another page"),
            tr("The other part of {0} (e.g. p2 A3; empty: no link)").format(article_id),
            text=" ".join(e.ref for e in ends[:1]),
        )
        if not ok:
            return
        if text.strip():
            self.set_link(text.strip())
        else:
            self.remove_link()

    def remove_link(self) -> None:
        article_id, _blocks = self.tree.keys()
        if self.store is None or self.page_id is None or not article_id or self.read_only:
            return
        store, page_id = self.store, self.page_id
        ends = [(page_id, article_id)] + [
            (e.page_id, e.article_id)
            for e in continuations.page_links(store, page_id).get(article_id, [])
        ]
        self._push_link(
            ends,
            lambda: continuations.remove_link(store, page_id, article_id),
            tr("Remove the link of {0}").format(article_id),
        )

    def _push_link(self, ends: list, change: Callable[[], tuple], text: str) -> None:
        if self.undo_stack is None or self.store is None or self.page_id is None:
            return
        self.undo_stack.push(
            LinkCommand(self.store, self.page_id, ends, change, self._links_changed, text)
        )

    def _links_changed(self) -> None:
        self._tree_selected()


def _page_order(page_no: str) -> tuple:
    label = links.page_label(page_no)
    return (0, int(label), "") if label.isdigit() else (1, 0, label)
