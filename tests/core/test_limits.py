"""Rate and size limits as pure functions of ``now`` (G6)."""

from __future__ import annotations

import msgspec
import pytest

from pigeon.core.limits import (
    MAX_META_INT,
    BucketTable,
    TokenBucket,
    check_body,
    check_handle_free,
    check_meta_values,
    check_text,
    is_blank,
    parse_decimal,
)
from pigeon.errors import ErrorCode, ProtocolViolation, RateLimited


class TestTokenBucket:
    """G6: a sender past its rate is refused with an exact retry-after, and recovers."""

    @pytest.mark.parametrize(("rate", "burst"), [(0, 1), (-1, 5), (1, 0.5), (1, 0)])
    def test_invalid_parameters_are_refused(self, rate: float, burst: float) -> None:
        """A bucket that could never pass is a configuration error."""
        with pytest.raises(ValueError, match="rate_per_s"):
            TokenBucket(rate_per_s=rate, burst=burst, now=0)

    def test_starts_full_and_allows_the_burst(self) -> None:
        """A new bucket admits `burst` takes at once, then refuses."""
        bucket = TokenBucket(rate_per_s=4, burst=3, now=0)
        assert [bucket.try_take(0) for _ in range(4)] == [0, 0, 0, 250]

    def test_retry_after_is_exact(self) -> None:
        """retry_after_ms is the time until enough tokens have refilled, rounded up."""
        bucket = TokenBucket(rate_per_s=4, burst=1, now=0)
        assert bucket.try_take(0) == 0
        assert bucket.try_take(0) == 250
        assert bucket.try_take(0.125) == 125
        assert bucket.try_take(0.25) == 0

    def test_retry_after_rounds_up_to_whole_milliseconds(self) -> None:
        """A wait of a fraction of a millisecond is reported as 1 ms, not 0 (0 means passed)."""
        bucket = TokenBucket(rate_per_s=3, burst=1, now=0)
        bucket.try_take(0)
        assert bucket.try_take(0) == 334  # 333.33 ms rounded up
        fast = TokenBucket(rate_per_s=1_000_000, burst=1, now=0)
        fast.try_take(0)
        assert fast.try_take(0) == 1

    def test_cost_above_one(self) -> None:
        """A take may cost several tokens; its retry-after counts the whole cost."""
        bucket = TokenBucket(rate_per_s=2, burst=4, now=0)
        assert bucket.try_take(0, cost=3) == 0
        assert bucket.try_take(0, cost=3) == 1000
        assert bucket.try_take(1, cost=3) == 0

    def test_refill_is_capped_at_the_burst(self) -> None:
        """A long idle time refills to `burst`, no more."""
        bucket = TokenBucket(rate_per_s=4, burst=2, now=0)
        bucket.try_take(0)
        bucket.try_take(0)
        assert [bucket.try_take(1000) for _ in range(3)] == [0, 0, 250]

    def test_stale_now_mints_no_tokens(self) -> None:
        """A `now` older than the last one adds nothing, then or later."""
        bucket = TokenBucket(rate_per_s=1, burst=1, now=10)
        assert bucket.try_take(10) == 0
        assert bucket.try_take(9) == 1000
        assert bucket.try_take(10) == 1000
        assert bucket.try_take(11) == 0

    def test_take_or_raise_raises_rate_limited(self) -> None:
        """take_or_raise passes silently, or raises RateLimited carrying retry_after_ms."""
        bucket = TokenBucket(rate_per_s=4, burst=1, now=0)
        bucket.take_or_raise(0)
        with pytest.raises(RateLimited) as info:
            bucket.take_or_raise(0)
        assert info.value.retry_after_ms == 250
        assert info.value.code is ErrorCode.RATE_LIMITED
        assert isinstance(info.value, ProtocolViolation)

    def test_take_or_raise_takes_its_cost_and_give_back_returns_one(self) -> None:
        """take_or_raise takes ``cost`` tokens; give_back returns one unless told more."""
        bucket = TokenBucket(rate_per_s=1, burst=3, now=0)
        bucket.take_or_raise(0, cost=2)
        bucket.give_back()
        bucket.take_or_raise(0, cost=2)
        with pytest.raises(RateLimited) as info:
            bucket.take_or_raise(0)
        assert info.value.retry_after_ms == 1000


