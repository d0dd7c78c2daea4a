"""Checking that an announcement is a WAV file sipgate can play, and how long it plays.

sipgate plays only WAV files with PCM samples, 16 bit, 8000 Hz, mono. Before an answer
with ``<Play>`` goes out, the app checks the file: :class:`AudioChecker` reads only the
header (the first bytes, asked for with a ``Range`` request, the connection closed as
soon as the header is parsed), with an overall timeout, and keeps the result for a
while, so that a busy webhook does not fetch the file per call. The length of the
``data`` chunk gives the playing time that ``play_audio_and_hang_up`` waits for.
"""

from __future__ import annotations

import asyncio
import struct
import threading
import time
from collections import OrderedDict
from typing import TYPE_CHECKING

import attrs

from ..errors import ValidationError

if TYPE_CHECKING:
    import httpx

__all__ = ["AudioChecker", "AudioInfo", "parse_wav_header"]

SAMPLE_RATE = 8000
CHANNELS = 1
BITS_PER_SAMPLE = 16
_PCM = 1
_EXTENSIBLE = 0xFFFE
_UNKNOWN_SIZES = (0, 0xFFFFFFFF)  # what streaming writers put into a size field


@attrs.frozen(slots=True)
class AudioInfo:
    """The format of a checked WAV file and how long it plays (``None`` if it cannot be told)."""

    url: str
    sample_rate: int
    channels: int
    bits_per_sample: int
    duration_s: float | None


def _fail(url: str, problem: str) -> ValidationError:
    return ValidationError(
        f"announcement {url} cannot be played by sipgate: {problem} (it must be a WAV file "
        f"with PCM samples, 16 bit, 8000 Hz, mono)",
        field="announcement",
    )


def _format(url: str, buf: bytes, start: int, size: int) -> tuple[int, int, int, int] | None:
    """(channels, rate, byte rate, bits) of a ``fmt `` chunk; None if more bytes are needed."""
    if size < 16:
        raise _fail(url, "its fmt chunk is too short")
    if len(buf) < start + 16:
        return None
    tag, channels, rate, byte_rate, _align, bits = struct.unpack_from("<HHIIHH", buf, start)
    if tag == _EXTENSIBLE and size >= 26:
        if len(buf) < start + 26:
            return None
        (tag,) = struct.unpack_from("<H", buf, start + 24)  # first bytes of the sub-format GUID
    if tag != _PCM:
        raise _fail(url, f"its samples are not PCM (format tag {tag:#x})")
    found = []
    if rate != SAMPLE_RATE:
        found.append(f"{rate} Hz")
    if bits != BITS_PER_SAMPLE:
        found.append(f"{bits} bit")
    if channels != CHANNELS:
        found.append(f"{channels} channels")
    if found:
        raise _fail(url, "it has " + ", ".join(found))
    return channels, rate, byte_rate, bits


def parse_wav_header(
    url: str, buf: bytes, total_size: int | None = None, limit: int = 65536
) -> AudioInfo | None:
    """Parse the start of a WAV file; ``None`` means more bytes are needed.

    Raises ValidationError when the file is no WAV file sipgate plays, or when its
    ``data`` chunk does not start within the first ``limit`` bytes. ``total_size`` (the
    file's size, when known) stands in for a ``data`` size a streaming writer left open.
    """
    if len(buf) < 12:
        return None
    if buf[:4] != b"RIFF" or buf[8:12] != b"WAVE":
        raise _fail(url, "it is not a RIFF/WAVE file")
    pos = 12
    fmt: tuple[int, int, int, int] | None = None
    while True:
        if pos + 8 > limit:
            raise _fail(url, f"its audio data does not start within the first {limit} bytes")
        if len(buf) < pos + 8:
            return None
        chunk, size = buf[pos : pos + 4], int.from_bytes(buf[pos + 4 : pos + 8], "little")
        start = pos + 8
        if chunk == b"fmt ":
            fmt = _format(url, buf, start, size)
            if fmt is None:
                return None
        elif chunk == b"data":
            if fmt is None:
                raise _fail(url, "its data chunk comes before the fmt chunk")
            channels, rate, byte_rate, bits = fmt
            if size in _UNKNOWN_SIZES and total_size is not None:
                size = max(0, total_size - start)
            duration = None if size in _UNKNOWN_SIZES or byte_rate <= 0 else size / byte_rate
            return AudioInfo(url, rate, channels, bits, duration)
        pos = start + size + (size & 1)


