"""Login limits that a third party cannot turn against a user (G6): failures given back, client
networks, and the fair queue for password hashing. Pure, no event loop."""

from __future__ import annotations

import pytest

from pigeon.core.limits import BucketTable, FairQueue, TokenBucket, client_network
from pigeon.errors import ErrorCode, RateLimited


class TestGiveBack:
    """A limit on failures takes before trying and gives back on success."""

    def test_a_take_given_back_does_not_count(self) -> None:
        """Successes given back never use the bucket up."""
        table = BucketTable(rate_per_s=1, burst=2)
        for _ in range(10):
            table.take_or_raise("bob", 0)
            table.give_back("bob")
        table.take_or_raise("bob", 0)
        table.take_or_raise("bob", 0)
        with pytest.raises(RateLimited):
            table.take_or_raise("bob", 0)

    def test_give_back_is_capped_at_the_burst(self) -> None:
        """Giving back more than was taken mints nothing."""
        bucket = TokenBucket(rate_per_s=1, burst=1, now=0)
        bucket.give_back()
        bucket.give_back()
        assert [bucket.try_take(0), bucket.try_take(0)] == [0, 1000]

    def test_give_back_to_an_unknown_key_is_a_no_op(self) -> None:
        """A key dropped from the table (or never seen) is simply full."""
        table = BucketTable(rate_per_s=1, burst=1)
        table.give_back("nobody")
        assert len(table) == 0


class TestClientNetwork:
    """Sharing is by network: an IPv4 address, an IPv6 /64."""

    @pytest.mark.parametrize(
        ("address", "network"),
        [
            ("192.0.2.7", "192.0.2.7"),
            ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
            ("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"),
            ("::ffff:192.0.2.7", "192.0.2.7"),
            ("unknown", "unknown"),
        ],
    )
    def test_network_of_an_address(self, address: str, network: str) -> None:
        """Addresses in one /64 share a key; IPv4-mapped addresses count as IPv4."""
        assert client_network(address) == network

    def test_neighbouring_ipv6_networks_are_apart(self) -> None:
        """Two /64s next to each other are two clients."""
        assert client_network("2001:db8:0:1::1") != client_network("2001:db8:0:2::1")


class TestFairQueue:
    """A flood from one network cannot keep another network's login out."""

    def test_invalid_parameters_are_refused(self) -> None:
        """A queue that could hold nothing is a configuration error."""
        with pytest.raises(ValueError, match="capacity"):
            FairQueue[int](capacity=0, per_key=1)

    def test_one_key_holds_at_most_its_share(self) -> None:
        """Past per_key items held by one network (waiting or running), it is told busy."""
        queue = FairQueue[int](capacity=10, per_key=2)
        assert queue.push("a", 1) is None
        assert queue.push("a", 2) is None
        with pytest.raises(RateLimited) as err:
            queue.push("a", 3)
        assert err.value.code is ErrorCode.BUSY
        assert queue.pop() == ("a", 1)  # running still counts
        with pytest.raises(RateLimited):
            queue.push("a", 3)
        queue.done("a")
        assert queue.push("a", 3) is None

    def test_items_are_taken_round_robin_across_keys(self) -> None:
        """A key with one item waits behind at most one item of each other key."""
        queue = FairQueue[str](capacity=10, per_key=4)
        for item in ("a1", "a2", "a3", "a4"):
            queue.push("a", item)
        queue.push("b", "b1")
        queue.push("c", "c1")
        order = []
        while (popped := queue.pop()) is not None:
            order.append(popped[1])
        assert order == ["a1", "b1", "c1", "a2", "a3", "a4"]

    def test_when_full_a_newcomer_pushes_out_the_greediest_newest_item(self) -> None:
        """Full: a network holding nothing gets in; the hog's newest waiting item goes."""
        queue = FairQueue[str](capacity=4, per_key=3)
        for item in ("a1", "a2", "a3"):
            queue.push("a", item)
        queue.push("b", "b1")
        assert queue.push("c", "c1") == "a3"
        assert (queue.held("a"), queue.held("c"), len(queue)) == (2, 1, 4)

    def test_when_full_of_equal_shares_a_newcomer_is_busy(self) -> None:
        """Nobody holds more than the newcomer would: the newcomer is refused, not a peer."""
        queue = FairQueue[str](capacity=2, per_key=2)
        queue.push("a", "a1")
        queue.push("b", "b1")
        with pytest.raises(RateLimited):
            queue.push("c", "c1")
        assert len(queue) == 2

    def test_running_items_are_never_pushed_out(self) -> None:
        """Only waiting items can be pushed out; work already running finishes."""
        queue = FairQueue[str](capacity=2, per_key=2)
        queue.push("a", "a1")
        queue.push("a", "a2")
        queue.pop()
        queue.pop()
        with pytest.raises(RateLimited):
            queue.push("b", "b1")

    def test_a_withdrawn_item_frees_its_place(self) -> None:
        """A caller that gives up while waiting no longer holds a place; twice is harmless."""
        queue = FairQueue[str](capacity=2, per_key=2)
        queue.push("a", "a1")
        queue.push("a", "a2")
        assert queue.discard("a", "a1")
        assert not queue.discard("a", "a1")
        assert queue.discard("a", "a2")
        assert not queue.discard("b", "b1")
        assert (len(queue), queue.held("a"), queue.pop()) == (0, 0, None)


