import io

import pytest
from django.core.management import call_command
from django.template import Context, Template
from django.utils import translation

from sitewide.templatetags.typography import french_spacing, without_final_stop

NARROW, WIDE = "\u202f", "\u00a0"


def render(source, **context):
    return Template("{% load typography %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("typed", "set"),
    [
        ("Liberté pour Azat Miftakhov !", f"Liberté pour Azat Miftakhov{NARROW}!"),
        ("Pourquoi ? Parce que", f"Pourquoi{NARROW}? Parce que"),
        ("Libérez-le ; maintenant", f"Libérez-le{NARROW}; maintenant"),
        ("Prénom : Ada", f"Prénom{WIDE}: Ada"),
        ("« Libérez Azat »", f"«{WIDE}Libérez Azat{WIDE}»"),
        # A run of spaces, or a no-break space of the wrong width, becomes the right one.
        ("Vite  !", f"Vite{NARROW}!"),
        (f"Vite{WIDE}!", f"Vite{NARROW}!"),
        # Nothing to join: times, addresses and punctuation set without a space.
        ("18:00, https://example.org/?a=1", "18:00, https://example.org/?a=1"),
        ("Libre!", "Libre!"),
    ],
)
def test_french_text_gets_no_break_spaces_before_its_punctuation(typed, set):
    assert french_spacing(typed, "fr") == set


def test_text_in_another_language_is_left_alone():
    assert french_spacing("Free Azat !", "en") == "Free Azat !"


def test_without_a_language_the_active_one_decides():
    with translation.override("fr"):
        assert french_spacing("Libre !") == f"Libre{NARROW}!"
    with translation.override("en"):
        assert french_spacing("Libre !") == "Libre !"


def test_in_a_template_the_title_is_still_escaped():
    html = render("{{ title|french_spacing:'fr' }}", title="<b>Libre</b> !")
    assert html == f"&lt;b&gt;Libre&lt;/b&gt;{NARROW}!"


@pytest.mark.django_db
def test_the_french_demo_petitions_title_never_breaks_before_its_exclamation_mark(client):
    call_command("load_demo", stdout=io.StringIO())
    html = client.get("/fr/petitions/liberte-pour-azat-miftakhov/").content.decode()
    shown = html[html.index("<main") : html.index("</main>")]  # what the page shows
    assert f'<h1 lang="fr">Liberté pour Azat Miftakhov{NARROW}!</h1>' in shown
    assert "Miftakhov !" not in shown
    assert f"<title>Liberté pour Azat Miftakhov{NARROW}!" in html
    home = client.get("/fr/").content.decode()
    assert f"Liberté pour Azat Miftakhov{NARROW}!</a>" in home


@pytest.mark.parametrize(
    ("label", "shown"),
    [("I agree.", "I agree"), ("Email", "Email"), ("Wait...", "Wait..."), ("Why?", "Why?")],
)
def test_a_label_loses_its_full_stop_before_a_colon(label, shown):
    assert without_final_stop(label) == shown
