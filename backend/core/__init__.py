"""Cross-cutting web concerns: info and health endpoints, error shape, rate limit, request ids, SPA serving."""
