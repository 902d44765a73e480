"""The rule catalogue (rule metadata from the engine's registry) and the site-wide rule policy."""
