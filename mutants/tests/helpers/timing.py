"""The one unit for bounded waits in tests, scalable on slow machines (PIGEON_TEST_TIMEOUT_S)."""

import os

TIMEOUT_S = float(os.environ.get("PIGEON_TEST_TIMEOUT_S", "30"))
