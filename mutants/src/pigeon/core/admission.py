"""Who may hold a connection, before anything is parsed: per-address counts at accept, and
whether a request head has arrived yet. Pure functions and counters; the listener in
:mod:`pigeon.transport.listener` drives them.
"""

from __future__ import annotations


from mutmut.mutation.trampoline import wrap_in_trampoline as _mutmut_mutated, MutantDict
mutants_xǁConnectionCountsǁ__init____mutmut: MutantDict = {}  # type: ignore
mutants_xǁConnectionCountsǁtry_add__mutmut: MutantDict = {}  # type: ignore
mutants_xǁConnectionCountsǁremove__mutmut: MutantDict = {}  # type: ignore
mutants_xǁConnectionCountsǁcount__mutmut: MutantDict = {}  # type: ignore
mutants_xǁConnectionCountsǁtotal__mutmut: MutantDict = {}  # type: ignore


class ConnectionCounts:
    """Open connections per key, each key capped at ``limit``. Holds only keys with at
    least one connection, so its size is bounded by the connections themselves."""

    @_mutmut_mutated(mutants_xǁConnectionCountsǁ__init____mutmut)
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._counts: dict[str, int] = {}

    def xǁConnectionCountsǁ__init____mutmut_orig(self, limit: int) -> None:
        self.limit = limit
        self._counts: dict[str, int] = {}

    def xǁConnectionCountsǁ__init____mutmut_1(self, limit: int) -> None:
        self.limit = None
        self._counts: dict[str, int] = {}

    def xǁConnectionCountsǁ__init____mutmut_2(self, limit: int) -> None:
        self.limit = limit
        self._counts: dict[str, int] = None

    @_mutmut_mutated(mutants_xǁConnectionCountsǁtry_add__mutmut)
    def try_add(self, key: str) -> bool:
        """Count one more connection for ``key``; False (and nothing counted) at the cap."""
        count = self._counts.get(key, 0)
        if count >= self.limit:
            return False
        self._counts[key] = count + 1
        return True

    def xǁConnectionCountsǁtry_add__mutmut_orig(self, key: str) -> bool:
        """Count one more connection for ``key``; False (and nothing counted) at the cap."""
        count = self._counts.get(key, 0)
        if count >= self.limit:
            return False
        self._counts[key] = count + 1
        return True

    def xǁConnectionCountsǁtry_add__mutmut_1(self, key: str) -> bool:
        """Count one more connection for ``key``; False (and nothing counted) at the cap."""
        count = None
        if count >= self.limit:
            return False
        self._counts[key] = count + 1
        return True

    def xǁConnectionCountsǁtry_add__mutmut_2(self, key: str) -> bool:
        """Count one more connection for ``key``; False (and nothing counted) at the cap."""
        count = self._counts.get(None, 0)
        if count >= self.limit:
            return False
        self._counts[key] = count + 1
        return True

    def xǁConnectionCountsǁtry_add__mutmut_3(self, key: str) -> bool:
        """Count one more connection for ``key``; False (and nothing counted) at the cap."""
        count = self._counts.get(key, None)
        if count >= self.limit:
            return False
        self._counts[key] = count + 1
        return True

    def xǁConnectionCountsǁtry_add__mutmut_4(self, key: str) -> bool:
        """Count one more connection for ``key``; False (and nothing counted) at the cap."""
        count = self._counts.get(0)
        if count >= self.limit:
            return False
        self._counts[key] = count + 1
        return True

    def xǁConnectionCountsǁtry_add__mutmut_5(self, key: str) -> bool:
        """Count one more connection for ``key``; False (and nothing counted) at the cap."""
        count = self._counts.get(key, )
        if count >= self.limit:
            return False
        self._counts[key] = count + 1
        return True

    def xǁConnectionCountsǁtry_add__mutmut_6(self, key: str) -> bool:
        """Count one more connection for ``key``; False (and nothing counted) at the cap."""
        count = self._counts.get(key, 1)
        if count >= self.limit:
            return False
        self._counts[key] = count + 1
        return True

    def xǁConnectionCountsǁtry_add__mutmut_7(self, key: str) -> bool:
        """Count one more connection for ``key``; False (and nothing counted) at the cap."""
        count = self._counts.get(key, 0)
        if count > self.limit:
            return False
        self._counts[key] = count + 1
        return True

    def xǁConnectionCountsǁtry_add__mutmut_8(self, key: str) -> bool:
        """Count one more connection for ``key``; False (and nothing counted) at the cap."""
        count = self._counts.get(key, 0)
        if count >= self.limit:
            return True
        self._counts[key] = count + 1
        return True

    def xǁConnectionCountsǁtry_add__mutmut_9(self, key: str) -> bool:
        """Count one more connection for ``key``; False (and nothing counted) at the cap."""
        count = self._counts.get(key, 0)
        if count >= self.limit:
            return False
        self._counts[key] = None
        return True

    def xǁConnectionCountsǁtry_add__mutmut_10(self, key: str) -> bool:
        """Count one more connection for ``key``; False (and nothing counted) at the cap."""
        count = self._counts.get(key, 0)
        if count >= self.limit:
            return False
        self._counts[key] = count - 1
        return True

    def xǁConnectionCountsǁtry_add__mutmut_11(self, key: str) -> bool:
        """Count one more connection for ``key``; False (and nothing counted) at the cap."""
        count = self._counts.get(key, 0)
        if count >= self.limit:
            return False
        self._counts[key] = count + 2
        return True

    def xǁConnectionCountsǁtry_add__mutmut_12(self, key: str) -> bool:
        """Count one more connection for ``key``; False (and nothing counted) at the cap."""
        count = self._counts.get(key, 0)
        if count >= self.limit:
            return False
        self._counts[key] = count + 1
        return False

    @_mutmut_mutated(mutants_xǁConnectionCountsǁremove__mutmut)
    def remove(self, key: str) -> None:
        """One connection of ``key`` closed (each successful try_add is removed once)."""
        count = self._counts.get(key, 0) - 1
        if count > 0:
            self._counts[key] = count
        else:
            self._counts.pop(key, None)

    def xǁConnectionCountsǁremove__mutmut_orig(self, key: str) -> None:
        """One connection of ``key`` closed (each successful try_add is removed once)."""
        count = self._counts.get(key, 0) - 1
        if count > 0:
            self._counts[key] = count
        else:
            self._counts.pop(key, None)

    def xǁConnectionCountsǁremove__mutmut_1(self, key: str) -> None:
        """One connection of ``key`` closed (each successful try_add is removed once)."""
        count = None
        if count > 0:
            self._counts[key] = count
        else:
            self._counts.pop(key, None)

    def xǁConnectionCountsǁremove__mutmut_2(self, key: str) -> None:
        """One connection of ``key`` closed (each successful try_add is removed once)."""
        count = self._counts.get(key, 0) + 1
        if count > 0:
            self._counts[key] = count
        else:
            self._counts.pop(key, None)

    def xǁConnectionCountsǁremove__mutmut_3(self, key: str) -> None:
        """One connection of ``key`` closed (each successful try_add is removed once)."""
        count = self._counts.get(None, 0) - 1
        if count > 0:
            self._counts[key] = count
        else:
            self._counts.pop(key, None)

    def xǁConnectionCountsǁremove__mutmut_4(self, key: str) -> None:
        """One connection of ``key`` closed (each successful try_add is removed once)."""
        count = self._counts.get(key, None) - 1
        if count > 0:
            self._counts[key] = count
        else:
            self._counts.pop(key, None)

    def xǁConnectionCountsǁremove__mutmut_5(self, key: str) -> None:
        """One connection of ``key`` closed (each successful try_add is removed once)."""
        count = self._counts.get(0) - 1
        if count > 0:
            self._counts[key] = count
        else:
            self._counts.pop(key, None)

    def xǁConnectionCountsǁremove__mutmut_6(self, key: str) -> None:
        """One connection of ``key`` closed (each successful try_add is removed once)."""
        count = self._counts.get(key, ) - 1
        if count > 0:
            self._counts[key] = count
        else:
            self._counts.pop(key, None)

    def xǁConnectionCountsǁremove__mutmut_7(self, key: str) -> None:
        """One connection of ``key`` closed (each successful try_add is removed once)."""
        count = self._counts.get(key, 1) - 1
        if count > 0:
            self._counts[key] = count
        else:
            self._counts.pop(key, None)

    def xǁConnectionCountsǁremove__mutmut_8(self, key: str) -> None:
        """One connection of ``key`` closed (each successful try_add is removed once)."""
        count = self._counts.get(key, 0) - 2
        if count > 0:
            self._counts[key] = count
        else:
            self._counts.pop(key, None)

    def xǁConnectionCountsǁremove__mutmut_9(self, key: str) -> None:
        """One connection of ``key`` closed (each successful try_add is removed once)."""
        count = self._counts.get(key, 0) - 1
        if count >= 0:
            self._counts[key] = count
        else:
            self._counts.pop(key, None)

    def xǁConnectionCountsǁremove__mutmut_10(self, key: str) -> None:
        """One connection of ``key`` closed (each successful try_add is removed once)."""
        count = self._counts.get(key, 0) - 1
        if count > 1:
            self._counts[key] = count
        else:
            self._counts.pop(key, None)

    def xǁConnectionCountsǁremove__mutmut_11(self, key: str) -> None:
        """One connection of ``key`` closed (each successful try_add is removed once)."""
        count = self._counts.get(key, 0) - 1
        if count > 0:
            self._counts[key] = None
        else:
            self._counts.pop(key, None)

    def xǁConnectionCountsǁremove__mutmut_12(self, key: str) -> None:
        """One connection of ``key`` closed (each successful try_add is removed once)."""
        count = self._counts.get(key, 0) - 1
        if count > 0:
            self._counts[key] = count
        else:
            self._counts.pop(None, None)

    def xǁConnectionCountsǁremove__mutmut_13(self, key: str) -> None:
        """One connection of ``key`` closed (each successful try_add is removed once)."""
        count = self._counts.get(key, 0) - 1
        if count > 0:
            self._counts[key] = count
        else:
            self._counts.pop(None)

    def xǁConnectionCountsǁremove__mutmut_14(self, key: str) -> None:
        """One connection of ``key`` closed (each successful try_add is removed once)."""
        count = self._counts.get(key, 0) - 1
        if count > 0:
            self._counts[key] = count
        else:
            self._counts.pop(key, )

    @_mutmut_mutated(mutants_xǁConnectionCountsǁcount__mutmut)
    def count(self, key: str) -> int:
        return self._counts.get(key, 0)

    def xǁConnectionCountsǁcount__mutmut_orig(self, key: str) -> int:
        return self._counts.get(key, 0)

    def xǁConnectionCountsǁcount__mutmut_1(self, key: str) -> int:
        return self._counts.get(None, 0)

    def xǁConnectionCountsǁcount__mutmut_2(self, key: str) -> int:
        return self._counts.get(key, None)

    def xǁConnectionCountsǁcount__mutmut_3(self, key: str) -> int:
        return self._counts.get(0)

    def xǁConnectionCountsǁcount__mutmut_4(self, key: str) -> int:
        return self._counts.get(key, )

    def xǁConnectionCountsǁcount__mutmut_5(self, key: str) -> int:
        return self._counts.get(key, 1)

    @_mutmut_mutated(mutants_xǁConnectionCountsǁtotal__mutmut)
    def total(self) -> int:
        return sum(self._counts.values())

    def xǁConnectionCountsǁtotal__mutmut_orig(self) -> int:
        return sum(self._counts.values())

    def xǁConnectionCountsǁtotal__mutmut_1(self) -> int:
        return sum(None)

