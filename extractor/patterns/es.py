"""Spanish noise phrases and stop words."""

from __future__ import annotations

from extractor.patterns.base import LanguagePatterns

SPANISH = LanguagePatterns(
    language="es",
    stopwords=frozenset(
        """a al algo como con de del desde donde el ella ellos en entre era es esa ese eso
        esta este esto fue ha hay la las le les lo los más me mi muy no nos o para pero
        por que qué se sea ser si sin sobre son su sus también te tiene todo todos tu un
        una uno y ya han había están está cuando porque hasta""".split()
    ),
    related_headings=(
        "noticias relacionadas", "artículos relacionados", "te puede interesar",
        "también te puede interesar", "lo más leído", "más leídas", "más leído",
        "últimas noticias", "lee también", "relacionado", "te recomendamos",
        "notas relacionadas", "más noticias", "más de",
    ),
    comment_headings=("comentarios", "deja un comentario", "comentar"),
    placeholder_lines=("publicidad", "patrocinado", "imagen", "foto", "imprimir", "compartir"),
    prompt_phrases=(
        # reading-time labels ("4 min read")
        "min de lectura", "minutos de lectura",
        "suscríbete", "suscribirse", "boletín", "newsletter", "compartir en", "síguenos",
        "utilizamos cookies", "este sitio utiliza cookies", "aceptar", "política de privacidad",
        "todos los derechos reservados", "iniciar sesión", "enviar a un amigo", "siguenos",
        "hazte miembro", "nuestro canal de youtube",
    ),
    byline_prefixes=("por ", "publicado", "actualizado", "foto:", "fuente:", "etiquetas:"),
    crosslink_prefixes=(
        "lee también:", "lea también:", "te puede interesar:", "ver también:", "lea más:",
        "lee más:", "lea:", "le puede interesar:", "puedes ver:", "vea también:", "mira:",
    ),
    taxonomy_prefixes=(
        "etiquetas:", "categorías:", "categoría:",
    ),
    teaser_tails=("leer más", "seguir leyendo", "leer nota completa"),
    months=(
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
        "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
    ),
)