class TestBucketTable:
    """G6: per-key limits with a bounded number of keys."""

    def test_keys_are_limited_independently(self) -> None:
        """One key's exhaustion does not affect another."""
        table = BucketTable(rate_per_s=1, burst=1)
        table.take_or_raise("alice", 0)
        with pytest.raises(RateLimited):
            table.take_or_raise("alice", 0)
        table.take_or_raise("bob", 0)
        assert len(table) == 2

    def test_table_is_bounded_and_drops_the_least_recently_used(self) -> None:
        """Beyond max_keys the least recently used bucket is forgotten."""
        table = BucketTable(rate_per_s=1, burst=1, max_keys=2)
        table.take_or_raise("a", 0)
        table.take_or_raise("b", 0)
        with pytest.raises(RateLimited):
            table.take_or_raise("a", 0)  # touches a: b is now the least recently used
        table.take_or_raise("c", 0)
        assert len(table) == 2
        with pytest.raises(RateLimited):
            table.take_or_raise("a", 0)  # a was kept, still exhausted
        table.take_or_raise("b", 0)  # b was dropped: a fresh, full bucket

    def test_cost_and_give_back_are_per_key(self) -> None:
        """A key's take of 2 and give-back of 1 leave it 1 of its burst of 3; others are full."""
        table = BucketTable(rate_per_s=1, burst=3)
        table.take_or_raise("a", 0, cost=2)
        table.give_back("a")
        table.take_or_raise("a", 0, cost=2)
        with pytest.raises(RateLimited):
            table.take_or_raise("a", 0)
        table.take_or_raise("b", 0, cost=3)

    def test_bucket_state_survives_across_calls(self) -> None:
        """A kept key refills with time like a single bucket."""
        table = BucketTable(rate_per_s=2, burst=1)
        table.take_or_raise("a", 0)
        with pytest.raises(RateLimited) as info:
            table.take_or_raise("a", 0.25)
        assert info.value.retry_after_ms == 250
        table.take_or_raise("a", 0.5)


class TestCheckBody:
    """G6: bodies are bounded in UTF-8 bytes, metadata included; G3: only storable text."""

    @pytest.mark.parametrize("body", ["", " ", "\n\t "])
    def test_empty_body_is_bad_request(self, body: str) -> None:
        """An empty or blank body without metadata is refused."""
        with pytest.raises(ProtocolViolation) as info:
            check_body(body, None, max_body_bytes=100)
        assert info.value.code is ErrorCode.BAD_REQUEST

    def test_empty_meta_does_not_make_a_body(self) -> None:
        """An empty metadata object counts as none."""
        with pytest.raises(ProtocolViolation):
            check_body("", {}, max_body_bytes=100)

    def test_empty_body_with_meta_is_accepted(self) -> None:
        """A message may be metadata only (an attachment, a reaction)."""
        check_body("", {"k": msgspec.Raw(b"1")}, max_body_bytes=100)

    def test_size_is_counted_in_utf8_bytes(self) -> None:
        """Five 'é' are 10 bytes: allowed at 10, refused at 9."""
        check_body("é" * 5, None, max_body_bytes=10)
        with pytest.raises(ProtocolViolation) as info:
            check_body("é" * 5, None, max_body_bytes=9)
        assert info.value.code is ErrorCode.TOO_LARGE
        assert info.value.message == "the request is too large"

    def test_meta_counts_toward_the_size(self) -> None:
        """The encoded metadata (here 7 bytes: {"k":1}) is added to the body's size."""
        meta = {"k": msgspec.Raw(b"1")}
        check_body("ab", meta, max_body_bytes=9)
        with pytest.raises(ProtocolViolation) as info:
            check_body("ab", meta, max_body_bytes=8)
        assert info.value.code is ErrorCode.TOO_LARGE

    @pytest.mark.parametrize("body", [chr(0xD800), "ok " + chr(0xDFFF), chr(0xD83D) + "!"])
    def test_lone_surrogate_is_bad_request(self, body: str) -> None:
        """Text that cannot be stored as UTF-8 is refused."""
        with pytest.raises(ProtocolViolation) as info:
            check_body(body, None, max_body_bytes=100)
        assert info.value.code is ErrorCode.BAD_REQUEST

    def test_check_text_accepts_any_valid_unicode(self) -> None:
        """Valid text, astral characters included, passes."""
        check_text("héllo \U0001f426 \u202e")