mutants_xǁConnectionCountsǁ__init____mutmut['_mutmut_orig'] = ConnectionCounts.xǁConnectionCountsǁ__init____mutmut_orig # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁ__init____mutmut['xǁConnectionCountsǁ__init____mutmut_1'] = ConnectionCounts.xǁConnectionCountsǁ__init____mutmut_1 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁ__init____mutmut['xǁConnectionCountsǁ__init____mutmut_2'] = ConnectionCounts.xǁConnectionCountsǁ__init____mutmut_2 # type: ignore # mutmut generated

mutants_xǁConnectionCountsǁtry_add__mutmut['_mutmut_orig'] = ConnectionCounts.xǁConnectionCountsǁtry_add__mutmut_orig # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁtry_add__mutmut['xǁConnectionCountsǁtry_add__mutmut_1'] = ConnectionCounts.xǁConnectionCountsǁtry_add__mutmut_1 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁtry_add__mutmut['xǁConnectionCountsǁtry_add__mutmut_2'] = ConnectionCounts.xǁConnectionCountsǁtry_add__mutmut_2 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁtry_add__mutmut['xǁConnectionCountsǁtry_add__mutmut_3'] = ConnectionCounts.xǁConnectionCountsǁtry_add__mutmut_3 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁtry_add__mutmut['xǁConnectionCountsǁtry_add__mutmut_4'] = ConnectionCounts.xǁConnectionCountsǁtry_add__mutmut_4 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁtry_add__mutmut['xǁConnectionCountsǁtry_add__mutmut_5'] = ConnectionCounts.xǁConnectionCountsǁtry_add__mutmut_5 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁtry_add__mutmut['xǁConnectionCountsǁtry_add__mutmut_6'] = ConnectionCounts.xǁConnectionCountsǁtry_add__mutmut_6 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁtry_add__mutmut['xǁConnectionCountsǁtry_add__mutmut_7'] = ConnectionCounts.xǁConnectionCountsǁtry_add__mutmut_7 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁtry_add__mutmut['xǁConnectionCountsǁtry_add__mutmut_8'] = ConnectionCounts.xǁConnectionCountsǁtry_add__mutmut_8 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁtry_add__mutmut['xǁConnectionCountsǁtry_add__mutmut_9'] = ConnectionCounts.xǁConnectionCountsǁtry_add__mutmut_9 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁtry_add__mutmut['xǁConnectionCountsǁtry_add__mutmut_10'] = ConnectionCounts.xǁConnectionCountsǁtry_add__mutmut_10 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁtry_add__mutmut['xǁConnectionCountsǁtry_add__mutmut_11'] = ConnectionCounts.xǁConnectionCountsǁtry_add__mutmut_11 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁtry_add__mutmut['xǁConnectionCountsǁtry_add__mutmut_12'] = ConnectionCounts.xǁConnectionCountsǁtry_add__mutmut_12 # type: ignore # mutmut generated

