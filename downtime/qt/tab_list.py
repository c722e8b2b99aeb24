"""Every tab of the main window in a list, at the tab bar's left: on a 1,024-pixel screen a
nurse's fixed tabs take 600 pixels, and a fourth patient's chart scrolled "Patients" and the
first charts out of the bar, behind two small arrows. A chart's tab cannot be cut short enough
to keep all in view (its screen and the bed alone take 150 pixels), so each is listed here by
its whole title, its patient's identifiers in the entry's tooltip as on the tab's."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMenu, QTabWidget, QToolButton

from downtime.qt.i18n import translate


class TabList(QToolButton):
    """"All tabs", left of the tabs (never beyond a narrow screen's edge, as at their right),
    while they do not all fit in the bar: shown always, it took the room of a tab that fits.
    The tabs are listed in their order when opened, the one on screen ticked; choosing one
    brings it forward."""

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self.tabs = tabs
        self.setText(translate("TabList", "All tabs") + " ▾")
        self.setAccessibleName(translate("TabList", "All tabs"))
        self.setStyleSheet("QToolButton::menu-indicator { image: none; }")  # drawn over the text's end: the ▾ says it
        self.setToolTip(translate("TabList", "Every open tab, to bring one forward"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(QMenu(self))
        self.menu().setToolTipsVisible(True)
        self.menu().aboutToShow.connect(self._list)
        self.hide()
        tabs.installEventFilter(self)  # a tab opened, closed or renamed lays the bar out again

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.tabs and event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self.setVisible(self.tabs.tabBar().sizeHint().width() > self.tabs.width())
        return False

    def _list(self) -> None:
        menu = self.menu()
        menu.clear()
        for index in range(self.tabs.count()):
            action = menu.addAction(self.tabs.tabText(index).replace("&", "&&"))  # a name's "&" is no mnemonic
            action.setToolTip(self.tabs.tabToolTip(index))
            action.setCheckable(True)
            action.setChecked(index == self.tabs.currentIndex())
            action.triggered.connect(lambda checked=False, shown=self.tabs.widget(index): self.tabs.setCurrentWidget(shown))
