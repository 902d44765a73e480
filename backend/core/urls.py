from django.urls import path

from core.apis import InfoApi
from core.session_apis import SessionApi

urlpatterns = [
    path("info", InfoApi.as_view(), name="info"),
    path("auth/session", SessionApi.as_view(), name="session"),
]