class TestFairQueueBounds:
    """The documented numbers of the fair queue, written out (make mutation survivors)."""

    def test_the_smallest_queue_holds_one_item(self) -> None:
        """capacity=1, per_key=1 is valid; 0 of either is not."""
        queue = FairQueue[str](capacity=1, per_key=1)
        assert queue.push("a", "a1") is None and len(queue) == 1
        for capacity, per_key in [(0, 1), (1, 0)]:
            with pytest.raises(ValueError, match="must be >= 1"):
                FairQueue[str](capacity=capacity, per_key=per_key)

    def test_busy_says_retry_after_one_second(self) -> None:
        """A key at per_key, and a full queue with nobody greedier, are busy for 1,000 ms."""
        queue = FairQueue[str](capacity=2, per_key=1)
        queue.push("a", "a1")
        with pytest.raises(RateLimited) as per_key:
            queue.push("a", "a2")
        queue.push("b", "b1")
        with pytest.raises(RateLimited) as full:
            queue.push("c", "c1")
        for err in (per_key, full):
            assert (err.value.code, err.value.retry_after_ms) == (ErrorCode.BUSY, 1000)

    def test_a_key_holding_two_more_is_evicted_the_greediest_first(self) -> None:
        """When full, a newcomer pushes out the newest item of the key holding the most,
        among those holding more than the newcomer would (here 3 and 2 against 1)."""
        queue = FairQueue[str](capacity=5, per_key=5)
        for item in ("a1", "a2", "a3", "b1", "b2"):
            queue.push(item[0], item)
        assert queue.push("c", "c1") == "a3"
        assert (queue.held("a"), queue.held("b"), queue.held("c")) == (2, 2, 1)
        assert drain(queue) == ["a1", "b1", "c1", "a2", "b2"]  # the rest all still run
        small = FairQueue[str](capacity=3, per_key=3)
        for item in ("a1", "a2", "b1"):
            small.push(item[0], item)
        assert small.push("c", "c1") == "a2"  # a holds 2, more than c's 1 to come
        assert drain(small) == ["a1", "b1", "c1"]

    def test_evicting_a_keys_last_waiting_item_leaves_it_out_of_the_rotation(self) -> None:
        """A key whose only waiting item is pushed out (its other one runs) is skipped."""
        queue = FairQueue[str](capacity=3, per_key=3)
        queue.push("a", "a1")
        assert queue.pop() == ("a", "a1")  # running: still held
        queue.push("a", "a2")
        queue.push("b", "b1")
        assert queue.push("c", "c1") == "a2"
        assert drain(queue) == ["b1", "c1"]


def drain(queue: FairQueue[str]) -> list[str]:
    """Every waiting item, in the order the workers would take them."""
    items: list[str] = []
    while (popped := queue.pop()) is not None:
        items.append(popped[1])
    return items
