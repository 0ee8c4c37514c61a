"""The run's figures in one pass (D57): availability, each fault's recovery and the timeline,
from a hand-made history whose answers are worked out below."""

from __future__ import annotations

from pigeon.chaos.report import Figures
from pigeon.simulation.history import Record


def send(t_ms: int, cmid: str, outcome: str | None = None, at_ms: int = 0) -> list[Record]:
    out = [Record(t_ms=t_ms, type="invoke", who="u", op="send", conv="c", client_msg_id=cmid)]
    if outcome is not None:
        out.append(
            Record(t_ms=at_ms, type=outcome, who="u", op="send", conv="c", client_msg_id=cmid)
        )
    return out


def fault(kind: str, t_ms: int, heal_ms: int) -> tuple[Record, Record]:
    return (
        Record(t_ms=t_ms, type="fault", who="nemesis", op=kind, target="gateway-0"),
        Record(t_ms=heal_ms, type="heal", who="nemesis", op=kind, target="gateway-0"),
    )


def test_figures_from_one_pass() -> None:
    kill, healed = fault("gateway_kill", 1_000, 2_000)
    records = [
        *send(0, "a", "ok", 100),  # before the fault: 100 ms
        *send(900, "b"),  # sent before the kill, acked after the heal: 6.1 s
        kill,
        *send(1_500, "c", "fail", 1_600),  # refused for good
        healed,
        Record(t_ms=7_000, type="ok", who="u", op="send", conv="c", client_msg_id="b"),
        *send(7_100, "d"),  # never settled
    ]
    figures = Figures(ack_timeout_s=5.0)
    for record in records:
        figures.feed(record)
    result = figures.result()
    sends = result["sends"]
    assert (sends["attempted"], sends["acked"], sends["refused"], sends["unknown"]) == (4, 2, 1, 1)
    assert sends["acked_within_timeout"] == 1 and sends["availability"] == 0.25
    assert sends["ack_latency_ms"] == {"p50": 6_100, "p99": 6_100, "max": 6_100}
    # b waited from the kill (1.0 s) to its ack (7.0 s); c, refused, counts to the heal.
    [found] = result["faults"]
    assert found == {
        "kind": "gateway_kill",
        "target": "gateway-0",
        "start_s": 1.0,
        "end_s": 2.0,
        "recovery_s": 6.0,
    }
    assert [(row["t_s"], row["acked"]) for row in result["timeline"]] == [
        (s, 1 if s in (0, 7) else 0) for s in range(8)
    ]


def test_a_refused_send_is_not_charged_to_the_faults_after_its_refusal() -> None:
    """A send refused for good (membership churn's not_found, say) counts to the heal of a
    fault it was waiting through, and to no later fault: those kept their own sends'
    waits (it used to charge every later fault its whole length, D68)."""
    first, first_healed = fault("pause", 1_000, 2_000)
    later, later_healed = fault("store_failover", 10_000, 26_000)
    records = [
        first,
        *send(1_500, "c", "fail", 1_600),  # refused during the first fault
        first_healed,
        *send(9_000, "r", "fail", 9_100),  # refused before the later fault began
        later,
        *send(10_000, "e", "ok", 17_500),  # the later fault's real wait: 7.5 s
        later_healed,
    ]
    figures = Figures(ack_timeout_s=5.0)
    for record in records:
        figures.feed(record)
    found = {f["kind"]: f["recovery_s"] for f in figures.result()["faults"]}
    assert found == {"pause": 0.5, "store_failover": 7.5}  # c: from 1.5 s to the heal
