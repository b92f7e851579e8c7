"""The petition's "Paper signatures" pages in the admin: upload a CSV file, preview every row,
import, see past imports and undo one (petitions.paper_imports does the work)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from petitions import paper, paper_imports
from petitions.models import PaperImport, Petition


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        allow_empty_file=True,  # petitions.paper says so in its own words
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > paper.MAX_BYTES:  # refused before a byte is read
            raise forms.ValidationError(paper.too_large_message(), code="too_large")
        return upload


class ConfirmForm(forms.Form):
    digest = forms.CharField(widget=forms.HiddenInput)


class PaperImportsAdminMixin:
    """Adds the paper pages to PetitionAdmin."""

    def get_urls(self):
        views = [
            ("paper/", self.paper_view, "paper"),
            ("paper/<int:import_pk>/", self.paper_preview_view, "paper_preview"),
            ("paper/<int:import_pk>/undo/", require_POST(self.paper_undo_view), "paper_undo"),
        ]
        return [
            *(
                path(
                    f"<int:pk>/{route}",
                    self.admin_site.admin_view(view),
                    name=f"petitions_petition_{name}",
                )
                for route, view, name in views
            ),
            *super().get_urls(),
        ]

    def _petition_to_change(self, request, pk):
        petition = get_object_or_404(Petition, pk=pk)
        if not self.has_change_permission(request, petition):
            raise PermissionDenied
        return petition

    def _paper_page(self, request, petition, template, title, **context):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "petition": petition,
            "title": title,
            "subtitle": petition.title,
            **context,
        }
        return TemplateResponse(request, f"admin/petitions/{template}", context)

    def paper_view(self, request, pk):
        """The upload form and the past imports; an upload leads to its preview."""
        petition = self._petition_to_change(request, pk)
        form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                paper_import = paper_imports.upload(
                    petition=petition, file_name=upload.name, content=upload.read(), by=request.user
                )
            except (paper.PaperFileError, paper_imports.PaperImportError) as error:
                form.add_error("file", error.message)
            else:
                return redirect(_preview_url(paper_import))
        past = (
            petition.paper_imports.exclude(status=PaperImport.Status.PREVIEW)
            .defer("content")
            .select_related("imported_by", "undone_by")
        )
        return self._paper_page(
            request,
            petition,
            "paper_upload.html",
            _("Paper signatures"),
            form=form,
            past_imports=past,
            max_rows=paper.MAX_ROWS,
            max_megabytes=paper.MAX_BYTES // (1024 * 1024),
        )

    def paper_preview_view(self, request, pk, import_pk):
        """Every row of an upload with its problem; the button imports the rows shown."""
        petition = self._petition_to_change(request, pk)
        paper_import = get_object_or_404(petition.paper_imports, pk=import_pk)
        if paper_import.status != PaperImport.Status.PREVIEW:
            self.message_user(request, _("This file has already been imported."), messages.WARNING)
            return redirect("admin:petitions_petition_paper", petition.pk)
        changed = False
        if request.method == "POST":
            form = ConfirmForm(request.POST)
            try:
                if not form.is_valid():
                    raise paper_imports.PaperImportError("changed")
                done = paper_imports.import_rows(
                    paper_import_id=paper_import.pk,
                    digest=form.cleaned_data["digest"],
                    by=request.user,
                )
            except paper_imports.PaperImportError as error:
                if error.code == "done":
                    self.message_user(request, error.message, messages.WARNING)
                    return redirect("admin:petitions_petition_paper", petition.pk)
                changed = error.code == "changed"
            else:
                count = done.imported_count
                message = ngettext(
                    "%(count)d paper signature imported.",
                    "%(count)d paper signatures imported.",
                    count,
                ) % {"count": count}
                self.message_user(request, message, messages.SUCCESS)
                return redirect("admin:petitions_petition_paper", petition.pk)
        shown = paper_imports.preview(paper_import)
        confirm_form = None
        if not shown.with_problems and shown.to_import:
            confirm_form = ConfirmForm(initial={"digest": shown.digest})
        return self._paper_page(
            request,
            petition,
            "paper_preview.html",
            _("Check the paper signatures before importing them"),
            paper_import=paper_import,
            preview=shown,
            confirm_form=confirm_form,
            changed=changed,
        )

    def paper_undo_view(self, request, pk, import_pk):
        petition = self._petition_to_change(request, pk)
        paper_import = get_object_or_404(petition.paper_imports.defer("content"), pk=import_pk)
        try:
            removed = paper_imports.undo(paper_import_id=paper_import.pk, by=request.user)
        except paper_imports.PaperImportError as error:
            self.message_user(request, error.message, messages.WARNING)
        else:
            message = ngettext(
                "Import undone: %(count)d paper signature removed from the count.",
                "Import undone: %(count)d paper signatures removed from the count.",
                removed,
            ) % {"count": removed}
            self.message_user(request, message, messages.SUCCESS)
        return redirect("admin:petitions_petition_paper", petition.pk)


def _preview_url(paper_import):
    return reverse(
        "admin:petitions_petition_paper_preview", args=[paper_import.petition_id, paper_import.pk]
    )
