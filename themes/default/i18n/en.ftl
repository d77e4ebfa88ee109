# The words of the default theme in English. Every other catalogue (uk.ftl, fr.ftl,
# de.ftl, or a dossier's own i18n/<language>.ftl) has the same message ids; a message a
# language lacks is shown in English. Messages may hold markup (they are as trusted as
# the templates); their $arguments are escaped. Plurals select on $count with CLDR's
# categories (zero, one, two, few, many, other). See docs/content.md, Languages.

## Section names: the defaults of `labels:` in dossier.yaml (labels an editor writes win)

label-pillars = Pillars
label-pillar = pillar
label-pillars-intro = The parts of the subject, in order.
label-questions = Questions
label-open-questions = Open questions
label-question = question
label-questions-intro = What is not settled, and what would settle it.
label-actors = Actors
label-actor = actor
label-actors-intro = People, states and organisations, and where they stand.
label-events = Timeline
label-event = event
label-events-intro = Dated events, oldest first.
label-figures = Figures
label-figure = figure
label-figures-intro = Quantities the sources report, side by side.
label-sources = Sources
label-source = source
label-sources-intro = The articles this dossier is drawn from.
label-dossier = dossier
label-bottom-line = Bottom line
label-key-judgments = Key judgments
label-indicators = What to watch
label-stands = Who stands where

## Dates and numbers

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
# A month without a day ("January 2026"): some languages use another case.
month-1-alone = January
month-2-alone = February
month-3-alone = March
month-4-alone = April
month-5-alone = May
month-6-alone = June
month-7-alone = July
month-8-alone = August
month-9-alone = September
month-10-alone = October
month-11-alone = November
month-12-alone = December
date-day = { $day } { $month } { $year }
date-month = { $month } { $year }
date-year = { $year }
date-approximate = c. { $date }
date-unknown = date unknown
figure-million = { $n } million
figure-billion = { $n } billion
list-separator = {", "}
# Prints an argument as it is (a label among translated headings).
as-is = { $text }

## Every page

skip-to-content = Skip to content
nav-sections = Sections
map = Map
site-search = Site search
search-the-dossier = Search the dossier
search = Search
footer-as-of = as of
print-edition = Print edition
atom-feed = Atom feed
feed-link-title = { $title }: sources
breadcrumb = Breadcrumb
home = Home
on-this-page = On this page
on-this-page-colon = On this page:

## Claims, citations and what refers to a page

source-paragraph = { $title }, paragraph { $n }
claim-sources = { $count ->
        [one] { $count } source
       *[other] { $count } sources
    }
claim-origins = , { $count ->
        [one] { $count } independent origin
       *[other] { $count } independent origins
    } (some relay the same report)
claim-confidence = confidence: { $level ->
        [low] low
        [moderate] moderate
        [high] high
       *[other] { $level }
    }
no-citation = No citation
via-related-question = related { $question }
via = { $via ->
        [citation] citation
        [indicator] indicator
        [position] position
        [member] member
        [related] related
        [link] link
       *[other] { $via }
    }
referenced-by = Referenced by
more = { $count } more
backlinks-none = Nothing refers to this page yet.
backlinks-none-else = Nothing else refers to this { $source }.
updated-in-edition = Updated in this edition
new-in-edition = New in this edition
paragraph = Paragraph { $n }
paragraph-lower = paragraph { $n }
count-items = { $count ->
        [one] { $count } item
       *[other] { $count } items
    }
more-citing-paragraph = { $count } more citing paragraph { $n }
reviewed = Reviewed
stale = <strong>Needs review:</strong> { $count ->
        [one] { $count } newer source mentions
       *[other] { $count } newer sources mention
    } this since it was reviewed on { $date }:

## Counts of items, in the dossier's words ($one and $many are its labels)

count-sources = { $count ->
        [one] { $count } { $one }
       *[other] { $count } { $many }
    }
count-actors = { $count ->
        [one] { $count } { $one }
       *[other] { $count } { $many }
    }
count-questions = { $count ->
        [one] { $count } { $one }
       *[other] { $count } { $many }
    }
count-pillars = { $count ->
        [one] { $count } { $one }
       *[other] { $count } { $many }
    }
count-events = { $count ->
        [one] { $count } { $one }
       *[other] { $count } { $many }
    }
