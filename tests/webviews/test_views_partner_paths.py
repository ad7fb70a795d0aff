"""Path views use the API's partner-path default: no countries or topics between the ends."""


def node_ids(client, **params):
    r = client.get("/view/export", params={"format": "json", "view": "path", **params})
    assert r.status_code == 200, r.text
    return {n["id"] for n in r.json()["nodes"]}


def test_path_view_default_avoids_hubs_and_via_all_allows_them(seed_client):
    partner = node_ids(seed_client, source="Hessen", target="KOSME")
    assert {"org:htai", "agreement:htai-kosme-mou"} <= partner
    assert "region:kr" not in partner
    everything = node_ids(seed_client, source="Hessen", target="KOSME", via="all")
    assert "region:kr" in everything


def test_path_view_permalink_keeps_via(seed_client):
    html = seed_client.get("/view/path", params={"source": "region:de-he", "target": "org:kosme", "via": "all"}).text
    assert "via=all" in html
    bad = seed_client.get("/view/path", params={"source": "region:de-he", "target": "org:kosme", "via": "planets"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_query"
