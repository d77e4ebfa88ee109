// Offline search for dossier sites. The index is scripts, so this works from file://
// with no network: a small manifest (search-index.js, loaded with the page) names the
// shards, and a search adds as <script> elements only the shards of its words and of the
// documents it shows (src/outputs/search/shards.rs says how they are cut). Results are
// built with DOM calls only: nothing from the index is ever parsed as HTML.
//
// Hand-written rather than a bundled library (MiniSearch, lunr): the index is built in
// Rust at build time as a plain inverted index (term -> documents and weights) cut into
// shards by term prefix, so nothing is indexed in the browser and a search at 50,000
// sources loads a few hundred KB; the folding and stemming are ours, written twice
// (terms.rs, terms.js) and tested against one table. MiniSearch or lunr would index in
// the browser on every load, or need their serialised format reproduced in Rust.
(function () {
  "use strict";
  var index = window.DOSSIER_SEARCH;
  var T = window.DossierTerms;
  var form = document.getElementById("search-page-form");
  var input = document.getElementById("search-page-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  if (!index || !index.shards || !T || !form || !input || !list) { return; }
  var root = form.getAttribute("data-root") || "";
  var own = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
  var keys = Object.keys(index.shards);
  var PAGE = 10;
  // Shards under a typed prefix are loaded for its completions only up to this many bytes
  // (a two-letter prefix of a large site would otherwise load a good part of the index).
  var PREFIX_BYTES = 100000;
  // While typing, shards are loaded only once the keys pause this long: every key changes
  // the words and the best hits, and each needs its own shards.
  var PAUSE_MS = 90;

  // Shards arrive as scripts that call DOSSIER_SEARCH.load(name, data).
  var loaded = {}, pending = {};
  index.load = function (name, data) { loaded[name] = data; };
  function shard(name) {
    if (!own(pending, name)) {
      pending[name] = new Promise(function (resolve) {
        var s = document.createElement("script");
        s.src = root + "static/search/" + name + ".js";
        s.onload = function () { resolve(loaded[name] || {}); };
        // A missing shard (a site half copied) finds nothing rather than stopping search.
        s.onerror = function () { resolve({}); };
        document.head.appendChild(s);
      });
    }
    return pending[name];
  }

  // The shard key a term belongs to: the longest key it begins with.
  function leaf(term) {
    for (var i = term.length; i >= 0; i--) { if (own(index.shards, term.slice(0, i))) { return term.slice(0, i); } }
    return null;
  }
  // Keys of the shards holding terms that begin with `word`, within the prefix budget.
  function prefixKeys(word) {
    var out = [], bytes = 0;
    if (word.length < 3) { return out; }
    keys.forEach(function (k) { if (k.length > word.length && k.lastIndexOf(word, 0) === 0) { out.push(k); bytes += index.shards[k][1]; } });
    return bytes <= PREFIX_BYTES ? out : [];
  }
  function load(keyList) {
    return Promise.all(keyList.filter(function (k) { return k !== null; }).map(function (k) { return shard(index.shards[k][0]); }));
  }

  // Postings: [id, weight, id, weight, ...], weight = occurrences * 2 + (1 if in the title).
  var DIGIT = {};
  "0123456789abcdefghijklmnopqrstuv".split("").forEach(function (c, i) { DIGIT[c] = i; });
  "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_".split("").forEach(function (c, i) { DIGIT[c] = 32 + i; });
  var decoded = {};
  function postings(term) {
    if (own(decoded, term)) { return decoded[term]; }
    var k = leaf(term), data = k === null ? null : loaded[index.shards[k][0]];
    var text = data && own(data, term) ? data[term] : null, out = null;
    if (text !== null) {
      out = [];
      var n = 0, id = 0, even = true;
      for (var i = 0; i < text.length; i++) {
        var d = DIGIT[text[i]];
        if (d >= 32) { n = n * 32 + d - 32; continue; }
        n = n * 32 + d;
        if (even) { id += n; out.push(id); } else { out.push(n); }
        even = !even; n = 0;
      }
    }
    decoded[term] = out;
    return out;
  }
  // Loaded terms beginning with `word` (the word being typed: "negotia" finds "negotiat").
  function completions(word, exact) {
    var out = [];
    [leaf(word)].concat(prefixKeys(word)).forEach(function (k) {
      var data = k === null ? null : loaded[index.shards[k][0]];
      if (!data) { return; }
      Object.keys(data).forEach(function (t) { if (t !== exact && t.lastIndexOf(word, 0) === 0) { out.push(t); } });
    });
    return out.sort().slice(0, 50);
  }

  // The hits of a query, best first: [{id, score}], every query word matched (AND).
  function search(qs) {
    var n = index.docs, scores = null;
    qs.forEach(function (q, qi) {
      var perDoc = {}, exact = T.stem(q);
      var terms = (postings(exact) ? [exact] : []).concat(qi === qs.length - 1 ? completions(q, exact) : []);
      terms.forEach(function (term) {
        var p = postings(term);
        if (!p) { return; }
        var idf = Math.log(1 + n / (p.length / 2));
        for (var i = 0; i < p.length; i += 2) {
          var tf = p[i + 1] >> 1;
          var s = idf * tf / (tf + 1.2) * (term === exact ? 1 : 0.7);
          // A word of the title counts more (once per query word).
          if (term === exact && (p[i + 1] & 1)) { s += 2; }
          perDoc[p[i]] = (perDoc[p[i]] || 0) + s;
        }
      });
      var next = {};
      Object.keys(perDoc).forEach(function (d) {
        if (scores === null || scores[d] !== undefined) { next[d] = (scores === null ? 0 : scores[d]) + perDoc[d]; }
      });
      scores = next;
    });
    var hits = Object.keys(scores || {}).map(function (d) { return { id: +d, score: scores[d] }; });
    hits.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    return hits;
  }

  // The shards a query needs: each word's stem, and the completions of the last word.
  function needed(qs) {
    var out = [];
    qs.forEach(function (q, qi) {
      out.push(leaf(T.stem(q)));
      if (qi === qs.length - 1) { out.push(leaf(q)); out = out.concat(prefixKeys(q)); }
    });
    return out;
  }

  function docShard(id) {
    var bits = index.bucketBits;
    return "d/" + (bits ? id >>> (32 - bits) : 0);
  }

  // Word-like runs of `text` with their places: [[word, start], ...].
  function runs(text) {
    var out = [], re = new RegExp(T.WORD.source, "gu"), m;
    while ((m = re.exec(text)) !== null) { out.push([m[0], m.index]); }
    return out;
  }

  // The best section of a document for the query (most query words found), as [text, anchor].
  function bestSection(doc, tests) {
    var best = [doc[3], ""], bestCount = 0;
    doc[4].forEach(function (section) {
      var anchor = "";
      var sep = section.indexOf("\u0001");
      if (sep >= 0) { anchor = "#p" + section.slice(0, sep); section = section.slice(sep + 1); }
      var ws = runs(section);
      var count = tests.filter(function (t) { return ws.some(function (w) { return t(w[0]); }); }).length;
      if (count > bestCount) { best = [section, anchor]; bestCount = count; }
    });
    return best;
  }

  // Appends `text` to `el` with every word the query matches wrapped in <mark>, cut to a window.
  function snippet(el, text, match) {
    var ws = runs(text), first = -1;
    for (var k = 0; k < ws.length; k++) { if (match(ws[k][0])) { first = ws[k][1]; break; } }
    var start = Math.max(0, first - 80), end = Math.min(text.length, start + 240);
    // Whole words at the cuts.
    while (start > 0 && /\S/.test(text[start - 1])) { start--; }
    while (end < text.length && /\S/.test(text[end])) { end++; }
    if (start > 0) { el.appendChild(document.createTextNode("…")); }
    var piece = text.slice(start, end), pos = 0;
    runs(piece).forEach(function (w) {
      if (!match(w[0])) { return; }
      el.appendChild(document.createTextNode(piece.slice(pos, w[1])));
      var mark = document.createElement("mark");
      mark.textContent = w[0];
      el.appendChild(mark);
      pos = w[1] + w[0].length;
    });
    el.appendChild(document.createTextNode(piece.slice(pos)));
    if (end < text.length) { el.appendChild(document.createTextNode("…")); }
  }

  var shown = { hits: [], words: [], query: "", count: 0 }, seq = 0;

  // Shows the next page of hits: loads their documents' shards, then appends them.
  function showMore(my) {
    var page = shown.hits.slice(shown.count, shown.count + PAGE);
    return Promise.all(page.map(function (h) { return shard(docShard(h.id)); })).then(function () {
      if (my !== seq) { return; }
      var last = shown.words.length - 1;
      var tests = shown.words.map(function (q, i) { return T.matcher(q, i === last); });
      var match = T.matcher(shown.query, true);
      // The page opened marks the query's words too (mark.js reads `q`).
      var q = "?q=" + encodeURIComponent(shown.query.trim());
      page.forEach(function (hit) {
        var data = loaded[docShard(hit.id)], doc = data && own(data, hit.id) ? data[hit.id] : null;
        if (!doc) { return; }
        var section = bestSection(doc, tests);
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = root + doc[1] + q + section[1];
        // Isolated, so a title in another direction (Arabic) does not pull the kind and
        // paragraph number after it out of order.
        var title = document.createElement("bdi");
        title.textContent = doc[0];
        a.appendChild(title);
        var kind = document.createElement("span");
        kind.className = "via";
        kind.textContent = " " + doc[2] + (section[1] ? " · ¶" + section[1].slice(2) : "");
        var p = document.createElement("p");
        p.className = "snippet";
        snippet(p, section[0], match);
        li.appendChild(a); li.appendChild(kind); li.appendChild(p);
        list.appendChild(li);
      });
      shown.count += page.length;
      if (more) { more.hidden = shown.count >= shown.hits.length; }
    });
  }

  function pause(ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); }

  // Shows the hits of `query`; `typing`: wait for a pause in the keys before loading documents.
  // "3 results for “q”" in the page's language: the form carries the sentence for each
  // CLDR plural category (data-status-one, -few, ...), with {n} and {q} to fill in.
  function said(n, query) {
    var cat = "other";
    try { cat = new Intl.PluralRules(document.documentElement.lang || "en").select(n); } catch (e) { cat = n === 1 ? "one" : "other"; }
    var key = "status" + cat.charAt(0).toUpperCase() + cat.slice(1);
    var text = form.dataset[key] || form.dataset.statusOther || "{n} · {q}";
    return text.replace("{n}", String(n)).replace("{q}", query);
  }

  function render(query, typing) {
    var my = ++seq;
    var qs = T.words(query);
    return (typing ? pause(PAUSE_MS) : Promise.resolve()).then(function () {
      return my === seq ? load(needed(qs)) : null;
    }).then(function () {
      if (my !== seq) { return; }
      var hits = qs.length ? search(qs) : [];
      shown = { hits: hits, words: qs, query: query, count: 0 };
      while (list.firstChild) { list.removeChild(list.firstChild); }
      if (more) { more.hidden = true; }
      return showMore(my).then(function () {
        if (my !== seq) { return; }
        status.textContent = query.trim() ? said(hits.length, query.trim()) : "";
      });
    });
  }

  if (more) { more.addEventListener("click", function () { showMore(seq); }); }
  form.addEventListener("submit", function (e) { e.preventDefault(); render(input.value, false); });
  input.addEventListener("input", function () { render(input.value, true); });
  // Arrow keys move between the box and the results.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") { return; }
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (document.activeElement !== input && at < 0) { return; }
    e.preventDefault();
    if (e.key === "ArrowDown") { (links[at + 1] || links[0] || input).focus(); }
    else if (at <= 0) { input.focus(); } else { links[at - 1].focus(); }
  });
  var q = new URLSearchParams(window.location.search).get("q") || "";
  input.value = q;
  if (q) { render(q, false); }
  input.focus();
}());
