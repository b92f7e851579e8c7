"""Hostile values a client can actually send (UTF-8, so no lone surrogates), for Hypothesis."""

from hypothesis import strategies as st

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
