"""The read-only JSON API: every answer as sitewide/openapi.json describes it, published things
only, never a signer or an email address; pages, languages, 404s as JSON, cached, open to
every origin."""

import datetime
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.urls import resolve
from django.utils import timezone
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate as validate_spec
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from campaigns.models import Event
from petitions import counter
from petitions.models import Demand, Petition
from sitewide import api_urls
from tests.factories import add_local_action, add_petition, add_signature, add_update

pytestmark = pytest.mark.django_db
SPEC_PATH = Path(__file__).resolve().parents[2] / "sitewide" / "openapi.json"
SPEC = json.loads(SPEC_PATH.read_text())
SPEC_URI = "urn:solidarity:openapi"
REGISTRY = Registry().with_resource(
    SPEC_URI, Resource.from_contents(SPEC, default_specification=DRAFT202012)
)


def spec_path(url):
    """The OpenAPI path of `url` ("/api/v1/petitions/x/" -> "/petitions/{slug}/")."""
    route = resolve(urlsplit(url).path).route
    return "/" + route.removeprefix("api/v1/").replace("<slug:slug>", "{slug}")


def answer(client, url, status=200):
    """GET `url`; check it against the OpenAPI file, and that it holds nothing private."""
    response = client.get(url)
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert not response.cookies
    assert "@" not in response.content.decode()  # no email address, ever
    body = response.json()
    path = spec_path(url)
    assert path in SPEC["paths"], f"{path} is not in the OpenAPI file"
    responses = SPEC["paths"][path]["get"]["responses"]
    assert str(status) in responses, f"{path} answers {status}, which the file does not say"
    pointer = f"#/paths/{path.replace('~', '~0').replace('/', '~1')}/get/responses/{status}"
    schema = {"$ref": f"{SPEC_URI}{pointer}/content/application~1json/schema"}
    OAS31Validator(schema, registry=REGISTRY).validate(body)
    return body


@pytest.fixture
def content(campaign, unpublished_campaign, event, past_event):
    """Published things and, beside each, one that is not."""
    petition = add_petition(campaign, "free-jane-doe", offset=100, title_fr="Libérez Jane Doe")
    Demand.objects.create(petition=petition, text="release Jane Doe", order=1)
    add_signature(petition, "ada@example.org", wants_updates=True, show_publicly=True)
    counter.log_change(petition.pk, 1)  # as confirming does: the detail folds it in
    add_petition(campaign, "a-draft", status=Petition.Status.DRAFT)
    add_petition(campaign, "closed-one", status=Petition.Status.CLOSED)
    add_petition(unpublished_campaign, "hidden-campaigns-petition")
    add_update(campaign, "Trial postponed")
    add_update(campaign, "Draft news", days_ago=None)
    add_update(campaign, "Scheduled news", days_ago=-3)
    add_update(unpublished_campaign, "Not yet public news")
    Event.objects.create(
        campaign=campaign,
        title="Unpublished day",
        slug="unpublished-day",
        starts_on=timezone.localdate() + datetime.timedelta(days=3),
        time_zone="UTC",
    )
    add_local_action(event)
    return petition


def test_the_openapi_file_is_valid_openapi_3_1_and_served(client):
    validate_spec(SPEC)
    assert SPEC["openapi"].startswith("3.1")
    assert answer(client, "/api/v1/openapi.json") == SPEC


def test_the_openapi_file_describes_every_api_address_and_no_other():
    api_routes = {
        "/" + str(pattern.pattern).replace("<slug:slug>", "{slug}")
        for pattern in api_urls.urlpatterns
        if pattern.name != "unknown"
    }
    assert api_routes == set(SPEC["paths"])


def test_every_answer_follows_the_openapi_file_from_the_index_down(client, content):
    index = answer(client, "/api/v1/")
    for name in ("petitions", "campaigns", "updates", "events"):
        listing = answer(client, index[name])
        assert listing["results"], name
        for item in listing["results"]:
            if "api" in item["urls"]:  # petitions and campaigns have a page of their own
                answer(client, item["urls"]["api"])
    assert urlsplit(index["openapi"]).path == "/api/v1/openapi.json"


