"""A Preview button for the admin's forms with Markdown texts: the texts as the site shows them.

The button (templates/admin/submit_line.html) sends the form being edited, unsaved, to the
preview's address and opens the answer in a new tab; the page renders each Markdown field, in
each language it is written in, with the site's own rendering (Markdown, then nh3's sanitising:
sitewide.templatetags.markup). No script: an organiser keeps the form as it was in the first tab.
"""

from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from sitewide.content_languages import SITE_LANGUAGES, translated_fields
from sitewide.templatetags.markup import render_markdown


class MarkdownPreviewMixin:
    """For a ModelAdmin: `markdown_fields` lists the model's Markdown fields, in page order;
    `markdown_inline_fields` maps an inline's prefix to its (Markdown field, title field);
    `preview_title_field` names the field shown as the preview's heading."""

    markdown_fields = []
    markdown_inline_fields = {}
    preview_title_field = "title"

    def _preview_url_name(self):
        return f"{self.opts.app_label}_{self.opts.model_name}_preview"

    def get_urls(self):
        return [
            path(
                "preview/",
                self.admin_site.admin_view(self.markdown_preview_view),
                name=self._preview_url_name(),
            ),
            *super().get_urls(),
        ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        url = reverse(f"admin:{self._preview_url_name()}")
        extra_context = {**(extra_context or {}), "markdown_preview_url": url}
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _may_preview(self, request):
        """Whoever may write these texts here: add or change permission on the model."""
        return any(
            request.user.has_perm(
                f"{self.opts.app_label}.{get_permission_codename(action, self.opts)}"
            )
            for action in ("add", "change")
        )

    def markdown_preview_view(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self._may_preview(request):
            raise PermissionDenied
        texts = [
            (self.opts.get_field(column).verbose_name, request.POST.get(column, ""))
            for name in self.markdown_fields
            for column in _written_columns(self.model, name, request.POST)
        ]
        for prefix, (field, title) in self.markdown_inline_fields.items():
            for suffix in ["", *(f"_{code}" for code in SITE_LANGUAGES)]:
                texts += _inline_texts(request.POST, prefix, field + suffix, title + suffix)
        texts = [
            {"label": label, "html": mark_safe(render_markdown(text))}  # noqa: S308 - sanitised by nh3
            for label, text in texts
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Preview"),
            "heading": _first_written(self.model, self.preview_title_field, request.POST),
            "texts": texts,
        }
        return TemplateResponse(request, "admin/markdown_preview.html", context)


def _written_columns(model, name, data):
    """The columns of the text `name` in `data`: those of its languages that hold something (at
    least the first) for a text written in several languages, else `name` itself."""
    if name not in translated_fields(model):
        return [name]
    columns = [f"{name}_{code}" for code in SITE_LANGUAGES]
    return [column for column in columns if data.get(column, "").strip()] or columns[:1]


def _first_written(model, name, data):
    return next(
        (data[column] for column in _written_columns(model, name, data) if column in data), ""
    )


def _inline_texts(data, prefix, field, title):
    """(title, text) of each form of an inline formset in `data`, in order, but those marked
    for deletion."""
    texts = []
    for index in range(_total_forms(data, prefix)):
        form = f"{prefix}-{index}-"
        if data.get(form + "DELETE") or not data.get(form + field, "").strip():
            continue
        texts.append((data.get(form + title, ""), data[form + field]))
    return texts


def _total_forms(data, prefix):
    try:
        return min(int(data.get(f"{prefix}-TOTAL_FORMS", 0)), 1000)
    except ValueError:
        return 0
