"""Issue 19.5: the court's name and notice 文号 set in the window (管理员), read-only for others,
and used on the sheets and notices."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from workload_app.services import audit, court
from workload_app.services.sheets import export_sheets

pytestmark = pytest.mark.gui


def test_admin_sets_name_and_prefix_and_the_notice_prints_them(demo_db, open_window, qtbot, tmp_path):
    w = open_window(demo_db, "admin")
    dialog = w.court_settings()
    assert dialog.name.isEnabled() and dialog.prefix.isEnabled()
    dialog.name.setText("重庆市渝中区人民法院")
    dialog.prefix.setText("渝0103法")
    dialog.start.setValue(41)
    assert dialog.example.text() == "渝0103法〔2025〕41号"
    dialog.save()
    assert dialog.result() == 1
    s = court.court_settings(demo_db)
    assert (s.name, s.notice_prefix, s.notice_start) == ("重庆市渝中区人民法院", "渝0103法", 41)
    assert len(audit.log(demo_db, action="court.settings")) == 1
    paths = export_sheets(demo_db, 2025, 6, "notice", tmp_path, everyone=True, combined=False)
    first = min(paths)  # the first notice of the plan: number 41
    texts = {p.name: PdfReader(p).pages[0].extract_text() for p in paths}
    assert all("重庆市渝中区人民法院" in t for t in texts.values())
    numbers = sorted(int(t.split("渝0103法〔2025〕")[1].split("号")[0]) for t in texts.values())
    assert numbers == list(range(41, 41 + len(paths))), first
    sheet = export_sheets(demo_db, 2025, 6, "court", tmp_path / "c", everyone=True)
    assert "重庆市渝中区人民法院" in PdfReader(sheet[0]).pages[0].extract_text()


def test_bad_prefix_is_refused_in_the_dialog_and_nothing_changes(demo_db, open_window):
    w = open_window(demo_db)
    before = court.court_settings(demo_db)
    dialog = w.court_settings()
    dialog.prefix.setText("渝（0103）法")
    dialog.save()
    assert dialog.result() == 0 and "括号" in dialog.message.text()
    assert court.court_settings(demo_db) == before


@pytest.mark.parametrize("login", ["renshi", "tingzhang", "faguan"])
def test_others_see_the_settings_read_only(demo_db, open_window, login):
    w = open_window(demo_db, login)
    dialog = w.court_settings()
    assert dialog.name.text() == court.court_settings(demo_db).name
    assert not dialog.name.isEnabled() and not dialog.prefix.isEnabled() and not dialog.start.isEnabled()
    from PySide6.QtWidgets import QDialogButtonBox

    box = dialog.findChild(QDialogButtonBox)
    assert box.button(QDialogButtonBox.StandardButton.Save) is None


def test_admin_chooses_one_number_per_plan_in_the_dialog(demo_db, open_window):
    w = open_window(demo_db, "admin")
    dialog = w.court_settings()
    assert dialog.numbering.currentData() == "judge" and dialog.numbering.isEnabled()
    dialog.numbering.setCurrentIndex(dialog.numbering.findData("plan"))
    dialog.save()
    assert dialog.result() == 1
    assert court.court_settings(demo_db).notice_numbering == "plan"
    again = w.court_settings()
    assert again.numbering.currentData() == "plan"
