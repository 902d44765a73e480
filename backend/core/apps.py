from django.apps import AppConfig
from django.core.signals import request_finished


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Dockwright core"

    def ready(self) -> None:
        from core.request_id import clear_request_id

        request_finished.connect(clear_request_id, dispatch_uid="core.clear_request_id")
