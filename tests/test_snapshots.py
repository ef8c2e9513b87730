"""Screenshots of the Painel and the Fluxo lanes on the demo network, at a fixed date.

Update them with `pytest tests/test_snapshots.py --snapshot-update` only after looking at
the report of the differences.
"""

from pacto.tui.app import criar_app
from tests.conftest import HOJE

TAMANHO = (100, 30)


def test_painel_snapshot(snap_compare, caminho_demo):
    assert snap_compare(criar_app(caminho_demo, hoje=HOJE), terminal_size=TAMANHO)


def test_fluxo_snapshot(snap_compare, caminho_demo):
    assert snap_compare(criar_app(caminho_demo, hoje=HOJE), press=["4"], terminal_size=TAMANHO)
