"""Every answer builder: the XML is parsed (never compared as a string), the rules enforced."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from sipgateio import ValidationError
from sipgateio.webhook import (
    GatherDTMF,
    RedirectCall,
    RejectReason,
    TransferOptions,
    WebhookResponse,
)
from sipgateio.webhook.responses import escape_attribute, escape_text, render, response_head

from .conftest import FakeClient

HEAD = response_head("http://a.example/?x=1&y=2", 'http://b.example/"q"')


def parse(action: object, on_data: str | None = None) -> ET.Element:
    body = render(action, HEAD, on_data)  # type: ignore[arg-type]
    assert body.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(body)
    assert root.tag == "Response"
    assert root.get("onAnswer") == "http://a.example/?x=1&y=2"
    assert root.get("onHangup") == 'http://b.example/"q"'
    return root


def only_child(root: ET.Element) -> ET.Element:
    assert len(root) == 1
    return root[0]


def test_redirect_call() -> None:
    dial = only_child(parse(WebhookResponse.redirect_call(numbers=["4915799912345", "+4921112"])))
    assert dial.tag == "Dial"
    assert dial.attrib == {}  # no anonymous="undefined", no callerId
    assert [n.text for n in dial.findall("Number")] == ["4915799912345", "+4921112"]


@pytest.mark.parametrize(("anonymous", "text"), [(True, "true"), (False, "false")])
def test_redirect_call_anonymous_and_caller_id(anonymous: bool, text: str) -> None:
    action = WebhookResponse.redirect_call(["4915799912345"], anonymous, "492111234567")
    dial = only_child(parse(action))
    assert dial.attrib == {"anonymous": text, "callerId": "492111234567"}
    assert action == RedirectCall(("4915799912345",), anonymous, "492111234567")


def test_redirect_call_accepts_any_iterable() -> None:
    action = WebhookResponse.redirect_call(n for n in ["491", "492"])
    assert action.numbers == ("491", "492")
    assert action.dial_targets == 2


@pytest.mark.parametrize(
    ("given", "dialled"),
    [
        ("4915799912345", "4915799912345"),  # as sipgate writes numbers: unchanged
        ("+49 157 99912345", "+4915799912345"),
        ("0211 123", "0211123"),  # without country code: dialled as from the account
        ("110", "110"),
        ("+4912368712", "+4912368712"),  # possible, not in libphonenumber's ranges
    ],
)
def test_redirect_call_dials_every_number_sipgate_may_take(given: str, dialled: str) -> None:
    action = WebhookResponse.redirect_call([given], caller_id=given)
    assert action.numbers == (dialled,) and action.caller_id == dialled
    assert f"<Number>{dialled}</Number>" in action.to_xml()
    assert f'callerId="{dialled}"' in action.to_xml()


@pytest.mark.parametrize(
    "kwargs",
    [
        {"numbers": "4915799912345"},  # a string, not a list of them
        {"numbers": []},
        {"numbers": None},
        {"numbers": ["0211 FAX"]},
        {"numbers": ["1"]},
        {"numbers": ["+49157999123456789"]},  # longer than E.164 allows
        {"numbers": [4915799912345]},
        {"numbers": ["491</Number><Hangup/>"]},
        {"numbers": ["491"], "anonymous": "yes"},
        {"numbers": ["491"], "anonymous": 1},
        {"numbers": ["491"], "caller_id": 'x" onAnswer="http://evil'},
    ],
)
def test_redirect_call_rejects_what_sipgate_would(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        WebhookResponse.redirect_call(**kwargs)  # type: ignore[arg-type]


def test_send_to_voicemail() -> None:
    dial = only_child(parse(WebhookResponse.send_to_voicemail()))
    assert dial.tag == "Dial"
    assert [c.tag for c in dial] == ["Voicemail"]


@pytest.mark.parametrize(
    ("reason", "expected"),
    [(None, "rejected"), (RejectReason.BUSY, "busy"), ("busy", "busy"), ("rejected", "rejected")],
)
def test_reject_call(reason: RejectReason | str | None, expected: str) -> None:
    action = (
        WebhookResponse.reject_call() if reason is None else WebhookResponse.reject_call(reason)
    )
    reject = only_child(parse(action))
    assert reject.tag == "Reject"
    assert reject.attrib == {"reason": expected}


@pytest.mark.parametrize("reason", ["declined", "", None, 1])
def test_reject_call_rejects_unknown_reasons(reason: object) -> None:
    with pytest.raises(ValidationError, match="reason"):
        WebhookResponse.reject_call(reason)  # type: ignore[arg-type]


def test_play_audio_escapes_the_url() -> None:
    url = "https://example.com/a.wav?x=1&y=<2>"
    play = only_child(parse(WebhookResponse.play_audio(url)))
    assert play.tag == "Play"
    assert play.find("Url").text == url  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "url",
    ["example.com/a.wav", "ftp://example.com/a.wav", "", "http://", "https://a b/c.wav", None],
)
def test_play_audio_needs_an_absolute_http_url(url: object) -> None:
    with pytest.raises(ValidationError, match="announcement"):
        WebhookResponse.play_audio(url)  # type: ignore[arg-type]


def test_gather_dtmf_with_announcement() -> None:
    action = WebhookResponse.gather_dtmf(
        max_digits=3, timeout=10000, announcement="https://x.example/a.wav"
    )
    gather = only_child(parse(action, on_data="http://hook.example/?a=1&amp;b=2"))
    assert gather.tag == "Gather"
    assert gather.attrib == {
        "onData": "http://hook.example/?a=1&b=2",
        "maxDigits": "3",
        "timeout": "10000",
    }
    assert [e.tag for e in gather.iter()][1:] == ["Play", "Url"]
    assert gather.find("Play/Url").text == "https://x.example/a.wav"  # type: ignore[union-attr]


def test_gather_dtmf_without_announcement() -> None:
    gather = only_child(parse(WebhookResponse().gather_dtmf(1, 1), on_data="http://h.example/"))
    assert gather.attrib == {"onData": "http://h.example/", "maxDigits": "1", "timeout": "1"}
    assert len(gather) == 0


def test_gather_dtmf_needs_on_data_url() -> None:
    with pytest.raises(ValidationError, match="server_address"):
        WebhookResponse.gather_dtmf(1, 1).to_xml()


@pytest.mark.parametrize(
    ("max_digits", "timeout"),
    [(0, 1), (1, 0), (-1, 5), (1.5, 5), (True, 5), (1, "2000"), (None, 1)],
)
def test_gather_dtmf_rules(max_digits: object, timeout: object) -> None:
    with pytest.raises(ValidationError):
        GatherDTMF(max_digits, timeout)  # type: ignore[arg-type]


def test_hang_up_call() -> None:
    assert only_child(parse(WebhookResponse.hang_up_call())).tag == "Hangup"


def test_builders_are_static_and_work_on_an_instance() -> None:
    assert WebhookResponse().hang_up_call() == WebhookResponse.hang_up_call()
    assert WebhookResponse().send_to_voicemail() == WebhookResponse.send_to_voicemail()


def test_no_action_renders_an_empty_response() -> None:
    root = parse(None)
    assert len(root) == 0


def test_play_audio_and_hang_up_carries_the_follow_up() -> None:
    client = FakeClient()
    action = WebhookResponse.play_audio_and_hang_up(
        "https://x.example/a.wav", client, "c1", timeout=250
    )
    assert only_child(parse(action)).tag == "Play"
    assert action.follow_up is not None
    assert (action.follow_up.call_id, action.follow_up.extra_ms) == ("c1", 250)
    action.follow_up.run()
    assert client.rtcm.calls == [("hang_up", "c1", {})]


def test_play_audio_and_transfer_carries_the_follow_up() -> None:
    client = FakeClient()
    options = TransferOptions(attended=True, phone_number="+4921100000")
    action = WebhookResponse.play_audio_and_transfer(
        "https://x.example/a.wav", options, client, "c2"
    )
    assert action.follow_up is not None
    assert action.follow_up.extra_ms == 0
    action.follow_up.run()
    assert client.rtcm.calls == [
        ("transfer", "c2", {"attended": True, "phone_number": "+4921100000"})
    ]


@pytest.mark.parametrize(
    "call",
    [
        lambda c: WebhookResponse.play_audio_and_hang_up("https://x.example/a.wav", c, ""),
        lambda c: WebhookResponse.play_audio_and_hang_up(
            "https://x.example/a.wav", c, "c", timeout=-1
        ),
        lambda c: WebhookResponse.play_audio_and_hang_up("nope", c, "c"),
        lambda c: WebhookResponse.play_audio_and_transfer(
            "https://x.example/a.wav", {"attended": True}, c, "c"
        ),  # type: ignore[arg-type]
        lambda c: TransferOptions(attended="yes", phone_number="+49"),  # type: ignore[arg-type]
        lambda c: TransferOptions(attended=False, phone_number=" "),
    ],
)
def test_follow_up_rules(call: object) -> None:
    with pytest.raises(ValidationError):
        call(FakeClient())  # type: ignore[operator]


def test_escaping() -> None:
    assert escape_attribute("a&b<c>\"d'\te\nf\rg") == "a&amp;b&lt;c&gt;&quot;d'&#9;e&#10;f&#13;g"
    assert escape_text("a&b<c>d\r") == "a&amp;b&lt;c&gt;d&#13;"
    assert escape_attribute("plain") == "plain"
    for bad in ("\x00", "\x1b", "\ud800", "\uffff"):
        with pytest.raises(ValidationError):
            escape_text(f"a{bad}b")


def test_escaped_attributes_survive_a_parser() -> None:
    tricky = 'http://h.example/?a="1"&b=<2>\t\n'
    root = ET.fromstring(render(None, response_head(tricky, None), None))
    assert root.get("onAnswer") == tricky
