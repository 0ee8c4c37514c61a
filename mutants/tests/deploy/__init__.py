"""Tests of the deployment files under deploy/: alert rules, their promtool tests, dashboard."""