mutants_xǁConnectionCountsǁremove__mutmut['_mutmut_orig'] = ConnectionCounts.xǁConnectionCountsǁremove__mutmut_orig # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁremove__mutmut['xǁConnectionCountsǁremove__mutmut_1'] = ConnectionCounts.xǁConnectionCountsǁremove__mutmut_1 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁremove__mutmut['xǁConnectionCountsǁremove__mutmut_2'] = ConnectionCounts.xǁConnectionCountsǁremove__mutmut_2 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁremove__mutmut['xǁConnectionCountsǁremove__mutmut_3'] = ConnectionCounts.xǁConnectionCountsǁremove__mutmut_3 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁremove__mutmut['xǁConnectionCountsǁremove__mutmut_4'] = ConnectionCounts.xǁConnectionCountsǁremove__mutmut_4 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁremove__mutmut['xǁConnectionCountsǁremove__mutmut_5'] = ConnectionCounts.xǁConnectionCountsǁremove__mutmut_5 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁremove__mutmut['xǁConnectionCountsǁremove__mutmut_6'] = ConnectionCounts.xǁConnectionCountsǁremove__mutmut_6 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁremove__mutmut['xǁConnectionCountsǁremove__mutmut_7'] = ConnectionCounts.xǁConnectionCountsǁremove__mutmut_7 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁremove__mutmut['xǁConnectionCountsǁremove__mutmut_8'] = ConnectionCounts.xǁConnectionCountsǁremove__mutmut_8 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁremove__mutmut['xǁConnectionCountsǁremove__mutmut_9'] = ConnectionCounts.xǁConnectionCountsǁremove__mutmut_9 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁremove__mutmut['xǁConnectionCountsǁremove__mutmut_10'] = ConnectionCounts.xǁConnectionCountsǁremove__mutmut_10 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁremove__mutmut['xǁConnectionCountsǁremove__mutmut_11'] = ConnectionCounts.xǁConnectionCountsǁremove__mutmut_11 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁremove__mutmut['xǁConnectionCountsǁremove__mutmut_12'] = ConnectionCounts.xǁConnectionCountsǁremove__mutmut_12 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁremove__mutmut['xǁConnectionCountsǁremove__mutmut_13'] = ConnectionCounts.xǁConnectionCountsǁremove__mutmut_13 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁremove__mutmut['xǁConnectionCountsǁremove__mutmut_14'] = ConnectionCounts.xǁConnectionCountsǁremove__mutmut_14 # type: ignore # mutmut generated

