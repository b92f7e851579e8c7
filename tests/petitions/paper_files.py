"""Building paper-signature CSV files and sending them through the admin, for the paper tests."""

from django.core.files.uploadedfile import SimpleUploadedFile

HEADER = "name,email,country,date\n"
GOOD_ROWS = [
    "Marie Curie,,FR,2023-09-02",
    "Ada Lovelace,ada@example.org,United Kingdom,2023-09-02",
    "Zoë Müller,zoe@example.org,de,2023-09-03",
    "Олена Коваль,,UKR,2023-09-03",
]


def csv_bytes(*rows, header=HEADER, encoding="utf-8"):
    return (header + "".join(f"{row}\n" for row in rows)).encode(encoding)


def paper_url(petition, *rest):
    return "/".join([f"/admin/petitions/petition/{petition.pk}/paper", *map(str, rest), ""])


def upload(client, petition, content, name="sheets.csv"):
    """Upload `content` (bytes) on the petition's paper page, following to the preview."""
    file = SimpleUploadedFile(name, content, content_type="text/csv")
    return client.post(paper_url(petition), {"file": file}, follow=True)


def confirm(client, response):
    """Press the preview's import button, as the page gives it."""
    form = response.context["confirm_form"]
    return client.post(response.wsgi_request.path, form.initial, follow=True)
