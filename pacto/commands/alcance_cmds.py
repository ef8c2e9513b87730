"""Commands that take the flow beyond the terminal: the public web page and the browser mode."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from pacto.commands.common import Caminho, opcao_sobrescrever, workspace

if TYPE_CHECKING:
    from pathlib import Path


@click.command()
@click.option(
    "--saida",
    required=True,
    metavar="PASTA",
    type=Caminho(file_okay=False),
    help="Pasta da página (index.html, es.html e estilo.css), pronta para o portal.",
)
@click.option(
    "--versao",
    type=click.IntRange(min=1),
    metavar="N",
    help="A versão congelada N (padrão: a última).",
)
@click.option("--rascunho", is_flag=True, help="Publica o rascunho, marcado como MINUTA.")
@click.option(
    "--pontos-focais",
    is_flag=True,
    help="Inclui os pontos focais, marcados como de uso restrito (não para o portal público).",
)
@opcao_sobrescrever
def publicar(
    saida: Path, versao: int | None, rascunho: bool, pontos_focais: bool, sobrescrever: bool
) -> None:
    """Gera a página pública do fluxo, em português e em espanhol.

    A página mostra o que é tráfico de pessoas, como denunciar, quem faz o quê em cada etapa e
    o diretório das instituições, da última versão congelada do fluxo. Não faz nenhum acesso
    fora da pasta: pode ser enviada como está para o portal do Estado ou do Município.
    """
    from pacto.services.dados_abertos import conteudo_publicado
    from pacto.services.publicar import publicar as gravar

    ws = workspace()
    publicado = conteudo_publicado(ws, versao, rascunho)
    arquivos = gravar(
        publicado, saida, ws=ws, sobrescrever=sobrescrever, com_pontos_focais=pontos_focais
    )
    click.echo(f"Página do fluxo ({publicado.rotulo}) gravada em {saida}:")
    for arquivo in arquivos:
        click.echo(f"  {arquivo.name}")
    if publicado.minuta:
        click.secho(
            "Aviso: a página traz um fluxo ainda não congelado e diz MINUTA; para publicar o "
            "fluxo pactuado, congele-o antes (“pacto versao congelar”).",
            fg="yellow",
            err=True,
        )
    if pontos_focais:
        click.secho(
            "Aviso: esta edição tem os pontos focais; não a publique no portal.",
            fg="yellow",
            err=True,
        )


def _porta_livre(endereco: str, porta: int) -> int:
    """Check that the server can listen there (0: pick a free port); a clear error if not."""
    import errno
    import socket

    try:
        familia = socket.getaddrinfo(endereco, porta, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(familia, socket.SOCK_STREAM) as sonda:
            sonda.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sonda.bind((endereco, porta))
            return sonda.getsockname()[1]
    except socket.gaierror as erro:
        raise click.ClickException(f"o endereço “{endereco}” não existe nesta máquina.") from erro
    except OSError as erro:
        if erro.errno == errno.EADDRINUSE:
            motivo = (
                f"a porta {porta} já está em uso; escolha outra com --porta (0: qualquer livre)"
            )
        elif erro.errno == errno.EADDRNOTAVAIL:
            motivo = f"o endereço {endereco} não pertence a esta máquina"
        elif erro.errno == errno.EACCES:
            motivo = f"a porta {porta} exige privilégios de administrador; use uma acima de 1024"
        else:
            motivo = str(erro.strerror or erro)
        raise click.ClickException(
            f"não foi possível escutar em {endereco}:{porta}: {motivo}."
        ) from erro


@click.command()
@click.option(
    "--porta",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    metavar="N",
    help="Porta do servidor (0: uma porta livre).",
)
@click.option(
    "--host",
    "endereco",
    default="127.0.0.1",
    show_default=True,
    metavar="ENDEREÇO",
    help="Endereço em que o servidor escuta. Fora de 127.0.0.1, qualquer pessoa da rede com o "
    "endereço e o código pode editar o workspace.",
)
@click.option("--sem-navegador", is_flag=True, help="Não abre o navegador; só mostra o endereço.")
@click.option(
    "--fonte",
    type=click.IntRange(8, 64),
    default=None,
    metavar="N",
    help="Tamanho da letra em pixels (padrão 16; 24 ou mais para projetar).",
)
def web(porta: int, endereco: str, sem_navegador: bool, fonte: int | None) -> None:
    """Abre a interface do pacto no navegador (para quem não usa o terminal).

    Cada aba do navegador abre a mesma interface sobre este workspace. O endereço traz um
    código de acesso aleatório: sem ele, o servidor recusa. Ctrl+C encerra.
    """

    from pacto.commands.common import caminho_workspace

    workspace()  # refuses, in Portuguese, a missing, foreign or damaged workspace before serving
    porta = _porta_livre(endereco, porta)
    if endereco not in ("127.0.0.1", "localhost", "::1"):
        click.secho(
            f"Atenção: o servidor escuta em {endereco}. Qualquer pessoa dessa rede que tenha o "
            "endereço com o código de acesso pode ver e editar o workspace, inclusive os "
            "contatos dos pontos focais.",
            fg="yellow",
            err=True,
        )
    from pacto.tui.servidor_web import ServidorPacto

    servidor = ServidorPacto(caminho_workspace(), endereco, porta, fonte=fonte)
    if not sem_navegador:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(servidor.url,)).start()
    servidor.serve()
    click.echo("Servidor encerrado.")
