# Слова стандартної теми українською. Ідентифікатори ті самі, що в en.ftl; див.
# docs/content.md, розділ Languages.

## Назви розділів (типові значення `labels:`)

label-pillars = Опори
label-pillar = опора
label-pillars-intro = Складники теми, по порядку.
label-questions = Питання
label-open-questions = Відкриті питання
label-question = питання
label-questions-intro = Що не вирішено і що могло б це вирішити.
label-actors = Учасники
label-actor = учасник
label-actors-intro = Люди, держави й організації та їхні позиції.
label-events = Хронологія
label-event = подія
label-events-intro = Датовані події, від найдавніших.
label-figures = Дані
label-figure = показник
label-figures-intro = Величини, які наводять джерела, поруч.
label-sources = Джерела
label-source = джерело
label-sources-intro = Статті, на яких ґрунтується це досьє.
label-dossier = досьє
label-bottom-line = Головне
label-key-judgments = Ключові оцінки
label-indicators = За чим стежити
label-stands = Хто де стоїть

## Дати й числа

month-1 = січня
month-2 = лютого
month-3 = березня
month-4 = квітня
month-5 = травня
month-6 = червня
month-7 = липня
month-8 = серпня
month-9 = вересня
month-10 = жовтня
month-11 = листопада
month-12 = грудня
month-1-alone = січень
month-2-alone = лютий
month-3-alone = березень
month-4-alone = квітень
month-5-alone = травень
month-6-alone = червень
month-7-alone = липень
month-8-alone = серпень
month-9-alone = вересень
month-10-alone = жовтень
month-11-alone = листопад
month-12-alone = грудень
date-day = { $day } { $month } { $year }
date-month = { $month } { $year }
date-year = { $year }
date-approximate = бл. { $date }
date-unknown = дата невідома
figure-million = { $n } млн
figure-billion = { $n } млрд
list-separator = {", "}
as-is = { $text }

## Кожна сторінка

skip-to-content = Перейти до змісту
nav-sections = Розділи
map = Мапа
site-search = Пошук на сайті
search-the-dossier = Пошук у досьє
search = Пошук
footer-as-of = станом на
print-edition = Версія для друку
atom-feed = Стрічка Atom
feed-link-title = { $title }: джерела
breadcrumb = Навігаційний ланцюжок
home = Головна
on-this-page = На цій сторінці
on-this-page-colon = На цій сторінці:

## Твердження, цитати й посилання

source-paragraph = { $title }, абзац { $n }
claim-sources = { $count ->
        [one] { $count } джерело
        [few] { $count } джерела
        [many] { $count } джерел
       *[other] { $count } джерела
    }
claim-origins = , { $count ->
        [one] { $count } незалежне походження
        [few] { $count } незалежні походження
        [many] { $count } незалежних походжень
       *[other] { $count } незалежного походження
    } (деякі передають те саме повідомлення)
claim-confidence = впевненість: { $level ->
        [low] низька
        [moderate] помірна
        [high] висока
       *[other] { $level }
    }
no-citation = Без цитати
via-related-question = пов’язане { $question }
via = { $via ->
        [citation] цитата
        [indicator] індикатор
        [position] позиція
        [member] член
        [related] пов’язане
        [link] посилання
       *[other] { $via }
    }
referenced-by = Посилаються
more = ще { $count }
backlinks-none = На цю сторінку ще ніщо не посилається.
backlinks-none-else = На це { $source } більше ніщо не посилається.
updated-in-edition = Оновлено в цьому випуску
new-in-edition = Нове в цьому випуску
paragraph = Абзац { $n }
paragraph-lower = абзац { $n }
count-items = { $count ->
        [one] { $count } запис
        [few] { $count } записи
        [many] { $count } записів
       *[other] { $count } запису
    }
more-citing-paragraph = ще { $count }, що цитують абзац { $n }
reviewed = Перевірено
stale = <strong>Потребує перевірки:</strong> { $count ->
        [one] { $count } новіше джерело згадує
        [few] { $count } новіші джерела згадують
        [many] { $count } новіших джерел згадують
       *[other] { $count } новішого джерела згадують
    } це після перевірки { $date }:

## Кількості

count-sources = { $count ->
        [one] { $count } джерело
        [few] { $count } джерела
        [many] { $count } джерел
       *[other] { $count } джерела
    }
count-actors = { $count ->
        [one] { $count } учасник
        [few] { $count } учасники
        [many] { $count } учасників
       *[other] { $count } учасника
    }
count-questions = { $count ->
        [one] { $count } питання
        [few] { $count } питання
        [many] { $count } питань
       *[other] { $count } питання
    }
count-pillars = { $count ->
        [one] { $count } опора
        [few] { $count } опори
        [many] { $count } опор
       *[other] { $count } опори
    }
count-events = { $count ->
        [one] { $count } подія
        [few] { $count } події
        [many] { $count } подій
       *[other] { $count } події
    }
count-figures = { $count ->
        [one] { $count } показник
        [few] { $count } показники
        [many] { $count } показників
       *[other] { $count } показника
    }

## Статуси й види

