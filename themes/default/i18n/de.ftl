# Die Wörter des Standardthemas auf Deutsch. Dieselben Kennungen wie en.ftl; siehe
# docs/content.md, Abschnitt Languages.

## Namen der Abschnitte (Vorgaben für `labels:`)

label-pillars = Säulen
label-pillar = Säule
label-pillars-intro = Die Teile des Themas, der Reihe nach.
label-questions = Fragen
label-open-questions = Offene Fragen
label-question = Frage
label-questions-intro = Was nicht geklärt ist und was es klären würde.
label-actors = Akteure
label-actor = Akteur
label-actors-intro = Personen, Staaten und Organisationen und wo sie stehen.
label-events = Chronik
label-event = Ereignis
label-events-intro = Datierte Ereignisse, die ältesten zuerst.
label-figures = Zahlen
label-figure = Zahl
label-figures-intro = Größen, die die Quellen nennen, nebeneinander.
label-sources = Quellen
label-source = Quelle
label-sources-intro = Die Artikel, auf denen dieses Dossier beruht.
label-dossier = Dossier
label-bottom-line = Das Wichtigste
label-key-judgments = Kernaussagen
label-indicators = Worauf zu achten ist
label-stands = Wer wo steht

## Daten und Zahlen

month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember
month-1-alone = Januar
month-2-alone = Februar
month-3-alone = März
month-4-alone = April
month-5-alone = Mai
month-6-alone = Juni
month-7-alone = Juli
month-8-alone = August
month-9-alone = September
month-10-alone = Oktober
month-11-alone = November
month-12-alone = Dezember
date-day = { $day }. { $month } { $year }
date-month = { $month } { $year }
date-year = { $year }
date-approximate = ca. { $date }
date-unknown = Datum unbekannt
figure-million = { $n } Millionen
figure-billion = { $n } Milliarden
list-separator = {", "}
as-is = { $text }

## Jede Seite

skip-to-content = Zum Inhalt springen
nav-sections = Abschnitte
map = Karte
site-search = Suche auf der Website
search-the-dossier = Das Dossier durchsuchen
search = Suche
footer-as-of = Stand:
print-edition = Druckausgabe
atom-feed = Atom-Feed
feed-link-title = { $title }: Quellen
breadcrumb = Brotkrumennavigation
home = Start
on-this-page = Auf dieser Seite
on-this-page-colon = Auf dieser Seite:

## Aussagen, Belege und Verweise

source-paragraph = { $title }, Absatz { $n }
claim-sources = { $count ->
        [one] { $count } Quelle
       *[other] { $count } Quellen
    }
claim-origins = , { $count ->
        [one] { $count } unabhängiger Ursprung
       *[other] { $count } unabhängige Ursprünge
    } (manche geben dieselbe Meldung weiter)
claim-confidence = Zuversicht: { $level ->
        [low] gering
        [moderate] mittel
        [high] hoch
       *[other] { $level }
    }
no-citation = Kein Beleg
via-related-question = verwandte { $question }
via = { $via ->
        [citation] Beleg
        [indicator] Indikator
        [position] Position
        [member] Mitglied
        [related] verwandt
        [link] Link
       *[other] { $via }
    }
referenced-by = Verwiesen von
more = { $count } weitere
backlinks-none = Noch verweist nichts auf diese Seite.
backlinks-none-else = Sonst verweist nichts auf diese { $source }.
updated-in-edition = In dieser Ausgabe aktualisiert
new-in-edition = Neu in dieser Ausgabe
paragraph = Absatz { $n }
paragraph-lower = Absatz { $n }
count-items = { $count ->
        [one] { $count } Eintrag
       *[other] { $count } Einträge
    }
more-citing-paragraph = { $count } weitere, die Absatz { $n } zitieren
reviewed = Geprüft
stale = <strong>Zu prüfen:</strong> { $count ->
        [one] { $count } neuere Quelle erwähnt
       *[other] { $count } neuere Quellen erwähnen
    } dies seit der Prüfung am { $date }:

