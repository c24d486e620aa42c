"""French noise phrases and stop words."""

from __future__ import annotations

from extractor.patterns.base import LanguagePatterns

FRENCH = LanguagePatterns(
    language="fr",
    stopwords=frozenset(
        """au aux avec ce ces cette dans de des du elle en et eux il ils je la le les leur
        leurs lui ma mais me même mes moi mon ne nos notre nous on ou où par pas pour qu
        que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous est sont
        été était ont avait comme aussi plus tout tous toutes très bien sans sous entre
        donc alors car ni si""".split()
    ),
    related_headings=(
        "à lire aussi", "a lire aussi", "lire aussi", "sur le même sujet", "articles similaires",
        "articles liés", "les plus lus", "plus lus", "dernières actualités", "derniers articles",
        "vous aimerez aussi", "à découvrir", "a découvrir", "nos recommandations", "à voir aussi",
    ),
    comment_headings=(
        "commentaires", "commentaire", "laisser un commentaire", "réagissez", "vos réactions",
    ),
    placeholder_lines=(
        "publicité", "sponsorisé", "image", "photo", "imprimer", "partager", "fermer",
        "menu", "rechercher", "lire la suite",
    ),
    prompt_phrases=(
        # reading-time labels ("4 min read")
        "min de lecture", "minutes de lecture",
        "abonnez-vous", "s'abonner", "inscrivez-vous", "newsletter", "partager sur",
        "suivez-nous", "nous utilisons des cookies", "ce site utilise des cookies",
        "accepter", "tout accepter", "politique de confidentialité", "mentions légales",
        "tous droits réservés", "se connecter", "envoyer à un ami", "pour lire la suite",
        "la suite est réservée", "réservé aux abonnés",
    ),
    byline_prefixes=(
        "par ", "publié", "mis à jour", "modifié le", "photo:", "crédit:", "source:",
        "mots-clés:", "tags:", "catégorie:",
    ),
    crosslink_prefixes=(
        "lire aussi:", "à lire aussi:", "a lire aussi:", "voir aussi:", "à lire aussi »",
        "lire aussi »",
    ),
    taxonomy_prefixes=(
        "mots-clés:", "tags:", "catégorie:", "catégories:",
    ),
    teaser_tails=("lire la suite", "lire plus"),
    months=(
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre",
    ),
)
