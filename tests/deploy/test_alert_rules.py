"""``deploy/``: the Prometheus alert rules and their promtool unit tests, the example scrape
configuration, and the Grafana dashboard, checked against docs/OPERATIONS.md.

promtool comes from Debian's ``prometheus`` package; ``make pytest`` installs it with
``scripts/ensure-debian-packages.sh``. Without it these tests fail (they never skip).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
ALERTS = DEPLOY / "alerts.yml"
ALERT_TESTS = DEPLOY / "alerts.test.yml"
PROMETHEUS_CONFIG = DEPLOY / "prometheus.yml"
DASHBOARD = DEPLOY / "grafana-dashboard.json"
METRICS_SPEC = ROOT / "docs" / "OPERATIONS.md"
# The runbook sections; they move into docs/OPERATIONS.md, which the runbook links point at.
RUNBOOKS = ROOT / "docs" / "OPERATIONS.md"

PROMTOOL_TIMEOUT_S = 60
JOB = "pigeon"

# Metric names that are not Pigeon's own but fine to use: Prometheus's per-target `up` and
# prometheus-client's process collector.
FOREIGN_METRIC = re.compile(r"^(?:up|process_\w+)$")
PROMQL_KEYWORDS = frozenset({"and", "or", "unless", "offset", "bool", "inf", "nan"})


def promtool(*args: str) -> str:
    """Run promtool from the repository root; fail with its output unless it succeeds."""
    exe = shutil.which("promtool")
    if exe is None:
        pytest.fail(
            "promtool is not installed: run `make pytest` "
            "(it installs Debian's prometheus package first)",
            pytrace=False,
        )
    result = subprocess.run(
        [exe, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=PROMTOOL_TIMEOUT_S,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, (
        f"promtool {' '.join(args)} exited {result.returncode}:\n{output}"
    )
    return output


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def alert_rules() -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = load_yaml(ALERTS)["groups"]
    return [rule for group in groups for rule in group["rules"]]


def dashboard_panels(panels: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every panel, including those nested in collapsed rows."""
    for panel in panels:
        if panel.get("type") == "row":
            yield from dashboard_panels(panel.get("panels", []))
        else:
            yield panel


def dashboard_exprs() -> list[str]:
    dashboard = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    return [
        target["expr"]
        for panel in dashboard_panels(dashboard["panels"])
        for target in panel.get("targets", [])
    ]


def as_promql(grafana_expr: str) -> str:
    """A Grafana query with its variables replaced, so that plain PromQL tools accept it."""
    expr = re.sub(r"\$__(?:rate_)?interval\b", "1m", grafana_expr)
    return re.sub(r"\$\{?\w+\}?", ".*", expr)


