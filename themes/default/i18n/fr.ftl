# Les mots du thème par défaut en français. Mêmes identifiants que en.ftl ; voir
# docs/content.md, section Languages.

## Noms des sections (valeurs par défaut de `labels:`)

label-pillars = Piliers
label-pillar = pilier
label-pillars-intro = Les parties du sujet, dans l’ordre.
label-questions = Questions
label-open-questions = Questions ouvertes
label-question = question
label-questions-intro = Ce qui n’est pas tranché, et ce qui le trancherait.
label-actors = Acteurs
label-actor = acteur
label-actors-intro = Personnes, États et organisations, et leurs positions.
label-events = Chronologie
label-event = événement
label-events-intro = Événements datés, du plus ancien au plus récent.
label-figures = Chiffres
label-figure = chiffre
label-figures-intro = Les quantités rapportées par les sources, côte à côte.
label-sources = Sources
label-source = source
label-sources-intro = Les articles dont ce dossier est tiré.
label-dossier = dossier
label-bottom-line = L’essentiel
label-key-judgments = Jugements clés
label-indicators = À surveiller
label-stands = Qui se tient où

## Dates et nombres

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
month-1-alone = janvier
month-2-alone = février
month-3-alone = mars
month-4-alone = avril
month-5-alone = mai
month-6-alone = juin
month-7-alone = juillet
month-8-alone = août
month-9-alone = septembre
month-10-alone = octobre
month-11-alone = novembre
month-12-alone = décembre
date-day = { $day ->
        [1] 1er
       *[other] { $day }
    } { $month } { $year }
date-month = { $month } { $year }
date-year = { $year }
date-approximate = vers { $date }
date-unknown = date inconnue
figure-million = { $n } millions
figure-billion = { $n } milliards
list-separator = {", "}
as-is = { $text }

## Toutes les pages

skip-to-content = Aller au contenu
nav-sections = Sections
map = Carte
site-search = Recherche sur le site
search-the-dossier = Rechercher dans le dossier
search = Rechercher
footer-as-of = à jour au
print-edition = Édition imprimable
atom-feed = Flux Atom
feed-link-title = { $title } : sources
breadcrumb = Fil d’Ariane
home = Accueil
on-this-page = Sur cette page
on-this-page-colon = Sur cette page :

## Affirmations, citations et renvois

source-paragraph = { $title }, paragraphe { $n }
claim-sources = { $count ->
        [one] { $count } source
       *[other] { $count } sources
    }
claim-origins = , { $count ->
        [one] { $count } origine indépendante
       *[other] { $count } origines indépendantes
    } (certaines relaient la même dépêche)
claim-confidence = confiance : { $level ->
        [low] faible
        [moderate] modérée
        [high] élevée
       *[other] { $level }
    }
no-citation = Aucune citation
via-related-question = { $question } liée
via = { $via ->
        [citation] citation
        [indicator] indicateur
        [position] position
        [member] membre
        [related] lié
        [link] lien
       *[other] { $via }
    }
referenced-by = Cité par
more = { $count } de plus
backlinks-none = Rien ne renvoie encore à cette page.
backlinks-none-else = Rien d’autre ne renvoie à cette { $source }.
updated-in-edition = Mis à jour dans cette édition
new-in-edition = Nouveau dans cette édition
paragraph = Paragraphe { $n }
paragraph-lower = paragraphe { $n }
count-items = { $count ->
        [one] { $count } élément
       *[other] { $count } éléments
    }
more-citing-paragraph = { $count } de plus citant le paragraphe { $n }
reviewed = Relu le
stale = <strong>À relire :</strong> { $count ->
        [one] { $count } source plus récente en parle
       *[other] { $count } sources plus récentes en parlent
    } depuis la relecture du { $date } :

## Nombres d’éléments

count-sources = { $count ->
        [one] { $count } source
       *[other] { $count } sources
    }
count-actors = { $count ->
        [one] { $count } acteur
       *[other] { $count } acteurs
    }
count-questions = { $count ->
        [one] { $count } question
       *[other] { $count } questions
    }
count-pillars = { $count ->
        [one] { $count } pilier
       *[other] { $count } piliers
    }
count-events = { $count ->
        [one] { $count } événement
       *[other] { $count } événements
    }
count-figures = { $count ->
        [one] { $count } chiffre
       *[other] { $count } chiffres
    }

## Statuts et types

status = { $value ->
        [agreed] convenu
        [proposed] proposé
        [under-negotiation] en négociation
        [disputed] contesté
        [open] ouverte
        [resolved] résolue
       *[other] { $value }
    }
actor-kind = { $value ->
        [person] personne
        [state] État
        [organisation] organisation
       *[other] { $value }
    }

## Accueil