count-figures = { $count ->
        [one] { $count } { $one }
       *[other] { $count } { $many }
    }

## Statuses and kinds

status = { $value ->
        [agreed] agreed
        [proposed] proposed
        [under-negotiation] under negotiation
        [disputed] disputed
        [open] open
        [resolved] resolved
       *[other] { $value }
    }
actor-kind = { $value ->
        [person] person
        [state] state
        [organisation] organisation
       *[other] { $value }
    }

## Home page

as-of = As of
what-changed = What changed
bears-on = Bears on:
bears-on-lower = bears on:
latest-sources = Latest { $sources }
publisher-unknown = publisher unknown
publisher-unknown-capital = Publisher unknown
recently-reviewed = Recently reviewed
needs-review = needs review

## Item pages

also-written = Also written:
positions = Positions
position-on = On
position-on-title = On { $title }:
members-of = People and bodies of { $name }
related = Related
related-kind = Related { $kinds }
mentioned-in = Mentioned in
count-mentions = { $count ->
        [one] { $count } mention
       *[other] { $count } mentions
    }
mentions-hidden = Only in paragraphs this site does not show.
mentions-hidden-original = Only in paragraphs this site does not show; the link opens the original article.
mentions-none = No { $source } names { $name } under any of its spellings.
key-points = Key points
role = Role
why-it-matters = Why it matters
would-resolve = What would resolve it
would-resolve-colon = What would resolve it:
evidence = Evidence
reported-by = Reported by
date-approximate-note = The date is approximate: the sources do not give it exactly.
values = Values
value = Value
quote = Quote
note = Note
figure-sources-disagree = <strong>The { $sources } disagree:</strong> they report different numbers for this { $figure }.
figure-sources-agree = The { $sources } agree on this { $figure }.
figure-caption = Each { $source }'s { $figure }, in its own words
figure-caption-unit = Each { $source }'s { $figure } ({ $unit }), in its own words
figure-reports = { $count ->
        [one] { $count } report
       *[other] { $count } reports
    }
figure-disagree = sources disagree
connections = Connections
connections-label = { $title } and what it is linked to: { $summary }
connections-omitted = And { $count } more, listed above.
connections-events = { $plural }

## Source pages

text = Text
cited-by = Cited by
publisher = Publisher
unknown = Unknown
published = Published
published-unknown = Unknown: the article gives no date
retrieved = Retrieved
relays-heading = Relays
relays-not-independent = { $outlet } (not an independent origin)
relays = relays { $outlet }
relaying = (relaying { $outlet })
original = Original
reliability = Reliability
reliability-colon = Reliability: { $text }
actors-in-article = { $actors } in this article
excerpts-only = Only the cited paragraphs of this article are shown ({ $shown } of { $total }).
excerpts-original = Read the whole article at the original address above.
more-cited-paragraphs = { $count } more cited paragraphs
cited-by-none = No claim in the dossier cites this { $source } yet.
source-capital = Source

## Lists, timeline, map, who stands where

timeline-approximate = Dates marked “c.” are approximate: the sources do not give them exactly.
map-intro = How { $pillars }, { $questions } and { $actors } are linked, one pair of kinds at a time: a line joins two items where one names the other. Every box is a link. Who says what, cell by cell: <a href="{ $stands }">who stands where</a>.
map-omitted = The { $count } least connected items are left out to keep the map legible.
map-panels = Map panels
map-panel = { $left } and { $right }
map-panel-label = { $title }: { $count } links
map-none = Nothing to draw yet: link { $actors } and { $questions } to { $pillars }.
stands-description = Where each of the { $actors } of { $title } stands on its { $pillars } and { $questions }, with citations.
stands-intro = Each row is one of the { $actors }; each cell, what the sources say of it on a { $pillar } or { $question }: its role <span class="role">(in italics)</span> or its position, with the paragraphs that report it. An empty cell means the dossier records nothing there. The same links, drawn: <a href="{ $map }">the map</a>.
stands-label = { $title }: { $rows } { $actors } against { $columns } { $pillars } and { $questions }
stands-none = No { $actor } has a role or a position yet: give { $pillars } their <code>actors:</code> and { $actors } their <code>positions:</code>.

## Search