def _total_size(response: httpx.Response) -> int | None:
    content_range = response.headers.get("content-range", "")
    if response.status_code == 206 and "/" in content_range:
        total = content_range.rsplit("/", 1)[1].strip()
        return int(total) if total.isdigit() else None
    length = response.headers.get("content-length", "")
    return int(length) if response.status_code == 200 and length.isdigit() else None


class AudioChecker:
    """Checks announcement URLs, reading only their header; keeps each result for a while.

    ``timeout``: seconds the whole check of one URL may take. Results are kept for
    ``ttl`` seconds (failures for ``failure_ttl``), at most ``max_entries`` of them.
    The checker is safe to share between threads and event loops.
    """

    def __init__(
        self,
        *,
        timeout: float = 3.0,
        ttl: float = 600.0,
        failure_ttl: float = 30.0,
        max_entries: int = 256,
        header_limit: int = 65536,
    ) -> None:
        self.timeout = timeout
        self.ttl = ttl
        self.failure_ttl = failure_ttl
        self.max_entries = max_entries
        self.header_limit = header_limit
        self._cache: OrderedDict[str, tuple[float, AudioInfo | ValidationError]] = OrderedDict()
        self._lock = threading.Lock()
        self._client: httpx.Client | None = None

    def cached(self, url: str) -> AudioInfo | None:
        """The kept result for ``url``: its info, ``None`` if unknown; a kept failure is raised."""
        with self._lock:
            entry = self._cache.get(url)
            if entry is None:
                return None
            if entry[0] < time.monotonic():
                del self._cache[url]
                return None
            self._cache.move_to_end(url)
        result = entry[1]
        if isinstance(result, ValidationError):
            raise result
        return result

    def _keep(self, url: str, result: AudioInfo | ValidationError) -> None:
        ttl = self.failure_ttl if isinstance(result, ValidationError) else self.ttl
        with self._lock:
            self._cache[url] = (time.monotonic() + ttl, result)
            self._cache.move_to_end(url)
            while len(self._cache) > self.max_entries:
                self._cache.popitem(last=False)

    def clear(self) -> None:
        """Forget every kept result."""
        with self._lock:
            self._cache.clear()

    def check(self, url: str) -> AudioInfo:
        """The audio info of ``url`` (from the cache or fetched), or ValidationError."""
        info = self.cached(url)
        if info is not None:
            return info
        try:
            info = self._fetch(url)
        except ValidationError as exc:
            self._keep(url, exc)
            raise
        self._keep(url, info)
        return info

    async def acheck(self, url: str) -> AudioInfo:
        """:meth:`check` for coroutines: a fetch runs in a worker thread, off the event loop."""
        info = self.cached(url)
        if info is not None:
            return info
        return await asyncio.to_thread(self.check, url)

    def _http(self) -> httpx.Client:
        import httpx  # loaded on the first check only

        with self._lock:
            if self._client is None:
                self._client = httpx.Client(
                    timeout=httpx.Timeout(self.timeout),
                    follow_redirects=True,
                    headers={"Accept": "audio/wav, audio/x-wav, */*"},
                )
            return self._client

    def _fetch(self, url: str) -> AudioInfo:
        import httpx

        deadline = time.monotonic() + self.timeout
        headers = {"Range": f"bytes=0-{self.header_limit - 1}"}
        try:
            with self._http().stream("GET", url, headers=headers) as response:
                if response.status_code not in (200, 206):
                    raise _fail(url, f"fetching it gave HTTP {response.status_code}")
                total, buf = _total_size(response), b""
                for chunk in response.iter_bytes():
                    buf += chunk
                    info = parse_wav_header(url, buf, total, self.header_limit)
                    if info is not None:
                        return info
                    if time.monotonic() > deadline:
                        raise _fail(url, f"its header took longer than {self.timeout} s")
        except httpx.HTTPError as exc:
            raise _fail(url, f"fetching it failed ({type(exc).__name__}: {exc})") from None
        raise _fail(url, f"it ends after {len(buf)} bytes, inside its header")

    def close(self) -> None:
        """Close the HTTP connections kept for checks."""
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()
