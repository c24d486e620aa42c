"""Italian noise phrases and stop words."""

from __future__ import annotations

from extractor.patterns.base import LanguagePatterns

ITALIAN = LanguagePatterns(
    language="it",
    stopwords=frozenset(
        """a ad al alla alle anche che chi ci come con da dal dalla dei del della delle di
        dopo e ed era essere gli ha hanno i il in io la le lo loro ma mi nel nella nei non
        o per più poi quando questa questo quello se sei si sono su sua suo sul sulla tra
        un una uno è anche ancora già molto tutto tutti""".split()
    ),
    related_headings=(
        "articoli correlati", "notizie correlate", "potrebbe interessarti", "leggi anche",
        "i più letti", "più letti", "ultime notizie", "ti potrebbe interessare",
        "potrebbero interessarti", "correlati", "altre notizie",
    ),
    comment_headings=("commenti", "lascia un commento", "commenta"),
    placeholder_lines=("pubblicità", "sponsorizzato", "immagine", "foto", "stampa", "condividi"),
    prompt_phrases=(
        # reading-time labels ("4 min read")
        "min di lettura", "minuti di lettura",
        "iscriviti", "abbonati", "newsletter", "condividi su", "seguici",
        "utilizziamo i cookie", "questo sito utilizza cookie", "accetta", "informativa privacy",
        "tutti i diritti riservati", "accedi", "registrati",
    ),
    byline_prefixes=("di ", "pubblicato", "aggiornato", "foto:", "fonte:", "tag:"),
    crosslink_prefixes=("leggi anche:", "vedi anche:", "leggi di più:"),
    taxonomy_prefixes=(
        "tag:", "categoria:", "categorie:",
    ),
    teaser_tails=("leggi tutto", "continua a leggere", "leggi di più"),
    months=(
        "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
        "settembre", "ottobre", "novembre", "dicembre",
    ),
)