def test_only_published_things_are_listed(client, content):
    def slugs(url):
        return {item["slug"] for item in answer(client, url)["results"]}

    # A petition is public as on the site, its campaign only once that is published.
    everyone = {"free-jane-doe", "closed-one", "hidden-campaigns-petition"}
    assert slugs("/api/v1/petitions/") == everyone
    assert slugs("/api/v1/petitions/?status=open") == everyone - {"closed-one"}
    assert slugs("/api/v1/petitions/?status=closed") == {"closed-one"}
    assert slugs("/api/v1/campaigns/") == {"jane-doe"}
    assert slugs("/api/v1/updates/") == {"trial-postponed"}
    assert slugs("/api/v1/events/") == {"day-of-solidarity"}
    assert slugs("/api/v1/events/?when=past") == {"last-years-day"}
    assert slugs("/api/v1/updates/?campaign=jane-doe") == {"trial-postponed"}


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/petitions/a-draft/",
        "/api/v1/petitions/no-such-petition/",
        "/api/v1/campaigns/john-roe/",
        "/api/v1/campaigns/no-such-campaign/",
        "/api/v1/updates/?campaign=john-roe",
        "/api/v1/events/?campaign=no-such-campaign",
        "/api/v1/petitions/?page=9",
    ],
)
def test_what_is_not_published_is_a_404_in_json(client, content, url):
    body = answer(client, url, status=404)
    assert body["error"]["code"] == "not_found"


@pytest.mark.parametrize(
    "query", ["page=abc", "page=0", "page=-1", "lang=xx", "status=draft", "when=yesterday"]
)
def test_a_query_parameter_with_a_value_it_does_not_take_is_a_400_in_json(client, content, query):
    url = "/api/v1/events/?" + query if query.startswith("when") else "/api/v1/petitions/?" + query
    body = answer(client, url, status=400)
    assert body["error"]["code"] == "bad_request"


def test_an_unknown_api_address_is_a_404_in_json(client):
    response = client.get("/api/v1/signatures/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_a_petition_gives_its_count_goal_demands_and_addresses_and_never_its_signers(
    client, content
):
    petition = answer(client, "/api/v1/petitions/free-jane-doe/")
    assert petition["count"] == 101  # one confirmed signature and 100 gathered elsewhere
    assert petition["goal"] == 1000
    assert petition["status"] == "open"
    assert petition["demands"] == ["release Jane Doe"]
    assert petition["campaign"]["slug"] == "jane-doe"
    assert petition["urls"]["page"] == "http://testserver/petitions/free-jane-doe/"
    assert petition["urls"]["count"] == "http://testserver/petitions/free-jane-doe/count.json"
    assert "Lovelace" not in json.dumps(petition) and "Ada" not in json.dumps(petition)
    # The petition of a campaign not published yet does not name it.
    assert answer(client, "/api/v1/petitions/hidden-campaigns-petition/")["campaign"] is None


def test_lang_gives_the_texts_and_page_addresses_in_that_language_where_translated(client, content):
    english = answer(client, "/api/v1/petitions/free-jane-doe/")
    french = answer(client, "/api/v1/petitions/free-jane-doe/?lang=fr")
    german = answer(client, "/api/v1/petitions/free-jane-doe/?lang=de")
    assert (english["title"], english["language"]) == ("Free Jane Doe", "en")
    assert (french["title"], french["language"]) == ("Libérez Jane Doe", "fr")
    assert french["languages"] == ["en", "fr"]
    assert french["urls"]["page"] == "http://testserver/fr/petitions/free-jane-doe/"
    assert (german["title"], german["language"]) == ("Free Jane Doe", "en")  # main language


def test_lists_come_a_page_at_a_time(client, campaign):
    for number in range(23):
        add_petition(campaign, f"petition-{number:02}")
    first = answer(client, "/api/v1/petitions/")
    assert (first["count"], first["page"], first["pages"]) == (23, 1, 2)
    assert len(first["results"]) == 20
    assert first["previous"] is None
    second = answer(client, first["next"])
    assert urlsplit(first["next"]).query == "page=2"
    assert len(second["results"]) == 3
    assert second["next"] is None
    assert answer(client, second["previous"]) == first


def test_answers_are_public_for_proxies_and_kept_in_the_cache_until_an_edit(
    client, content, django_assert_num_queries
):
    response = client.get("/api/v1/petitions/")
    assert "public" in response["Cache-Control"] and "s-maxage=10" in response["Cache-Control"]
    with django_assert_num_queries(0):
        assert client.get("/api/v1/petitions/").content == response.content
    content.title = "Free Jane Doe now"
    content.save()
    assert "Free Jane Doe now" in client.get("/api/v1/petitions/").content.decode()


def test_a_post_is_refused(client, content):
    response = client.post("/api/v1/petitions/", {})
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"
