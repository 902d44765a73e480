from django.urls import path

from projects.apis import (
    InvitationAcceptApi,
    InvitationLookupApi,
    MemberCollectionApi,
    MemberDetailApi,
    ProjectCollectionApi,
    ProjectDetailApi,
    ProjectInvitationCollectionApi,
    ProjectInvitationDetailApi,
    ProjectPolicyApi,
    SignUpApi,
    SiteInvitationApi,
)

urlpatterns = [
    path("projects", ProjectCollectionApi.as_view(), name="projects"),
    path("projects/<slug:slug>", ProjectDetailApi.as_view(), name="project-detail"),
    path("projects/<slug:slug>/policy", ProjectPolicyApi.as_view(), name="project-policy"),
    path("projects/<slug:slug>/members", MemberCollectionApi.as_view(), name="project-members"),
    path("projects/<slug:slug>/members/<str:username>", MemberDetailApi.as_view(), name="project-member"),
    path("projects/<slug:slug>/invitations", ProjectInvitationCollectionApi.as_view(), name="project-invitations"),
    path(
        "projects/<slug:slug>/invitations/<int:invitation_id>",
        ProjectInvitationDetailApi.as_view(),
        name="project-invitation",
    ),
    path("invitations", SiteInvitationApi.as_view(), name="invitations"),
    path("invitations/lookup", InvitationLookupApi.as_view(), name="invitation-lookup"),
    path("invitations/accept", InvitationAcceptApi.as_view(), name="invitation-accept"),
    path("auth/signup", SignUpApi.as_view(), name="signup"),
]
