"""The file-based e-mail backend with its folder from the environment (FAULT_MAIL_DIR), so that a worker started
in a subprocess by the fault tests leaves every e-mail it sent on disk (settings.py reads no EMAIL_FILE_PATH)."""
import os

from django.core.mail.backends.filebased import EmailBackend as FileBasedBackend


class EmailBackend(FileBasedBackend):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("file_path", os.environ["FAULT_MAIL_DIR"])
        super().__init__(*args, **kwargs)
