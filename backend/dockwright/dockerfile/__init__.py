"""Dockerfile parsing: an instruction model that keeps exact source positions, ARG/ENV resolution and
shell analysis of RUN scripts."""