## Anzahlen

count-sources = { $count ->
        [one] { $count } Quelle
       *[other] { $count } Quellen
    }
count-actors = { $count ->
        [one] { $count } Akteur
       *[other] { $count } Akteure
    }
count-questions = { $count ->
        [one] { $count } Frage
       *[other] { $count } Fragen
    }
count-pillars = { $count ->
        [one] { $count } Säule
       *[other] { $count } Säulen
    }
count-events = { $count ->
        [one] { $count } Ereignis
       *[other] { $count } Ereignisse
    }
count-figures = { $count ->
        [one] { $count } Zahl
       *[other] { $count } Zahlen
    }

## Status und Arten

status = { $value ->
        [agreed] vereinbart
        [proposed] vorgeschlagen
        [under-negotiation] in Verhandlung
        [disputed] umstritten
        [open] offen
        [resolved] geklärt
       *[other] { $value }
    }
actor-kind = { $value ->
        [person] Person
        [state] Staat
        [organisation] Organisation
       *[other] { $value }
    }

## Startseite

as-of = Stand:
what-changed = Was sich geändert hat
bears-on = Betrifft:
bears-on-lower = betrifft:
latest-sources = Neueste { $sources }
publisher-unknown = Herausgeber unbekannt
publisher-unknown-capital = Herausgeber unbekannt
recently-reviewed = Kürzlich geprüft
needs-review = zu prüfen

## Seiten der Einträge

also-written = Auch geschrieben:
positions = Positionen
position-on = Zu
position-on-title = Zu { $title }:
members-of = Personen und Gremien von { $name }
related = Verwandt
related-kind = Verwandte { $kinds }
mentioned-in = Erwähnt in
count-mentions = { $count ->
        [one] { $count } Erwähnung
       *[other] { $count } Erwähnungen
    }
mentions-hidden = Nur in Absätzen, die diese Website nicht zeigt.
mentions-hidden-original = Nur in Absätzen, die diese Website nicht zeigt; der Link öffnet den Originalartikel.
mentions-none = Keine { $source } nennt { $name } in irgendeiner Schreibweise.
key-points = Kernpunkte
role = Rolle
why-it-matters = Warum es wichtig ist
would-resolve = Was es klären würde
would-resolve-colon = Was es klären würde:
evidence = Belege
reported-by = Berichtet von
date-approximate-note = Das Datum ist ungefähr: Die Quellen nennen es nicht genau.
values = Werte
value = Wert
quote = Zitat
note = Anmerkung
figure-sources-disagree = <strong>Die { $sources } widersprechen sich:</strong> Sie nennen verschiedene Werte für diese { $figure }.
figure-sources-agree = Die { $sources } stimmen bei dieser { $figure } überein.
figure-caption = Die { $figure } jeder { $source }, in ihren eigenen Worten
figure-caption-unit = Die { $figure } jeder { $source } ({ $unit }), in ihren eigenen Worten
figure-reports = { $count ->
        [one] { $count } Meldung
       *[other] { $count } Meldungen
    }
figure-disagree = Quellen widersprechen sich
connections = Verbindungen
connections-label = { $title } und womit es verbunden ist: { $summary }
connections-omitted = Und { $count } weitere, oben aufgeführt.
connections-events = Ereignisse

## Seiten der Quellen

text = Text
cited-by = Zitiert von
publisher = Herausgeber
unknown = Unbekannt
published = Veröffentlicht
published-unknown = Unbekannt: Der Artikel nennt kein Datum
retrieved = Abgerufen
relays-heading = Übernimmt
relays-not-independent = { $outlet } (kein unabhängiger Ursprung)
relays = übernimmt { $outlet }
relaying = (übernimmt { $outlet })
original = Original
reliability = Verlässlichkeit
reliability-colon = Verlässlichkeit: { $text }
actors-in-article = { $actors } in diesem Artikel
excerpts-only = Nur die zitierten Absätze dieses Artikels werden gezeigt ({ $shown } von { $total }).
excerpts-original = Den ganzen Artikel finden Sie unter der Originaladresse oben.
more-cited-paragraphs = { $count } weitere zitierte Absätze
cited-by-none = Noch zitiert keine Aussage des Dossiers diese { $source }.
source-capital = Quelle