def metric_names(expr: str) -> set[str]:
    """The metric names a PromQL expression selects."""
    expr = re.sub(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'', '""', expr)  # string literals
    expr = re.sub(r"\{[^}]*\}", "", expr)  # label matchers
    expr = re.sub(r"\[[^\]]*\]", "", expr)  # range selectors
    expr = re.sub(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", "", expr)
    # Identifiers that are not part of a number or duration and not called as functions.
    names = re.findall(r"(?<![\w.$])([a-zA-Z_:][\w:]*)\b(?!\s*\()", expr)
    return {name for name in names if name.lower() not in PROMQL_KEYWORDS}


def spec_metric_names() -> set[str]:
    """The series names docs/OPERATIONS.md's table defines (a histogram's as its three series)."""
    text = METRICS_SPEC.read_text(encoding="utf-8")
    rows = re.findall(r"^\|\s*`([a-zA-Z_:][\w:]*)`[^|]*\|\s*(\w*)", text, flags=re.MULTILINE)
    names: set[str] = set()
    for name, kind in rows:
        suffixes = ("_bucket", "_sum", "_count") if kind == "histogram" else ("",)
        names.update(name + suffix for suffix in suffixes)
    return names


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_promtool_check_rules() -> None:
    """`promtool check rules` accepts deploy/alerts.yml."""
    promtool("check", "rules", str(ALERTS.relative_to(ROOT)))


def test_promtool_rule_unit_tests_pass() -> None:
    """Every promtool unit test in deploy/alerts.test.yml passes."""
    promtool("test", "rules", str(ALERT_TESTS.relative_to(ROOT)))


def test_prometheus_example_config_is_valid() -> None:
    """deploy/prometheus.yml passes `promtool check config`, loads the rules, scrapes job pigeon."""
    promtool("check", "config", str(PROMETHEUS_CONFIG.relative_to(ROOT)))
    config = load_yaml(PROMETHEUS_CONFIG)
    assert config["rule_files"] == ["alerts.yml"]
    assert [job["job_name"] for job in config["scrape_configs"]] == [JOB]


def test_every_rule_has_for_severity_and_runbook() -> None:
    """Each alert has `for`, a severity, and a summary, description and runbook link."""
    rules = alert_rules()
    assert rules, "no rules in deploy/alerts.yml"
    for rule in rules:
        name = rule["alert"]
        assert rule.get("for"), name
        assert rule["labels"]["severity"] in {"warning", "critical"}, name
        annotations = rule["annotations"]
        assert annotations["summary"] and annotations["description"], name
        assert annotations["runbook"] == f"docs/OPERATIONS.md#{name.lower()}", name
        assert f'job="{JOB}"' in rule["expr"], f"{name} does not select job {JOB}"


def test_every_runbook_link_has_a_section() -> None:
    """Each runbook anchor is the GitHub anchor of a heading in the runbook document."""
    headings = re.findall(r"^#{1,6}\s+(.+)$", RUNBOOKS.read_text(encoding="utf-8"), re.MULTILINE)
    anchors = {github_anchor(heading) for heading in headings}
    for rule in alert_rules():
        anchor = rule["annotations"]["runbook"].partition("#")[2]
        assert anchor in anchors, f"{rule['alert']}: no heading with anchor #{anchor}"


def test_every_alert_has_a_firing_and_a_quiet_test() -> None:
    """Each rule (alert name and severity) fires in one promtool test and stays quiet in another."""
    fired: set[tuple[str, str]] = set()
    quiet: set[tuple[str, str]] = set()
    for case in load_yaml(ALERT_TESTS)["tests"]:
        checks = case.get("alert_rule_tests") or case.get("alert_rule_test") or []
        fires_in_case = {
            (check["alertname"], alert["exp_labels"]["severity"])
            for check in checks
            for alert in check["exp_alerts"]
        }
        fired |= fires_in_case
        # Quiet means: checked and expected silent in a case where it never fires (so a
        # check made while a firing alert is still pending does not count).
        for check in checks:
            for severity in ("warning", "critical"):
                key = (check["alertname"], severity)
                if key not in fires_in_case:
                    quiet.add(key)
    rules = {(rule["alert"], rule["labels"]["severity"]) for rule in alert_rules()}
    assert not rules - fired, f"rules never shown firing: {sorted(rules - fired)}"
    assert not rules - quiet, f"rules never shown quiet: {sorted(rules - quiet)}"
    assert not fired - rules, f"tests expect alerts no rule defines: {sorted(fired - rules)}"


@pytest.mark.parametrize("source", ["alerts", "dashboard"])
def test_every_metric_name_is_in_the_spec(source: str) -> None:
    """Alerts and dashboard use only metrics in docs/OPERATIONS.md (or up, process_*)."""
    exprs = [rule["expr"] for rule in alert_rules()] if source == "alerts" else dashboard_exprs()
    used = set().union(*(metric_names(expr) for expr in exprs))
    assert len(used) >= 5, f"too few metric names found, is the parser broken? {used}"
    spec = spec_metric_names()
    unknown = {name for name in used if name not in spec and not FOREIGN_METRIC.match(name)}
    assert not unknown, f"{source} uses metrics not in docs/OPERATIONS.md: {sorted(unknown)}"


def test_metric_name_parser() -> None:
    """metric_names() finds selected metrics and ignores functions, labels, numbers, durations."""
    expr = (
        'histogram_quantile(0.99, sum by (le, instance) (rate(a_bucket{job="x", le=~"1e-3"}'
        "[5m] offset 1h))) / (b > 0) and on (instance) c * 1e-9 or max without (d) (e)"
    )
    assert metric_names(expr) == {"a_bucket", "b", "c", "e"}


def test_dashboard_panels_have_titles_and_queries() -> None:
    """The dashboard is valid JSON, uses the DS_PROMETHEUS input, and every panel has a query."""
    dashboard = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    assert 36 <= dashboard["schemaVersion"] <= 40
    assert [i["name"] for i in dashboard["__inputs"]] == ["DS_PROMETHEUS"]
    panels = list(dashboard_panels(dashboard["panels"]))
    assert panels
    for panel in panels:
        assert panel.get("title"), f"panel {panel.get('id')} has no title"
        assert panel["datasource"]["uid"] == "${DS_PROMETHEUS}", panel["title"]
        exprs = [target.get("expr") for target in panel.get("targets", [])]
        assert exprs and all(exprs), f"panel {panel['title']!r} has a target without an expr"
    ids = [panel["id"] for panel in panels]
    assert len(ids) == len(set(ids)), "panel ids repeat"


def test_dashboard_queries_are_valid_promql(tmp_path: Path) -> None:
    """promtool parses every dashboard query (as recording rules, Grafana variables filled in)."""
    rules = [
        {"record": f"dashboard:query_{i}", "expr": as_promql(expr)}
        for i, expr in enumerate(dashboard_exprs())
    ]
    rule_file = tmp_path / "dashboard-queries.yml"
    # JSON is YAML, which promtool reads.
    rule_file.write_text(json.dumps({"groups": [{"name": "dashboard", "rules": rules}]}))
    promtool("check", "rules", str(rule_file))