status = { $value ->
        [agreed] погоджено
        [proposed] запропоновано
        [under-negotiation] на переговорах
        [disputed] спірне
        [open] відкрите
        [resolved] вирішене
       *[other] { $value }
    }
actor-kind = { $value ->
        [person] особа
        [state] держава
        [organisation] організація
       *[other] { $value }
    }

## Головна сторінка

as-of = Станом на
what-changed = Що змінилося
bears-on = Стосується:
bears-on-lower = стосується:
latest-sources = Останні { $sources }
publisher-unknown = видання невідоме
publisher-unknown-capital = Видання невідоме
recently-reviewed = Нещодавно перевірене
needs-review = потребує перевірки

## Сторінки записів

also-written = Інші написання:
positions = Позиції
position-on = Щодо
position-on-title = Щодо «{ $title }»:
members-of = Люди й органи: { $name }
related = Пов’язане
related-kind = Пов’язані { $kinds }
mentioned-in = Згадки
count-mentions = { $count ->
        [one] { $count } згадка
        [few] { $count } згадки
        [many] { $count } згадок
       *[other] { $count } згадки
    }
mentions-hidden = Лише в абзацах, яких цей сайт не показує.
mentions-hidden-original = Лише в абзацах, яких цей сайт не показує; посилання відкриває оригінал статті.
mentions-none = Жодне { $source } не називає «{ $name }» у жодному написанні.
key-points = Основні тези
role = Роль
why-it-matters = Чому це важливо
would-resolve = Що могло б це вирішити
would-resolve-colon = Що могло б це вирішити:
evidence = Докази
reported-by = Повідомляють
date-approximate-note = Дата приблизна: джерела не наводять її точно.
values = Значення
value = Значення
quote = Цитата
note = Примітка
figure-sources-disagree = <strong>{ $sources } розходяться:</strong> вони наводять різні числа.
figure-sources-agree = { $sources } погоджуються щодо цього.
figure-caption = Кожне джерело своїми словами
figure-caption-unit = Кожне джерело своїми словами ({ $unit })
figure-reports = { $count ->
        [one] { $count } повідомлення
        [few] { $count } повідомлення
        [many] { $count } повідомлень
       *[other] { $count } повідомлення
    }
figure-disagree = джерела розходяться
connections = Зв’язки
connections-label = «{ $title }» і пов’язане з ним: { $summary }
connections-omitted = І ще { $count } — перелічено вище.
connections-events = Події

## Сторінки джерел

text = Текст
cited-by = Цитують
publisher = Видання
unknown = Невідомо
published = Опубліковано
published-unknown = Невідомо: стаття не вказує дати
retrieved = Отримано
relays-heading = Передає
relays-not-independent = { $outlet } (не незалежне походження)
relays = передає { $outlet }
relaying = (передає { $outlet })
original = Оригінал
reliability = Надійність
reliability-colon = Надійність: { $text }
actors-in-article = { $actors } у цій статті
excerpts-only = Показано лише процитовані абзаци цієї статті ({ $shown } з { $total }).
excerpts-original = Повний текст — за оригінальною адресою вище.
more-cited-paragraphs = ще { $count } процитованих абзаців
cited-by-none = Жодне твердження досьє ще не цитує це { $source }.
source-capital = Джерело

## Списки, хронологія, мапа

timeline-approximate = Дати з позначкою «бл.» приблизні: джерела не наводять їх точно.
map-intro = Як пов’язані { $pillars }, { $questions } і { $actors }, по одній парі видів: лінія з’єднує два записи, якщо один називає інший. Кожен прямокутник — посилання. Хто що каже, клітинка за клітинкою: <a href="{ $stands }">хто де стоїть</a>.
map-omitted = { $count } найменш пов’язаних записів пропущено, щоб мапа лишалася читабельною.
map-panels = Панелі мапи
map-panel = { $left } і { $right }
map-panel-label = { $title }: зв’язків — { $count }
map-none = Поки нічого малювати: пов’яжіть { $actors } і { $questions } з розділом «{ $pillars }».
stands-description = Позиції, які займають { $actors } досьє «{ $title }» щодо розділів «{ $pillars }» і «{ $questions }», з цитатами.
stands-intro = Кожен рядок — один із розділу «{ $actors }»; кожна клітинка — що джерела кажуть про нього щодо теми ({ $pillar } чи { $question }): його роль <span class="role">(курсивом)</span> або позиція, з абзацами, які про це повідомляють. Порожня клітинка означає, що досьє нічого там не фіксує. Ті самі зв’язки на малюнку: <a href="{ $map }">мапа</a>.
stands-label = { $title }: рядків — { $rows }, стовпців — { $columns }
stands-none = Жоден запис розділу «{ $actors }» ще не має ролі чи позиції: додайте розділу «{ $pillars }» поле <code>actors:</code>, а розділу «{ $actors }» — <code>positions:</code>.

## Пошук

search-label = Пошук у назвах, підсумках, твердженнях і повних текстах джерел
search-more = Більше результатів
search-noscript = Пошук працює у вашому браузері й потребує JavaScript. Усе інше на сайті працює без нього: перегляньте <a href="index.html">зміст</a>.
search-status = { $category ->
        [one] { $count } результат
        [few] { $count } результати
        [many] { $count } результатів
       *[other] { $count } результату
    } за запитом «{ $query }»