## Listen, Chronik, Karte

timeline-approximate = Mit „ca.“ markierte Daten sind ungefähr: Die Quellen nennen sie nicht genau.
map-intro = Wie { $pillars }, { $questions } und { $actors } verbunden sind, jeweils ein Paar von Arten: Eine Linie verbindet zwei Einträge, wenn einer den anderen nennt. Jedes Feld ist ein Link. Wer was sagt, Zelle für Zelle: <a href="{ $stands }">wer wo steht</a>.
map-omitted = Die { $count } am wenigsten verbundenen Einträge fehlen, damit die Karte lesbar bleibt.
map-panels = Teile der Karte
map-panel = { $left } und { $right }
map-panel-label = { $title }: { $count } Verbindungen
map-none = Noch nichts zu zeichnen: Verbinden Sie { $actors } und { $questions } mit { $pillars }.
stands-description = Wo die { $actors } von { $title } zu den { $pillars } und { $questions } stehen, mit Belegen.
stands-intro = Jede Zeile ist einer der { $actors }; jede Zelle, was die Quellen über ihn zu einer { $pillar } oder { $question } sagen: seine Rolle <span class="role">(kursiv)</span> oder seine Position, mit den Absätzen, die sie berichten. Eine leere Zelle heißt, dass das Dossier dort nichts festhält. Dieselben Verbindungen, gezeichnet: <a href="{ $map }">die Karte</a>.
stands-label = { $title }: { $rows } { $actors } gegenüber { $columns } { $pillars } und { $questions }
stands-none = Noch hat kein { $actor } eine Rolle oder Position: Geben Sie den { $pillars } ihre <code>actors:</code> und den { $actors } ihre <code>positions:</code>.

## Suche

search-label = Titel, Zusammenfassungen, Aussagen und den vollen Text jeder { $source } durchsuchen
search-more = Weitere Ergebnisse
search-noscript = Die Suche läuft in Ihrem Browser und braucht JavaScript. Alles andere auf dieser Website funktioniert ohne: Versuchen Sie das <a href="index.html">Inhaltsverzeichnis</a>.
search-status = { $category ->
        [one] { $count } Ergebnis
       *[other] { $count } Ergebnisse
    } für „{ $query }“

## Nicht gefunden

not-found = Seite nicht gefunden
not-found-text = Unter dieser Adresse gibt es im Dossier keine Seite. Vielleicht wurde sie bei einer Aktualisierung umbenannt.
not-found-start = Zum Anfang des Dossiers

## Was sich geändert hat

changes-heading = Was sich seit der letzten Ausgabe geändert hat
edition-as-of = Ausgabe { $n }, Stand:
changes-first = Dies ist die erste Ausgabe: Es gibt keine frühere zum Vergleich.
changes-compared = Verglichen mit Ausgabe { $n }: { $summary }.
changes-new-kind = Neue { $kinds }
changes-resolved = Geklärte Fragen
changes-new-in-dossier = Neu im Dossier
changes-updated = Aktualisiert
changes-removed = Entfernt
changes-nothing = Nichts, was Leser sehen, hat sich geändert.
editions = Ausgaben
edition-n = Ausgabe { $n },
changes-first-edition = erste Ausgabe
changes-none = keine Änderung
changes-new-sources = { $count ->
        [one] { $count } neue Quelle
       *[other] { $count } neue Quellen
    }
changes-new-items = { $count ->
        [one] { $count } neuer Eintrag
       *[other] { $count } neue Einträge
    }
changes-items-updated = { $count ->
        [one] { $count } Eintrag aktualisiert
       *[other] { $count } Einträge aktualisiert
    }