mutants_xǁConnectionCountsǁcount__mutmut['_mutmut_orig'] = ConnectionCounts.xǁConnectionCountsǁcount__mutmut_orig # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁcount__mutmut['xǁConnectionCountsǁcount__mutmut_1'] = ConnectionCounts.xǁConnectionCountsǁcount__mutmut_1 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁcount__mutmut['xǁConnectionCountsǁcount__mutmut_2'] = ConnectionCounts.xǁConnectionCountsǁcount__mutmut_2 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁcount__mutmut['xǁConnectionCountsǁcount__mutmut_3'] = ConnectionCounts.xǁConnectionCountsǁcount__mutmut_3 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁcount__mutmut['xǁConnectionCountsǁcount__mutmut_4'] = ConnectionCounts.xǁConnectionCountsǁcount__mutmut_4 # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁcount__mutmut['xǁConnectionCountsǁcount__mutmut_5'] = ConnectionCounts.xǁConnectionCountsǁcount__mutmut_5 # type: ignore # mutmut generated

mutants_xǁConnectionCountsǁtotal__mutmut['_mutmut_orig'] = ConnectionCounts.xǁConnectionCountsǁtotal__mutmut_orig # type: ignore # mutmut generated
mutants_xǁConnectionCountsǁtotal__mutmut['xǁConnectionCountsǁtotal__mutmut_1'] = ConnectionCounts.xǁConnectionCountsǁtotal__mutmut_1 # type: ignore # mutmut generated
mutants_xǁHeadWatchǁ__init____mutmut: MutantDict = {}  # type: ignore
mutants_xǁHeadWatchǁfeed__mutmut: MutantDict = {}  # type: ignore


