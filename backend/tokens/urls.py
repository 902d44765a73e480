from django.urls import path

from tokens.apis import TokenCollectionApi, TokenDetailApi

urlpatterns = [
    path("tokens", TokenCollectionApi.as_view(), name="tokens"),
    path("tokens/<str:uid>", TokenDetailApi.as_view(), name="token-detail"),
]