as-of = À jour au
what-changed = Ce qui a changé
bears-on = Porte sur :
bears-on-lower = porte sur :
latest-sources = Dernières { $sources }
publisher-unknown = éditeur inconnu
publisher-unknown-capital = Éditeur inconnu
recently-reviewed = Relus récemment
needs-review = à relire

## Pages des éléments

also-written = Aussi écrit :
positions = Positions
position-on = Sur
position-on-title = Sur { $title } :
members-of = Personnes et instances de { $name }
related = Voir aussi
related-kind = { $kinds } liées
mentioned-in = Mentionné dans
count-mentions = { $count ->
        [one] { $count } mention
       *[other] { $count } mentions
    }
mentions-hidden = Seulement dans des paragraphes que ce site n’affiche pas.
mentions-hidden-original = Seulement dans des paragraphes que ce site n’affiche pas ; le lien ouvre l’article original.
mentions-none = Aucune { $source } ne nomme { $name }, sous aucune de ses graphies.
key-points = Points clés
role = Rôle
why-it-matters = Pourquoi c’est important
would-resolve = Ce qui la trancherait
would-resolve-colon = Ce qui la trancherait :
evidence = Éléments
reported-by = Rapporté par
date-approximate-note = La date est approximative : les sources ne la donnent pas exactement.
values = Valeurs
value = Valeur
quote = Citation
note = Note
figure-sources-disagree = <strong>Les { $sources } divergent :</strong> elles donnent des nombres différents pour ce { $figure }.
figure-sources-agree = Les { $sources } s’accordent sur ce { $figure }.
figure-caption = Le { $figure } de chaque { $source }, dans ses propres mots
figure-caption-unit = Le { $figure } de chaque { $source } ({ $unit }), dans ses propres mots
figure-reports = { $count ->
        [one] { $count } mention
       *[other] { $count } mentions
    }
figure-disagree = les sources divergent
connections = Liens
connections-label = { $title } et ce à quoi il est lié : { $summary }
connections-omitted = Et { $count } de plus, listés plus haut.
connections-events = Événements

## Pages des sources

text = Texte
cited-by = Citée par
publisher = Éditeur
unknown = Inconnu
published = Publié
published-unknown = Inconnu : l’article ne donne pas de date
retrieved = Consulté
relays-heading = Relaie
relays-not-independent = { $outlet } (pas une origine indépendante)
relays = relaie { $outlet }
relaying = (relayant { $outlet })
original = Original
reliability = Fiabilité
reliability-colon = Fiabilité : { $text }
actors-in-article = { $actors } dans cet article
excerpts-only = Seuls les paragraphes cités de cet article sont affichés ({ $shown } sur { $total }).
excerpts-original = L’article complet est à l’adresse originale ci-dessus.
more-cited-paragraphs = { $count } paragraphes cités de plus
cited-by-none = Aucune affirmation du dossier ne cite encore cette { $source }.
source-capital = Source

## Listes, chronologie, carte

timeline-approximate = Les dates précédées de « vers » sont approximatives : les sources ne les donnent pas exactement.
map-intro = Comment { $pillars }, { $questions } et { $actors } sont liés, une paire de types à la fois : une ligne relie deux éléments quand l’un nomme l’autre. Chaque case est un lien. Qui dit quoi, case par case : <a href="{ $stands }">qui se tient où</a>.
map-omitted = Les { $count } éléments les moins liés sont omis pour garder la carte lisible.
map-panels = Panneaux de la carte
map-panel = { $left } et { $right }
map-panel-label = { $title } : { $count } liens
map-none = Rien à dessiner pour l’instant : liez { $actors } et { $questions } aux { $pillars }.
stands-description = Où chacun des { $actors } de { $title } se tient sur ses { $pillars } et { $questions }, avec citations.
stands-intro = Chaque ligne est l’un des { $actors } ; chaque case, ce que les sources en disent sur un { $pillar } ou une { $question } : son rôle <span class="role">(en italique)</span> ou sa position, avec les paragraphes qui la rapportent. Une case vide signifie que le dossier n’y note rien. Les mêmes liens, dessinés : <a href="{ $map }">la carte</a>.
stands-label = { $title } : { $rows } { $actors } face à { $columns } { $pillars } et { $questions }
stands-none = Aucun { $actor } n’a encore de rôle ni de position : donnez aux { $pillars } leurs <code>actors:</code> et aux { $actors } leurs <code>positions:</code>.

## Recherche

search-label = Rechercher dans les titres, résumés, affirmations et le texte intégral de chaque { $source }
search-more = Plus de résultats
search-noscript = La recherche fonctionne dans votre navigateur et nécessite JavaScript. Tout le reste du site fonctionne sans : essayez le <a href="index.html">sommaire</a>.
search-status = { $category ->
        [one] { $count } résultat
       *[other] { $count } résultats
    } pour « { $query } »

