"""Polish noise phrases and stop words."""

from __future__ import annotations

from extractor.patterns.base import LanguagePatterns

POLISH = LanguagePatterns(
    language="pl",
    stopwords=frozenset(
        """a aby ale bo był była było były być by co czy dla do go i ich jak jako jednak
        jego jej jest już lub ma mają może na nad nie nich o od oraz po pod przez przy się
        są ta tak także te tego tej ten to tu tylko w we z za ze że który która które
        których którzy również bardzo też tym jeszcze""".split()
    ),
    related_headings=(
        "czytaj także", "czytaj również", "czytaj też", "czytaj więcej", "zobacz także",
        "zobacz również", "polecamy", "najnowsze", "najczęściej czytane", "najpopularniejsze",
        "powiązane artykuły", "podobne artykuły", "więcej artykułów", "najnowsze artykuły",
    ),
    comment_headings=("komentarze", "dodaj komentarz", "skomentuj"),
    placeholder_lines=("reklama", "zdjęcie", "wideo", "drukuj", "udostępnij"),
    prompt_phrases=(
        # reading-time labels ("4 min read")
        "min czytania", "minut czytania", "minuty czytania",
        "zapisz się", "subskrybuj", "newsletter", "obserwuj nas", "udostępnij na",
        "używamy plików cookie", "ta strona używa plików cookie", "akceptuję",
        "polityka prywatności", "wszelkie prawa zastrzeżone", "zaloguj się",
        "zarejestruj się", "do subskrypcji",
        # cookie notices in the words sites use besides the formal "pliki cookie"
        "korzystamy z cookies", "korzystamy z plików cookies", "korzystamy z plików cookie",
        "używamy cookies", "używamy plików cookies",
    ),
    byline_prefixes=("autor:", "opublikowano", "aktualizacja:", "fot.", "źródło:", "tagi:"),
    crosslink_prefixes=(
        "czytaj także:", "czytaj również:", "czytaj też:", "zobacz także:", "dowiedz się więcej:",
        # "read more in [another title's] edition": a link out to the rest of the story
        "czytaj więcej w",
    ),
    taxonomy_prefixes=(
        "tagi:", "kategoria:", "kategorie:",
    ),
    teaser_tails=("czytaj dalej", "czytaj więcej"),
    months=(
        "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
        "września", "października", "listopada", "grudnia", "styczeń", "luty", "marzec",
        "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień", "październik",
        "listopad", "grudzień",
    ),
)
