"""An infusion check scoring the cannula's site VIP 3 or more asks the doctor told, as the line
chart does (domain.devices.TREATED_VIP; Jackson 1998: from 3, treatment considered)."""

from datetime import datetime

from downtime.services import infusion_checks, medication
from tests.test_infusion_rates import fluids_running  # noqa: F401  (fixture)


def _check(nurse, order_id: str, vip: str, site: str = "red") -> infusion_checks.Recorded:
    return infusion_checks.record_check(nurse, order_id, {
        "checked_at": "2026-11-28T12:00+01:00", "volume_left_ml": 500.0, "pump_rate_ml_h": 125.0, "site": site,
        "vip": vip, "line_intact": True, infusion_checks.PUMP_WORKING: True, "action": "Infusion stopped"})


def test_a_site_scored_vip_4_at_an_infusion_check_asks_the_doctor_told(fluids_running):
    """Scored VIP 4 (a hard, inflamed vein along the cannula) at the 12:00 check: said back "The
    site: red, VIP 4." under "Infusion checked", the escalation list the same, and nobody asked to
    tell the doctor, where the line chart scoring the same site says "take it out and tell the
    doctor (treatment)"."""
    nurse, _, order_id, _ = fluids_running
    recorded = _check(nurse, order_id, "4")
    assert recorded.said == ["The site: red, VIP 4. VIP 3 or more: tell the doctor (treatment)."] and recorded.tell
    site = nurse.form("infusion_check").field("site")
    at = datetime.fromisoformat("2026-11-28T12:10+01:00")
    (asked,) = infusion_checks.running_checked(nurse.db, [medication.order(nurse.db, order_id)], at, site, "fr")
    assert asked.said(at, "fr") == [
        "SURVEILLANCE DE LA PERFUSION DE 12:00 : Le site : rouge, VIP 4. VIP 3 ou plus : prévenir le médecin "
        "(traitement). La refaire une fois corrigé."]


def test_a_site_scored_vip_2_asks_the_cannula_resited_alone(fluids_running):
    """VIP 2: the cannula resited, the doctor not asked (Jackson: from 3)."""
    nurse, _, order_id, _ = fluids_running
    recorded = _check(nurse, order_id, "2")
    assert recorded.said == ["The site: red, VIP 2."] and not recorded.tell