## Page introuvable

not-found = Page introuvable
not-found-text = Il n’y a pas de page à cette adresse dans le dossier. Elle a peut-être été renommée lors d’une mise à jour.
not-found-start = Aller au début du dossier

## Ce qui a changé

changes-heading = Ce qui a changé depuis la dernière édition
edition-as-of = Édition { $n }, à jour au
changes-first = C’est la première édition : il n’y en a pas d’antérieure à comparer.
changes-compared = Par rapport à l’édition { $n } : { $summary }.
changes-new-kind = Nouvelles { $kinds }
changes-resolved = Questions résolues
changes-new-in-dossier = Nouveau dans le dossier
changes-updated = Mis à jour
changes-removed = Retiré
changes-nothing = Rien de ce que voit un lecteur n’a changé.
editions = Éditions
edition-n = Édition { $n },
changes-first-edition = première édition
changes-none = aucun changement
changes-new-sources = { $count ->
        [one] { $count } nouvelle source
       *[other] { $count } nouvelles sources
    }
changes-new-items = { $count ->
        [one] { $count } nouvel élément
       *[other] { $count } nouveaux éléments
    }
changes-items-updated = { $count ->
        [one] { $count } élément mis à jour
       *[other] { $count } éléments mis à jour
    }
changes-questions-resolved = { $count ->
        [one] { $count } question résolue
       *[other] { $count } questions résolues
    }
changes-items-removed = { $count ->
        [one] { $count } élément retiré
       *[other] { $count } éléments retirés
    }
changes-judgments-changed = { $count ->
        [one] { $count } jugement modifié
       *[other] { $count } jugements modifiés
    }
changed-renamed = renommé depuis « { $title } »
changed-article = article révisé
changed-text = texte révisé
changed-values = valeurs révisées
changed-status = statut : { $from } → { $to }
changed-claims-added = { $added ->
        [one] { $added } affirmation ajoutée
       *[other] { $added } affirmations ajoutées
    }
changed-claims-removed = { $removed ->
        [one] { $removed } affirmation retirée
       *[other] { $removed } affirmations retirées
    }
changed-claims-revised = { $added ->
        [one] { $added } affirmation révisée
       *[other] { $added } affirmations révisées
    }
changed-claims-added-removed = { $added } ajoutées, { $removed } retirées
changed-judgment-confidence = Jugement clé { $n } : confiance { $from } → { $to }
changed-judgment-new = Le jugement clé { $n } est nouveau ou reformulé : « { $text } »
changed-judgments-withdrawn = { $count ->
        [one] { $count } jugement clé retiré
       *[other] { $count } jugements clés retirés
    }
feed-edition-title = Édition { $n } : { $summary }
feed-edition-summary = Ce qui a changé dans l’édition { $n } de { $title } : { $summary }.

## Édition imprimable

print-title = { $title } (édition imprimable)
print-intro = À jour au { $date }. Édition imprimée : les nombres entre crochets renvoient aux références numérotées à la fin, chacune un paragraphe d’une source.
contents = Sommaire
references = Références
date = Date
place = Lieu
print-disagree = Les sources divergent.
print-other-sources = Autres { $sources }
print-other-note = Citées par aucune affirmation, donc pas imprimées en entier.

## File de relecture (pour les rédacteurs)

review-queue = File de relecture
review-intro = Pour les rédacteurs : les éléments dont la dernière relecture est plus ancienne qu’une source qui les cite ou les nomme. Relisez les sources, mettez l’élément à jour et fixez sa date <code>reviewed</code>.
item = Élément
newer-sources = Sources plus récentes
review-none = Rien à relire : chaque élément a été relu après la source la plus récente qui le concerne.
names-heading = Noms qui ne correspondent à aucun { $actor }
names-intro = Noms à majuscule dans les sources qu’aucun nom ni alias d’{ $actor } ne couvre, les plus fréquents d’abord : candidats à un nouvel { $actor } ou à un alias manquant.
names-none = Chaque nom des { $sources } appartient à un { $actor } connu.

## Longues listes continuées sur des pages numérotées
more-in-pages = { $count } de plus sur { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    }
page-of = page { $page } sur { $pages }
list-mentioned-in = { $title } : mentions
list-referenced-by = { $title } : renvois
pages-nav = Pages
previous = Précédente
next = Suivante
range-of = { $from }–{ $to } sur { $total }
and-more-older = et { $count } plus anciennes
and-more-listed = et { $count } de plus (la page de l’élément les liste)
print-other-more = Et { $count } de plus, les plus récentes d’abord, dans la liste des { $sources } du site (sources/index.html).
print-too-many = Trop de { $sources } sont citées pour les imprimer ici : chaque référence cite les mots sur lesquels repose son affirmation, et le site montre chaque { $source } en entier.
