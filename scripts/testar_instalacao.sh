#!/usr/bin/env bash
# Build the wheel, install it in a brand-new virtual environment (as pipx or uv tool would) and
# use it as a new user: the demo network, a Termo de Adesão, and `pacto web` answering with its
# token. Run by .ci/run; needs only python3 and the package index.
set -euo pipefail
cd "$(dirname "$0")/.."
trabalho="$(mktemp -d)"
trap 'rm -rf "$trabalho"' EXIT

python3 -m venv "$trabalho/construir"
"$trabalho/construir/bin/pip" install -q --upgrade pip build >/dev/null
"$trabalho/construir/bin/python" -m build --wheel --outdir "$trabalho/dist" . >/dev/null
roda="$(ls "$trabalho"/dist/pacto_fluxos-*.whl)"
echo "wheel: $(basename "$roda")"

python3 -m venv "$trabalho/ferramenta"
"$trabalho/ferramenta/bin/pip" install -q "$roda" >/dev/null
pacto="$trabalho/ferramenta/bin/pacto"
cd "$trabalho"
"$pacto" --versao
"$pacto" demo --sem-tui
"$pacto" --db pacto-demo/pacto.db versao congelar --nota "Teste de instalação" >/dev/null
"$pacto" --db pacto-demo/pacto.db gerar termo --instituicao PF-RR --saida termos >/dev/null
test -s termos/*.docx || { echo "o Termo não foi gerado"; exit 1; }
echo "termo: $(ls termos)"
"$trabalho/ferramenta/bin/python" - "$pacto" <<'PY'
import subprocess, sys, time, urllib.request, urllib.error, signal
proc = subprocess.Popen([sys.argv[1], "--db", "pacto-demo/pacto.db", "web", "--porta", "0",
                         "--sem-navegador"], stdout=subprocess.PIPE, text=True)
url = None
fim = time.monotonic() + 30
while time.monotonic() < fim and url is None:
    linha = proc.stdout.readline()
    if linha.startswith("Abra: "):
        url = linha.split("Abra: ", 1)[1].strip()
try:
    assert url, "pacto web não mostrou o endereço"
    with urllib.request.urlopen(url, timeout=10) as r:
        assert r.status == 200
    try:
        urllib.request.urlopen(url.split("?")[0], timeout=10)
        raise AssertionError("sem o código de acesso, o servidor deveria recusar")
    except urllib.error.HTTPError as erro:
        assert erro.code == 403
    print("web: ok")
finally:
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=15)
PY
echo "instalação a partir da wheel: ok"