## Сторінку не знайдено

not-found = Сторінку не знайдено
not-found-text = У досьє немає сторінки за цією адресою. Можливо, її перейменували під час оновлення досьє.
not-found-start = Перейти на початок досьє

## Що змінилося

changes-heading = Що змінилося від попереднього випуску
edition-as-of = Випуск { $n }, станом на
changes-first = Це перший випуск: порівнювати немає з чим.
changes-compared = Порівняно з випуском { $n }: { $summary }.
changes-new-kind = Нові: { $kinds }
changes-resolved = Вирішені питання
changes-new-in-dossier = Нове в досьє
changes-updated = Оновлено
changes-removed = Вилучено
changes-nothing = Нічого з того, що бачить читач, не змінилося.
editions = Випуски
edition-n = Випуск { $n },
changes-first-edition = перший випуск
changes-none = без змін
changes-new-sources = { $count ->
        [one] { $count } нове джерело
        [few] { $count } нові джерела
        [many] { $count } нових джерел
       *[other] { $count } нового джерела
    }
changes-new-items = { $count ->
        [one] { $count } новий запис
        [few] { $count } нові записи
        [many] { $count } нових записів
       *[other] { $count } нового запису
    }
changes-items-updated = { $count ->
        [one] { $count } запис оновлено
        [few] { $count } записи оновлено
        [many] { $count } записів оновлено
       *[other] { $count } запису оновлено
    }
changes-questions-resolved = { $count ->
        [one] { $count } питання вирішено
        [few] { $count } питання вирішено
        [many] { $count } питань вирішено
       *[other] { $count } питання вирішено
    }
changes-items-removed = { $count ->
        [one] { $count } запис вилучено
        [few] { $count } записи вилучено
        [many] { $count } записів вилучено
       *[other] { $count } запису вилучено
    }
changes-judgments-changed = { $count ->
        [one] { $count } оцінку змінено
        [few] { $count } оцінки змінено
        [many] { $count } оцінок змінено
       *[other] { $count } оцінки змінено
    }
changed-renamed = перейменовано з «{ $title }»
changed-article = статтю змінено
changed-text = текст змінено
changed-values = значення змінено
changed-status = статус: { $from } → { $to }
changed-claims-added = додано тверджень: { $added }
changed-claims-removed = вилучено тверджень: { $removed }
changed-claims-revised = змінено тверджень: { $added }
changed-claims-added-removed = додано тверджень: { $added }, вилучено: { $removed }
changed-judgment-confidence = Ключова оцінка { $n }: впевненість { $from } → { $to }
changed-judgment-new = Ключова оцінка { $n } нова або переформульована: «{ $text }»
changed-judgments-withdrawn = відкликано ключових оцінок: { $count }
feed-edition-title = Випуск { $n }: { $summary }
feed-edition-summary = Що змінилося у випуску { $n } досьє «{ $title }»: { $summary }.

## Версія для друку

print-title = { $title } (версія для друку)
print-intro = Станом на { $date }. Друкована версія: числа в дужках відсилають до пронумерованих посилань наприкінці, кожне — абзац джерела.
contents = Зміст
references = Посилання
date = Дата
place = Місце
print-disagree = Джерела розходяться.
print-other-sources = Інші { $sources }
print-other-note = Жодне твердження їх не цитує, тож повністю їх не надруковано.

## Черга перевірки (для редакторів)

review-queue = Черга перевірки
review-intro = Для редакторів: записи, остання перевірка яких старша за джерело, що їх цитує або називає. Перечитайте джерела, оновіть запис і вкажіть дату <code>reviewed</code>.
item = Запис
newer-sources = Новіші джерела
review-none = Нічого перевіряти: кожен запис перевірено після найновішого джерела, що його стосується.
names-heading = Імена, яких немає серед записів розділу «{ $actor }»
names-intro = Імена з великої літери в джерелах, яких не охоплює жодне ім’я чи псевдонім, найчастіші першими: кандидати на новий запис або пропущений псевдонім.
names-none = Кожне ім’я в джерелах належить відомому запису.

## Довгі списки на нумерованих сторінках
more-in-pages = Ще { $count } на { $pages ->
        [one] { $pages } сторінці
        [few] { $pages } сторінках
        [many] { $pages } сторінках
       *[other] { $pages } сторінках
    }
page-of = сторінка { $page } з { $pages }
list-mentioned-in = { $title }: згадки
list-referenced-by = { $title }: посилання
pages-nav = Сторінки
previous = Попередня
next = Наступна
range-of = { $from }–{ $to } з { $total }
and-more-older = і ще { $count } давніших
and-more-listed = і ще { $count } (усі — на сторінці матеріалу)
print-other-more = І ще { $count }, від найновіших, у переліку «{ $sources }» на сайті (sources/index.html).
print-too-many = Процитовано забагато матеріалів ({ $sources }), щоб надрукувати їх тут: кожне посилання наводить слова, на які спирається твердження, а сайт показує кожен матеріал ({ $source }) повністю.
