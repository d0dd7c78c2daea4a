"""The announcement check: a WAV served on 127.0.0.1, header only, with timeout and cache;
and the RTCM follow-ups scheduled after the audio without holding up the answer."""

from __future__ import annotations

import asyncio
import struct
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from typing import Any

import falcon.testing
import pytest

from sipgateio import ValidationError
from sipgateio.webhook import (
    AudioChecker,
    NewCallEvent,
    TransferOptions,
    WebhookResponse,
    create_webhook_app,
)
from sipgateio.webhook.audio import parse_wav_header

from .conftest import (
    ADDRESS,
    FORM,
    NEW_CALL,
    FakeClient,
    FileServer,
    KeyPair,
    Pusher,
    form,
    wav_bytes,
)

URL = "http://files.example/a.wav"
Checkers = Callable[..., AudioChecker]


# -- the header parser ---------------------------------------------------------------------------


def test_parse_a_good_header() -> None:
    info = parse_wav_header(URL, wav_bytes(seconds=1.5))
    assert info is not None
    assert (info.sample_rate, info.channels, info.bits_per_sample) == (8000, 1, 16)
    assert info.duration_s == pytest.approx(1.5)


def test_parse_needs_more_bytes() -> None:
    data = wav_bytes()
    for cut in (0, 11, 20, 40):
        assert parse_wav_header(URL, data[:cut]) is None
    assert parse_wav_header(URL, data[:44]) is not None  # the canonical 44-byte header


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ({"rate": 44100}, "44100 Hz"),
        ({"channels": 2}, "2 channels"),
        ({"width": 1}, "8 bit"),
        ({"rate": 16000, "channels": 2}, "16000 Hz, 2 channels"),
    ],
)
def test_parse_rejects_other_formats(options: dict[str, int], problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        parse_wav_header(URL, wav_bytes(**options))


def _chunks(*chunks: tuple[bytes, bytes]) -> bytes:
    body = b"WAVE" + b"".join(cid + struct.pack("<I", len(data)) + data for cid, data in chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


FMT = struct.pack("<HHIIHH", 1, 1, 8000, 16000, 2, 16)


def test_parse_skips_other_chunks_and_pads_odd_sizes() -> None:
    data = _chunks((b"LIST", b"abc"), (b"\0" * 0 + b"fmt ", FMT), (b"data", b"\0" * 32000))
    data = data.replace(b"LIST\x03\x00\x00\x00abc", b"LIST\x03\x00\x00\x00abc\x00")
    info = parse_wav_header(URL, data)
    assert info is not None and info.duration_s == pytest.approx(2.0)


def test_parse_extensible_pcm() -> None:
    ext = struct.pack("<HHIIHHHHI", 0xFFFE, 1, 8000, 16000, 2, 16, 22, 16, 4) + struct.pack("<H", 1)
    info = parse_wav_header(URL, _chunks((b"fmt ", ext + b"\0" * 14), (b"data", b"\0" * 1600)))
    assert info is not None and info.duration_s == pytest.approx(0.1)


def test_parse_streaming_size_uses_total_size() -> None:
    data = _chunks((b"fmt ", FMT), (b"data", b""))[:-4] + struct.pack("<I", 0xFFFFFFFF)
    assert parse_wav_header(URL, data, total_size=len(data) + 16000).duration_s == pytest.approx(
        1.0
    )  # type: ignore[union-attr]
    assert parse_wav_header(URL, data).duration_s is None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"ID3\x04" + b"\0" * 60, "not a RIFF/WAVE"),
        (_chunks((b"data", b"\0" * 10), (b"fmt ", FMT)), "before the fmt"),
        (
            _chunks((b"fmt ", struct.pack("<HHIIHH", 3, 1, 8000, 32000, 4, 32)), (b"data", b"")),
            "not PCM",
        ),
        (_chunks((b"fmt ", b"\0" * 8), (b"data", b"")), "too short"),
        (_chunks((b"JUNK", b"\0" * 70000), (b"fmt ", FMT), (b"data", b"")), "first 65536 bytes"),
    ],
)
def test_parse_rejects(data: bytes, problem: str, checkers: Checkers) -> None:
    with pytest.raises(ValidationError, match=problem):
        parse_wav_header(URL, data)


