"""Hostile values a client can actually send (UTF-8, so no lone surrogates), for Hypothesis,
and the checks tests/test_hostile_input.py runs on each public form with them."""

import json
from urllib.parse import urlencode

import hypothesis
from django.apps import apps
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.utils.html import escape
from hypothesis import strategies as st

from petitions import receipt

FLAG = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
HOSTILE_SAMPLES = [
    "\x00",
    "Ada\x00Lovelace",
    "\u202egnp.exe",
    "\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069",
    "Ada\U000e0069\U000e0067\U000e006e\U000e006f\U000e0072\U000e0065",
    "\ue000\U000f0000\U0010fffd",
    "\ufdd0\ufffe\uffff\U0010ffff\u0378",
    "\x1b[31mred\x1b[0m\x07\x7f\x85\x9b",
    "\r\n\r\n\t\x0b\x0c\u2028\u2029",
    "\ufeff\u200b\u00ad\u2060",
    "👩\u200d👩\u200d👧 👋🏽 1\ufe0f\u20e3 🇫🇷 " + FLAG,
    "مريم الأحمد \u200f",
    "Z\u0336\u0335\u0334a\u0337\u0338l\u0321\u0322g\u0327o" * 20,
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ request }}{% debug %}",
    "' OR '1'='1' --",
    "'; DROP TABLE petitions_signature; --",
    "%00%27%22",
    "../../../etc/passwd",
    "javascript:alert(1)",
    "https://example.org/\u202e/",
    "a@exa\u202emple.org",
    " " * 300,
]
LONG_SAMPLES = ["A" * 5000, "\U0001f4a9" * 2000, "x" * 100_000]
# Characters that pass a field's checks unseen: slipped into an ordinary value.
INVISIBLE = [
    "\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b", "\r\n", "\t", "\u2028", "\u202e", "\u2066",
    "\u2069", "\U000e0041", "\U000e007f", "\ue000", "\U0010fffd", "\ufdd0", "\uffff", "\u0378",
    "\u200b", "\ufeff", "\u00ad", "\u200d", "\u200f", "\u0301",
]  # fmt: skip
ORDINARY = ["Marseille", "Vieux-Port", "مريم الأحمد", "אברהם", "Zoë 🌻", "小明", "क्षि", "Łódź"]


@st.composite
def slipped_in(draw):
    """An ordinary value with invisible characters slipped in anywhere."""
    text = draw(st.sampled_from(ORDINARY))
    for char in draw(st.lists(st.sampled_from(INVISIBLE), min_size=1, max_size=6)):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + char + text[at:]
    return text


hostile_text = st.one_of(
    slipped_in(),
    st.sampled_from(HOSTILE_SAMPLES + LONG_SAMPLES),
    st.text(st.characters(codec="utf-8"), max_size=200),  # every category a client can send
    st.lists(st.sampled_from(HOSTILE_SAMPLES), min_size=2, max_size=4).map("".join),
)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | hostile_text,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(hostile_text, children),
    max_leaves=8,
)


@st.composite
def receipts(draw, signature):
    """A receipt cookie as a client may send it: bytes off the wire, or signed with our key
    but holding anything at all, or a genuine one for another signature or address."""
    kind = draw(st.sampled_from(["wire", "signed", "altered"]))
    if kind == "wire":  # what a browser can carry in a header: bytes, read as latin-1
        return draw(hostile_text).encode()[:4000].decode("latin-1")
    if kind == "signed":
        value = json.dumps(draw(json_values))
    else:
        fields = {"p": signature.petition.slug, "s": signature.pk, "e": "g@example.org", "k": ""}
        fields[draw(st.sampled_from(sorted(fields)))] = draw(json_values)
        value = json.dumps(fields)
    return signing.get_cookie_signer(salt=receipt.COOKIE_NAME + receipt.SALT).sign(value)


@st.composite
def submissions(draw, valid, free_text, others):
    """`valid` with hostile values in some free-text fields and, sometimes, in one other field."""
    data = dict(valid)
    for name in draw(st.sets(st.sampled_from(free_text), min_size=1)):
        data[name] = draw(hostile_text)
    for name in draw(st.sets(st.sampled_from(others), max_size=1)):
        data[name] = draw(hostile_text)
    return data


def row_counts():
    """Rows in every table of both apps: a form with errors must add none anywhere."""
    models = [
        *apps.get_app_config("campaigns").get_models(),
        *apps.get_app_config("petitions").get_models(),
    ]
    return {model._meta.label: model.objects.count() for model in models}


def post_and_check(client, url, data, model, shown, stored, content_type=None):
    """POST `data`; check the answer, the rows and the values shown or stored; roll back."""
    cache.clear()  # rate limits count every POST; each example is one visitor's first
    with transaction.atomic():
        rows_before = row_counts()
        if content_type:
            response = client.post(url, urlencode(data), content_type=content_type)
        else:
            response = client.post(url, data)
        hypothesis.event(f"answered {response.status_code}")
        assert response.status_code < 500
        added = {label: count - rows_before[label] for label, count in row_counts().items()}
        if response.status_code == 302:
            assert added[model._meta.label] == 1
            saved = model.objects.latest("pk")
            for name, clean in stored.items():
                assert getattr(saved, name) == clean(data[name].strip()), name
        else:
            assert set(added.values()) == {0}, f"a form with errors saved rows: {added}"
            html = response.content.decode()
            for name in shown:
                typed = data[name]
                if typed:
                    assert (
                        f'name="{name}" value="{escape(typed)}"' in html
                        or f">\n{escape(typed)}</textarea>" in html
                    ), f"{name} typed {typed[:40]!r} is not shown back"
        transaction.set_rollback(True)
    return response


# The JSON API's addresses that take a parameter (tests/test_hostile_input.py asks each).
API_URLS = [
    "/api/v1/{}",
    "/api/v1/petitions/{}/",
    "/api/v1/petitions/free-jane-doe/?lang={query}",
    "/api/v1/petitions/?page={query}&status={query}&lang={query}",
    "/api/v1/campaigns/{}/",
    "/api/v1/campaigns/?page={query}&{query}={query}",
    "/api/v1/updates/?campaign={query}&page={query}",
    "/api/v1/events/?campaign={query}&when={query}&lang={query}",
]
