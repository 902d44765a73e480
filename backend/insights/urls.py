from django.urls import path

from insights.badge_apis import ProjectBadgeApi
from insights.inventory_apis import InventoryApi, InventoryImagesApi, InventoryPortsApi, InventoryRootApi
from insights.overview_apis import ProjectOverviewApi

urlpatterns = [
    path("projects/<slug:slug>/overview", ProjectOverviewApi.as_view(), name="project-overview"),
    path("projects/<slug:slug>/badge.svg", ProjectBadgeApi.as_view(), name="project-badge"),
    path("inventory", InventoryApi.as_view(), name="inventory"),
    path("inventory/images", InventoryImagesApi.as_view(), name="inventory-images"),
    path("inventory/root", InventoryRootApi.as_view(), name="inventory-root"),
    path("inventory/database-ports", InventoryPortsApi.as_view(), name="inventory-database-ports"),
]
