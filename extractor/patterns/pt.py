"""Portuguese noise phrases and stop words."""

from __future__ import annotations

from extractor.patterns.base import LanguagePatterns

PORTUGUESE = LanguagePatterns(
    language="pt",
    stopwords=frozenset(
        """a ao aos as até com como da das de dela dele deles do dos e ela ele eles em entre
        era essa esse esta este eu foi foram há isso isto já lhe mais mas me mesmo meu minha
        muito na não nas nem no nos nós o os ou para pela pelas pelo pelos por qual quando
        que quem se sem ser seu seus sua suas também te tem tinha um uma você vocês são
        está estão""".split()
    ),
    related_headings=(
        "você pode gostar", "você também pode gostar", "leia também", "veja também",
        "notícias relacionadas", "artigos relacionados", "mais lidas", "mais lidos",
        "últimas notícias", "relacionados", "recomendados", "mais notícias",
    ),
    comment_headings=("comentários", "deixe um comentário", "comente", "deixe seu comentário"),
    placeholder_lines=("publicidade", "patrocinado", "imagem", "foto", "imprimir", "compartilhar"),
    prompt_phrases=(
        # reading-time labels ("4 min read")
        "min de leitura", "minutos de leitura",
        "assine", "inscreva-se", "newsletter", "compartilhe", "compartilhar no", "siga-nos",
        "usamos cookies", "este site usa cookies", "aceitar", "política de privacidade",
        "todos os direitos reservados", "entrar", "cadastre-se",
    ),
    byline_prefixes=("por ", "publicado", "atualizado", "foto:", "fonte:", "tags:"),
    crosslink_prefixes=("leia também:", "veja também:", "leia mais:", "saiba mais:"),
    taxonomy_prefixes=(
        "tags:", "categoria:", "categorias:",
    ),
    teaser_tails=("leia mais", "ler mais", "continue lendo", "continuar lendo"),
    months=(
        "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
        "setembro", "outubro", "novembro", "dezembro",
    ),
)