search-label = Search titles, summaries, claims and the full text of every { $source }
search-more = More results
search-noscript = Search runs in your browser and needs JavaScript. Everything else on this site works without it: try the <a href="index.html">contents</a>.
# $category is the CLDR plural category of the number of results, $count and $query
# are filled in by search.js.
search-status = { $category ->
        [one] { $count } result
       *[other] { $count } results
    } for “{ $query }”

## Not found

not-found = Page not found
not-found-text = There is no page at this address in the dossier. It may have been renamed when the dossier was updated.
not-found-start = Go to the start of the dossier

## What changed

changes-heading = What changed since the last edition
edition-as-of = Edition { $n }, as of
changes-first = This is the first edition: there is no earlier one to compare it with.
changes-compared = Compared with edition { $n }: { $summary }.
changes-new-kind = New { $kinds }
changes-resolved = Questions resolved
changes-new-in-dossier = New in the dossier
changes-updated = Updated
changes-removed = Removed
changes-nothing = Nothing a reader sees changed.
editions = Editions
edition-n = Edition { $n },
changes-first-edition = first edition
changes-none = no change
changes-new-sources = { $count ->
        [one] { $count } new source
       *[other] { $count } new sources
    }
changes-new-items = { $count ->
        [one] { $count } new item
       *[other] { $count } new items
    }
changes-items-updated = { $count ->
        [one] { $count } item updated
       *[other] { $count } items updated
    }
changes-questions-resolved = { $count ->
        [one] { $count } question resolved
       *[other] { $count } questions resolved
    }
changes-items-removed = { $count ->
        [one] { $count } item removed
       *[other] { $count } items removed
    }
changes-judgments-changed = { $count ->
        [one] { $count } judgment changed
       *[other] { $count } judgments changed
    }
changed-renamed = renamed from “{ $title }”
changed-article = article revised
changed-text = text revised
changed-values = values revised
changed-status = status: { $from } → { $to }
changed-claims-added = { $added ->
        [one] { $added } claim added
       *[other] { $added } claims added
    }
changed-claims-removed = { $removed ->
        [one] { $removed } claim removed
       *[other] { $removed } claims removed
    }
changed-claims-revised = { $added ->
        [one] { $added } claim revised
       *[other] { $added } claims revised
    }
changed-claims-added-removed = { $added ->
        [one] { $added } claim added
       *[other] { $added } claims added
    }, { $removed } removed
changed-judgment-confidence = Key judgment { $n }: confidence { $from } → { $to }
changed-judgment-new = Key judgment { $n } is new or reworded: “{ $text }”
changed-judgments-withdrawn = { $count ->
        [one] { $count } key judgment withdrawn
       *[other] { $count } key judgments withdrawn
    }
feed-edition-title = Edition { $n }: { $summary }
feed-edition-summary = What changed in edition { $n } of { $title }: { $summary }.

## Print edition

print-title = { $title } (print edition)
print-intro = As of { $date }. Printed edition: bracketed numbers refer to the numbered references at the end, each a paragraph of a source.
contents = Contents
references = References
date = Date
place = Place
print-disagree = The sources disagree.
print-other-sources = Other { $sources }
print-other-note = Not cited by any claim, so not printed in full.

## Review queue (for editors)

review-queue = Review queue
review-intro = For editors: items whose last review is older than a source that they cite or that names them. Re-read the sources, update the item, and set its <code>reviewed</code> date.
item = Item
newer-sources = Newer sources
review-none = Nothing to review: every item was reviewed after the newest source that touches it.
names-heading = Names that match no { $actor }
names-intro = Capitalised names in the sources that no { $actor }'s name or alias covers, most frequent first: candidates for a new { $actor } or a missing alias.
names-none = Every name in the { $sources } belongs to a known { $actor }.

## Long lists continued on numbered pages (plan/paged.rs, more.html)
more-in-pages = { $count } more in { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    }
page-of = page { $page } of { $pages }
list-mentioned-in = { $title }: mentioned in
list-referenced-by = { $title }: referenced by
pages-nav = Pages
previous = Previous
next = Next
range-of = { $from }–{ $to } of { $total }
and-more-older = and { $count } older
and-more-listed = and { $count } more (the item's page lists them)
print-other-more = And { $count } more, newest first in the site's list of { $sources } (sources/index.html).
print-too-many = Too many { $sources } are cited to print them here: each reference quotes the words its claim relies on, and the site shows every { $source } in full.
