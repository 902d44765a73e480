"""The Django project: settings, URL routes and the WSGI entry point of Dockwright's web service."""
