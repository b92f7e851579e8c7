"""Development email, readable in the terminal (EMAIL_URL=consolemail://, the default).

Django's console backend prints each message's MIME source, where quoted-printable cuts every
line longer than 76 characters with "=", so the confirmation link could not be clicked. This
one prints the headers and each text part decoded, links whole. Real mail (SMTP) is untouched.
"""

from django.core.mail.backends.console import EmailBackend as DjangoConsoleBackend

# Headers about the encoding, which the decoded text makes moot.
MIME_HEADERS = {"content-type", "content-transfer-encoding", "mime-version"}


class EmailBackend(DjangoConsoleBackend):
    def write_message(self, message):
        mime = message.message()
        lines = [
            f"{name}: {value}" for name, value in mime.items() if name.lower() not in MIME_HEADERS
        ]
        for part in mime.walk():
            if part.is_multipart():
                continue
            if part.get_content_maintype() == "text" and not part.is_attachment():
                lines += ["", f"[{part.get_content_type()}]", part.get_content().rstrip("\n")]
            else:
                lines += ["", f"[attachment: {part.get_filename()}, {part.get_content_type()}]"]
        self.stream.write("\n".join(lines) + "\n")
        self.stream.write("-" * 79 + "\n")