def test_meta_with_invalid_utf8_is_bad_request() -> None:
    """Raw meta values are checked as UTF-8 text before they can reach the store."""
    meta = {"k": msgspec.Raw(b'"\xff"')}
    with pytest.raises(ProtocolViolation) as info:
        check_body("hi", meta, max_body_bytes=1000)
    assert info.value.code is ErrorCode.BAD_REQUEST


class TestText:
    """Text reaches the store only without NUL, which C-based tools read as its end."""

    @pytest.mark.parametrize("text", ["\x00", "a\x00b", "hi\x00"])
    def test_nul_is_bad_request(self, text: str) -> None:
        """A NUL anywhere in a text field is refused."""
        with pytest.raises(ProtocolViolation) as info:
            check_text(text)
        assert info.value.code is ErrorCode.BAD_REQUEST

    def test_nul_in_a_body_is_bad_request(self) -> None:
        """check_body refuses a NUL in the body, however short."""
        with pytest.raises(ProtocolViolation) as info:
            check_body("a\x00", None, max_body_bytes=100)
        assert info.value.code is ErrorCode.BAD_REQUEST

    @pytest.mark.parametrize(
        "text",
        [
            "",
            " ",
            "\t\n",
            "\u200b",
            "\ufeff",
            "\u200b\u200c\u200d\u2060",
            "\u3000\u00a0",
            "\u202e\u2066",
            "\u0301",
            "\u3164",
            "\u2800",
            "\u115f\u1160\uffa0",
            "\ufe0f",
        ],
        ids=[
            "empty",
            "space",
            "whitespace",
            "zwsp",
            "bom",
            "joiners",
            "wide-spaces",
            "bidi",
            "lone-combining",
            "hangul-filler",
            "braille-blank",
            "fillers",
            "variation",
        ],
    )
    def test_invisible_text_is_blank(self, text: str) -> None:
        """Whitespace, zero-width and format characters, lone marks and blank letters show
        nothing."""
        assert is_blank(text)

    @pytest.mark.parametrize("text", ["a", "\u200bx\u200b", "🐦", "é", "\ue000", "-", "\u0301a"])
    def test_any_visible_character_is_not_blank(self, text: str) -> None:
        """One visible character is enough, among any number of invisible ones."""
        assert not is_blank(text)


class TestMetaValues:
    """Meta integers stay within what every common JSON decoder holds exactly: +-(2**53-1)."""

    @pytest.mark.parametrize(
        "encoded",
        [
            b'{"n":9007199254740991}',
            b'{"n":-9007199254740991}',
            b'{"n":[1,2.5,true,null,"s",{"m":0}]}',
            b'{"f":1.5e300}',
            b"{}",
        ],
        ids=["max", "min", "mixed", "float", "empty"],
    )
    def test_values_in_range_pass(self, encoded: bytes) -> None:
        """Integers at the bound, floats, strings, booleans and null are all fine."""
        check_meta_values(encoded)

    @pytest.mark.parametrize(
        "encoded",
        [
            b'{"n":9007199254740992}',
            b'{"n":-9007199254740992}',
            b'{"n":18446744073709551616}',
            b'{"n":-123456789012345678901234567890}',
            b'{"n":[[{"deep":[9007199254740992]}]]}',
            b'{"n":1e400}',
            b'{"n":"a\\u0000b"}',
            b'{"a\\u0000b":1}',
            b'{"n":{"a\\u0000":1}}',
        ],
        ids=[
            "max+1",
            "min-1",
            "2**64",
            "huge-negative",
            "nested",
            "inf-float",
            "nul-string",
            "nul-key",
            "nul-nested-key",
        ],
    )
    def test_values_out_of_range_are_bad_request(self, encoded: bytes) -> None:
        """An integer beyond the bound at any depth, a float no double holds, or NUL in a
        string or key is refused."""
        with pytest.raises(ProtocolViolation) as info:
            check_meta_values(encoded)
        assert info.value.code is ErrorCode.BAD_REQUEST

    def test_bound_is_javascripts_max_safe_integer(self) -> None:
        """The bound is Number.MAX_SAFE_INTEGER, as in Matrix's canonical JSON."""
        assert MAX_META_INT == 9007199254740991

    def test_check_body_checks_meta_values(self) -> None:
        """A send's metadata goes through the same check, on either transport."""
        check_body("hi", {"n": msgspec.Raw(b"9007199254740991")}, max_body_bytes=1000)
        with pytest.raises(ProtocolViolation) as info:
            check_body("hi", {"n": msgspec.Raw(b"9007199254740992")}, max_body_bytes=1000)
        assert info.value.code is ErrorCode.BAD_REQUEST

    def test_meta_over_the_size_limit_is_too_large_before_it_is_walked(self) -> None:
        """Size is checked first: an oversized meta is too_large whatever it holds."""
        meta = {"n": msgspec.Raw(b"9007199254740992")}
        with pytest.raises(ProtocolViolation) as info:
            check_body("hi", meta, max_body_bytes=10)
        assert info.value.code is ErrorCode.TOO_LARGE


