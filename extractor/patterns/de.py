"""German noise phrases and stop words."""

from __future__ import annotations

from extractor.patterns.base import LanguagePatterns

GERMAN = LanguagePatterns(
    language="de",
    stopwords=frozenset(
        """aber alle allem allen aller alles als also am an ander andere anderem anderen
        anderer anderes auch auf aus bei bin bis bist da damit dann das dass dein deine
        dem den der des dessen deshalb die dies diese diesem diesen dieser dieses doch
        dort du durch ein eine einem einen einer eines einige er es etwas euch euer für
        gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen
        ihr ihre im in indem ins ist jede jedem jeden jeder jedes jetzt kann kein keine
        können könnte machen man manche mein meine mit muss musste nach nicht nichts
        noch nun nur ob oder ohne sehr sein seine seit sich sie sind so solche soll
        sollte sondern sonst über um und uns unser unter viel vom von vor wann war waren
        warum was weil welche wenn wer werde werden wie wieder will wir wird wo wollen
        würde zu zum zur zwar zwischen""".split()
    ),
    related_headings=(
        "weitere artikel", "mehr zum thema", "auch interessant",
        "das könnte sie auch interessieren", "das könnte sie interessieren", "meistgelesen",
        "meistgelesene artikel", "am meisten gelesen",
        "neueste artikel", "aktuelle nachrichten", "verwandte artikel", "ähnliche artikel",
        "weitere nachrichten", "mehr aus", "mehr zu", "lesen sie auch", "empfehlungen",
        "top-themen", "beliebte artikel", "neueste beiträge", "ähnliche beiträge",
        "weitere beiträge", "themen", "mehr artikel", "mehr von",
        "das könnte dich auch interessieren", "zum weiterlesen", "kommende events",
        "weitere themen", "alle artikel zu", "weitere tipps", "mehr themen", "schon gelesen",
        "über den autor", "über die autorin", "top themen", "weitere aktuelle themen",
        "das thema könnte dich auch interessieren", "das thema könnte sie auch interessieren",
    ),
    comment_headings=(
        "kommentare", "kommentar", "kommentar schreiben", "leserkommentare",
        "diskutieren sie mit", "ihre meinung", "schreiben sie einen kommentar",
        "kommentare schreiben", "kommentar verfassen", "kommentar abgeben",
    ),
    placeholder_lines=(
        "anzeige", "werbung", "gesponsert", "bild", "foto", "mehr lesen", "weiterlesen",
        "drucken", "teilen", "schließen", "menü", "suche", "nach oben", "zum inhalt springen",
        "externer inhalt", "weitere informationen", "kontakt",
        # the toggle of a sources list, and the issue label over a magazine's reprint
        "quellen anzeigen", "quellen ausblenden", "erschienen in",
    ),
    prompt_phrases=(
        # reading-time labels ("4 min read")
        "min. lesezeit", "min lesezeit", "minuten lesezeit",
        "newsletter abonnieren", "jetzt abonnieren", "abonnieren", "teilen auf",
        "artikel teilen", "folgen sie uns", "wir verwenden cookies",
        "diese website verwendet cookies",
        "cookies akzeptieren", "alle akzeptieren", "datenschutzerklärung", "datenschutz",
        "impressum", "alle rechte vorbehalten", "jetzt anmelden", "anmelden", "registrieren",
        "artikel versenden", "per e-mail versenden", "war der artikel nützlich",
        "war dieser artikel hilfreich", "rezept drucken", "bleiben sie informiert",
        "unterstützen sie", "enthält werbung", "affiliate-links", "affiliate links",
        "jetzt spenden", "dieser beitrag wurde am", "der beitrag wurde am", "abgelegt unter",
        "alle angaben ohne gewähr", "noch keine bewertungen", "zurück zur übersicht",
        "zurück zur startseite", "zurück zur liste", "zurück zu allen", "mit uns in kontakt",
        "zurück zum newsroom", "als pdf herunterladen", "was sind cookies",
        "wir nutzen cookies", "diese webseite verwendet cookies",
    ),
    byline_prefixes=(
        "von ", "geschrieben von", "veröffentlicht", "aktualisiert", "stand:", "datum:",
        "foto:", "bild:", "quelle:", "autor:", "schlagworte:", "tags:", "kategorie:",
    ),
    crosslink_prefixes=(
        "lesen sie auch:", "mehr zum thema:", "auch interessant:", "siehe auch:", "lesen sie mehr:",
        "lesen sie hier:",
        # "Lesen Sie hier einen weiteren Beitrag ...": a link out, with or without colon
        "lesen sie hier",
    ),
    taxonomy_prefixes=(
        "schlagworte:", "schlagwörter:", "tags:", "kategorie:", "kategorien:",
        "dieser beitrag wurde am", "der beitrag wurde am",
    ),
    notice_phrases=(
        "sie verwenden einen veralteten browser", "javascript ist deaktiviert",
        "bitte aktivieren sie javascript",
        # the consent notice standing in for an embedded post or video until the reader
        # allows the third party ("... stellen deshalb ohne dein Einverständnis keine
        # Verbindung zu Twitter her"): it runs on into its settings link, at any length
        "wir respektieren deine privatsphäre", "wir respektieren ihre privatsphäre",
    ),
    teaser_tails=("weiterlesen", "mehr lesen", "artikel lesen"),
    months=(
        "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august",
        "september", "oktober", "november", "dezember",
    ),
)
