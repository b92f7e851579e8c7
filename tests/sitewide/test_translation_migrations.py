"""The migrations that gave every text a column per language keep what was written: each text
goes into the column of its campaign's or petition's main language, and back on reversal."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("campaigns", "0010_campaign_visuals_and_drawn_posters"),
    ("petitions", "0008_petition_share_cards"),
]
AFTER = [
    ("campaigns", "0011_content_in_several_languages"),
    ("petitions", "0009_content_in_several_languages"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def before(transactional_db):
    apps = migrate(BEFORE)
    yield apps
    migrate(executor_leaf_nodes())


def executor_leaf_nodes():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def test_existing_texts_move_into_their_main_language(before):
    Campaign = before.get_model("campaigns", "Campaign")
    CaseUpdate = before.get_model("campaigns", "CaseUpdate")
    Petition = before.get_model("petitions", "Petition")
    Demand = before.get_model("petitions", "Demand")
    Signature = before.get_model("petitions", "Signature")
    campaign = Campaign.objects.create(slug="jane", name="Jane Doe", summary="Journalist.")
    CaseUpdate.objects.create(campaign=campaign, title="Verdict", slug="verdict", body="Six.")
    french = Petition.objects.create(
        slug="liberte", title="Liberté !", target="les autorités", language="fr"
    )
    english = Petition.objects.create(slug="free", title="Free her", target="the minister")
    Demand.objects.create(petition=french, text="la libérer")
    Signature.objects.create(petition=french, first_name="Marie", email="m@example.org")

    after = migrate(AFTER)
    campaign = after.get_model("campaigns", "Campaign").objects.get()
    assert (campaign.language, campaign.name_en, campaign.summary_en) == (
        "en",
        "Jane Doe",
        "Journalist.",
    )
    assert campaign.summary_fr is None
    update = after.get_model("campaigns", "CaseUpdate").objects.get()
    assert (update.title_en, update.body_en) == ("Verdict", "Six.")
    petitions = after.get_model("petitions", "Petition").objects
    assert petitions.get(pk=french.pk).title_fr == "Liberté !"
    assert petitions.get(pk=french.pk).title_en is None
    assert petitions.get(pk=english.pk).target_en == "the minister"
    assert after.get_model("petitions", "Demand").objects.get().text_fr == "la libérer"
    assert after.get_model("petitions", "Signature").objects.get().language == "fr"

    # An edit made in the main language survives going back.
    petitions.filter(pk=french.pk).update(title_fr="Liberté pour Jane !")
    back = migrate(BEFORE)
    assert back.get_model("petitions", "Petition").objects.get(pk=french.pk).title == (
        "Liberté pour Jane !"
    )
