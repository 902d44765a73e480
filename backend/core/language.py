"""The language of a request, for the texts we translate: `?lang=` (a link or a script can ask), else Django's
choice (the language cookie, then Accept-Language; LocaleMiddleware). The engine renders rule texts and findings
in it from its own catalogue (dockwright.i18n), so the API says what the CLI says with `--lang`."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation

from dockwright import i18n

# Django's language codes for the engine's.
_DJANGO_CODES = {i18n.ENGLISH: "en", i18n.CHINESE_SIMPLIFIED: "zh-hans"}


def current_language() -> str:
    """The engine's code (en, zh-Hans) of the language active for this request."""
    return i18n.language(translation.get_language())


class QueryLanguageMiddleware:
    """Activates the language a `lang` query parameter names (zh-Hans, zh-CN, en...), over the cookie and the
    Accept-Language header; an unknown one means English, as the CLI's --lang does."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        asked = request.GET.get("lang")
        if asked is None:
            return self.get_response(request)
        code = _DJANGO_CODES[i18n.language(asked)]
        translation.activate(code)
        request.LANGUAGE_CODE = code
        response = self.get_response(request)
        response.headers["Content-Language"] = code
        return response