changes-questions-resolved = { $count ->
        [one] { $count } Frage geklärt
       *[other] { $count } Fragen geklärt
    }
changes-items-removed = { $count ->
        [one] { $count } Eintrag entfernt
       *[other] { $count } Einträge entfernt
    }
changes-judgments-changed = { $count ->
        [one] { $count } Kernaussage geändert
       *[other] { $count } Kernaussagen geändert
    }
changed-renamed = umbenannt von „{ $title }“
changed-article = Artikel überarbeitet
changed-text = Text überarbeitet
changed-values = Werte überarbeitet
changed-status = Status: { $from } → { $to }
changed-claims-added = { $added ->
        [one] { $added } Aussage hinzugefügt
       *[other] { $added } Aussagen hinzugefügt
    }
changed-claims-removed = { $removed ->
        [one] { $removed } Aussage entfernt
       *[other] { $removed } Aussagen entfernt
    }
changed-claims-revised = { $added ->
        [one] { $added } Aussage überarbeitet
       *[other] { $added } Aussagen überarbeitet
    }
changed-claims-added-removed = { $added } hinzugefügt, { $removed } entfernt
changed-judgment-confidence = Kernaussage { $n }: Zuversicht { $from } → { $to }
changed-judgment-new = Kernaussage { $n } ist neu oder umformuliert: „{ $text }“
changed-judgments-withdrawn = { $count ->
        [one] { $count } Kernaussage zurückgezogen
       *[other] { $count } Kernaussagen zurückgezogen
    }
feed-edition-title = Ausgabe { $n }: { $summary }
feed-edition-summary = Was sich in Ausgabe { $n } von { $title } geändert hat: { $summary }.

## Druckausgabe

print-title = { $title } (Druckausgabe)
print-intro = Stand: { $date }. Druckausgabe: Zahlen in Klammern verweisen auf die nummerierten Belege am Ende, jeder ein Absatz einer Quelle.
contents = Inhalt
references = Belege
date = Datum
place = Ort
print-disagree = Die Quellen widersprechen sich.
print-other-sources = Weitere { $sources }
print-other-note = Von keiner Aussage zitiert, daher nicht vollständig gedruckt.

## Prüfliste (für Redakteure)

review-queue = Prüfliste
review-intro = Für Redakteure: Einträge, deren letzte Prüfung älter ist als eine Quelle, die sie zitieren oder die sie nennt. Lesen Sie die Quellen erneut, aktualisieren Sie den Eintrag und setzen Sie sein Datum <code>reviewed</code>.
item = Eintrag
newer-sources = Neuere Quellen
review-none = Nichts zu prüfen: Jeder Eintrag wurde nach der neuesten Quelle geprüft, die ihn betrifft.
names-heading = Namen ohne passenden { $actor }
names-intro = Großgeschriebene Namen in den Quellen, die kein Name und kein Alias eines { $actor } abdeckt, die häufigsten zuerst: Kandidaten für einen neuen { $actor } oder einen fehlenden Alias.
names-none = Jeder Name in den { $sources } gehört zu einem bekannten { $actor }.

## Lange Listen auf nummerierten Seiten
more-in-pages = { $count } weitere auf { $pages ->
        [one] { $pages } Seite
       *[other] { $pages } Seiten
    }
page-of = Seite { $page } von { $pages }
list-mentioned-in = { $title }: erwähnt in
list-referenced-by = { $title }: verwiesen von
pages-nav = Seiten
previous = Zurück
next = Weiter
range-of = { $from }–{ $to } von { $total }
and-more-older = und { $count } ältere
and-more-listed = und { $count } weitere (die Seite des Eintrags listet sie)
print-other-more = Und { $count } weitere, neueste zuerst, in der Liste der { $sources } der Website (sources/index.html).
print-too-many = Zu viele { $sources } werden zitiert, um sie hier zu drucken: Jeder Verweis zitiert die Worte, auf die sich seine Aussage stützt, und die Website zeigt jede { $source } vollständig.