class TestParseDecimal:
    """Integers in paths and query strings: ASCII digits only, one spelling per value."""

    @pytest.mark.parametrize(("text", "value"), [("0", 0), ("1", 1), ("007", 7), ("1000", 1000)])
    def test_ascii_digits_are_accepted(self, text: str, value: int) -> None:
        """Plain ASCII digits parse to their value."""
        assert parse_decimal(text, name="n", low=0, high=1000) == value

    @pytest.mark.parametrize(
        "text",
        ["+1", " 1", "1 ", "1_0", "-1", "\u0661", "\uff11", "1.0", "0x1", "1e3", "\u00b2", ""],
        ids=[
            "plus",
            "lead-space",
            "trail-space",
            "underscore",
            "minus",
            "arabic-indic",
            "fullwidth",
            "decimal",
            "hex",
            "exponent",
            "superscript",
            "empty",
        ],
    )
    def test_other_spellings_are_bad_request(self, text: str) -> None:
        """What int() would also take, and what it would not, is refused alike."""
        with pytest.raises(ProtocolViolation) as info:
            parse_decimal(text, name="n", low=0, high=1000)
        assert info.value.code is ErrorCode.BAD_REQUEST
        assert info.value.message == "n must be an integer"

    @pytest.mark.parametrize(("text", "valid"), [("0" * 19 + "7", True), ("0" * 20 + "7", False)])
    def test_at_most_20_digits_leading_zeros_included(self, text: str, valid: bool) -> None:
        """20 digits are read whatever their value; 21 are out of range unread."""
        if valid:
            assert parse_decimal(text, name="n", low=0, high=1000) == 7
        else:
            with pytest.raises(ProtocolViolation) as info:
                parse_decimal(text, name="n", low=0, high=1000)
            assert info.value.message == "n is out of range"

    @pytest.mark.parametrize("text", ["1001", "9" * 21, "9" * 5000])
    def test_out_of_range_is_bad_request(self, text: str) -> None:
        """Past ``high``, however many digits, is out of range (no int() of 5,000 digits)."""
        with pytest.raises(ProtocolViolation) as info:
            parse_decimal(text, name="n", low=0, high=1000)
        assert info.value.code is ErrorCode.BAD_REQUEST
        assert info.value.message == "n is out of range"

    def test_below_low_is_out_of_range(self) -> None:
        """``low`` is inclusive."""
        assert parse_decimal("1", name="n", low=1, high=2) == 1
        with pytest.raises(ProtocolViolation):
            parse_decimal("0", name="n", low=1, high=2)


def test_reserved_handle_is_refused_as_taken() -> None:
    """A reserved handle gets conflict, as a taken one does; any other passes."""
    check_handle_free("alice", frozenset({"admin"}))
    with pytest.raises(ProtocolViolation) as info:
        check_handle_free("admin", frozenset({"admin"}))
    assert info.value.code is ErrorCode.CONFLICT
