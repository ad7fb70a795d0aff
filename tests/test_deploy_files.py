"""docker-compose pins the Neo4j version the tests run, and holds no password."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).parents[1]


def test_compose_and_launcher_pin_the_same_neo4j():
    pom = (ROOT / "neo4j-launcher" / "pom.xml").read_text()
    tested = re.search(r"<neo4j.version>([\d.]+)</neo4j.version>", pom).group(1)
    assert tested.startswith("5.26.")
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert compose["services"]["neo4j"]["image"] == f"neo4j:{tested}-community"


def test_compose_has_no_default_password_and_waits_for_neo4j():
    text = (ROOT / "docker-compose.yml").read_text()
    compose = yaml.safe_load(text)
    auth = compose["services"]["neo4j"]["environment"]["NEO4J_AUTH"]
    assert auth.startswith("neo4j/${NEO4J_PASSWORD:?")  # compose stops when the variable is unset
    assert compose["services"]["api"]["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert "healthcheck" in compose["services"]["neo4j"]