class HeadWatch:
    """Whether the bytes received so far end a request head (its blank line), however the
    stream was split. HTTP parsers also take a bare LF as a line end, so both count."""

    @_mutmut_mutated(mutants_xǁHeadWatchǁ__init____mutmut)
    def __init__(self) -> None:
        self._tail = b""
        self.complete = False

    def xǁHeadWatchǁ__init____mutmut_orig(self) -> None:
        self._tail = b""
        self.complete = False

    def xǁHeadWatchǁ__init____mutmut_1(self) -> None:
        self._tail = None
        self.complete = False

    def xǁHeadWatchǁ__init____mutmut_2(self) -> None:
        self._tail = b"XXXX"
        self.complete = False

    def xǁHeadWatchǁ__init____mutmut_3(self) -> None:
        self._tail = b""
        self.complete = None

    def xǁHeadWatchǁ__init____mutmut_4(self) -> None:
        self._tail = b""
        self.complete = True

    @_mutmut_mutated(mutants_xǁHeadWatchǁfeed__mutmut)
    def feed(self, data: bytes) -> bool:
        """Take received bytes; True once a complete head has been seen."""
        if not self.complete:
            window = self._tail + data
            self.complete = b"\n\r\n" in window or b"\n\n" in window
            self._tail = window[-2:]
        return self.complete

    def xǁHeadWatchǁfeed__mutmut_orig(self, data: bytes) -> bool:
        """Take received bytes; True once a complete head has been seen."""
        if not self.complete:
            window = self._tail + data
            self.complete = b"\n\r\n" in window or b"\n\n" in window
            self._tail = window[-2:]
        return self.complete

    def xǁHeadWatchǁfeed__mutmut_1(self, data: bytes) -> bool:
        """Take received bytes; True once a complete head has been seen."""
        if self.complete:
            window = self._tail + data
            self.complete = b"\n\r\n" in window or b"\n\n" in window
            self._tail = window[-2:]
        return self.complete

    def xǁHeadWatchǁfeed__mutmut_2(self, data: bytes) -> bool:
        """Take received bytes; True once a complete head has been seen."""
        if not self.complete:
            window = None
            self.complete = b"\n\r\n" in window or b"\n\n" in window
            self._tail = window[-2:]
        return self.complete

    def xǁHeadWatchǁfeed__mutmut_3(self, data: bytes) -> bool:
        """Take received bytes; True once a complete head has been seen."""
        if not self.complete:
            window = self._tail - data
            self.complete = b"\n\r\n" in window or b"\n\n" in window
            self._tail = window[-2:]
        return self.complete

    def xǁHeadWatchǁfeed__mutmut_4(self, data: bytes) -> bool:
        """Take received bytes; True once a complete head has been seen."""
        if not self.complete:
            window = self._tail + data
            self.complete = None
            self._tail = window[-2:]
        return self.complete

    def xǁHeadWatchǁfeed__mutmut_5(self, data: bytes) -> bool:
        """Take received bytes; True once a complete head has been seen."""
        if not self.complete:
            window = self._tail + data
            self.complete = b"\n\r\n" in window and b"\n\n" in window
            self._tail = window[-2:]
        return self.complete

    def xǁHeadWatchǁfeed__mutmut_6(self, data: bytes) -> bool:
        """Take received bytes; True once a complete head has been seen."""
        if not self.complete:
            window = self._tail + data
            self.complete = b"XX\n\r\nXX" in window or b"\n\n" in window
            self._tail = window[-2:]
        return self.complete

    def xǁHeadWatchǁfeed__mutmut_7(self, data: bytes) -> bool:
        """Take received bytes; True once a complete head has been seen."""
        if not self.complete:
            window = self._tail + data
            self.complete = b"\n\r\n" not in window or b"\n\n" in window
            self._tail = window[-2:]
        return self.complete

    def xǁHeadWatchǁfeed__mutmut_8(self, data: bytes) -> bool:
        """Take received bytes; True once a complete head has been seen."""
        if not self.complete:
            window = self._tail + data
            self.complete = b"\n\r\n" in window or b"XX\n\nXX" in window
            self._tail = window[-2:]
        return self.complete

    def xǁHeadWatchǁfeed__mutmut_9(self, data: bytes) -> bool:
        """Take received bytes; True once a complete head has been seen."""
        if not self.complete:
            window = self._tail + data
            self.complete = b"\n\r\n" in window or b"\n\n" not in window
            self._tail = window[-2:]
        return self.complete

    def xǁHeadWatchǁfeed__mutmut_10(self, data: bytes) -> bool:
        """Take received bytes; True once a complete head has been seen."""
        if not self.complete:
            window = self._tail + data
            self.complete = b"\n\r\n" in window or b"\n\n" in window
            self._tail = None
        return self.complete

    def xǁHeadWatchǁfeed__mutmut_11(self, data: bytes) -> bool:
        """Take received bytes; True once a complete head has been seen."""
        if not self.complete:
            window = self._tail + data
            self.complete = b"\n\r\n" in window or b"\n\n" in window
            self._tail = window[+2:]
        return self.complete

    def xǁHeadWatchǁfeed__mutmut_12(self, data: bytes) -> bool:
        """Take received bytes; True once a complete head has been seen."""
        if not self.complete:
            window = self._tail + data
            self.complete = b"\n\r\n" in window or b"\n\n" in window
            self._tail = window[-3:]
        return self.complete