# -- fetching, over a local HTTP server ---------------------------------------------------------


@pytest.fixture
def checkers() -> Iterator[Checkers]:
    made: list[AudioChecker] = []

    def make(**options: Any) -> AudioChecker:
        made.append(AudioChecker(**options))
        return made[-1]

    yield make
    for checker in made:
        checker.close()


def test_check_reads_only_the_header(files: FileServer, checkers: Checkers) -> None:
    files.files["/long.wav"] = big = wav_bytes(seconds=1000)  # 16 MB, served whole on purpose
    info = checkers(timeout=5).check(files.url("/long.wav"))
    assert info.duration_s == pytest.approx(1000)
    assert files.requests == [("/long.wav", "bytes=0-65535")]
    deadline = time.monotonic() + 5
    while "/long.wav" not in files.sent and time.monotonic() < deadline:
        time.sleep(0.01)
    assert files.sent["/long.wav"] < len(big) // 2  # the connection was closed early


def test_check_caches_results_and_failures(files: FileServer, checkers: Checkers) -> None:
    files.files["/a.wav"] = wav_bytes()
    files.files["/b.wav"] = wav_bytes(rate=44100)
    checker = checkers(timeout=5)
    for _ in range(3):
        assert checker.check(files.url("/a.wav")).duration_s == pytest.approx(0.1)
        with pytest.raises(ValidationError, match="44100"):
            checker.check(files.url("/b.wav"))
    assert sorted(path for path, _ in files.requests) == ["/a.wav", "/b.wav"]
    checker.clear()
    checker.check(files.url("/a.wav"))
    assert len(files.requests) == 3
    checker.close()


def test_cache_expires(files: FileServer, checkers: Checkers) -> None:
    files.files["/a.wav"] = wav_bytes()
    checker = checkers(ttl=0.05, max_entries=1)
    checker.check(files.url("/a.wav"))
    time.sleep(0.1)
    checker.check(files.url("/a.wav"))
    assert len(files.requests) == 2


@pytest.mark.parametrize(
    ("path", "problem"), [("/missing.wav", "HTTP 404"), ("/short.wav", "inside its header")]
)
def test_check_failures(files: FileServer, path: str, problem: str, checkers: Checkers) -> None:
    files.files["/short.wav"] = wav_bytes()[:30]
    with pytest.raises(ValidationError, match=problem):
        checkers().check(files.url(path))


def test_check_times_out(files: FileServer, checkers: Checkers) -> None:
    files.files["/slow.wav"] = wav_bytes()
    files.delay = 2.0
    started = time.monotonic()
    with pytest.raises(ValidationError, match="failed"):
        checkers(timeout=0.2).check(files.url("/slow.wav"))
    assert time.monotonic() - started < 1.5


def test_check_unreachable(checkers: Checkers) -> None:
    with pytest.raises(ValidationError, match="failed"):
        checkers(timeout=1).check("http://127.0.0.1:9/a.wav")


async def test_acheck_runs_off_the_loop(files: FileServer, checkers: Checkers) -> None:
    files.files["/a.wav"] = wav_bytes(seconds=0.5)
    checker = checkers()
    info = await checker.acheck(files.url("/a.wav"))
    assert info.duration_s == pytest.approx(0.5)
    assert await checker.acheck(files.url("/a.wav")) is info  # cached


# -- through the app -------------------------------------------------------------------------------


def test_app_checks_announcements(make: Callable[..., Pusher], files: FileServer) -> None:
    files.files["/ok.wav"] = wav_bytes()
    files.files["/cd.wav"] = wav_bytes(rate=44100, channels=2)
    pusher = make(check_audio=True)
    url = {"ok": files.url("/ok.wav"), "cd": files.url("/cd.wav")}
    pusher.app.on_new_call(lambda e: WebhookResponse.play_audio(url[e.call_id]))
    pusher.app.on_data(lambda e: WebhookResponse.gather_dtmf(1, 100, url[e.call_id]))
    assert pusher.post({**NEW_CALL, "callId": "ok"}).status_code == 200
    assert pusher.post({**NEW_CALL, "callId": "cd"}).status_code == 500
    assert pusher.post({"event": "dtmf", "callId": "ok"}).status_code == 200
    assert pusher.post({"event": "dtmf", "callId": "cd"}).status_code == 500


