import time

from django import forms

from sitewide import form_guard


class NoteForm(form_guard.GuardedForm):
    note = forms.CharField()


def _posted(**data):
    return NoteForm({"note": "Hello", **data}, guard_scope="notes.1")


def test_a_fresh_form_carries_a_start_token_for_its_scope():
    form = NoteForm(guard_scope="notes.1")
    token = form.initial["started"]
    assert form_guard.seconds_since(token, "notes.1") < 5
    assert form_guard.seconds_since(token, "notes.2") is None


def test_a_person_who_loaded_the_form_is_not_spam():
    form = _posted(started=form_guard.started_token("notes.1"))
    assert form.is_valid()
    assert not form.is_spam


def test_a_filled_honeypot_is_spam():
    form = _posted(started=form_guard.started_token("notes.1"), website="https://spam.example")
    assert form.is_valid()
    assert form.is_spam


def test_a_missing_forged_or_foreign_token_is_spam():
    for token in ["", "1700000000", form_guard.started_token("notes.2")]:
        form = _posted(started=token)
        assert form.is_valid()
        assert form.is_spam


def test_a_form_older_than_a_day_comes_back_with_the_text_and_a_fresh_token():
    old = form_guard.started_token("notes.1", at=time.time() - 25 * 3600)
    form = _posted(started=old)
    assert not form.is_valid()
    assert "more than a day" in form.non_field_errors()[0]
    assert form.data["note"] == "Hello"
    assert form_guard.seconds_since(form.data["started"], "notes.1") < 5


def test_the_honeypot_is_not_among_the_visible_fields():
    form = NoteForm(guard_scope="notes.1")
    assert [field.name for field in form.visible_fields()] == ["note"]
    assert [field.name for field in form.hidden_fields()] == ["started"]
