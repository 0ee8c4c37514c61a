"""The outgoing side of webhooks: one aiohttp session POSTing deliveries for the relay
(:mod:`pigeon.application.relay`), each within ``timeout_s`` from connect to the answer's
status line. Redirects are not followed (a delivery goes where its owner said), and the
answer's body is never read: only the status counts.
"""

from __future__ import annotations

import aiohttp

from pigeon.transport.outbound import OutboundSession

# Connections kept per endpoint host: the relay has at most 2 deliveries in flight to each.
CONNECTIONS_PER_HOST = 4


class WebhookClient(OutboundSession):
    per_host = CONNECTIONS_PER_HOST

    async def post(self, url: str, body: bytes, headers: dict[str, str]) -> str | None:
        """None when the endpoint answered 2xx; else what went wrong, in a few words."""
        if self._session is None:
            return "the webhook client is closed"
        try:
            async with self._session.post(
                url, data=body, headers=headers, allow_redirects=False
            ) as response:
                if 200 <= response.status < 300:
                    return None
                return f"HTTP {response.status}"
        except TimeoutError:
            return f"no answer within {self._timeout.total:g} s"
        except (aiohttp.ClientError, OSError, ValueError) as exc:
            return f"{type(exc).__name__}: {exc}"[:200]