def test_wsgi_hangs_up_after_the_audio(keys: KeyPair, files: FileServer) -> None:
    files.files["/bye.wav"] = wav_bytes(seconds=0.2)
    pusher = Pusher(create_webhook_app(ADDRESS, public_key=keys.public_pem), "wsgi", keys)
    client = FakeClient()
    pusher.app.on_new_call(
        lambda e: WebhookResponse.play_audio_and_hang_up(
            files.url("/bye.wav"), client, e.call_id, 100
        )
    )
    started = time.monotonic()
    result = pusher.post(NEW_CALL)
    assert result.status_code == 200
    assert ET.fromstring(result.content).find("Play/Url") is not None
    assert client.rtcm.calls == []  # the answer did not wait for the hang-up
    assert client.rtcm.done.wait(5)
    assert time.monotonic() - started >= 0.29  # 0.2 s of audio + 100 ms
    assert client.rtcm.calls == [("hang_up", "123456", {})]
    pusher.app.close()


async def test_asgi_transfers_after_the_audio(files: FileServer) -> None:
    files.files["/wait.wav"] = wav_bytes(seconds=0.1)
    app = create_webhook_app(ADDRESS, skip_signature_verification=True)
    client = FakeClient(async_=True)
    options = TransferOptions(attended=False, phone_number="+4921100000")

    @app.on_new_call
    async def route(event: NewCallEvent) -> object:
        return WebhookResponse.play_audio_and_transfer(
            files.url("/wait.wav"), options, client, event.call_id
        )

    async with falcon.testing.ASGIConductor(app.asgi) as conductor:
        result = await conductor.simulate_post("/", body=form(NEW_CALL), content_type=FORM)
        assert result.status_code == 200
        assert client.rtcm.calls == []
        for _ in range(200):
            if client.rtcm.calls:
                break
            await asyncio.sleep(0.01)
    assert client.rtcm.calls == [
        ("transfer", "123456", {"attended": False, "phone_number": "+4921100000"})
    ]
    app.close()


def test_async_client_under_wsgi_and_failures_are_logged(
    keys: KeyPair, files: FileServer, caplog: pytest.LogCaptureFixture
) -> None:
    files.files["/a.wav"] = wav_bytes(seconds=0.05)
    pusher = Pusher(create_webhook_app(ADDRESS, public_key=keys.public_pem), "wsgi", keys)
    good, bad = FakeClient(async_=True), FakeClient()

    def broken(call: str) -> None:
        bad.rtcm.done.set()
        raise RuntimeError("API down")

    bad.rtcm.hang_up = broken  # type: ignore[method-assign]
    clients = {"good": good, "bad": bad}
    pusher.app.on_new_call(
        lambda e: WebhookResponse.play_audio_and_hang_up(
            files.url("/a.wav"), clients[e.call_id], e.call_id
        )
    )
    assert pusher.post({**NEW_CALL, "callId": "good"}).status_code == 200
    assert pusher.post({**NEW_CALL, "callId": "bad"}).status_code == 200
    assert good.rtcm.done.wait(5) and bad.rtcm.done.wait(5)
    time.sleep(0.05)
    assert good.rtcm.calls == [("hang_up", "good", {})]
    assert "API down" in caplog.text
    pusher.app.close()


def test_follow_up_with_bad_audio_is_500_and_not_scheduled(
    make: Callable[..., Pusher], files: FileServer
) -> None:
    files.files["/cd.wav"] = wav_bytes(rate=44100)
    pusher = make()  # check_audio=False: the follow-up still reads the header, for the duration
    client = FakeClient()
    pusher.app.on_new_call(
        lambda e: WebhookResponse.play_audio_and_hang_up(files.url("/cd.wav"), client, e.call_id)
    )
    assert pusher.post(NEW_CALL).status_code == 500
    time.sleep(0.1)
    assert client.rtcm.calls == []