mutants_xǁHeadWatchǁ__init____mutmut['_mutmut_orig'] = HeadWatch.xǁHeadWatchǁ__init____mutmut_orig # type: ignore # mutmut generated
mutants_xǁHeadWatchǁ__init____mutmut['xǁHeadWatchǁ__init____mutmut_1'] = HeadWatch.xǁHeadWatchǁ__init____mutmut_1 # type: ignore # mutmut generated
mutants_xǁHeadWatchǁ__init____mutmut['xǁHeadWatchǁ__init____mutmut_2'] = HeadWatch.xǁHeadWatchǁ__init____mutmut_2 # type: ignore # mutmut generated
mutants_xǁHeadWatchǁ__init____mutmut['xǁHeadWatchǁ__init____mutmut_3'] = HeadWatch.xǁHeadWatchǁ__init____mutmut_3 # type: ignore # mutmut generated
mutants_xǁHeadWatchǁ__init____mutmut['xǁHeadWatchǁ__init____mutmut_4'] = HeadWatch.xǁHeadWatchǁ__init____mutmut_4 # type: ignore # mutmut generated

mutants_xǁHeadWatchǁfeed__mutmut['_mutmut_orig'] = HeadWatch.xǁHeadWatchǁfeed__mutmut_orig # type: ignore # mutmut generated
mutants_xǁHeadWatchǁfeed__mutmut['xǁHeadWatchǁfeed__mutmut_1'] = HeadWatch.xǁHeadWatchǁfeed__mutmut_1 # type: ignore # mutmut generated
mutants_xǁHeadWatchǁfeed__mutmut['xǁHeadWatchǁfeed__mutmut_2'] = HeadWatch.xǁHeadWatchǁfeed__mutmut_2 # type: ignore # mutmut generated
mutants_xǁHeadWatchǁfeed__mutmut['xǁHeadWatchǁfeed__mutmut_3'] = HeadWatch.xǁHeadWatchǁfeed__mutmut_3 # type: ignore # mutmut generated
mutants_xǁHeadWatchǁfeed__mutmut['xǁHeadWatchǁfeed__mutmut_4'] = HeadWatch.xǁHeadWatchǁfeed__mutmut_4 # type: ignore # mutmut generated
mutants_xǁHeadWatchǁfeed__mutmut['xǁHeadWatchǁfeed__mutmut_5'] = HeadWatch.xǁHeadWatchǁfeed__mutmut_5 # type: ignore # mutmut generated
mutants_xǁHeadWatchǁfeed__mutmut['xǁHeadWatchǁfeed__mutmut_6'] = HeadWatch.xǁHeadWatchǁfeed__mutmut_6 # type: ignore # mutmut generated
mutants_xǁHeadWatchǁfeed__mutmut['xǁHeadWatchǁfeed__mutmut_7'] = HeadWatch.xǁHeadWatchǁfeed__mutmut_7 # type: ignore # mutmut generated
mutants_xǁHeadWatchǁfeed__mutmut['xǁHeadWatchǁfeed__mutmut_8'] = HeadWatch.xǁHeadWatchǁfeed__mutmut_8 # type: ignore # mutmut generated
mutants_xǁHeadWatchǁfeed__mutmut['xǁHeadWatchǁfeed__mutmut_9'] = HeadWatch.xǁHeadWatchǁfeed__mutmut_9 # type: ignore # mutmut generated
mutants_xǁHeadWatchǁfeed__mutmut['xǁHeadWatchǁfeed__mutmut_10'] = HeadWatch.xǁHeadWatchǁfeed__mutmut_10 # type: ignore # mutmut generated
mutants_xǁHeadWatchǁfeed__mutmut['xǁHeadWatchǁfeed__mutmut_11'] = HeadWatch.xǁHeadWatchǁfeed__mutmut_11 # type: ignore # mutmut generated
mutants_xǁHeadWatchǁfeed__mutmut['xǁHeadWatchǁfeed__mutmut_12'] = HeadWatch.xǁHeadWatchǁfeed__mutmut_12 # type: ignore # mutmut generated
