"""Property: no YAML text, however malformed, makes the loader or validator raise (only DataErrors)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.errors import DataInvalid
from dossier.load.yamlstrict import load_text
from dossier.validate.check import validate

YAMLISH = st.text(alphabet=st.sampled_from(list("abc:-[]{}&*!|>'\"#%@`?,. \n\t0123456789yesNO~")) , max_size=120)


@settings(max_examples=400, deadline=None)
@given(st.one_of(YAMLISH, st.text(max_size=80), st.binary(max_size=80)))
def test_loader_never_raises(text: str | bytes) -> None:
    raw = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    loaded, errors = load_text("data/x.yml", raw)
    assert loaded is not None or errors
    for e in errors:
        assert e.path == "data/x.yml"
        assert e.line >= 1
        assert e.col >= 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(YAMLISH)
def test_validator_reports_errors_not_tracebacks(tiny: Path, text: str) -> None:
    (tiny / "data/events/call-2024.yml").write_text(text, encoding="utf-8")
    errors: list[str] = []
    try:
        validate(tiny / "data", root=tiny)
    except DataInvalid as exc:
        errors = [str(e) for e in exc.errors]
    assert all(e.startswith("data/") for e in errors)  # a file position, never a traceback
