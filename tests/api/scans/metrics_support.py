"""Reading GET /metrics/scans as Prometheus would: the samples of the text format, by name and labels."""

from __future__ import annotations

from typing import Any

from prometheus_client.parser import text_string_to_metric_families


class Samples:
    def __init__(self, text: str) -> None:
        self.text = text
        self.values = {
            (sample.name, frozenset(sample.labels.items())): sample.value
            for family in text_string_to_metric_families(text)
            for sample in family.samples
        }

    def __call__(self, name: str, **labels: str) -> float:
        """The sample's value; KeyError (with the page) when it is not served."""
        key = (name, frozenset(labels.items()))
        if key not in self.values:
            raise KeyError(f"{name}{labels} is not in:\n{self.text}")
        return self.values[key]

    def names(self) -> set[str]:
        return {name for name, _ in self.values}


def scrape(client: Any) -> Samples:
    response = client.get("/metrics/scans")
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/plain")
    return Samples(response.content.decode())
